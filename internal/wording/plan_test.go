package wording

import (
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
)

func date(y int, m time.Month, d int) assess.Date {
	return assess.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

func TestPhaseName(t *testing.T) {
	cases := []struct {
		months int
		want   string
	}{
		{3, "First 90 days"},
		{6, "By 6 months"},
		{12, "By 12 months"},
		{24, "By 24 months"},
		{0, "Later"},
	}
	for _, c := range cases {
		if got := PhaseName(assess.Phase{Months: c.months}); got != c.want {
			t.Errorf("PhaseName(%d) = %q, want %q", c.months, got, c.want)
		}
	}
}

func TestCheckPoint(t *testing.T) {
	due := date(2027, 2, 9)
	cases := []struct {
		name string
		pt   assess.CheckPoint
		want string
	}{
		{"compare", assess.CheckPoint{Kind: assess.PointCompare, Role: "IT Security Manager"},
			"Re-run secpath and compare with this plan: readiness for IT Security Manager, gaps closed and opened, evidence gathered."},
		{"agree", assess.CheckPoint{Kind: assess.PointAgree}, "Agree the next quarter's priorities and dates with your mentor."},
		{"refresh", assess.CheckPoint{Kind: assess.PointRefresh}, "Refresh the plan: new goals for the gaps that remain, and the certification roadmap."},
		{"action due", assess.CheckPoint{Kind: assess.PointActionDue, Goal: 1, Title: "Run a tabletop exercise", Due: &due, Evidence: "The exercise report."},
			`"Run a tabletop exercise" due 2027-02-09: is the evidence ready (The exercise report)?`},
		{"agreed action due", assess.CheckPoint{Kind: assess.PointActionDue, Goal: 1, Title: "Own the register", Due: &due, Agreed: true, Owner: "Priya"},
			`"Own the register" due 2027-02-09: is the evidence ready (As agreed with your mentor; owner Priya)?`},
		{"in flight", assess.CheckPoint{Kind: assess.PointInFlight}, "Progress on the actions in flight; what got in the way; what help you need."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := CheckPoint(c.pt); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
	if got := CheckPoints([]assess.CheckPoint{{Kind: assess.PointAgree}, {Kind: assess.PointRefresh}}); len(got) != 2 || got[1] != cases[2].want {
		t.Errorf("CheckPoints: %q", got)
	}
}

func TestPremise(t *testing.T) {
	unknown := &assess.PlanBlocker{Blocker: assess.Blocker{Kind: "experience", Fact: "years-security", Name: "Years in security", Unit: "years", Need: 5, NotAnswered: true}}
	dated := &assess.PlanBlocker{Blocker: assess.Blocker{Kind: "experience", Fact: "years-security", Name: "Years in security", Unit: "years", Need: 5, Have: 2, Months: 36}}
	cases := []struct {
		name string
		pr   assess.Premise
		want string
	}{
		{"all met", assess.Premise{Kind: assess.PremiseAllMet},
			"Every target for the role is met: the readiness that remains is hard requirements and the evidence to show for it."},
		{"steps", assess.Premise{Kind: assess.PremiseSteps, Steps: 4, Gaps: 2, Longest: 3},
			"4 level steps to take across 2 gaps, one level at a time (the most in one gap is 3, one after another)."},
		{"pace", assess.Premise{Kind: assess.PremisePace, Low: 3, High: 6},
			"One level step takes 3 to 6 months of deliberate practice alongside a full-time job."},
		{"parallel", assess.Premise{Kind: assess.PremiseParallel, Goals: 3}, "You work on up to 3 goals at once."},
		{"later gaps", assess.Premise{Kind: assess.PremiseLaterGaps, Goals: 5, Rest: 2},
			"This plan's 5 goals take the largest gaps first; the other 2 gaps follow when they are done, so readiness comes later than the goals' dates."},
		{"not known", assess.Premise{Kind: assess.PremiseNotKnown, Blocker: unknown},
			"Not counted, as it is not known: Years in security: needs 5 years, not answered."},
		{"calendar", assess.Premise{Kind: assess.PremiseCalendar, Blocker: dated},
			"Experience requirements run on calendar time and are not shortened by the plan: Years in security: needs 5 years, you have 2 (3 short, about 36 months at the earliest)."},
		{"sets the start", assess.Premise{Kind: assess.PremiseExperienceSets, Fact: "Years in security", Months: 36},
			"So the estimate starts at 36 months, when the longest of them (years in security) can be met, however quickly the level steps go."},
		{"within", assess.Premise{Kind: assess.PremiseExperienceWithin, Fact: "Years in security", Months: 6},
			"The level steps take at least as long as the longest experience requirement (years in security, 6 months)."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Premise(c.pr); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestCertReasonAndStudy(t *testing.T) {
	cases := []struct {
		name string
		r    assess.CertReason
		want string
	}{
		{"one", assess.CertReason{Kind: assess.ReasonExpected, Role: "Manager", OneOf: []string{"CA"}}, "Employers usually expect one of CA for Manager."},
		{"two", assess.CertReason{Kind: assess.ReasonExpected, Role: "IT Security Manager", OneOf: []string{"CISSP", "CISM"}},
			"Employers usually expect one of CISSP or CISM for IT Security Manager."},
		{"three", assess.CertReason{Kind: assess.ReasonExpected, Role: "CISO", OneOf: []string{"CISSP", "CISM", "CCISO"}},
			"Employers usually expect one of CISSP, CISM or CCISO for CISO."},
		{"useful", assess.CertReason{Kind: assess.ReasonUseful, Role: "IT Security Manager"}, "Commonly asked for or useful for IT Security Manager."},
	}
	for _, c := range cases {
		if got := CertReason(c.r); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	got := StudyDomains([]assess.StudyDomain{{Name: "Security and Risk Management", Weight: 16}, {Name: "Governance"}, {Name: "Risk", Weight: 12.5}})
	want := []string{"Security and Risk Management (16% of the exam)", "Governance", "Risk (12.5% of the exam)"}
	if len(got) != len(want) {
		t.Fatalf("StudyDomains: %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("StudyDomains[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestStrengthsAndBasis(t *testing.T) {
	got := Strengths([]assess.Strength{{Name: "Incident response", Level: 3.78}, {Name: "Crisis leadership", Level: 2.75}})
	if len(got) != 2 || got[0] != "Incident response (3.8)" || got[1] != "Crisis leadership (2.8)" {
		t.Errorf("Strengths: %q", got)
	}
	if got, want := MentorBasis("Dana"), "Levels use Dana's ratings wherever Dana gave one, and your answers elsewhere."; got != want {
		t.Errorf("MentorBasis: %q, want %q", got, want)
	}
	if got, want := MentorBasis(""), "Levels use your mentor's ratings wherever your mentor gave one, and your answers elsewhere."; got != want {
		t.Errorf("MentorBasis unnamed: %q, want %q", got, want)
	}
	p := &assess.Plan{Basis: assess.BasisMentor, Mentor: &assess.PlanMentor{Name: "Dana Okafor"}}
	if got, want := PlanBasis(p), "Levels use Dana Okafor's ratings wherever Dana Okafor gave one, and your answers elsewhere."; got != want {
		t.Errorf("PlanBasis: %q, want %q", got, want)
	}
	p.Basis = assess.BasisSelf
	if got := PlanBasis(p); got != "" {
		t.Errorf("PlanBasis on the person's own ratings: %q", got)
	}
}

// TestGoalStatementAndMeasure words the goals the domain's plan tests
// build: an on-the-job action in the first step, one agreed with the
// mentor before a bank action, and none at all.
func TestGoalStatementAndMeasure(t *testing.T) {
	act := func(id, step string, cat assess.Category) assess.PlanAction {
		return assess.PlanAction{ID: id, Step: step, Category: cat, Title: "Do " + id, Evidence: "Proof of " + id + "."}
	}
	board := act("lead-exp-board", "1→2", assess.Experience)
	board.Reach = assess.ReachContribute
	cases := []struct {
		name               string
		goal               assess.Goal
		statement, measure string
	}{
		{"bank actions", assess.Goal{Name: "LEAD1", Dimension: assess.Leadership, Current: 0, From: 0, To: 1, Weight: 2, Due: date(2027, 3, 1),
			Actions: []assess.PlanAction{act("lead-expo", "0→1", assess.Exposure), act("lead-edu", "0→1", assess.Education), act("lead-exp-a", "0→1", assess.Experience), board}},
			"By 1 March 2027, raise LEAD1 from 0.0 to 1 (a leadership competency, weight 2): do lead-exp-a.",
			"Proof of lead-exp-a; and a mentor agrees the work matches level 1."},
		{"agreed first", assess.Goal{Name: "STRAT1", Dimension: assess.Strategic, Current: 2, From: 2, To: 3, Weight: 3, Due: date(2027, 8, 1),
			Actions: []assess.PlanAction{{ID: "agreed-strat1", Step: "2→3", Category: assess.Experience, Title: "Own the register", Agreed: true, Owner: "Priya"}, act("strat-exp", "2→3", assess.Experience)}},
			"By 1 August 2027, raise STRAT1 from 2.0 to 3 (a strategic competency, weight 3): own the register, then do strat-exp.",
			"As agreed with your mentor; owner Priya; Proof of strat-exp; and a mentor agrees the work matches level 3."},
		{"contribute", assess.Goal{Name: "LEAD1", Dimension: assess.Leadership, Current: 1.2, From: 1, To: 2, Weight: 2, Due: date(2027, 6, 1),
			Actions: []assess.PlanAction{board}},
			"By 1 June 2027, raise LEAD1 from 1.2 to 2 (a leadership competency, weight 2): contribute to do lead-exp-board.",
			"Proof of lead-exp-board; and a mentor agrees the work matches level 2."},
		{"study only", assess.Goal{Name: "STRAT1", Dimension: assess.Strategic, Current: 2, From: 2, To: 3, Weight: 3, Due: date(2027, 3, 16),
			Actions: []assess.PlanAction{act("strat-edu", "2→3", assess.Education)}},
			"By 16 March 2027, raise STRAT1 from 2.0 to 3 (a strategic competency, weight 3): work on it with your mentor.",
			"Proof of strat-edu; and a mentor agrees the work matches level 3."},
		{"no actions", assess.Goal{Name: "STRAT2", Dimension: assess.Strategic, Current: 0, From: 0, To: 1, Weight: 3, Due: date(2027, 3, 31)},
			"By 31 March 2027, raise STRAT2 from 0.0 to 1 (a strategic competency, weight 3): work on it with your mentor.",
			"A mentor agrees that the work matches level 1 of STRAT2."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := GoalStatement(c.goal); got != c.statement {
				t.Errorf("statement\n got  %q\n want %q", got, c.statement)
			}
			if got := GoalMeasure(c.goal); got != c.measure {
				t.Errorf("measure\n got  %q\n want %q", got, c.measure)
			}
		})
	}
}

func TestActionEvidence(t *testing.T) {
	cases := []struct {
		a    assess.PlanAction
		want string
	}{
		{assess.PlanAction{Evidence: "The signed report."}, "The signed report."},
		{assess.PlanAction{Agreed: true, Owner: "Priya Raman"}, "As agreed with your mentor; owner Priya Raman."},
		{assess.PlanAction{Agreed: true}, "As agreed with your mentor."},
	}
	for _, c := range cases {
		if got := ActionEvidence(c.a); got != c.want {
			t.Errorf("ActionEvidence(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

func TestPlanSentences(t *testing.T) {
	three := 3
	cases := []struct{ name, got, want string }{
		{"what-if", WhatIf([]string{"cert=cism", "risk-management=4"}),
			"This plan assumes: cert=cism; risk-management=4. Your answers say otherwise; the figures show what would change."},
		{"all met", AllMet("IT Security Manager"), "Every target for IT Security Manager is met. Keep the evidence current and look at the long-term role."},
		{"no certifications", NoCertifications("IT Manager"), "No certification is listed for IT Manager."},
		{"priority", GoalPriority(assess.Goal{Priority: 6, Weight: 3, Target: 4, Current: 2}), "6.0 (weight 3 × shortfall 2.0)"},
		{"note with rating", MentorNote(assess.PlanNote{Text: "Which comes closest?", Level: &three, Notes: "runs the register"}),
			"Which comes closest? (mentor's rating: 3): runs the register"},
		{"note alone", MentorNote(assess.PlanNote{Text: "Which comes closest?", Notes: "ask again next quarter"}), "Which comes closest?: ask again next quarter"},
		{"phase later", PhaseName(assess.Phase{Months: 0}), "Later"},
		{"months range", MonthsRange(assess.Estimate{MinMonths: 9, MaxMonths: 18}), "9 to 18 months"},
		{"months exact", MonthsRange(assess.Estimate{MinMonths: 36, MaxMonths: 36}), "36 months"},
		{"ready now", MonthsRange(assess.Estimate{}), "ready now on competencies"},
		{"rule met", RuleMetAround("2029-12-01"), "On the years recorded, the experience rule should be met around 2029-12-01."},
		{"written for", WrittenFor("2026-12-01"), "Written by secpath for a plan starting 2026-12-01. Re-run the assessment each quarter and compare."},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s:\n got  %q\n want %q", c.name, c.got, c.want)
		}
	}
}

func TestTimelineItem(t *testing.T) {
	cases := []struct {
		it   assess.TimelineItem
		want string
	}{
		{assess.TimelineItem{Kind: assess.ItemStart, Goal: 1, Step: "0→1", Title: "Run a tabletop exercise", Category: assess.Experience},
			`start "Run a tabletop exercise" (goal 1, step 0→1, experience)`},
		{assess.TimelineItem{Kind: assess.ItemStart, Goal: 2, Step: "1→2", Title: "Present to the board", Category: assess.Experience, Reach: assess.ReachContribute},
			`start "Contribute to: Present to the board" (goal 2, step 1→2, experience)`},
		{assess.TimelineItem{Kind: assess.ItemGoal, Goal: 1, Name: "Risk management", Step: "2→3"}, "goal 1 due: Risk management at level 3"},
		{assess.TimelineItem{Kind: assess.ItemStep, Goal: 3, Name: "Risk management", Step: "3→4"}, "goal 3, step 3→4 due: Risk management at level 4"},
		{assess.TimelineItem{Kind: assess.ItemCertification, Name: "CISM", Rule: "ISACA 2026"}, "CISM experience rule should be met"},
		{assess.TimelineItem{Kind: assess.ItemRequirement, Name: "Years in security", Need: 5, Unit: "years", Role: "Manager"},
			"Years in security reaches 5 years, the minimum for Manager, at the earliest"},
	}
	for _, c := range cases {
		if got := TimelineItem(c.it); got != c.want {
			t.Errorf("%s item:\n got  %q\n want %q", c.it.Kind, got, c.want)
		}
	}
}

func TestPlanRoleAndActionWords(t *testing.T) {
	claimed, same := 55.0, 40.2
	until := date(2029, 12, 1)
	blocked := &assess.Plan{Role: assess.PlanRole{Blocked: true, BlockedMonths: 36}, Blockers: []assess.PlanBlocker{{Earliest: &until}}}
	unanswered := &assess.Plan{Role: assess.PlanRole{Blocked: true}}
	plan := &assess.Plan{Role: assess.PlanRole{ID: "mgr", Title: "Manager"}, Roles: []assess.PlanRole{{ID: "ciso", Title: "CISO"}}}
	later := assess.Goal{Target: 4, Role: "ciso", Later: []assess.GoalStep{{From: 2, To: 3, Due: date(2027, 9, 1)}, {From: 3, To: 4, Due: date(2027, 12, 1)}}}
	senior := assess.PlanAction{Reach: assess.ReachContribute, MinSeniority: 7, LedBy: "CISO", Detail: "Bring the minutes."}
	needs := assess.PlanAction{Reach: assess.ReachContribute, Needs: []string{"People reporting to you", "A budget"}}
	cases := []struct{ name, got, want string }{
		{"readiness", PlanReadiness(assess.PlanRole{Readiness: 40}), "40%"},
		{"readiness claimed", PlanReadiness(assess.PlanRole{Readiness: 40, ReadinessClaimed: &claimed}), "40% (55% if your unverified self-ratings hold)"},
		{"readiness claimed the same", PlanReadiness(assess.PlanRole{Readiness: 40, ReadinessClaimed: &same}), "40%"},
		{"standing", RoleStanding(assess.PlanRole{Readiness: 40, Fit: 52}), "readiness 40%, fit 52%"},
		{"standing claimed", RoleStanding(assess.PlanRole{Readiness: 40, ReadinessClaimed: &claimed, Fit: 52}), "readiness 40%, or 55% if your unverified self-ratings hold; fit 52%"},
		{"blocked", PlanBlocked(blocked), "until 2029-12-01 at the earliest (36 months of experience to gain)"},
		{"blocked, not answered", PlanBlocked(unanswered), "by an experience requirement not answered yet"},
		{"not blocked", PlanBlocked(plan), ""},
		{"later steps", GoalLater(plan, later), "2 → 3 by 2027-09-01, 3 → 4 by 2027-12-01, reaching the target of 4 for CISO"},
		{"target reached", GoalLater(plan, assess.Goal{Target: 3, Role: "mgr"}), "3, the target for Manager, reached by this goal"},
		{"due agreed", GoalDue(assess.Goal{Due: date(2027, 6, 30), Agreed: true}), "2027-06-30, as agreed with your mentor"},
		{"level claimed", GoalLevel(assess.Goal{Current: 2, Unverified: true, Claimed: &[]float64{4}[0]}), "2.0 (you rated 4.0: unverified until a mentor has seen the work)"},
		{"no judgement", GoalJudgement(assess.Goal{}), "no scenario answered for it"},
		{"led by", ActionDetail(senior), "Led by the CISO or someone more senior: take a part in it and keep the evidence of your part. Bring the minutes."},
		{"needs", LedBy(needs), "it needs people reporting to you and a budget, which your answers do not show yet: do it alongside someone who has them"},
		{"title", ActionTitle(assess.PlanAction{Title: "Present to the board", Reach: assess.ReachContribute}), "Contribute to: Present to the board"},
		{"effort", Effort(assess.PlanAction{EffortHours: 12, DurationWeeks: 6}), "12h over 6w"},
		{"effort agreed", Effort(assess.PlanAction{DurationWeeks: 34}), "agreed, over 34w"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s:\n got  %q\n want %q", c.name, c.got, c.want)
		}
	}
}
