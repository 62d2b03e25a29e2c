package wording

import (
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
)

func TestCompareSummary(t *testing.T) {
	b := &assess.Bank{Roles: []assess.Role{{ID: "eng", Title: "Security Engineer"}, {ID: "mgr", Title: "IT Security Manager"}}}
	old, cur := &assess.Judgement{Score: 2.04, Scenarios: 10}, &assess.Judgement{Score: 3.36, Scenarios: 12}
	full := &assess.Comparison{
		Role: "mgr",
		Roles: []assess.RoleChange{
			{Change: assess.Change{ID: "eng", Name: "Security Engineer", Old: 70, New: 70.2}, OldFit: 60, NewFit: 60, OldBlocked: true},
			{Change: assess.Change{ID: "mgr", Name: "IT Security Manager", Old: 41.5, New: 55.1}, OldFit: 50, NewFit: 48.4, OldBlocked: true, NewBlocked: true},
		},
		Judgement:         assess.JudgementChange{Old: old, New: cur},
		OldUnverified:     3,
		NewUnverified:     1,
		OldNext:           "eng",
		NewNext:           "mgr",
		GapsClosed:        []assess.GapChange{{Competency: "risk"}},
		GapsOpened:        []assess.GapChange{{Competency: "a"}, {Competency: "b"}},
		Competencies:      []assess.CompetencyChange{{Change: assess.Change{Name: "Risk management", Old: 2, New: 3.25, Delta: 1.25}}},
		NewCertifications: []string{"CISM", "CySA+"},
		CalibrationBetter: []assess.CalibrationChange{{Competency: "risk"}},
	}
	want := []string{
		"Readiness for IT Security Manager: 42% → 55% (+14); fit 50% → 48% (-2).",
		"Judgement in the scenarios: 2.0 → 3.4 of 5.",
		"No longer blocked by experience: Security Engineer.",
		"Unverified self-ratings: 3 → 1.",
		"The recommended next step moved from Security Engineer to IT Security Manager.",
		"1 gap closed, 2 opened.",
		"Biggest rise: Risk management, 2.0 → 3.2.",
		"New certifications: CISM, CySA+.",
		"Self-ratings and scenario answers came closer in 1 competency.",
	}
	if got := CompareSummary(b, full); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("full:\ngot  %q\nwant %q", got, want)
	}
	quiet := &assess.Comparison{
		Role:              "mgr",
		Roles:             []assess.RoleChange{{Change: assess.Change{ID: "mgr", Name: "IT Security Manager", Old: 40.2, New: 40.4}, OldFit: 50, NewFit: 50.3}},
		Judgement:         assess.JudgementChange{New: cur},
		OldNext:           "mgr",
		NewNext:           "mgr",
		Competencies:      []assess.CompetencyChange{{Change: assess.Change{Name: "Risk management", Old: 2, New: 2, Delta: 0}}},
		CalibrationBetter: []assess.CalibrationChange{{}, {}},
	}
	want = []string{
		"Readiness for IT Security Manager: 40% → 40% (no change); fit 50% → 50% (no change).",
		"Judgement in the scenarios: 3.4 of 5; no scenario was answered before.",
		"0 gaps closed, 0 opened.",
		"Self-ratings and scenario answers came closer in 2 competencies.",
	}
	if got := CompareSummary(b, quiet); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("quiet:\ngot  %q\nwant %q", got, want)
	}
}
