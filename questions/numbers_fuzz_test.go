package questions

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
)

// FuzzBankNumbers puts arbitrary floats (inf, nan, negative, huge,
// subnormal) into the numbers a bank holds: a role's target weight and
// experience minimum, a question's measure weight, bands and bounds, a
// certification's experience and waiver years. Either the bank is refused
// by Validate, or scoring and planning on it finish without a panic and
// give finite figures.
func FuzzBankNumbers(f *testing.F) {
	f.Add(1.0, 5.0, 2.0, 3.0, 50.0, 1.0)
	f.Add(math.Inf(1), math.NaN(), -1.0, 1e308, 5e-324, math.Copysign(0, -1))
	base, _, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	var persona *assess.Answers
	{
		a := assess.NewAnswers(base, assess.Full)
		for i := range base.Questions {
			q := &base.Questions[i]
			switch q.Kind {
			case assess.KindRating, assess.KindScenario:
				a.Items[q.ID] = assess.Answer{Choice: 1 + i%len(q.Options)}
			case assess.KindNumber:
				v := float64(i % 20)
				a.Items[q.ID] = assess.Answer{Number: &v}
			case assess.KindYesNo:
				v := i%2 == 0
				a.Items[q.ID] = assess.Answer{Bool: &v}
			case assess.KindCertifications:
				a.Items[q.ID] = assess.Answer{Held: []assess.HeldCert{{ID: base.Certifications[0].ID}}}
			}
		}
		persona = a
	}
	f.Fuzz(func(t *testing.T, weight, years, measure, band, max, waiver float64) {
		b := *base
		b.Roles = slices.Clone(base.Roles)
		b.Questions = slices.Clone(base.Questions)
		b.Certifications = slices.Clone(base.Certifications)
		ro := &b.Roles[0]
		ro.Targets = slices.Clone(ro.Targets)
		ro.Targets[0].Weight = weight
		ro.Experience = map[string]float64{"years_security": years}
		for i := range b.Questions {
			q := &b.Questions[i]
			if q.Kind == assess.KindNumber && len(q.Bands) == assess.MaxLevel {
				q.Bands = slices.Clone(q.Bands)
				q.Bands[2] = band
				q.Max = &max
				break
			}
		}
		for i := range b.Questions {
			q := &b.Questions[i]
			if len(q.Measures) > 0 && q.Kind == assess.KindRating {
				m := map[string]float64{}
				for k := range q.Measures {
					m[k] = measure
				}
				q.Measures = m
				break
			}
		}
		for i := range b.Certifications {
			if r := &b.Certifications[i].Rule; len(r.Waivers) > 0 {
				r.Waivers = slices.Clone(r.Waivers)
				r.Waivers[0].Years = waiver
				break
			}
		}
		b.Prepare()
		if rep := b.Validate(); !rep.OK() {
			return // refused, with its reasons: what must happen
		}
		res := assess.Score(&b, persona)
		for _, r := range res.Roles {
			if math.IsNaN(r.Readiness) || math.IsInf(r.Readiness, 0) || math.IsNaN(r.Fit) || math.IsInf(r.Fit, 0) {
				t.Fatalf("role %s: readiness %v fit %v from a bank that validated", r.ID, r.Readiness, r.Fit)
			}
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			if _, err := assess.BuildPlan(&b, persona, assess.PlanOptions{Start: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
				return
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("building the plan does not end")
		}
	})
}
