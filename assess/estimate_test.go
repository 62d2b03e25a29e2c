package assess

import (
	"maps"
	"slices"
	"testing"
)

// Ready for a role is 80% of it with every essential target met, so the
// time to readiness counts the essential gaps and then the largest
// others until readiness would reach 80%; hand-computed cases. Targets:
// a 4 (weight 3), b 3 (2), c 3 (1), d 2 (1): Σ w·t = 23.
func TestReadinessGaps(t *testing.T) {
	b := &Bank{Roles: []Role{{ID: "r", Targets: []Target{
		{Competency: "a", Level: 4, Weight: 3}, {Competency: "b", Level: 3, Weight: 2},
		{Competency: "c", Level: 3, Weight: 1}, {Competency: "d", Level: 2, Weight: 1},
	}}}}
	b.Prepare()
	fit := func(levels map[string]float64) *RoleFit {
		f := &RoleFit{ID: "r"}
		var got float64
		for _, tg := range b.Roles[0].Targets {
			l := levels[tg.Competency]
			got += tg.Weight * min(l, float64(tg.Level))
			if l < float64(tg.Level) {
				f.Gaps = append(f.Gaps, Gap{Competency: tg.Competency, Current: l, Target: tg.Level, Weight: tg.Weight, Priority: tg.Weight * (float64(tg.Level) - l)})
			}
		}
		f.Readiness = 100 * got / 23
		return f
	}
	for _, c := range []struct {
		name   string
		levels map[string]float64
		want   []string
	}{
		// 14.5 of 23 (63%); a is half a level short, not essential-short.
		// By priority b (4) closes to 18.5: 80.4%, ready.
		{"largest first", map[string]float64{"a": 3.5, "b": 1, "c": 2, "d": 0}, []string{"b"}},
		// a is 1.5 short of an essential target: closed first, 11.5 + 4.5
		// = 16 (69.6%); then b (priority 4): 20, 87%.
		{"essential first", map[string]float64{"a": 2.5, "b": 1, "c": 2, "d": 0}, []string{"a", "b"}},
		// 3.5·3 + 3·2 + 3 + 1 = 20.5 (89%), a half a level short: ready.
		{"ready already", map[string]float64{"a": 3.5, "b": 3, "c": 3, "d": 1}, nil},
		// Nothing done: a (12) 52%, then b (priority 6) 78%, then c
		// (priority 3, above d's 2) 91%.
		{"from nothing", map[string]float64{}, []string{"a", "b", "c"}},
	} {
		got := slices.Sorted(maps.Keys(readinessGaps(b, nil, fit(c.levels))))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: counted %v, want %v", c.name, got, c.want)
		}
	}
}

// Readiness counts only the targets asked about, and so does the time to
// it: with d not asked (quick mode), Σ w·t is 21 and 14.5 of it is 69%;
// b (priority 4) makes 18.5, 88%.
func TestReadinessGapsCountWhatWasAsked(t *testing.T) {
	b := &Bank{Roles: []Role{{ID: "r", Targets: []Target{
		{Competency: "a", Level: 4, Weight: 3}, {Competency: "b", Level: 3, Weight: 2},
		{Competency: "c", Level: 3, Weight: 1}, {Competency: "d", Level: 2, Weight: 1},
	}}}}
	b.Prepare()
	res := &Result{assessed: map[string]bool{"a": true, "b": true, "c": true}}
	fit := &RoleFit{ID: "r", Readiness: 100 * 14.5 / 21, Gaps: []Gap{
		{Competency: "a", Current: 3.5, Target: 4, Weight: 3, Priority: 1.5},
		{Competency: "b", Current: 1, Target: 3, Weight: 2, Priority: 4},
		{Competency: "c", Current: 2, Target: 3, Weight: 1, Priority: 1},
	}}
	if got := slices.Sorted(maps.Keys(readinessGaps(b, res, fit))); !slices.Equal(got, []string{"b"}) {
		t.Errorf("counted %v, want [b]", got)
	}
	// a 1.17 short of an essential target is closed first: 12.5 + 3.51
	// = 16.01 of 21 (76%); then b (priority 4): 20.01, 95%.
	fit.Readiness = 100 * 12.5 / 21
	fit.Gaps[0].Current, fit.Gaps[0].Priority = 2.83, 3.5
	if got := slices.Sorted(maps.Keys(readinessGaps(b, res, fit))); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("counted %v, want [a b]", got)
	}
}
