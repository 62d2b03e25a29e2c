package assess

import (
	"reflect"
	"testing"
)

// TestInconsistencies checks each rule both ways, equal figures, a
// missing or skipped figure, and a trial answer.
func TestInconsistencies(t *testing.T) {
	b := &Bank{Questions: []Question{
		{ID: "ys", Kind: KindNumber, Fact: "years_security"},
		{ID: "ym", Kind: KindNumber, Fact: "years_managing"},
		{ID: "yi", Kind: KindNumber, Fact: "years_it"},
	}}
	num := func(v float64) Answer { return Answer{Number: &v} }
	type broken struct {
		part, whole string
		pv, wv      float64
	}
	cases := []struct {
		name  string
		items map[string]Answer
		want  []broken
	}{
		{"nothing answered", map[string]Answer{}, nil},
		{"managing within security", map[string]Answer{"ym": num(3), "ys": num(8)}, nil},
		{"equal is fine", map[string]Answer{"ym": num(8), "ys": num(8)}, nil},
		{"managing above security", map[string]Answer{"ym": num(12), "ys": num(8)}, []broken{{"ym", "ys", 12, 8}}},
		{"security above IT", map[string]Answer{"ys": num(10), "yi": num(6)}, []broken{{"ys", "yi", 10, 6}}},
		{"both, in rule order", map[string]Answer{"ym": num(12), "ys": num(8), "yi": num(10)}, []broken{{"ym", "ys", 12, 8}, {"ym", "yi", 12, 10}}},
		{"the whole skipped", map[string]Answer{"ym": num(12), "ys": {Skipped: true}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []broken
			for _, in := range b.Inconsistencies(&Answers{Items: c.items}) {
				got = append(got, broken{in.PartQuestion, in.WholeQuestion, in.Part, in.Whole})
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	// A trial answer is checked without changing the answers, and only
	// the rules on its question are listed.
	a := &Answers{Items: map[string]Answer{"ys": num(8), "yi": num(5)}}
	got := b.InconsistenciesWith(a, "ym", num(12))
	if len(got) != 2 || got[0].Rule.Whole != "years_security" || got[1].Rule.Whole != "years_it" {
		t.Errorf("trial: %+v", got)
	}
	if _, ok := a.Items["ym"]; ok {
		t.Error("the trial answer was written into the answers")
	}
	if len(b.Inconsistencies(a)) != 1 {
		t.Errorf("the answers themselves break %d rules, want 1 (security above IT)", len(b.Inconsistencies(a)))
	}
}
