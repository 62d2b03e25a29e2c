package assess

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// planBank is testBank with actions for lead1 and strat1 (none for strat2,
// so a goal without bank actions is exercised too).
func planBank() *Bank {
	b := testBank()
	act := func(id, comp string, from, to int, cat Category, weeks, hours int) Action {
		return Action{ID: id, Competency: comp, From: from, To: to, Category: cat, Title: "Do " + id, Evidence: "Proof of " + id + ".", DurationWeeks: weeks, EffortHours: hours}
	}
	b.Actions = []Action{
		act("lead-exp-a", "lead1", 0, 2, Experience, 8, 20),
		act("lead-exp-b", "lead1", 2, 3, Experience, 4, 10),
		act("lead-expo", "lead1", 0, 3, Exposure, 12, 5),
		act("lead-edu", "lead1", 0, 1, Education, 2, 5),
		act("strat-exp", "strat1", 2, 3, Experience, 6, 10),
		act("strat-edu", "strat1", 0, 3, Education, 3, 10),
	}
	return b
}

var planStart = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func TestBuildPlanGoalsActionsAndDates(t *testing.T) {
	b := planBank()
	// tech1 = 4, strat1 = 2: the next role is mgr, whose gaps are lead1
	// (0→3, priority 6) and strat1 (2→3, priority 3); a third goal comes
	// from the long-term role's gaps: strat2 (0→4).
	p, err := BuildPlan(b, answers(map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}}), PlanOptions{Start: planStart})
	if err != nil {
		t.Fatal(err)
	}
	if p.Role.ID != "mgr" || p.LongTerm.ID != "ciso" || p.Start.String() != "2026-12-01" {
		t.Fatalf("plan for %s / %s from %s", p.Role.ID, p.LongTerm.ID, p.Start)
	}
	var comps []string
	for _, g := range p.Goals {
		comps = append(comps, g.Competency)
	}
	if strings.Join(comps, ",") != "lead1,strat1,strat2" {
		t.Fatalf("goals: %v", comps)
	}
	// Goal 1: exposure and study start at once; the two on-the-job steps
	// follow a fortnight later, one after the other.
	type row struct{ id, start, due string }
	want := []row{
		{"lead-expo", "2026-12-01", "2027-02-23"},
		{"lead-edu", "2026-12-01", "2026-12-15"},
		{"lead-exp-a", "2026-12-15", "2027-02-09"},
		{"lead-exp-b", "2027-02-09", "2027-03-09"},
	}
	g1 := p.Goals[0]
	if len(g1.Actions) != len(want) {
		t.Fatalf("goal 1 actions: %+v", g1.Actions)
	}
	for i, w := range want {
		a := g1.Actions[i]
		if a.ID != w.id || a.Start.String() != w.start || a.Due.String() != w.due {
			t.Errorf("goal 1 action %d: got %s %s→%s, want %s %s→%s", i, a.ID, a.Start, a.Due, w.id, w.start, w.due)
		}
	}
	if g1.Due.String() != "2027-03-09" || !strings.HasPrefix(g1.Statement, "By 9 March 2027, raise LEAD1 from 0.0 to 3") {
		t.Errorf("goal 1: due %s, %q", g1.Due, g1.Statement)
	}
	if !strings.Contains(g1.Measure, "Proof of lead-exp-a; Proof of lead-exp-b") {
		t.Errorf("goal 1 measure: %q", g1.Measure)
	}
	// Goal 2 starts half a month later.
	g2 := p.Goals[1]
	if g2.Actions[0].ID != "strat-edu" || g2.Actions[0].Start.String() != "2026-12-16" || g2.Due.String() != "2027-02-10" {
		t.Errorf("goal 2: %+v due %s", g2.Actions, g2.Due)
	}
	// Goal 3 has no actions in the bank: 6 months a level, from its start.
	if g3 := p.Goals[2]; len(g3.Actions) != 0 || g3.Due.String() != "2028-12-31" {
		t.Errorf("goal 3: %+v due %s", g3.Actions, g3.Due)
	}
	// 70-20-10: hours 40 on the job, 5 through others, 15 in study.
	bal := map[Category]Balance{}
	for _, x := range p.Balance {
		bal[x.Category] = x
	}
	if bal[Experience].Hours != 40 || bal[Experience].Percent != 67 || bal[Exposure].Percent != 8 || bal[Education].Actions != 2 {
		t.Errorf("balance: %+v", p.Balance)
	}
	// Estimate: 4 levels across 2 gaps, the largest 3: max(3, 4/3) × 3..6.
	if p.Estimate.MinMonths != 9 || p.Estimate.MaxMonths != 18 {
		t.Errorf("estimate: %+v", p.Estimate)
	}
	// Timeline: phases cover the dated items in order.
	if len(p.Timeline) != 4 || p.Timeline[0].From.String() != "2026-12-01" || p.Timeline[0].To.String() != "2027-02-28" {
		t.Fatalf("timeline: %+v", p.Timeline)
	}
	if !strings.Contains(strings.Join(p.Timeline[1].Items, "\n"), "goal 1 due") {
		t.Errorf("goal 1 due not in the 6-month phase: %v", p.Timeline[1].Items)
	}
	// Check-ins: monthly for a year, quarterly for two.
	monthly, quarterly := 0, 0
	for _, c := range p.CheckIns {
		if c.Kind == "monthly" {
			monthly++
		} else {
			quarterly++
		}
	}
	if monthly != 8 || quarterly != 8 || p.CheckIns[0].Date.String() != "2027-01-01" {
		t.Errorf("check-ins: %d monthly, %d quarterly, first %s", monthly, quarterly, p.CheckIns[0].Date)
	}
	// The certification the role expects is on the roadmap with its rule.
	if len(p.Certifications) != 1 || p.Certifications[0].ID != "cert-a" || !strings.Contains(p.Certifications[0].Why, "Employers usually expect one of CA") {
		t.Errorf("certifications: %+v", p.Certifications)
	}
}

func TestPlanIsDeterministic(t *testing.T) {
	b := planBank()
	a := answers(map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}, "n-years": {Number: fp(2)}})
	var outs []string
	for i := 0; i < 3; i++ {
		p, err := BuildPlan(b, a, PlanOptions{Start: planStart})
		if err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(p)
		outs = append(outs, string(data))
	}
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Error("the same answers and start gave different plans")
	}
}

func TestPlanWhatIf(t *testing.T) {
	b := planBank()
	a := answers(map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}, "n-years": {Number: fp(2)}})
	base, _ := BuildPlan(b, a, PlanOptions{Start: planStart, Role: "mgr"})
	var asm []Assumption
	for _, s := range []string{"lead1=3", "cert=cert-a", "n-years=6"} {
		x, err := ParseAssumption(b, s)
		if err != nil {
			t.Fatal(err)
		}
		asm = append(asm, x)
	}
	p, _ := BuildPlan(b, a, PlanOptions{Start: planStart, Role: "mgr", Assumptions: asm})
	// mgr: lead1 now meets 3: readiness (2·4 + 3·2 + 2·3) / 23 = 87.0.
	if base.Role.Readiness != 60.9 || p.Role.Readiness != 87 {
		t.Errorf("readiness: %v then %v", base.Role.Readiness, p.Role.Readiness)
	}
	if len(p.Blockers) != 0 || len(base.Blockers) != 2 {
		t.Errorf("blockers: %v then %v", base.Blockers, p.Blockers)
	}
	if strings.Join(p.Assumed, "; ") != "LEAD1 is at level 3; you hold CA; Years in security: 6 years" {
		t.Errorf("assumed: %q", p.Assumed)
	}
	if p.Goals[0].Competency == "lead1" {
		t.Error("an assumed level still shows as a gap")
	}
}

func TestParseAssumptionErrors(t *testing.T) {
	b := planBank()
	cases := map[string]string{
		"cert":              "write KEY=VALUE",
		"cert=cert-z":       `unknown certification "cert-z" (did you mean "cert-a"?)`,
		"lead1=7":           "a competency level is a number from 0 to 5",
		"degree=maybe":      "degree is yes or no",
		"years_security=-1": "is a number of years",
		"strat3=2":          `"strat3" is not cert, a competency or a fact (did you mean "strat1"?)`,
	}
	for in, want := range cases {
		if _, err := ParseAssumption(b, in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", in, err, want)
		}
	}
}

func TestBuildPlanUnknownRole(t *testing.T) {
	if _, err := BuildPlan(planBank(), answers(nil), PlanOptions{Role: "mgrr", Start: planStart}); err == nil || !strings.Contains(err.Error(), `unknown role "mgrr" (did you mean "mgr"?)`) {
		t.Errorf("got %v", err)
	}
}

func TestPlanUsesTheMentorsRatings(t *testing.T) {
	b := planBank()
	a := answers(map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}})
	four := 4
	a.Mentor = &MentorView{Name: "Dana", Ratings: map[string]MentorRating{"r-strat1": {Level: &four, Notes: "runs the register"}},
		Gaps: []AgreedGap{{Role: "mgr", Competency: "lead1", Matters: false}}}
	p, err := BuildPlan(b, a, PlanOptions{Start: planStart})
	if err != nil {
		t.Fatal(err)
	}
	// strat1 is 4 on the mentor's rating (2 on the answers), so only lead1
	// remains for mgr, and it was agreed not to matter now: the goals come
	// from the long-term role (ciso): strat2, then strat1 (4 → 5).
	if p.Basis != BasisMentor || !strings.HasPrefix(p.Rationale[0], "Levels use Dana's ratings wherever Dana gave one") {
		t.Fatalf("basis %s, rationale %q", p.Basis, p.Rationale[0])
	}
	if p.Result.Level("strat1") != 4 {
		t.Errorf("strat1 on the mentor's basis: %v", p.Result.Level("strat1"))
	}
	for _, g := range p.Goals {
		if g.Competency == "lead1" {
			t.Error("a gap agreed not to matter became a goal")
		}
	}
	if p.Mentor == nil || len(p.Mentor.Notes) != 1 || p.Mentor.Notes[0].Notes != "runs the register" || len(p.Mentor.Agreed) != 1 || p.Mentor.SignOff.Signed {
		t.Errorf("mentor part: %+v", p.Mentor)
	}
	// Asked for the mentee's own basis, the plan says nothing of the mentor's ratings.
	self, _ := BuildPlan(b, a, PlanOptions{Start: planStart, Basis: BasisSelf})
	if self.Basis != BasisSelf || strings.Contains(self.Rationale[0], "Dana") || self.Result.Level("strat1") != 2 {
		t.Errorf("self basis: %s %q %v", self.Basis, self.Rationale[0], self.Result.Level("strat1"))
	}
}
