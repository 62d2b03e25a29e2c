package questions

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/secpath/secpath/assess"
)

// Property tests of the scoring on the default bank: random but seeded
// assessments, so a failure names a case that can be run again.

const propertyCases = 300

// randomAnswers answers every full-mode question at random: ratings and
// scenarios any option, numbers within 0..max (or a plausible range),
// yes/no either way, and now and then a question skipped or a confidence
// set.
func randomAnswers(b *assess.Bank, r *rand.Rand) *assess.Answers {
	a := assess.NewAnswers(b, assess.Full)
	confs := []assess.Confidence{"", assess.ConfidenceLow, assess.ConfidenceMedium, assess.ConfidenceHigh}
	for i := range b.Questions {
		q := &b.Questions[i]
		if r.IntN(8) == 0 {
			continue
		}
		ans := assess.Answer{Confidence: confs[r.IntN(len(confs))]}
		switch q.Kind {
		case assess.KindRating, assess.KindScenario:
			ans.Choice = 1 + r.IntN(len(q.Options))
		case assess.KindNumber:
			hi := 30.0
			if q.Max != nil && *q.Max < hi {
				hi = *q.Max
			}
			v := float64(r.IntN(int(hi) + 1))
			if len(q.Bands) > 0 {
				v = float64(r.IntN(int(q.Bands[len(q.Bands)-1]) * 2))
			}
			ans.Number = &v
		case assess.KindYesNo:
			v := r.IntN(2) == 0
			ans.Bool = &v
		case assess.KindCertifications:
			ans.Held = []assess.HeldCert{}
			for _, c := range b.Certifications {
				if r.IntN(6) == 0 {
					ans.Held = append(ans.Held, assess.HeldCert{ID: c.ID})
				}
			}
		}
		a.Items[q.ID] = ans
	}
	return a
}

func clone(a *assess.Answers) *assess.Answers {
	c := *a
	c.Items = make(map[string]assess.Answer, len(a.Items))
	for k, v := range a.Items {
		c.Items[k] = v
	}
	return &c
}

// optionOrder lists a rating question's options from the lowest level up.
func defaultBank(t *testing.T) *assess.Bank {
	t.Helper()
	b, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Raising any self-rating never lowers any role's readiness, unless it
// makes over-claiming the pattern (assess.OverClaimPattern): then claims
// count at the judgement itself, by design. Raising a rating can only
// start the pattern, never end it.
func TestPropertyRaisingARatingNeverLowersReadiness(t *testing.T) {
	b := defaultBank(t)
	r := rand.New(rand.NewPCG(1, 2))
	patterns := 0
	for n := 0; n < propertyCases; n++ {
		a := randomAnswers(b, r)
		q := &b.Questions[r.IntN(len(b.Questions))]
		if q.Kind != assess.KindRating {
			continue
		}
		ans := a.Items[q.ID]
		next := nextLevelUp(q, ans.Choice)
		if ans.Choice == 0 || next == 0 {
			continue
		}
		before := assess.Score(b, a)
		up := clone(a)
		ans.Choice = next
		up.Items[q.ID] = ans
		after := assess.Score(b, up)
		if before.OverClaimPattern && !after.OverClaimPattern {
			t.Fatalf("case %d: raising %s to option %d ended the over-claim pattern", n, q.ID, ans.Choice)
		}
		if after.OverClaimPattern != before.OverClaimPattern {
			patterns++
			continue
		}
		for _, f := range before.Roles {
			if g := after.RoleFit(f.ID); g.Readiness < f.Readiness-1e-9 {
				t.Fatalf("case %d: raising %s to option %d lowered %s from %.1f to %.1f", n, q.ID, ans.Choice, f.ID, f.Readiness, g.Readiness)
			}
		}
	}
	t.Logf("%d raised ratings started the over-claim pattern", patterns)
}

// A stronger scenario option never lowers the judgement score.
func TestPropertyStrongerOptionNeverLowersJudgement(t *testing.T) {
	b := defaultBank(t)
	r := rand.New(rand.NewPCG(3, 4))
	strength := func(q *assess.Question, choice int) float64 {
		var s, w float64
		for comp, wt := range q.Measures {
			l, _ := q.Options[choice-1].LevelFor(comp)
			s += wt * float64(l)
			w += wt
		}
		return s / w
	}
	for n := 0; n < propertyCases; n++ {
		a := randomAnswers(b, r)
		q := &b.Questions[r.IntN(len(b.Questions))]
		if q.Kind != assess.KindScenario {
			continue
		}
		ans := a.Items[q.ID]
		if ans.Choice == 0 {
			continue
		}
		before := assess.Score(b, a)
		for c := 1; c <= len(q.Options); c++ {
			if strength(q, c) <= strength(q, ans.Choice) {
				continue
			}
			up := clone(a)
			better := ans
			better.Choice = c
			up.Items[q.ID] = better
			if after := assess.Score(b, up); after.Judgement.Score < before.Judgement.Score-1e-9 {
				t.Fatalf("case %d: option %d of %s is stronger than %d but lowered judgement %.2f → %.2f", n, c, q.ID, ans.Choice, before.Judgement.Score, after.Judgement.Score)
			}
		}
	}
}

// With every rating at 1 and little experience, no role above the
// practitioner track reaches 50%, whatever the scenario answers: the
// best scenario answers, the worst, or any.
func TestPropertyNoviceNeverReadsAsAManager(t *testing.T) {
	b := defaultBank(t)
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < propertyCases; n++ {
		a := assess.NewAnswers(b, assess.Full)
		years := float64(r.IntN(3))
		for i := range b.Questions {
			q := &b.Questions[i]
			ans := assess.Answer{Confidence: assess.ConfidenceHigh}
			switch q.Kind {
			case assess.KindRating:
				ans.Choice = 2 // level 1: aware
			case assess.KindScenario:
				switch n % 3 {
				case 0: // the textbook answer every time
					ans.Choice = bestOption(q)
				case 1:
					ans.Choice = 1 + r.IntN(len(q.Options))
				default:
					ans.Choice = worstOption(q)
				}
			case assess.KindNumber:
				v := 0.0
				if q.Fact == "years_security" || q.Fact == "years_it" {
					v = years
				}
				ans.Number = &v
			case assess.KindYesNo:
				f := false
				ans.Bool = &f
			case assess.KindCertifications:
				ans.Held = []assess.HeldCert{}
			}
			a.Items[q.ID] = ans
		}
		res := assess.Score(b, a)
		for _, f := range res.Roles {
			if f.Track != "practitioner" && f.Readiness >= 50 {
				t.Fatalf("case %d (scenarios %d): %s reads %.1f%% ready", n, n%3, f.ID, f.Readiness)
			}
		}
	}
}

func optionStrength(q *assess.Question, i int) float64 {
	var s, w float64
	for comp, wt := range q.Measures {
		l, _ := q.Options[i].LevelFor(comp)
		s += wt * float64(l)
		w += wt
	}
	return s / w
}

func bestOption(q *assess.Question) int {
	best := 0
	for i := range q.Options {
		if optionStrength(q, i) > optionStrength(q, best) {
			best = i
		}
	}
	return best + 1
}

func worstOption(q *assess.Question) int {
	worst := 0
	for i := range q.Options {
		if optionStrength(q, i) < optionStrength(q, worst) {
			worst = i
		}
	}
	return worst + 1
}

// Over-claiming lowers confidence: the same person rating themselves at
// the top everywhere, with the same weak scenario answers and facts,
// has lower confidence in every competency the claim goes beyond what
// the judgement or the facts support, and no higher readiness anywhere
// than the claim's ceiling allows.
func TestPropertyOverClaimingLowersConfidence(t *testing.T) {
	b := defaultBank(t)
	r := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < propertyCases/3; n++ {
		honest := randomAnswers(b, r)
		for i := range b.Questions {
			q := &b.Questions[i]
			switch q.Kind {
			case assess.KindScenario:
				honest.Items[q.ID] = assess.Answer{Choice: worstOption(q), Confidence: assess.ConfidenceHigh}
			case assess.KindRating:
				honest.Items[q.ID] = assess.Answer{Choice: 2, Confidence: assess.ConfidenceHigh}
			case assess.KindYesNo, assess.KindNumber, assess.KindCertifications:
				// The facts stay unanswered: only claims and judgement differ.
			}
		}
		over := clone(honest)
		for i := range b.Questions {
			if q := &b.Questions[i]; q.Kind == assess.KindRating {
				over.Items[q.ID] = assess.Answer{Choice: topChoice(q), Confidence: assess.ConfidenceHigh}
			}
		}
		h, o := assess.Score(b, honest), assess.Score(b, over)
		flagged := 0
		for i, oc := range o.Competencies {
			if !oc.Unverified {
				continue
			}
			flagged++
			if oc.Confidence >= h.Competencies[i].Confidence {
				t.Fatalf("case %d: over-claiming %s kept confidence %.2f (honest %.2f)", n, oc.ID, oc.Confidence, h.Competencies[i].Confidence)
			}
		}
		if flagged < 10 {
			t.Fatalf("case %d: top ratings with the weakest scenario answers leave only %d competencies unverified", n, flagged)
		}
		if ciso := o.RoleFit("ciso"); ciso.Readiness >= 70 {
			t.Fatalf("case %d: an over-claimer reads %.1f%% ready for CISO", n, ciso.Readiness)
		}
	}
}

// The order of options in the bank changes no result: reverse (and
// rotate) every rating and scenario question's options, move each answer
// with its option, and every figure stays the same.
func TestPropertyOptionOrderChangesNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for n := 0; n < 40; n++ {
		b := defaultBank(t)
		a := randomAnswers(b, r)
		want, err := json.Marshal(assess.Score(b, a))
		if err != nil {
			t.Fatal(err)
		}
		shuffled, _, err := decodeDefault()
		if err != nil {
			t.Fatal(err)
		}
		moved := clone(a)
		for i := range shuffled.Questions {
			q := &shuffled.Questions[i]
			if q.Kind != assess.KindRating && q.Kind != assess.KindScenario {
				continue
			}
			perm := r.Perm(len(q.Options)) // new position i holds old option perm[i]
			opts := make([]assess.Option, len(q.Options))
			for newPos, old := range perm {
				opts[newPos] = q.Options[old]
				if ans, ok := a.Items[q.ID]; ok && ans.Choice == old+1 {
					ans.Choice = newPos + 1
					moved.Items[q.ID] = ans
				}
			}
			q.Options = opts
		}
		got, err := json.Marshal(assess.Score(shuffled, moved))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("case %d: shuffling the options changed the result", n)
		}
	}
}

// nextLevelUp returns the 1-based option of a rating question with the
// lowest level above the chosen one's (the "not part of my work" option
// sits last at level 0, so option order is not level order), or 0.
func nextLevelUp(q *assess.Question, choice int) int {
	if choice < 1 || choice > len(q.Options) {
		return 0
	}
	cur := *q.Options[choice-1].Level
	best, bestLevel := 0, assess.MaxLevel+1
	for i, o := range q.Options {
		if l := *o.Level; l > cur && l < bestLevel {
			best, bestLevel = i+1, l
		}
	}
	return best
}

// topChoice returns the 1-based option of a rating question with the
// highest level.
func topChoice(q *assess.Question) int {
	best, bestLevel := 1, -1
	for i, o := range q.Options {
		if l := *o.Level; l > bestLevel {
			best, bestLevel = i+1, l
		}
	}
	return best
}
