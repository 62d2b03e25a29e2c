package wording

import (
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
)

func TestBlockerMessage(t *testing.T) {
	cases := []struct {
		name string
		bl   assess.Blocker
		want string
	}{
		{"short", assess.Blocker{Kind: "experience", Fact: "years_security", Name: "Years in security", Unit: "years", Need: 5, Have: 3, Months: 24},
			"Years in security: needs 5 years, you have 3 (2 short, about 24 months at the earliest)."},
		{"short by a fraction", assess.Blocker{Kind: "experience", Name: "Years leading people", Unit: "years", Need: 3, Have: 2.25, Months: 9},
			"Years leading people: needs 3 years, you have 2.25 (0.8 short, about 9 months at the earliest)."},
		{"no unit", assess.Blocker{Kind: "experience", Name: "Board exposure", Need: 1, Months: 12},
			"Board exposure: needs 1, you have 0 (1 short, about 12 months at the earliest)."},
		{"not answered", assess.Blocker{Kind: "experience", Name: "Years in security", Unit: "years", Need: 5, NotAnswered: true},
			"Years in security: needs 5 years, not answered."},
		{"not asked", assess.Blocker{Kind: "experience", Name: "Years in security", Unit: "years", Need: 5, NotAsked: true},
			"Years in security: needs 5 years; not asked in quick mode: run the full assessment."},
		{"one certification", assess.Blocker{Kind: "certification", OneOf: []string{"CISM"}},
			"Employers usually expect one of CISM; none is recorded."},
		{"three certifications", assess.Blocker{Kind: "certification", OneOf: []string{"CISSP", "CISM", "CCISO"}},
			"Employers usually expect one of CISSP, CISM or CCISO; none is recorded."},
	}
	for _, c := range cases {
		if got := BlockerMessage(c.bl); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCalibration(t *testing.T) {
	cases := []struct {
		name string
		c    assess.Calibration
		want string
	}{
		{"over the scenarios", assess.Calibration{Name: "Risk management", Self: 4, Evidence: 2.33, Against: "judgement", Over: true},
			"You rated yourself 4.0 in Risk management, but your scenario answers point to 2.3. Bring a concrete example to your mentor: which is closer to what you have done?"},
		{"under the scenarios", assess.Calibration{Name: "Incident response", Self: 1, Evidence: 3.5, Against: "judgement"},
			"Your scenario choices in Incident response (3.5) are ahead of the work you rated (1.0): you know what good looks like. The level counts what you have done, so look for a chance to do it; if you have done more than you rated, show your mentor the evidence."},
		{"over the facts", assess.Calibration{Name: "Budget", Self: 4.5, Evidence: 2, Against: "facts", Over: true},
			"You rated yourself 4.5 in Budget, but your experience answers (team, budget, incidents or board exposure) support about 2. Until a mentor has seen the work, secpath counts it as unverified."},
	}
	for _, c := range cases {
		if got := Calibration(c.c); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestMentorDifference(t *testing.T) {
	cases := []struct {
		name string
		d    assess.MentorDifference
		want string
	}{
		{"mentor sees more", assess.MentorDifference{Name: "Governance", Self: 2, Mentor: 4, MentorName: "Dana"},
			"Governance: Dana sees 4.0 where your answers give 2.0. Write down the evidence Dana has seen."},
		{"mentor sees less", assess.MentorDifference{Name: "Cloud security", Self: 3.75, Mentor: 2.5, MentorName: "Dana"},
			"Cloud security: Dana sees 2.5 where your answers give 3.8. Agree what work would show the higher level."},
		{"no name", assess.MentorDifference{Name: "Governance", Self: 1, Mentor: 3},
			"Governance: your mentor sees 3.0 where your answers give 1.0. Write down the evidence your mentor has seen."},
	}
	for _, c := range cases {
		if got := MentorDifference(c.d); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCertMessage(t *testing.T) {
	years := &assess.Blocker{Kind: "experience", Name: "Years in security", Unit: "years", Need: 5, Have: 4, Months: 12}
	cases := []struct {
		name string
		st   assess.CertStatus
		want string
	}{
		{"held since", assess.CertStatus{Abbr: "CISM", Status: assess.StatusHeld, Year: 2019, Maintenance: "20 CPE hours a year"},
			"CISM held since 2019. Keep it current: 20 CPE hours a year."},
		{"held, no year", assess.CertStatus{Abbr: "CISM", Status: assess.StatusHeld, Maintenance: "Renew every three years. "},
			"CISM held. Keep it current: Renew every three years."},
		{"held, nothing more", assess.CertStatus{Abbr: "CA", Status: assess.StatusHeld}, "CA held."},
		{"exam only", assess.CertStatus{Abbr: "Sec+", Status: assess.StatusMeetsRule, ExamOnly: true, RuleVersion: "SY0-701", RuleDate: "2023-11-07"},
			"Sec+ asks for no experience: you can sit the exam."},
		{"meets with a waiver", assess.CertStatus{Abbr: "CISSP", Body: "ISC2", Status: assess.StatusMeetsRule, RuleVersion: "Outline 2024", RuleDate: "2024-04-15", RuleChecked: "2026-12-01", Waiver: 1},
			"Your answers appear to meet ISC2's experience rule. Confirm with ISC2 before you apply. This counts a waiver of 1 year."},
		{"meets on a route", assess.CertStatus{Abbr: "CA", Body: "Body A", Status: assess.StatusMeetsRule, RuleVersion: "v1", Route: "after the official training"},
			"Your answers appear to meet Body A's experience rule (the route after the official training). Confirm with Body A before you apply."},
		{"not yet", assess.CertStatus{Abbr: "CA", Status: assess.StatusNotYet, RuleVersion: "v1", Alternative: "Sit the exam first", Shortfalls: []assess.Shortfall{
			{Kind: assess.ShortRequires, OneOf: []string{"CISSP", "CCSP"}},
			{Kind: assess.ShortExperience, Experience: years},
			{Kind: assess.ShortDomains, Covered: 1, Domains: 4, Need: 3},
			{Kind: assess.ShortDomain, OneOf: []string{"d1", "d2"}},
		}}, "Not yet: It is awarded only to holders of CISSP or CCSP, which your answers do not list. " +
			"Years in security: needs 5 years, you have 4 (1 short, about 12 months at the earliest). " +
			"Your answers suggest experience across 1 of its 4 domains; the rule asks for 3. " +
			"The experience must include one of its domains d1 or d2. Another route: Sit the exam first."},
	}
	cases = append(cases, struct {
		name string
		st   assess.CertStatus
		want string
	}{"meets with a waiver of two years", assess.CertStatus{Abbr: "CISM", Body: "ISACA", Status: assess.StatusMeetsRule, Waiver: 2},
		"Your answers appear to meet ISACA's experience rule. Confirm with ISACA before you apply. This counts a waiver of 2 years."})
	for _, c := range cases {
		if got := CertMessage(c.st); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
		// The rule's provenance stays in CertRule, for --explain and the JSON.
		if c.st.RuleVersion != "" && !strings.Contains(CertRule(c.st), c.st.RuleVersion) {
			t.Errorf("%s: CertRule %q does not name the version", c.name, CertRule(c.st))
		}
	}
}
