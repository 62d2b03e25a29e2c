package wording

import (
	"testing"

	"github.com/secpath/secpath/assess"
)

func TestReason(t *testing.T) {
	years := assess.Blocker{Kind: "experience", Name: "Years in security", Unit: "years", Need: 5, Have: 1, Months: 48}
	cert := assess.Blocker{Kind: "certification", OneOf: []string{"CISSP", "CISM"}}
	you := &assess.DimensionScores{TechnicalDepth: 3.33, StrategicBreadth: 2.21, Leadership: 3.25}
	role := &assess.DimensionScores{TechnicalDepth: 3, StrategicBreadth: 4, Leadership: 4.5}
	cases := []struct {
		name string
		r    assess.Reason
		want string
	}{
		{"nothing answered", assess.Reason{Kind: assess.ReasonNothing},
			"No recommendation yet: nothing is answered. Answer the questions and secpath will say where you stand and what to do next."},
		{"start named by id", assess.Reason{Kind: assess.ReasonStartNamed, Role: "IT Security Manager", Readiness: 64.9, Fit: 63.7},
			"Starting point: IT Security Manager, your current role (readiness 65%, fit 64%)."},
		{"start named in words", assess.Reason{Kind: assess.ReasonStartNamed, Role: "IT Security Manager", Named: "Head of Security, EMEA", Readiness: 40, Fit: 52},
			`Starting point: IT Security Manager, your current role "Head of Security, EMEA" (readiness 40%, fit 52%).`},
		{"start performing", assess.Reason{Kind: assess.ReasonStartPerforming, Role: "SOC Manager", Family: "security", Readiness: 89.5, Fit: 87.9},
			"Starting point: SOC Manager, the most senior security role you appear to work at: readiness 90% (from 80%), no essential target a level short, experience minimums met."},
		{"start other field", assess.Reason{Kind: assess.ReasonStartOther, Role: "Privacy Officer", Unmatched: "Counsel", Family: "it", RoleFamily: "privacy", Readiness: 20, Fit: 15},
			`Starting point: Privacy Officer (your current role "Counsel" names none of the bank's roles): no IT role is open to you yet on experience, and Privacy Officer is where the privacy path starts (readiness 20%, fit 15%).`},
		{"start best fit, no field", assess.Reason{Kind: assess.ReasonStartBest, Role: "Security Analyst", Readiness: 30, Fit: 41},
			"Starting point: Security Analyst, the role that fits you best to start from (readiness 30%, fit 41%)."},
		{"unknown target", assess.Reason{Kind: assess.ReasonUnknownTarget, Target: "cto"},
			`The target "cto" is not a role in this bank, so it was ignored.`},
		{"grow, path end", assess.Reason{Kind: assess.ReasonGrowPathEnd, Role: "CISO", Readiness: 81, Fit: 77},
			"Next step: grow in CISO (readiness 81%, fit 77%): it is already where your path leads."},
		{"grow below the move", assess.Reason{Kind: assess.ReasonGrowBelowMove, Role: "Engineer", Readiness: 62.5},
			"Next step: grow in Engineer first: you meet 62% of it, and secpath suggests a move from 70%."},
		{"grow, unverified", assess.Reason{Kind: assess.ReasonGrowUnverified, Role: "Engineer", Readiness: 75, Names: []string{"Risk", "Cloud"}},
			"Next step: grow in Engineer (readiness 75%) until a mentor has seen the work: its essential targets in Risk, Cloud rest on self-ratings your scenario answers or experience do not support."},
		{"grow, top", assess.Reason{Kind: assess.ReasonGrowTop, Role: "CISO", Readiness: 90},
			"Next step: grow in CISO (readiness 90%): it is at the top of its path."},
		{"grow beyond the horizon", assess.Reason{Kind: assess.ReasonGrowBeyond, Role: "Engineer", Readiness: 100, Towards: "Manager", Months: 48, Blockers: []assess.Blocker{years, cert}},
			"Next step: grow in Engineer (readiness 100%) and work towards Manager, the next role on your path: it needs about 48 more months of experience (Years in security: needs 5 years, you have 1 (4 short, about 48 months at the earliest). Employers usually expect one of CISSP or CISM; none is recorded.), beyond this plan's 24 months."},
		{"field start", assess.Reason{Kind: assess.ReasonFieldStart, Role: "Privacy Analyst", Readiness: 35, Fit: 30, From: "Engineer", Towards: "CPO", RoleFamily: "privacy"},
			"Next step: Privacy Analyst, readiness 35%, fit 30%: no path on the role map leads from Engineer to CPO, and Privacy Analyst is where the privacy path starts."},
		{"move on the path", assess.Reason{Kind: assess.ReasonMove, Role: "Manager", Readiness: 60.9, Fit: 55, From: "Engineer", FromReadiness: 100, Towards: "CISO", OnPath: true,
			Open: []assess.RoleReadiness{{Title: "Architect", Readiness: 58.4}, {Title: "SOC Manager", Readiness: 41}}},
			"Next step: Manager, readiness 61%, fit 55% (you meet 100% of Engineer today), on the path from Engineer to CISO (also open: Architect 58%, SOC Manager 41%)."},
		{"move off the path", assess.Reason{Kind: assess.ReasonMove, Role: "Manager", Readiness: 50, Fit: 45, From: "Engineer", FromReadiness: 80, Towards: "DPO"},
			"Next step: Manager, readiness 50%, fit 45% (you meet 80% of Engineer today); no path on the role map leads from Engineer to DPO."},
		{"close first", assess.Reason{Kind: assess.ReasonCloseFirst, Role: "Engineer", Gaps: []assess.Gap{{Name: "Cloud", Current: 1.5, Target: 3}, {Name: "Risk", Current: 0, Target: 2}}},
			"Close first: Cloud 1.5 of 3; Risk 0.0 of 2."},
		{"long-term", assess.Reason{Kind: assess.ReasonLongTerm, Role: "CISO", Readiness: 51.2, Fit: 49.6, Family: "security", RoleFamily: "security",
			Gaps: []assess.Gap{{Name: "Board reporting", Current: 1.25, Target: 4, Weight: 2.5}}},
			"Long-term: CISO, readiness 51% and fit 50% today; its largest gap is Board reporting (1.2 against a target of 4, weight 2.5)."},
		{"long-term target in another field", assess.Reason{Kind: assess.ReasonLongTerm, Role: "CIO", Readiness: 20, Fit: 18, YourTarget: true, Family: "security", RoleFamily: "it"},
			"Long-term: CIO, your target, readiness 20% and fit 18% today (a move into IT from the security field you are in today)."},
		{"long-term target in the field", assess.Reason{Kind: assess.ReasonLongTerm, Role: "CISO", Readiness: 30, Fit: 28, YourTarget: true, Family: "security", RoleFamily: "security"},
			"Long-term: CISO, your target, readiness 30% and fit 28% today."},
		{"long-term blocked", assess.Reason{Kind: assess.ReasonLongBlocked, Role: "CISO", Blockers: []assess.Blocker{years}},
			"CISO is blocked for now: Years in security: needs 5 years, you have 1 (4 short, about 48 months at the earliest)."},
		{"placement, depth", assess.Reason{Kind: assess.ReasonPlacement, Role: "CISO", You: you, Profile: role, Shape: assess.ShapeDepth},
			"Placement: technical depth 3.3, strategic breadth 2.2, leadership 3.2: your strength is technical depth; CISO asks for 3.0, 4.0 and 4.5."},
		{"placement, breadth", assess.Reason{Kind: assess.ReasonPlacement, Role: "CISO", You: role, Profile: role, Shape: assess.ShapeBreadth},
			"Placement: technical depth 3.0, strategic breadth 4.0, leadership 4.5: your strength is strategic breadth; CISO asks for 3.0, 4.0 and 4.5."},
		{"placement, balanced", assess.Reason{Kind: assess.ReasonPlacement, Role: "CISO", You: role, Profile: role, Shape: assess.ShapeBalanced},
			"Placement: technical depth 3.0, strategic breadth 4.0, leadership 4.5: depth and breadth are balanced; CISO asks for 3.0, 4.0 and 4.5."},
		{"before the next step", assess.Reason{Kind: assess.ReasonBefore, Role: "Manager", Blockers: []assess.Blocker{cert}},
			"Before Manager: Employers usually expect one of CISSP or CISM; none is recorded."},
		{"one unverified", assess.Reason{Kind: assess.ReasonUnverified, Count: 1},
			"One of your self-ratings sits above what your scenario answers or experience support; the figures count them at the supported level until a mentor has seen the work."},
		{"several unverified", assess.Reason{Kind: assess.ReasonUnverified, Count: 4},
			"4 of your self-ratings sit above what your scenario answers or experience support; the figures count them at the supported level until a mentor has seen the work."},
		{"over-claim pattern", assess.Reason{Kind: assess.ReasonUnverified, Count: 6, Pattern: true},
			"6 of your self-ratings sit above what your scenario answers or experience support. That is most of the ratings your scenarios check, so the figures count each at what your scenario answers show, without the allowance for a sound second-best answer, until a mentor has seen the work."},
	}
	for _, c := range cases {
		if got := Reason(c.r); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
	if got := Rationale([]assess.Reason{{Kind: assess.ReasonNothing}, {Kind: assess.ReasonUnknownTarget, Target: "x"}}); len(got) != 2 || got[1] != `The target "x" is not a role in this bank, so it was ignored.` {
		t.Errorf("Rationale: %q", got)
	}
}
