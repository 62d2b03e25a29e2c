package assess

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// planBank is testBank with actions for lead1 and strat1 (none for strat2,
// so a goal without bank actions is exercised too), two of them for a
// senior role only: lead-exp-board (seniority 7) is the only on-the-job
// action for lead1's step 1→2, and strat-exp-senior (6) comes before
// strat-exp in the bank, for the same step.
func planBank() *Bank {
	b := testBank()
	act := func(id, comp string, from, to int, cat Category, weeks, hours, seniority int) Action {
		return Action{ID: id, Competency: comp, From: from, To: to, Category: cat, Title: "Do " + id, Evidence: "Proof of " + id + ".",
			DurationWeeks: weeks, EffortHours: hours, MinSeniority: seniority}
	}
	b.Actions = []Action{
		act("lead-exp-a", "lead1", 0, 2, Experience, 8, 20, 0),
		act("lead-exp-board", "lead1", 1, 2, Experience, 4, 15, 7),
		act("lead-exp-b", "lead1", 2, 3, Experience, 4, 10, 0),
		act("lead-expo", "lead1", 0, 3, Exposure, 12, 5, 0),
		act("lead-edu", "lead1", 0, 1, Education, 2, 5, 0),
		act("strat-exp-senior", "strat1", 2, 3, Experience, 6, 10, 6),
		act("strat-exp", "strat1", 2, 3, Experience, 6, 10, 0),
		act("strat-edu", "strat1", 0, 3, Education, 3, 10, 0),
		act("strat-year", "strat1", 2, 3, Experience, 30, 10, 0), // longer than a step: never chosen
	}
	return b
}

var planStart = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// managerAnswers rate tech1 4 and strat1 2. The person stands at eng
// (62.5%, under the 70% from which secpath suggests a move), so the plans
// below ask for mgr explicitly: its gaps are lead1 (0 of 3, weight 2,
// priority 6) and strat1 (2 of 3, weight 3, priority 3); a third goal
// comes from the long-term role's gaps (ciso): strat2 (0 of 4).
func managerAnswers(extra map[string]Answer) *Answers {
	// A team of none: lead1 is shown at 0 by an answer, not left open
	// (a gap no answer shows ranks last, see TestGapPriority).
	items := map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}, "n-team": {Number: fp(0)}}
	for k, v := range extra {
		items[k] = v
	}
	return answers(items)
}

func mustPlan(t *testing.T, b *Bank, a *Answers, opts PlanOptions) *Plan {
	t.Helper()
	if opts.Start.IsZero() {
		opts.Start = planStart
	}
	p, err := BuildPlan(b, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	checkPlanRules(t, b, p)
	return p
}

// checkPlanRules holds every plan to its own rules: a goal is one level
// step; its later steps follow one after another up to the target; every
// step not agreed with a mentor is due 3 to 6 months after it starts;
// every action serves one of its goal's steps and lies within its dates;
// every timeline item is in the phase its date falls in.
func checkPlanRules(t *testing.T, b *Bank, p *Plan) {
	t.Helper()
	for _, g := range p.Goals {
		if g.To != g.From+1 || g.From != stepFrom(g.Current, g.Target) {
			t.Errorf("goal %d asks for %d → %d from %.1f", g.N, g.From, g.To, g.Current)
		}
		steps := g.Steps()
		if last := steps[len(steps)-1]; last.To != g.Target {
			t.Errorf("goal %d: the steps end at %d, not the target %d", g.N, last.To, g.Target)
		}
		window := map[string]GoalStep{}
		for i, s := range steps {
			if s.To != s.From+1 || (i > 0 && (s.From != steps[i-1].To || !s.Start.Equal(steps[i-1].Due.Time))) {
				t.Errorf("goal %d step %d: %d → %d from %s does not follow on", g.N, i, s.From, s.To, s.Start)
			}
			lo, hi := day(s.Start.AddDate(0, MonthsPerLevelLow, 0)), day(s.Start.AddDate(0, MonthsPerLevelHigh, 0))
			if !(i == 0 && g.Agreed) && (s.Due.Before(lo.Time) || s.Due.After(hi.Time)) {
				t.Errorf("goal %d step %d→%d: %s to %s is outside the pace (%s to %s)", g.N, s.From, s.To, s.Start, s.Due, lo, hi)
			}
			window[stepLabel(s.From, s.To)] = s
		}
		for _, a := range g.Actions {
			s, ok := window[a.Step]
			if !ok {
				t.Errorf("goal %d: action %s serves %s, which is not one of its steps", g.N, a.ID, a.Step)
				continue
			}
			if a.Start.Before(s.Start.Time) || a.Due.After(s.Due.Time) {
				t.Errorf("goal %d: action %s runs %s to %s, outside its step %s (%s to %s)", g.N, a.ID, a.Start, a.Due, a.Step, s.Start, s.Due)
			}
		}
		if c := b.Competency(g.Competency); g.Dimension != c.Dimension || g.Statement != "" || g.Measure != "" {
			t.Errorf("goal %d: dimension %q (want %q), statement %q, measure %q: the formats word the goal", g.N, g.Dimension, c.Dimension, g.Statement, g.Measure)
		}
	}
	if len(p.Timeline) != 5 || !p.Timeline[4].Later() {
		t.Fatalf("timeline: %d phases", len(p.Timeline))
	}
	for i, ph := range p.Timeline {
		for _, it := range ph.Items {
			late := i == len(p.Timeline)-1 && !it.Date.Before(ph.From.Time)
			if !late && (it.Date.Before(ph.From.Time) || it.Date.After(ph.To.Time)) {
				t.Errorf("phase %d (%s to %s) holds %s %s", ph.Months, ph.From, ph.To, it.Date, it.Kind)
			}
		}
	}
	if p.Estimate.MinMonths < p.Estimate.ExperienceMonths || p.Estimate.ExperienceMonths != p.Role.BlockedMonths || p.Estimate.MaxMonths < p.Estimate.MinMonths {
		t.Errorf("estimate %+v for a role blocked %d months", p.Estimate, p.Role.BlockedMonths)
	}
}

type stepRow struct {
	from, to   int
	start, due string
}

type actionRow struct {
	id, step, start, due string
	reach                Reach
}

func TestBuildPlanGoalsStepsAndActions(t *testing.T) {
	b := planBank()
	p := mustPlan(t, b, managerAnswers(nil), PlanOptions{Role: "mgr"})
	if p.Role.ID != "mgr" || p.Position.ID != "eng" || p.LongTerm.ID != "ciso" || p.Start.String() != "2026-12-01" {
		t.Fatalf("plan for %s from %s towards %s, starting %s", p.Role.ID, p.Position.ID, p.LongTerm.ID, p.Start)
	}
	cases := []struct {
		comp, role string
		steps      []stepRow
		actions    []actionRow
		dimension  Dimension
	}{
		{
			// lead1 0 → 3: three steps. Step 0→1 from 1 Dec: exposure and
			// study at once, lead-exp-a a fortnight later (15 Dec + 8 weeks
			// = 9 Feb); the step is due at 3 months, 1 Mar, since every
			// action ends sooner. Step 1→2: lead-exp-a is used, so the only
			// action is lead-exp-board, which needs seniority 7 (eng is 4):
			// contribute. Step 2→3 from 1 Jun: lead-exp-b, 4 weeks; due 1 Sep.
			comp: "lead1", role: "mgr",
			steps: []stepRow{{0, 1, "2026-12-01", "2027-03-01"}, {1, 2, "2027-03-01", "2027-06-01"}, {2, 3, "2027-06-01", "2027-09-01"}},
			actions: []actionRow{
				{"lead-expo", "0→1", "2026-12-01", "2027-02-23", ""},
				{"lead-edu", "0→1", "2026-12-01", "2026-12-15", ""},
				{"lead-exp-a", "0→1", "2026-12-15", "2027-02-09", ""},
				{"lead-exp-board", "1→2", "2027-03-01", "2027-03-29", ReachContribute},
				{"lead-exp-b", "2→3", "2027-06-01", "2027-06-29", ""},
			},
			dimension: Leadership,
		},
		{
			// strat1 2 → 3, starting half a month later (16 Dec): study at
			// once; strat-exp-senior needs seniority 6, so strat-exp, from
			// 30 Dec for 6 weeks; due at 3 months, 16 Mar. strat-year (30
			// weeks) is longer than a step and never chosen.
			comp: "strat1", role: "mgr",
			steps: []stepRow{{2, 3, "2026-12-16", "2027-03-16"}},
			actions: []actionRow{
				{"strat-edu", "2→3", "2026-12-16", "2027-01-06", ""},
				{"strat-exp", "2→3", "2026-12-30", "2027-02-10", ""},
			},
			dimension: Strategic,
		},
		{
			// strat2 0 → 4 for ciso, starting 31 Dec, with no actions in the
			// bank: every step 3 months (31 Mar + 3 months is 1 Jul).
			comp: "strat2", role: "ciso",
			steps:     []stepRow{{0, 1, "2026-12-31", "2027-03-31"}, {1, 2, "2027-03-31", "2027-07-01"}, {2, 3, "2027-07-01", "2027-10-01"}, {3, 4, "2027-10-01", "2028-01-01"}},
			dimension: Strategic,
		},
	}
	if len(p.Goals) != len(cases) {
		t.Fatalf("%d goals, want %d", len(p.Goals), len(cases))
	}
	for i, c := range cases {
		g := p.Goals[i]
		t.Run(c.comp, func(t *testing.T) {
			if g.Competency != c.comp || g.Role != c.role {
				t.Fatalf("goal %d is %s for %s, want %s for %s", g.N, g.Competency, g.Role, c.comp, c.role)
			}
			var steps []stepRow
			for _, s := range g.Steps() {
				steps = append(steps, stepRow{s.From, s.To, s.Start.String(), s.Due.String()})
			}
			if fmt.Sprint(steps) != fmt.Sprint(c.steps) {
				t.Errorf("steps %v, want %v", steps, c.steps)
			}
			var acts []actionRow
			for _, a := range g.Actions {
				acts = append(acts, actionRow{a.ID, a.Step, a.Start.String(), a.Due.String(), a.Reach})
			}
			if fmt.Sprint(acts) != fmt.Sprint(c.actions) {
				t.Errorf("actions %v, want %v", acts, c.actions)
			}
			// The statement and measure are worded from these by the
			// formats (see the wording package's tests).
			if g.Dimension != c.dimension {
				t.Errorf("dimension %q, want %q", g.Dimension, c.dimension)
			}
		})
	}
	if a := p.Goals[0].Actions[3]; a.MinSeniority != 7 || a.LedBy != "CISO" {
		t.Errorf("contribute-to action: seniority %d, led by %q", a.MinSeniority, a.LedBy)
	}
	// 70-20-10 over hours: on the job 20+15+10+10 = 55, through others 5,
	// study 5+10 = 15, of 75.
	bal := map[Category]Balance{}
	for _, x := range p.Balance {
		bal[x.Category] = x
	}
	if bal[Experience].Hours != 55 || bal[Experience].Percent != 73 || bal[Exposure].Percent != 7 || bal[Education].Actions != 2 || bal[Education].Percent != 20 {
		t.Errorf("balance: %+v", p.Balance)
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
	if len(p.Certifications) != 1 || p.Certifications[0].ID != "cert-a" ||
		fmt.Sprint(p.Certifications[0].Reason) != fmt.Sprint(CertReason{Kind: ReasonExpected, Role: "Manager", OneOf: []string{"CA"}}) {
		t.Errorf("certifications: %+v", p.Certifications)
	}
	// The first monthly check-in finds lead-edu due (15 Dec); the first
	// quarterly one compares, agrees and, at 12 months, refreshes.
	if pt := p.CheckIns[0].Points; len(pt) != 1 || pt[0].Kind != PointActionDue || pt[0].Title != "Do lead-edu" || pt[0].Due.String() != "2026-12-15" || pt[0].Evidence != "Proof of lead-edu." {
		t.Errorf("first check-in: %+v", pt)
	}
	var kinds []string
	for _, c := range p.CheckIns {
		if c.Kind == "quarterly" && c.Date.String() == "2027-12-01" {
			for _, pt := range c.Points {
				kinds = append(kinds, string(pt.Kind)+" "+pt.Role)
			}
		}
	}
	if strings.Join(kinds, ", ") != "compare Manager, agree , refresh " {
		t.Errorf("check-in at 12 months: %q", kinds)
	}
}

func TestPlanTimelinePhases(t *testing.T) {
	b := planBank()
	// With 2 years in security: mgr asks for 5, so its minimum is met 36
	// months on, on 1 Dec 2029, and CA's rule (5 years) the same day.
	p := mustPlan(t, b, managerAnswers(map[string]Answer{"n-years": {Number: fp(2)}}), PlanOptions{Role: "mgr"})
	type row struct {
		months          int
		from, to, items string
	}
	want := []row{
		{3, "2026-12-01", "2027-02-28", "2026-12-01 start 1 lead-expo; 2026-12-01 start 1 lead-edu; 2026-12-15 start 1 lead-exp-a; 2026-12-16 start 2 strat-edu; 2026-12-30 start 2 strat-exp"},
		{6, "2027-03-01", "2027-05-31", "2027-03-01 goal 1 0→1; 2027-03-01 start 1 lead-exp-board; 2027-03-16 goal 2 2→3; 2027-03-31 goal 3 0→1"},
		{12, "2027-06-01", "2027-11-30", "2027-06-01 step 1 1→2; 2027-06-01 start 1 lead-exp-b; 2027-07-01 step 3 1→2; 2027-09-01 step 1 2→3; 2027-10-01 step 3 2→3"},
		{24, "2027-12-01", "2028-11-30", "2028-01-01 step 3 3→4"},
		{0, "2028-12-01", "2029-12-01", "2029-12-01 certification 0 CA; 2029-12-01 requirement 0 Years in security"},
	}
	for i, w := range want {
		ph := p.Timeline[i]
		var items []string
		for _, it := range ph.Items {
			s := fmt.Sprintf("%s %s %d", it.Date, it.Kind, it.Goal)
			switch it.Kind {
			case ItemStart:
				s += " " + strings.TrimPrefix(it.Title, "Do ")
			case ItemGoal, ItemStep:
				s += " " + it.Step
			default:
				s += " " + it.Name
			}
			items = append(items, s)
		}
		got := row{ph.Months, ph.From.String(), ph.To.String(), strings.Join(items, "; ")}
		if got != w {
			t.Errorf("phase %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if r := p.Timeline[4].Items[1]; r.Role != "Manager" || r.Need != 5 || r.Unit != "years" {
		t.Errorf("requirement item: %+v", r)
	}
}

func TestPlanEstimate(t *testing.T) {
	b := planBank()
	cases := []struct {
		name        string
		extra       map[string]Answer
		role        string
		min, max    int
		bound       string
		steps, most int
		experience  int
		says        Premise
	}{
		// mgr: lead1 3 steps, strat1 1: 4 steps, 3 in a row. Fastest:
		// max(3·3, ⌈4·3/3⌉) = 9 months; slowest max(3·6, ⌈4·6/3⌉) = 18. The
		// plan's own goals agree: lead1 from 1 Dec + 9 months, last due
		// 1 Sep 2027 (9). Years in security unanswered: not counted.
		{"levels", nil, "mgr", 9, 18, BoundLevels, 4, 3, 0, Premise{Kind: PremiseNotKnown}},
		// 2 of 5 years: 36 months at the earliest, longer than the levels.
		{"experience", map[string]Answer{"n-years": {Number: fp(2)}}, "mgr", 36, 36, BoundExperience, 4, 3, 36, Premise{Kind: PremiseExperienceSets, Fact: "Years in security", Months: 36}},
		// 4.5 of 5 years: 6 months, shorter than the level steps.
		{"levels over experience", map[string]Answer{"n-years": {Number: fp(4.5)}}, "mgr", 9, 18, BoundLevels, 4, 3, 6, Premise{Kind: PremiseExperienceWithin, Fact: "Years in security", Months: 6}},
		// eng with tech2 at 3: every target met, no requirement.
		{"ready", map[string]Answer{"r-tech2": {Choice: 4}}, "eng", 0, 0, BoundNone, 0, 0, 0, Premise{Kind: PremiseAllMet}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := mustPlan(t, b, managerAnswers(c.extra), PlanOptions{Role: c.role})
			e := p.Estimate
			if e.MinMonths != c.min || e.MaxMonths != c.max || e.Bound != c.bound || e.LevelSteps != c.steps || e.LongestSteps != c.most || e.ExperienceMonths != c.experience {
				t.Errorf("estimate %+v", e)
			}
			// The premises are data; the wording package's tests check
			// their sentences.
			found := false
			for _, pr := range e.Premises {
				if pr.Kind == c.says.Kind && pr.Fact == c.says.Fact && pr.Months == c.says.Months {
					found = true
				}
			}
			if !found {
				t.Errorf("premises %+v lack %+v", e.Premises, c.says)
			}
		})
	}
}

func TestPlanBlockersAndRoles(t *testing.T) {
	b := planBank()
	p := mustPlan(t, b, managerAnswers(map[string]Answer{"n-years": {Number: fp(2)}, "s-mix": {Choice: 2}}), PlanOptions{Role: "mgr"})
	if len(p.Blockers) != 2 || p.Blockers[0].Months != 36 || p.Blockers[0].Earliest == nil || p.Blockers[0].Earliest.String() != "2029-12-01" || p.Blockers[1].Earliest != nil {
		t.Fatalf("blockers: %+v", p.Blockers)
	}
	if !p.Role.Blocked || p.Role.BlockedMonths != 36 || p.Role.Seniority != 5 || p.Position.Relation != RelCurrent || len(p.Roles) != len(b.Roles) {
		t.Errorf("role %+v, position %+v, %d roles", p.Role, p.Position, len(p.Roles))
	}
	// One scenario: strat1 4, lead1 3, weighted 2:1: judgement 11/3.
	if p.Judgement == nil || p.Judgement.Score != 3.67 || p.Judgement.Scenarios != 1 {
		t.Errorf("judgement %+v", p.Judgement)
	}
	// The goal for strat1 carries its judgement (4); its level 2 moves up by
	// at most a quarter of a level towards it.
	for _, g := range p.Goals {
		if g.Competency == "strat1" && (g.Judgement == nil || *g.Judgement != 4 || g.Current != 2.25) {
			t.Errorf("strat1 goal: level %v, judgement %v", g.Current, g.Judgement)
		}
	}
	if len(p.Levels) != 3 || p.Levels[0].Competency != "tech1" || p.Levels[0].Target != 4 || p.Levels[2].Competency != "lead1" {
		t.Errorf("levels: %+v", p.Levels)
	}
}

func TestPlanAgreedDueDate(t *testing.T) {
	b := planBank()
	a := managerAnswers(nil)
	a.Mentor = &MentorView{Name: "Dana", Gaps: []AgreedGap{{Role: "mgr", Competency: "strat1", Matters: true, Priority: 1,
		Due: time.Date(2027, 8, 1, 0, 0, 0, 0, time.UTC), Action: "Own the register"}}}
	p := mustPlan(t, b, a, PlanOptions{Role: "mgr"})
	g := p.Goals[0]
	// Agreed first, due on the agreed day; the agreed action spans the goal
	// (1 Dec to 1 Aug, 34 weeks) and the bank's actions follow.
	if g.Competency != "strat1" || !g.Agreed || g.Due.String() != "2027-08-01" || len(g.Later) != 0 {
		t.Fatalf("goal 1: %s agreed %v due %s later %v", g.Competency, g.Agreed, g.Due, g.Later)
	}
	if x := g.Actions[0]; x.ID != "agreed-strat1" || x.Step != "2→3" || x.DurationWeeks != 34 || x.Due != g.Due {
		t.Errorf("agreed action: %+v", x)
	}
	// The statement is worded from the first step's on-the-job actions:
	// the agreed one, then strat-exp.
	var titles []string
	for _, a := range g.Actions {
		if a.Step == "2→3" && a.Category == Experience {
			titles = append(titles, a.Title)
		}
	}
	if x := g.Actions[0]; !x.Agreed || x.Evidence != "" || strings.Join(titles, ", ") != "Own the register, Do strat-exp" || g.Current != 2 || g.To != 3 {
		t.Errorf("agreed action %+v; on-the-job actions %q", x, titles)
	}
}

func TestPlanIsDeterministic(t *testing.T) {
	b := planBank()
	a := managerAnswers(map[string]Answer{"n-years": {Number: fp(2)}})
	var outs []string
	for i := 0; i < 3; i++ {
		data, _ := json.Marshal(mustPlan(t, b, a, PlanOptions{}))
		outs = append(outs, string(data))
	}
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Error("the same answers and start gave different plans")
	}
	// The JSON reads back into the same plan.
	var back Plan
	if err := json.Unmarshal([]byte(outs[0]), &back); err != nil {
		t.Fatal(err)
	}
	if again, _ := json.Marshal(&back); string(again) != outs[0] {
		t.Errorf("the plan does not survive its JSON:\n%s\n%s", outs[0], again)
	}
}

func TestPlanWhatIf(t *testing.T) {
	b := planBank()
	a := managerAnswers(map[string]Answer{"n-years": {Number: fp(2)}})
	base := mustPlan(t, b, a, PlanOptions{Role: "mgr"})
	var asm []Assumption
	for _, s := range []string{"lead1=3", "cert=cert-a", "n-years=6"} {
		x, err := ParseAssumption(b, s)
		if err != nil {
			t.Fatal(err)
		}
		asm = append(asm, x)
	}
	p := mustPlan(t, b, a, PlanOptions{Role: "mgr", Assumptions: asm})
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
	a := managerAnswers(nil)
	four := 4
	a.Mentor = &MentorView{Name: "Dana", Ratings: map[string]MentorRating{"r-strat1": {Levels: map[string]int{"strat1": four}, Notes: "runs the register"}},
		Gaps: []AgreedGap{{Role: "mgr", Competency: "lead1", Matters: false}}}
	p := mustPlan(t, b, a, PlanOptions{Role: "mgr"})
	// strat1 is 4 on the mentor's rating (2 on the answers), so only lead1
	// remains for mgr, and it was agreed not to matter now: the goals come
	// from the long-term role (ciso): strat1 (4 → 5), then strat2, which
	// no answer shows (its yes/no question is open), so it comes last.
	// The basis is data: the formats say whose ratings the levels use.
	if p.Basis != BasisMentor || p.Mentor == nil || p.Mentor.Name != "Dana" || strings.Contains(fmt.Sprintf("%+v", p.Reasons), "Dana") {
		t.Fatalf("basis %s, reasons %+v", p.Basis, p.Reasons)
	}
	if p.Result.Level("strat1") != 4 {
		t.Errorf("strat1 on the mentor's basis: %v", p.Result.Level("strat1"))
	}
	var comps []string
	for _, g := range p.Goals {
		comps = append(comps, fmt.Sprintf("%s %d→%d for %s", g.Competency, g.From, g.To, g.Role))
	}
	if strings.Join(comps, ", ") != "strat1 4→5 for ciso, strat2 0→1 for ciso" {
		t.Errorf("goals: %v", comps)
	}
	if p.Mentor == nil || len(p.Mentor.Notes) != 1 || p.Mentor.Notes[0].Notes != "runs the register" || len(p.Mentor.Agreed) != 1 || p.Mentor.SignOff.Signed {
		t.Errorf("mentor part: %+v", p.Mentor)
	}
	// Asked for the mentee's own basis, the plan says nothing of the mentor's ratings.
	self := mustPlan(t, b, a, PlanOptions{Role: "mgr", Basis: BasisSelf})
	if self.Basis != BasisSelf || len(self.Reasons) == 0 || strings.Contains(fmt.Sprintf("%+v", self.Reasons), "Dana") || self.Result.Level("strat1") != 2 {
		t.Errorf("self basis: %s %+v %v", self.Basis, self.Reasons, self.Result.Level("strat1"))
	}
}

// TestPlanActionsThatNeedFacts: an action that requires a fact the person
// lacks (here years_security 5, for a person with 1) gives way to another
// for the same step; when it is the only one, it is offered to contribute
// to, naming what it needs. With the fact met, it is the person's own.
func TestPlanActionsThatNeedFacts(t *testing.T) {
	b := planBank()
	// strat1's step 2→3: strat-exp-senior (seniority 6) and strat-exp.
	// Make strat-exp need five years in security, and add a plain action
	// after it that needs nothing.
	for i := range b.Actions {
		if b.Actions[i].ID == "strat-exp" {
			b.Actions[i].Requires = map[string]float64{"years_security": 5}
		}
	}
	find := func(p *Plan, id string) *PlanAction {
		for _, g := range p.Goals {
			for i := range g.Actions {
				if g.Actions[i].ID == id {
					return &g.Actions[i]
				}
			}
		}
		return nil
	}
	// One year: neither strat-exp-senior (needs seniority 6) nor strat-exp
	// (needs 5 years) is the person's own: the first in the bank is
	// offered to contribute to, for its seniority.
	p := mustPlan(t, b, managerAnswers(map[string]Answer{"n-years": {Number: fp(1)}}), PlanOptions{Role: "mgr"})
	if a := find(p, "strat-exp-senior"); a == nil || a.Reach != ReachContribute || len(a.Needs) != 0 {
		t.Errorf("with one year: %+v", a)
	}
	// With no senior alternative, strat-exp is offered with what it needs.
	b.Actions = slices.DeleteFunc(b.Actions, func(a Action) bool { return a.ID == "strat-exp-senior" })
	p = mustPlan(t, b, managerAnswers(map[string]Answer{"n-years": {Number: fp(1)}}), PlanOptions{Role: "mgr"})
	if a := find(p, "strat-exp"); a == nil || a.Reach != ReachContribute || strings.Join(a.Needs, ",") != "Years in security" {
		t.Errorf("strat-exp with one year: %+v", a)
	}
	// Six years: it is the person's own.
	p = mustPlan(t, b, managerAnswers(map[string]Answer{"n-years": {Number: fp(6)}}), PlanOptions{Role: "mgr"})
	if a := find(p, "strat-exp"); a == nil || a.Reach != "" || len(a.Needs) != 0 {
		t.Errorf("strat-exp with six years: %+v", a)
	}
}
