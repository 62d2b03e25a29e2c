package assess

import (
	"fmt"
	"strings"
	"testing"
)

// patternBank has six competencies, each with one rating question and one
// scenario whose main competency it is (weight 2, enough to check a
// claim). Every scenario's first option shows level 3, its second level 5.
func patternBank() *Bank {
	b := &Bank{Meta: Meta{Schema: 1, Name: "pattern", Version: "1"}}
	for i := 1; i <= 6; i++ {
		id := fmt.Sprintf("c%d", i)
		b.Competencies = append(b.Competencies, Competency{ID: id, Name: strings.ToUpper(id), Dimension: Technical, Indicators: []string{"0", "1", "2", "3", "4", "5"}})
		b.Questions = append(b.Questions,
			Question{ID: "r-" + id, Kind: KindRating, Measures: map[string]float64{id: 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)},
			Question{ID: "s-" + id, Kind: KindScenario, Measures: map[string]float64{id: 2}, Options: []Option{
				{Text: "a", Levels: map[string]int{id: 3}}, {Text: "b", Levels: map[string]int{id: 5}}}})
	}
	b.Roles = []Role{{ID: "r", Title: "R", Seniority: 4, Entry: true, Targets: []Target{{Competency: "c1", Level: 5, Weight: 3}}}}
	return b
}

// TestOverClaimPattern checks the allowance for sound second-best answers
// (ClaimRatio) and its withdrawal when claims sit above it in most of the
// competencies the scenarios check. Each scenario answered with option a
// shows judgement 3. A rating of 5 moves a third of the way towards 3,
// bounded to half a level: 4.5, over the allowance 1.3 × 3 = 3.9. A rating
// of 3 stays 3, within it.
func TestOverClaimPattern(t *testing.T) {
	cases := []struct {
		name    string
		claims  int     // competencies rated 5; the others are rated 3
		rated   int     // competencies with a rating answer
		pattern bool    // the allowance is withdrawn
		capped  float64 // the level of each claim of 5
	}{
		{"two claims of six: the allowance stands", 2, 6, false, 3.9},
		{"three of six, half: a pattern, capped at the judgement", 3, 6, true, 3},
		{"all six", 6, 6, true, 3},
		{"four of four: too few checked to call a pattern", 4, 4, false, 3.9},
		{"five of five: enough", 5, 5, true, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items := map[string]Answer{}
			for i := 1; i <= 6; i++ {
				id := fmt.Sprintf("c%d", i)
				items["s-"+id] = Answer{Choice: 1}
				switch {
				case i <= c.claims:
					items["r-"+id] = Answer{Choice: 6}
				case i <= c.rated:
					items["r-"+id] = Answer{Choice: 4}
				}
			}
			res := Score(patternBank(), answers(items))
			if res.OverClaimPattern != c.pattern {
				t.Errorf("pattern %v, want %v", res.OverClaimPattern, c.pattern)
			}
			for _, cs := range res.Competencies {
				var i int
				fmt.Sscanf(cs.ID, "c%d", &i)
				switch {
				case i <= c.claims:
					if !near(cs.Level, c.capped) || !cs.Unverified || cs.Claimed == nil || !near(*cs.Claimed, 4.5) {
						t.Errorf("%s: level %v unverified %v claimed %v, want %v capped from 4.5", cs.ID, cs.Level, cs.Unverified, cs.Claimed, c.capped)
					}
				case i <= c.rated:
					if !near(cs.Level, 3) || cs.Unverified {
						t.Errorf("%s: level %v unverified %v, want 3 and verified", cs.ID, cs.Level, cs.Unverified)
					}
				}
			}
			// The reason on unverified ratings says the allowance was
			// withdrawn exactly when the pattern holds.
			if !hasReason(res.Recommendation.Reasons, Reason{Kind: ReasonUnverified, Count: c.claims}) {
				t.Errorf("no reason for %d unverified ratings: %+v", c.claims, res.Recommendation.Reasons)
			}
			if got := hasReason(res.Recommendation.Reasons, Reason{Kind: ReasonUnverified, Pattern: true}); got != c.pattern {
				t.Errorf("reason gives the pattern: %v, want %v\n%+v", got, c.pattern, res.Recommendation.Reasons)
			}
		})
	}
}

// TestTitleOnlyRoleIsNeverInferred: a role marked title_only (a way of
// working, such as a fractional CISO) is a person's position only when
// their current role names it, however well their answers fit it.
func TestTitleOnlyRoleIsNeverInferred(t *testing.T) {
	b := testBank()
	frac := b.Roles[1] // the manager's targets, one level more senior
	frac.ID, frac.Title, frac.Seniority, frac.TitleOnly, frac.Aliases = "frac", "Fractional manager", 6, true, []string{"Fractional manager"}
	frac.ExpectsOneOf, frac.Experience, frac.LeadsTo = nil, nil, nil
	b.Roles = append(b.Roles, frac)
	b.Questions = append(b.Questions, Question{ID: "r-lead1", Kind: KindRating, Measures: map[string]float64{"lead1": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)})
	strong := func(role string) *Answers {
		a := answers(map[string]Answer{
			"r-tech1": {Choice: 5}, "r-strat1": {Choice: 4}, "r-lead1": {Choice: 4}, "s-mix": {Choice: 2},
			"n-years": {Number: fp(8)}, "c-held": {Held: []HeldCert{{ID: "cert-a"}}},
		})
		a.Profile.CurrentRole = role
		return a
	}
	// Performing at both: the manager (5) is placed, not the more senior
	// fractional role (6).
	if got := Score(b, strong("")).Recommendation.Position; got != "mgr" {
		t.Errorf("inferred position %q, want mgr", got)
	}
	// Without the mark the more senior one would be inferred.
	b.Roles[len(b.Roles)-1].TitleOnly = false
	if got := Score(b, strong("")).Recommendation.Position; got != "frac" {
		t.Errorf("without title_only: position %q, want frac", got)
	}
	b.Roles[len(b.Roles)-1].TitleOnly = true
	if got := Score(b, strong("Fractional manager")).Recommendation.Position; got != "frac" {
		t.Errorf("named by title: position %q, want frac", got)
	}
}
