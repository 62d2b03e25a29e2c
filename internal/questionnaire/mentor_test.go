package questionnaire

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
)

// levels writes a question's ratings as "comp=level …", sorted.
func levels(r assess.MentorRating) string {
	var parts []string
	for c, l := range r.Levels {
		parts = append(parts, fmt.Sprintf("%s=%d", c, l))
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// TestMentorRatingTransitions walks the mentor's rating of the crisis
// scenario (it measures risk, weight 2, and ops, weight 1) through every
// transition, each step from the state the one before left.
func TestMentorRatingTransitions(t *testing.T) {
	b := mini(t)
	a := assess.NewAnswers(b, assess.Full)
	m := NewMentor(b, a, "Dana", today)
	crisis, years := b.Question("crisis"), b.Question("years")
	if got := crisis.MeasuredOrder(); !slices.Equal(got, []string{"risk", "ops"}) {
		t.Fatalf("the mini bank changed: crisis measures %v", got)
	}
	steps := []struct {
		name    string
		do      func() (bool, error)
		changed bool
		err     error
		want    string // the crisis rating's levels afterwards
		unrated []string
	}{
		{"nothing yet", func() (bool, error) { return false, nil }, false, nil, "", []string{"risk", "ops"}},
		{"rate risk 3", func() (bool, error) { return m.SetLevel(crisis, "risk", 3) }, true, nil, "risk=3", []string{"ops"}},
		{"the same again changes nothing", func() (bool, error) { return m.SetLevel(crisis, "risk", 3) }, false, nil, "risk=3", []string{"ops"}},
		{"ops differs: 1", func() (bool, error) { return m.SetLevel(crisis, "ops", 1) }, true, nil, "ops=1 risk=3", nil},
		{"out of range", func() (bool, error) { return m.SetLevel(crisis, "ops", 6) }, false, nil, "ops=1 risk=3", nil},
		{"not measured", func() (bool, error) { return m.SetLevel(crisis, "people", 2) }, false, ErrNotRated, "ops=1 risk=3", nil},
		{"a fact is only noted", func() (bool, error) { return m.SetLevel(years, "ops", 2) }, false, ErrNotRated, "ops=1 risk=3", nil},
		{"same for all: 3", func() (bool, error) { return m.SetAll(crisis, 3) }, true, nil, "ops=3 risk=3", nil},
		{"clear ops", func() (bool, error) { return m.ClearLevel(crisis, "ops"), nil }, true, nil, "risk=3", []string{"ops"}},
		{"clear ops again", func() (bool, error) { return m.ClearLevel(crisis, "ops"), nil }, false, nil, "risk=3", []string{"ops"}},
		// → from 5 goes round to not rated; ← from not rated to 5.
		{"step risk up twice from 3", func() (bool, error) {
			_, err := m.StepLevel(crisis, "risk", 1)
			_, err2 := m.StepLevel(crisis, "risk", 1)
			return true, errors.Join(err, err2)
		}, true, nil, "risk=5", []string{"ops"}},
		{"step risk past 5", func() (bool, error) { l, err := m.StepLevel(crisis, "risk", 1); return l == nil, err }, true, nil, "", []string{"risk", "ops"}},
		{"step ops down from not rated", func() (bool, error) { l, err := m.StepLevel(crisis, "ops", -1); return l != nil && *l == 5, err }, true, nil, "ops=5", []string{"risk"}},
	}
	for _, s := range steps {
		changed, err := s.do()
		if s.name == "out of range" {
			if err == nil || !strings.Contains(err.Error(), "outside 0 to 5") {
				t.Errorf("%s: err %v", s.name, err)
			}
		} else if !errors.Is(err, s.err) {
			t.Errorf("%s: err %v, want %v", s.name, err, s.err)
		}
		if changed != s.changed {
			t.Errorf("%s: changed %v, want %v", s.name, changed, s.changed)
		}
		if got := levels(m.Rating("crisis")); got != s.want {
			t.Errorf("%s: levels %q, want %q", s.name, got, s.want)
		}
		if got := m.Unrated(crisis); !slices.Equal(got, s.unrated) {
			t.Errorf("%s: unrated %v, want %v", s.name, got, s.unrated)
		}
	}
	if len(a.Items) != 0 {
		t.Errorf("rating wrote an answer: %+v", a.Items)
	}
	if v := m.View(); v == nil || v.Name != "Dana" || !v.Updated.Equal(today()) || m.Rated() != 1 {
		t.Errorf("view: %+v, rated %d", v, m.Rated())
	}
}

func TestMentorNotes(t *testing.T) {
	b := mini(t)
	a := assess.NewAnswers(b, assess.Full)
	m := NewMentor(b, a, "", today)
	cases := []struct {
		note    string
		changed bool
		kept    bool
	}{
		{"", false, false},                   // nothing, and no view is made
		{"  ask about on-call ", true, true}, // trimmed
		{"ask about on-call", false, true},   // the same
		{"", true, false},                    // emptied: the entry goes
	}
	for i, c := range cases {
		if got := m.SetNote("years", c.note); got != c.changed {
			t.Errorf("%d %q: changed %v, want %v", i, c.note, got, c.changed)
		}
		if i == 0 {
			if a.Mentor != nil {
				t.Error("an empty note made a mentor's view")
			}
			continue
		}
		if _, kept := a.Mentor.Ratings["years"]; kept != c.kept {
			t.Errorf("%d %q: entry kept %v, want %v", i, c.note, kept, c.kept)
		}
	}
	if got := m.Rating("years").Notes; got != "" {
		t.Errorf("notes %q", got)
	}
}

// gapsFor are three gaps of the role "manager" in the computed order.
func gapsFor() []assess.Gap {
	return []assess.Gap{{Competency: "risk", Name: "Risk"}, {Competency: "ops", Name: "Ops"}, {Competency: "people", Name: "People"}}
}

func names(gaps []assess.Gap) string {
	var out []string
	for _, g := range gaps {
		out = append(out, g.Competency)
	}
	return strings.Join(out, " ")
}

// TestMentorGapTransitions: a gap's record goes from nothing through the
// decisions and back, and only a record with something agreed in it is
// kept.
func TestMentorGapTransitions(t *testing.T) {
	b := mini(t)
	a := assess.NewAnswers(b, assess.Full)
	a.Profile.Name = "Ada"
	m := NewMentor(b, a, "Dana", today)
	draft := m.Draft("manager", "ops")
	if draft.Decision() != assess.Undecided || draft.Owner != "Ada" || m.View() != nil {
		t.Fatalf("draft %+v, view %+v", draft, m.View())
	}
	steps := []struct {
		name      string
		do        func() bool
		changed   bool
		recorded  bool
		undecided string
		agreed    string
	}{
		{"the draft as it is records nothing", func() bool { return m.PutGap(draft) }, false, false, "risk ops people", ""},
		{"matters", func() bool { var c bool; draft, c = m.Decide(draft, assess.Matters); return c }, true, true, "risk people", "ops"},
		{"matters again", func() bool { var c bool; draft, c = m.Decide(draft, assess.Matters); return c }, false, true, "risk people", "ops"},
		{"does not matter", func() bool { var c bool; draft, c = m.Decide(draft, assess.DoesNotMatter); return c }, true, true, "risk people", ""},
		{"back to not decided: nothing left, the record goes", func() bool { var c bool; draft, c = m.Decide(draft, assess.Undecided); return c }, true, false, "risk ops people", ""},
		{"undecided with an action is kept, still undecided", func() bool { draft.Action = "shadow the SOC"; return m.PutGap(draft) }, true, true, "risk ops people", ""},
		{"another owner", func() bool { draft.Action = ""; draft.Owner = "Sam"; return m.PutGap(draft) }, true, true, "risk ops people", ""},
		{"priority 1 for risk too", func() bool {
			r := m.Draft("manager", "risk")
			r.Priority = 1
			_, c := m.Decide(r, assess.Matters)
			return c
		}, true, true, "ops people", "risk"},
	}
	for _, s := range steps {
		if got := s.do(); got != s.changed {
			t.Errorf("%s: changed %v, want %v", s.name, got, s.changed)
		}
		if got := m.Gap("manager", "ops") != nil; got != s.recorded {
			t.Errorf("%s: recorded %v, want %v", s.name, got, s.recorded)
		}
		if got := names(m.Undecided("manager", gapsFor())); got != s.undecided {
			t.Errorf("%s: undecided %q, want %q", s.name, got, s.undecided)
		}
		if got := names(m.Agreed("manager", gapsFor())); got != s.agreed {
			t.Errorf("%s: agreed %q, want %q", s.name, got, s.agreed)
		}
	}
}

func TestMentorSignOff(t *testing.T) {
	b := mini(t)
	day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		mentee, mentor string
		date           time.Time
		err            error
		undecided      string
	}{
		"both names and the date": {"Ada", "Dana", day, nil, "risk people"},
		"no mentor":               {"Ada", "  ", day, ErrNames, "risk people"},
		"no mentee":               {"", "Dana", day, ErrNames, "risk people"},
		"no date":                 {"Ada", "Dana", time.Time{}, ErrDate, "risk people"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a := assess.NewAnswers(b, assess.Full)
			m := NewMentor(b, a, "", today)
			m.Decide(m.Draft("manager", "ops"), assess.Matters)
			if r := m.CheckSignOff("manager", gapsFor(), c.mentee, c.mentor, c.date); !errors.Is(r.Err, c.err) || r.Ready() != (c.err == nil) || names(r.Undecided) != c.undecided {
				t.Errorf("check: %+v", r)
			}
			_, err := m.SignOff("manager", gapsFor(), c.mentee, c.mentor, c.date)
			if !errors.Is(err, c.err) {
				t.Fatalf("err %v, want %v", err, c.err)
			}
			so := a.Mentor.SignOff
			if c.err != nil {
				if so.Signed() {
					t.Errorf("signed despite %v", c.err)
				}
				return
			}
			// The view had no name: the mentor's signature names it.
			if !so.Signed() || so.Mentor != "Dana" || a.Mentor.Name != "Dana" || !so.Date.Equal(day) {
				t.Errorf("sign-off %+v, name %q", so, a.Mentor.Name)
			}
		})
	}
}

func TestMentorName(t *testing.T) {
	b := mini(t)
	a := assess.NewAnswers(b, assess.Full)
	m := NewMentor(b, a, "", today)
	for i, c := range []struct {
		name    string
		changed bool
	}{{"", false}, {" Dana ", true}, {"Dana", false}, {"Sam", true}} {
		if got := m.SetName(c.name); got != c.changed {
			t.Errorf("%d %q: changed %v", i, c.name, got)
		}
	}
	if a.Mentor == nil || a.Mentor.Name != "Sam" {
		t.Errorf("view %+v", a.Mentor)
	}
}
