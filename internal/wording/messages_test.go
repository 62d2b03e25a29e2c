package wording

import (
	"testing"

	"github.com/secpath/secpath/assess"
)

func TestBlockerMessage(t *testing.T) {
	cases := []struct {
		name string
		bl   assess.Blocker
		want string
	}{
		{"short", assess.Blocker{Kind: "experience", Fact: "years_security", Name: "Years in security", Unit: "years", Need: 5, Have: 3, Months: 24},
			"Years in security: needs 5 years, you have 3 (2 short, about 24 months at the earliest)."},
		{"short by a fraction", assess.Blocker{Kind: "experience", Name: "Years leading people", Unit: "years", Need: 3, Have: 2.25, Months: 9},
			"Years leading people: needs 3 years, you have 2.25 (0.8 short, about 9 months at the earliest)."},
		{"no unit", assess.Blocker{Kind: "experience", Name: "Board exposure", Need: 1, Months: 12},
			"Board exposure: needs 1, you have 0 (1 short, about 12 months at the earliest)."},
		{"not answered", assess.Blocker{Kind: "experience", Name: "Years in security", Unit: "years", Need: 5, NotAnswered: true},
			"Years in security: needs 5 years, not answered."},
		{"not asked", assess.Blocker{Kind: "experience", Name: "Years in security", Unit: "years", Need: 5, NotAsked: true},
			"Years in security: needs 5 years; not asked in quick mode: run the full assessment."},
		{"one certification", assess.Blocker{Kind: "certification", OneOf: []string{"CISM"}},
			"Employers usually expect one of CISM; none is recorded."},
		{"three certifications", assess.Blocker{Kind: "certification", OneOf: []string{"CISSP", "CISM", "CCISO"}},
			"Employers usually expect one of CISSP, CISM or CCISO; none is recorded."},
	}
	for _, c := range cases {
		if got := BlockerMessage(c.bl); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
