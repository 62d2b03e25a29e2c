package assess

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// validTestBank completes testBank with what validation requires.
func validTestBank() *Bank {
	b := testBank()
	for l := 0; l <= 5; l++ {
		b.Scale = append(b.Scale, ScaleLevel{Level: l, Name: "level"})
	}
	b.Sections = []Section{{ID: "s", Title: "S"}}
	for i := range b.Questions {
		b.Questions[i].Section = "s"
		b.Questions[i].Text = "text"
		b.Questions[i].MentorPrompt = "tell me"
	}
	for i := range b.Questions[3].Options {
		b.Questions[3].Options[i].Explanation = "why"
	}
	b.Roles[0].Track, b.Roles[1].Track, b.Roles[2].Track, b.Roles[3].Track = "practitioner", "technical", "program", "executive"
	b.Certifications[0].Signal, b.Certifications[1].Signal = "manager", "technical"
	b.Certifications[1].Rule.Date = b.Certifications[0].Rule.Date
	return b
}

func TestValidateErrors(t *testing.T) {
	cases := map[string]struct {
		mutate func(b *Bank)
		want   string
	}{
		"duplicate role":         {func(b *Bank) { b.Roles[1].ID = "eng" }, `duplicate role id "eng"`},
		"unknown leads_to":       {func(b *Bank) { b.Roles[0].LeadsTo = []string{"mgrr"} }, `leads to unknown role "mgrr" (did you mean "mgr"?)`},
		"role without targets":   {func(b *Bank) { b.Roles[2].Targets = nil }, `role "pm" has no targets`},
		"target level 0":         {func(b *Bank) { b.Roles[2].Targets[0].Level = 0 }, `target level for "strat1" is 0`},
		"negative weight":        {func(b *Bank) { b.Questions[0].Measures["tech1"] = -1 }, `weight for "tech1" is -1`},
		"rating option no level": {func(b *Bank) { b.Questions[0].Options[2].Level = nil }, `option 3 has no level`},
		"scenario missing level": {func(b *Bank) { delete(b.Questions[3].Options[1].Levels, "lead1") }, `option 2 has no level for "lead1"`},
		"scenario extra level":   {func(b *Bank) { b.Questions[3].Options[1].Levels["tech2"] = 2 }, `gives a level for "tech2", which the question does not measure`},
		"measures nothing":       {func(b *Bank) { b.Questions[1].Measures = nil }, `question "r-tech2" measures nothing`},
		"unmeasured competency":  {func(b *Bank) { b.Questions[1].Measures = map[string]float64{"tech1": 1} }, `competency "tech2" is not measured by any question`},
		"bands not ascending":    {func(b *Bank) { b.Questions[5].Bands = []float64{1, 3, 3, 20, 60} }, "bands must be 5 ascending thresholds"},
		"yesno without levels":   {func(b *Bank) { b.Questions[6].NoLevel = nil }, "needs yes_level and no_level"},
		"fact of wrong kind":     {func(b *Bank) { b.Questions[7].Fact = "years_security" }, `uses fact "years_security", which is a number fact`},
		"unknown rule domain":    {func(b *Bank) { b.Certifications[0].Rule.AnyOfDomains = []string{"d7"} }, `names unknown domain "d7"`},
		"rule without version":   {func(b *Bank) { b.Certifications[0].Rule.Version = "" }, "the rule needs a version and a date"},
		"waiver of unknown cert": {func(b *Bank) { b.Certifications[0].Rule.Waivers[0] = Waiver{Certification: "cert-z", Years: 1} }, `names unknown certification "cert-z"`},
		"indicators missing":     {func(b *Bank) { b.Competencies[0].Indicators = b.Competencies[0].Indicators[:5] }, "has 5 indicators"},
		"action going down": {func(b *Bank) {
			b.Actions = []Action{{ID: "a", Competency: "tech1", From: 3, To: 2, Category: Experience, Title: "t", Evidence: "e", EffortHours: 1, DurationWeeks: 1}}
		}, "from 3 to 2 is not a step up"},
		"action seniority 8": {func(b *Bank) {
			b.Actions = []Action{{ID: "a", Competency: "tech1", From: 2, To: 3, Category: Experience, Title: "t", Evidence: "e", EffortHours: 1, DurationWeeks: 1, MinSeniority: 8}}
		}, `action "a": min_seniority 8 must be 1 to 7`},
		"scale incomplete":         {func(b *Bank) { b.Scale = b.Scale[:5] }, "the scale has no level 5"},
		"schema missing":           {func(b *Bank) { b.Meta.Schema = 0 }, "schema is missing"},
		"unknown section":          {func(b *Bank) { b.Questions[0].Section = "x" }, `unknown section "x"`},
		"unknown kind":             {func(b *Bank) { b.Questions[0].Kind = "likert" }, `kind "likert" is not one of`},
		"certifications w/ option": {func(b *Bank) { b.Questions[8].Options = ratingOptions(1, 2) }, "remove options"},
		// Numbers a TOML file can spell that no rule means: inf, nan,
		// negative years. Each is refused where it is written.
		"target weight inf":      {func(b *Bank) { b.Roles[0].Targets[0].Weight = math.Inf(1) }, `weight for "tech1" is +Inf`},
		"target weight nan":      {func(b *Bank) { b.Roles[0].Targets[0].Weight = math.NaN() }, `weight for "tech1" is NaN`},
		"measure weight inf":     {func(b *Bank) { b.Questions[0].Measures["tech1"] = math.Inf(1) }, `weight for "tech1" is +Inf`},
		"role experience nan":    {func(b *Bank) { b.Roles[1].Experience["years_security"] = math.NaN() }, `experience minimum for "years_security" is NaN`},
		"rule experience -5":     {func(b *Bank) { b.Certifications[0].Rule.Experience["years_security"] = -5 }, `the rule's experience for "years_security" is -5`},
		"waiver years nan":       {func(b *Bank) { b.Certifications[0].Rule.Waivers[0].Years = math.NaN() }, "a waiver must be worth more than 0 years"},
		"waiver max inf":         {func(b *Bank) { b.Certifications[0].Rule.WaiverMaxYears = math.Inf(1) }, "waiver_max_years greater than 0"},
		"domain weight nan":      {func(b *Bank) { b.Certifications[0].Domains[0].Weight = math.NaN() }, "must be a percentage from 0 to 100"},
		"bands with nan":         {func(b *Bank) { b.Questions[5].Bands = []float64{1, 3, math.NaN(), 20, 60} }, "bands must be 5 ascending thresholds"},
		"bands with inf":         {func(b *Bank) { b.Questions[5].Bands = []float64{1, 3, 8, 20, math.Inf(1)} }, "bands must be 5 ascending thresholds"},
		"number min nan":         {func(b *Bank) { b.Questions[4].Min = fp(math.NaN()) }, "min NaN must be a number from"},
		"number max past bounds": {func(b *Bank) { b.Questions[4].Max = fp(1e20) }, "max 1e+20 must be a number from -1000000000 to 1000000000"},
	}
	if rep := validTestBank().Validate(); !rep.OK() {
		t.Fatalf("the base bank is invalid: %v", rep.Errors)
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b := validTestBank()
			c.mutate(b)
			b.index = nil
			rep := b.Validate()
			for _, d := range rep.Errors {
				if strings.Contains(d.Message, c.want) {
					return
				}
			}
			t.Errorf("no error says %q; got %v", c.want, rep.Errors)
		})
	}
}

func TestValidateWarnings(t *testing.T) {
	b := validTestBank()
	b.Questions[0].Options[1].Level = ip(0)                   // same level as option 1
	b.Questions[2].Options[0].Text = strings.Repeat("x", 151) // too long for two lines
	b.Questions[2].MentorPrompt = ""
	rep := b.Validate()
	if !rep.OK() {
		t.Fatalf("errors: %v", rep.Errors)
	}
	want := []string{
		`question "r-tech1": options 1 and 2 carry the same level (0)`,
		`question "r-strat1": option 1 is 151 characters`,
		`question "r-strat1" has no mentor_prompt`,
		`competency "tech2" is measured by 1 question(s), 0 scenario(s), 0 giving evidence of work in quick mode`,
		`competency "tech1" has 0 action(s) for the step 0→1 that role "eng" needs`,
	}
	all := ""
	for _, w := range rep.Warnings {
		all += w.Message + "\n"
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing warning %q in:\n%s", w, all)
		}
	}
}

func TestClosest(t *testing.T) {
	known := []string{"risk-management", "incident-response", "cloud-security"}
	cases := map[string]string{"risk-managment": "risk-management", "incident-respons": "incident-response", "budget": "", "": ""}
	for in, want := range cases {
		if got := Closest(in, known); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestValidateScenarioLengthTell: when the best option is also the longest
// in more than a third of the scenarios, validate warns; at a third or
// fewer it does not.
func TestValidateScenarioLengthTell(t *testing.T) {
	scenario := func(id string, bestLongest bool) Question {
		short, long := "Act on it now.", "Act on it now, brief the owners and record what remains."
		best, other := short, long
		if bestLongest {
			best, other = long, short
		}
		return Question{ID: id, Kind: KindScenario, Measures: map[string]float64{"tech1": 2}, Options: []Option{
			{Text: other, Levels: map[string]int{"tech1": 1}},
			{Text: best, Levels: map[string]int{"tech1": 5}},
		}}
	}
	for _, c := range []struct {
		longest int
		warn    bool
	}{{2, false}, {3, true}, {6, true}, {0, false}} {
		b := &Bank{Competencies: []Competency{{ID: "tech1"}}}
		for i := 0; i < 6; i++ {
			b.Questions = append(b.Questions, scenario(fmt.Sprintf("s%d", i), i < c.longest))
		}
		v := &validator{b: b, r: &Report{}}
		v.scenarioTells()
		got := len(v.r.Warnings) == 1 && strings.Contains(v.r.Warnings[0].Message, fmt.Sprintf("in %d of 6 scenarios the best option is also the longest", c.longest))
		if got != c.warn || (!c.warn && len(v.r.Warnings) != 0) {
			t.Errorf("%d of 6 longest: warnings %v", c.longest, v.r.Warnings)
		}
	}
}
