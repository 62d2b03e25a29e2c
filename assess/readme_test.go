package assess

import (
	"os"
	"strings"
	"testing"
)

// exampleBank and exampleAnswers are the worked example of README.md:
// Sam, four and a half years in security, assessed against one role.
func exampleBank() *Bank {
	comp := func(id, name string, d Dimension) Competency {
		return Competency{ID: id, Name: name, Dimension: d, Indicators: []string{"0", "1", "2", "3", "4", "5"}}
	}
	return &Bank{
		Meta: Meta{Schema: 1, Name: "example", Version: "1"},
		Competencies: []Competency{
			comp("risk", "Risk management", Strategic), comp("budget", "Budget", Strategic),
			comp("ir", "Incident response", Technical), comp("tprm", "Third-party risk", Strategic),
		},
		Facts: []Fact{{ID: "years_security", Name: "Years in security", Kind: FactNumber, Unit: "years"}, {ID: "budget_owned", Name: "Budget owned", Kind: FactNumber}},
		Roles: []Role{{ID: "sm", Title: "Security manager", Family: "security", Seniority: 6, Entry: true,
			Experience: map[string]float64{"years_security": 7},
			Targets: []Target{
				{Competency: "risk", Level: 4, Weight: 3}, {Competency: "budget", Level: 4, Weight: 2}, {Competency: "ir", Level: 2, Weight: 1},
			}}},
		Questions: []Question{
			{ID: "risk-register", Kind: KindRating, Measures: map[string]float64{"risk": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)},
			{ID: "risk-appetite", Kind: KindRating, Measures: map[string]float64{"risk": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)},
			{ID: "vendor-breach", Kind: KindScenario, Measures: map[string]float64{"risk": 2, "tprm": 1}, Options: []Option{
				{Text: "a", Levels: map[string]int{"risk": 3, "tprm": 2}}, {Text: "b", Levels: map[string]int{"risk": 5, "tprm": 4}}}},
			{ID: "budget-planning", Kind: KindRating, Measures: map[string]float64{"budget": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)},
			{ID: "budget-owned", Kind: KindNumber, Fact: "budget_owned", Measures: map[string]float64{"budget": 1}, Bands: []float64{10, 100, 500, 2000, 10000}},
			{ID: "ir-handling", Kind: KindRating, Measures: map[string]float64{"ir": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)},
			{ID: "years-security", Kind: KindNumber, Fact: "years_security"},
		},
	}
}

func exampleAnswers() *Answers {
	return answers(map[string]Answer{
		"risk-register":   {Choice: 5, Confidence: ConfidenceHigh}, // level 4, factor 1.0
		"risk-appetite":   {Choice: 4},                             // level 3, factor 0.8
		"vendor-breach":   {Choice: 1},                             // risk 3, tprm 2, factor 0.8
		"budget-planning": {Choice: 5, Confidence: ConfidenceHigh}, // level 4
		"budget-owned":    {Number: fp(0)},                         // band level 0
		"ir-handling":     {Choice: 5, Confidence: ConfidenceHigh}, // level 4
		"years-security":  {Number: fp(4.5)},
	})
}

// TestREADMEWorkedExample keeps README.md's worked example equal to the
// code: each figure is computed here and must appear in the README as
// written.
func TestREADMEWorkedExample(t *testing.T) {
	res := Score(exampleBank(), exampleAnswers())
	cs := map[string]CompetencyScore{}
	for _, c := range res.Competencies {
		cs[c.ID] = c
	}
	f := res.RoleFit("sm")
	checks := []struct {
		got  float64
		want float64
		text string // as README.md writes it
	}{
		{*cs["risk"].Self, 3.56, "(1.0·4 + 0.8·3) / (1.0 + 0.8) = 3.56"},
		{*cs["risk"].Judgement, 3, "judgement 3"},
		{cs["risk"].Level, 3.37, "3.56 + (3 − 3.56) / 3 = 3.37"},
		{*cs["budget"].Claimed, 4, "the rating alone, 4"},
		{cs["budget"].Level, 3, "0 + 3 = 3.0"},
		{cs["budget"].Confidence, 0.5, "confidence 1.0 × 0.5 = 0.5"},
		{res.Judgement.Score, 2.67, "(2·3 + 1·2) / 3 = 2.67"},
		{f.Readiness, 82.3, "(3·3.37 + 2·3.0 + 1·2) / (3·4 + 2·4 + 1·2) = 18.1 / 22 = 82.3%"},
		{*f.ReadinessClaimed, 91.4, "(3·3.37 + 2·4 + 1·2) / 22 = 20.1 / 22 = 91.4%"},
		{f.Fit, 77.8, "1 − (3·0.63 + 2·1.0 + 0.5·1·2) / 22 = 77.8%"},
		{f.Gaps[0].Priority, 2, "2 × (4 − 3.0) = 2.0"},
		{f.Gaps[1].Priority, 1.89, "3 × (4 − 3.37) = 1.89"},
		{float64(f.BlockedMonths), 30, "2.5 years short: 30 months"},
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(string(readme)), " ")
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%q: the code gives %v, the example says %v", c.text, c.got, c.want)
		}
		if !strings.Contains(doc, c.text) {
			t.Errorf("README.md does not say %q", c.text)
		}
	}
	if !cs["budget"].Unverified || cs["risk"].Unverified || len(f.Gaps) != 2 || f.Gaps[0].Competency != "budget" {
		t.Errorf("example flags: budget unverified %v, risk unverified %v, gaps %+v", cs["budget"].Unverified, cs["risk"].Unverified, f.Gaps)
	}
}
