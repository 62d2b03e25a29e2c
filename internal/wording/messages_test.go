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

func TestCalibration(t *testing.T) {
	cases := []struct {
		name string
		c    assess.Calibration
		want string
	}{
		{"over the scenarios", assess.Calibration{Name: "Risk management", Self: 4, Evidence: 2.33, Against: "judgement", Over: true},
			"You rated yourself 4.0 in Risk management, but your scenario answers point to 2.3. Bring a concrete example to your mentor: which is closer to what you have done?"},
		{"under the scenarios", assess.Calibration{Name: "Incident response", Self: 1, Evidence: 3.5, Against: "judgement"},
			"Your scenario choices in Incident response (3.5) are ahead of the work you rated (1.0): you know what good looks like. The level counts what you have done, so look for a chance to do it; if you have done more than you rated, show your mentor the evidence."},
		{"over the facts", assess.Calibration{Name: "Budget", Self: 4.5, Evidence: 2, Against: "facts", Over: true},
			"You rated yourself 4.5 in Budget, but your experience answers (team, budget, incidents or board exposure) support about 2. Until a mentor has seen the work, secpath counts it as unverified."},
	}
	for _, c := range cases {
		if got := Calibration(c.c); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestMentorDifference(t *testing.T) {
	cases := []struct {
		name string
		d    assess.MentorDifference
		want string
	}{
		{"mentor sees more", assess.MentorDifference{Name: "Governance", Self: 2, Mentor: 4, MentorName: "Dana"},
			"Governance: Dana sees 4.0 where your answers give 2.0. Write down the evidence Dana has seen."},
		{"mentor sees less", assess.MentorDifference{Name: "Cloud security", Self: 3.75, Mentor: 2.5, MentorName: "Dana"},
			"Cloud security: Dana sees 2.5 where your answers give 3.8. Agree what work would show the higher level."},
		{"no name", assess.MentorDifference{Name: "Governance", Self: 1, Mentor: 3},
			"Governance: your mentor sees 3.0 where your answers give 1.0. Write down the evidence your mentor has seen."},
	}
	for _, c := range cases {
		if got := MentorDifference(c.d); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
