package assess

import (
	"strings"
	"testing"
	"time"
)

func TestSizeOf(t *testing.T) {
	cases := []struct {
		people float64
		want   string
	}{
		{1, SizeSmall}, {249, SizeSmall}, {250, SizeMid}, {5000, SizeMid}, {5001, SizeLarge}, {200000, SizeLarge},
	}
	for _, c := range cases {
		if got := SizeOf(c.people); got != c.want {
			t.Errorf("SizeOf(%g) = %q, want %q", c.people, got, c.want)
		}
	}
}

// sizedTestBank gives the manager role a small-firm adjustment and the
// team question small-firm bands, with a question recording org_size.
func sizedTestBank() *Bank {
	b := testBank()
	b.Facts = append(b.Facts, Fact{ID: OrgSizeFact, Name: "Organisation size", Kind: FactNumber})
	b.Questions = append(b.Questions, Question{ID: "n-org", Kind: KindNumber, Fact: OrgSizeFact})
	b.Roles[1].Size = map[string]RoleSize{SizeSmall: {
		Note:       "does everything",
		Targets:    []Target{{Competency: "tech1", Level: 5, Weight: 3}, {Competency: "tech2", Level: 2, Weight: 1}},
		Experience: map[string]float64{"years_security": 3},
	}}
	b.Questions[5].SizeBands = map[string][]float64{SizeSmall: {1, 2, 3, 4, 5}}
	return b
}

func TestSizedRoleAndBands(t *testing.T) {
	b := sizedTestBank()
	small := b.Sized(SizeSmall)
	mgr := small.Role("mgr")
	// tech1 replaced (4 -> 5, weight 3), tech2 added, the others kept.
	want := map[string][2]float64{"tech1": {5, 3}, "strat1": {3, 3}, "lead1": {3, 2}, "tech2": {2, 1}}
	if len(mgr.Targets) != len(want) {
		t.Fatalf("small manager targets = %+v", mgr.Targets)
	}
	for _, tg := range mgr.Targets {
		if w := want[tg.Competency]; float64(tg.Level) != w[0] || tg.Weight != w[1] {
			t.Errorf("small manager %s = %d/%g, want %g/%g", tg.Competency, tg.Level, tg.Weight, w[0], w[1])
		}
	}
	if got := mgr.Experience["years_security"]; got != 3 {
		t.Errorf("small manager years_security = %g, want 3", got)
	}
	if got := b.Role("mgr").Targets[0].Level; got != 4 {
		t.Errorf("Sized changed the bank itself: mgr tech1 = %d", got)
	}
	if b.Sized(SizeMid) != b || b.Sized(SizeLarge) != b {
		t.Error("a size without adjustments should return the bank itself")
	}
	// A team of 4: level 4 on the small bands (1,2,3,4,5), level 2 on the
	// mid ones (1,3,8,20,60).
	a := answers(map[string]Answer{"n-team": {Number: fp(4)}})
	if got := Score(b, a).Level("lead1"); !near(got, 2) {
		t.Errorf("mid team of 4: lead1 = %.2f, want 2", got)
	}
	a.Items["n-org"] = Answer{Number: fp(120)}
	res := Score(b, a)
	if got := res.Level("lead1"); !near(got, 4) {
		t.Errorf("small team of 4: lead1 = %.2f, want 4", got)
	}
	if res.OrgSize != (OrgSize{Size: SizeSmall, People: 120}) {
		t.Errorf("org size = %+v", res.OrgSize)
	}
	if got := Score(b, answers(nil)).OrgSize; !got.Assumed || got.Size != SizeMid {
		t.Errorf("no answer: org size = %+v, want mid assumed", got)
	}
}

func TestSizedReadiness(t *testing.T) {
	// tech1 rated 4: the mid manager's tech1 target (4) is met, the small
	// one's (5) is not, so readiness falls for the small firm.
	b := sizedTestBank()
	a := answers(map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 4}})
	mid := Score(b, a).RoleFit("mgr").Readiness
	a.Items["n-org"] = Answer{Number: fp(100)}
	small := Score(b, a).RoleFit("mgr").Readiness
	if !(small < mid) {
		t.Errorf("readiness small %.1f should be below mid %.1f", small, mid)
	}
}

func TestQuestionsAskedFollowFacts(t *testing.T) {
	b := testBank()
	b.Questions = append(b.Questions,
		Question{ID: "s-sec", Kind: KindScenario, When: "board", Measures: map[string]float64{"strat1": 1}, Options: []Option{{Text: "a", Levels: map[string]int{"strat1": 5}}}},
		Question{ID: "s-gen", Kind: KindScenario, Unless: "board", Measures: map[string]float64{"strat1": 1}, Options: []Option{{Text: "a", Levels: map[string]int{"strat1": 5}}}},
	)
	ids := func(a *Answers) string {
		var out []string
		for _, q := range b.QuestionsAsked(Full, a) {
			if strings.HasPrefix(q.ID, "s-") && q.ID != "s-mix" {
				out = append(out, q.ID)
			}
		}
		return strings.Join(out, ",")
	}
	if got := ids(nil); got != "s-gen" {
		t.Errorf("no answers: %s, want s-gen", got)
	}
	yes, no := true, false
	if got := ids(answers(map[string]Answer{"y-board": {Bool: &yes}})); got != "s-sec" {
		t.Errorf("fact yes: %s, want s-sec", got)
	}
	if got := ids(answers(map[string]Answer{"y-board": {Bool: &no}})); got != "s-gen" {
		t.Errorf("fact no: %s, want s-gen", got)
	}
	// An answer to a question no longer asked is not scored.
	a := answers(map[string]Answer{"y-board": {Bool: &no}, "s-sec": {Choice: 1}})
	res := Score(b, a)
	for _, c := range res.Competencies {
		for _, ct := range c.Contributions {
			if ct.Question == "s-sec" {
				t.Errorf("s-sec scored although not asked")
			}
		}
	}
}

func TestNotPartOfWork(t *testing.T) {
	b := testBank()
	b.Questions[0].Options = append(b.Questions[0].Options, Option{Text: "not my work", Level: ip(0), NotRelevant: true})
	res := Score(b, answers(map[string]Answer{"r-tech1": {Choice: 7}, "r-strat1": {Choice: 1}}))
	for _, c := range res.Competencies {
		switch c.ID {
		case "tech1":
			if !c.NotPartOfWork || c.Level != 0 {
				t.Errorf("tech1: not part of work %v, level %.1f; want true, 0", c.NotPartOfWork, c.Level)
			}
		case "strat1":
			if c.NotPartOfWork {
				t.Error("strat1 answered \"not yet\" was marked not part of work")
			}
		}
	}
}

func TestContentRules(t *testing.T) {
	cases := map[string]struct {
		mutate func(b *Bank)
		want   string
		err    bool
	}{
		"not relevant above 0": {func(b *Bank) {
			b.Questions[0].Options = append(b.Questions[0].Options, Option{Text: "x", Level: ip(2), NotRelevant: true})
		}, "not_relevant marks the level-0 option", true},
		"when and unless":       {func(b *Bank) { b.Questions[3].When, b.Questions[3].Unless = "board", "board" }, "use when or unless, not both", true},
		"when on a number fact": {func(b *Bank) { b.Questions[3].When = "years_security" }, `uses fact "years_security", which is a number fact`, true},
		"regime without when":   {func(b *Bank) { b.Questions[3].Regime = "SEC" }, "is set under SEC but is asked of everyone", false},
		"unknown size":          {func(b *Bank) { b.Roles[1].Size = map[string]RoleSize{"huge": {}} }, `size "huge" is not one of small, large`, true},
		"size bands unordered": {func(b *Bank) {
			b.Questions[5].SizeBands = map[string][]float64{SizeSmall: {3, 2, 1, 4, 5}}
		}, "size_bands.small must be 5 ascending thresholds", true},
		"role fact without source": {func(b *Bank) { b.Roles[3].Facts = []RoleFact{{Text: "36% report to the CIO", Year: 2023}} }, "a role fact needs its text and its source", true},
		"education two steps": {func(b *Bank) {
			b.Actions = append(b.Actions, Action{ID: "read", Competency: "tech1", From: 1, To: 3, Category: Education, Title: "t", Evidence: "e", EffortHours: 1, DurationWeeks: 1})
		}, `action "read": education promises 2 level steps`, false},
		"two behaviours": {func(b *Bank) { b.Questions[0].Options[3].Text = "I run the scans; I also fix the findings." }, "reads as two behaviours", false},
		"lengths apart": {func(b *Bank) {
			b.Questions[3].Options[0].Text = "short"
			b.Questions[3].Options[1].Text = strings.Repeat("long ", 10)
		}, "keep options of comparable length", false},
		"crosswalk above": {func(b *Bank) {
			b.Scale[3].SFIA, b.Scale[4].SFIA, b.Scale[5].SFIA = "4", "5–6", "7"
		}, `role "eng" (seniority 4) asks level 4 in "tech1"`, false},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b := validTestBank()
			if name == "crosswalk above" {
				b.Roles[0].Targets[0].Level = 4
			}
			c.mutate(b)
			rep := b.Validate()
			list := rep.Warnings
			if c.err {
				list = rep.Errors
			}
			all := ""
			for _, d := range list {
				all += d.Message + "\n"
			}
			if !strings.Contains(all, c.want) {
				t.Errorf("want %q among:\n%s", c.want, all)
			}
		})
	}
}

func TestCrosswalkLevel(t *testing.T) {
	b := &Bank{Scale: []ScaleLevel{{Level: 0, SFIA: "–"}, {Level: 1, SFIA: "1"}, {Level: 2, SFIA: "2–3"}, {Level: 3, SFIA: "4"}, {Level: 4, SFIA: "5-6"}, {Level: 5, SFIA: "7"}}}
	for seniority, want := range map[int]int{1: 1, 2: 2, 3: 2, 4: 3, 5: 4, 6: 4, 7: 5} {
		if got, ok := b.CrosswalkLevel(seniority); !ok || got != want {
			t.Errorf("CrosswalkLevel(%d) = %d, %v; want %d", seniority, got, ok, want)
		}
	}
	if _, ok := b.CrosswalkLevel(8); ok {
		t.Error("seniority 8 should have no level")
	}
}

func TestFreshness(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	b := validTestBank()
	b.Certifications[0].Rule.LastVerified = day("2026-12-01")
	b.Certifications[1].Rule.LastVerified = day("2025-11-01")
	b.Certifications[0].Rule.ChangesOn, b.Certifications[0].Rule.Changes = day("2027-03-01"), "new outline"
	msgs := func(today string) string {
		out := ""
		for _, d := range b.Freshness(day(today)) {
			out += d.Message + "\n"
		}
		return out
	}
	got := msgs("2026-12-01")
	if !strings.Contains(got, `certification "cert-b": the rule was last checked on 2025-11-01, more than a year ago`) || strings.Contains(got, "cert-a") {
		t.Errorf("on 2026-12-01:\n%s", got)
	}
	got = msgs("2027-03-01")
	if !strings.Contains(got, `certification "cert-a": the change announced for 2027-03-01 (new outline) has taken effect`) {
		t.Errorf("on 2027-03-01:\n%s", got)
	}
	b.Certifications[1].Rule.LastVerified = time.Time{}
	if got := msgs("2026-12-01"); !strings.Contains(got, `certification "cert-b": the rule has no last_verified date`) {
		t.Errorf("unverified:\n%s", got)
	}
}
