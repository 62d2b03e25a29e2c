package assess

import (
	"reflect"
	"testing"
	"time"
)

func TestCohortSelector(t *testing.T) {
	b := testBank()
	done := answers(map[string]Answer{"r-tech1": {Choice: 4}})
	day := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	type file struct {
		name, source string
		date         time.Time
		answered     int // of 9 asked
		mentor       bool
	}
	files := []file{
		{"Ann Lee", "ann-q3.toml", day(1), 9, false},
		{"ann  LEE", "ann-q4.toml", day(20), 9, false}, // the same person
		{"Ann Lee", "ann-restart.toml", day(28), 3, false},
		{"Bo", "bo.toml", day(5), 4, false}, // only unfinished
		{"Cy", "cy-self.toml", day(9), 9, false},
		{"Cy", "cy-reviewed.toml", day(9), 9, true}, // same date, reviewed
		{"Dee", "dee-b.toml", day(3), 9, false},
		{"Dee", "dee-a.toml", day(3), 9, false}, // same date: the later offered wins
	}
	older := func(src, name, kept string) SetAside {
		return SetAside{Source: src, Name: name, Reason: SetAsideOlder, Answered: 9, Asked: 9, Kept: kept}
	}
	unfinished := func(src, name string, n int) SetAside {
		return SetAside{Source: src, Name: name, Reason: SetAsideUnfinished, Answered: n, Asked: 9}
	}
	for _, c := range []struct {
		name   string
		choice CohortChoice
		kept   []string
		aside  []SetAside
	}{
		{"latest finished", CohortChoice{}, []string{"ann-q4.toml", "cy-reviewed.toml", "dee-a.toml"}, []SetAside{
			older("ann-q3.toml", "Ann Lee", "ann-q4.toml"), unfinished("ann-restart.toml", "Ann Lee", 3), unfinished("bo.toml", "Bo", 4),
			older("cy-self.toml", "Cy", "cy-reviewed.toml"), older("dee-b.toml", "Dee", "dee-a.toml")}},
		{"include unfinished", CohortChoice{IncludeUnfinished: true}, []string{"ann-restart.toml", "bo.toml", "cy-reviewed.toml", "dee-a.toml"}, []SetAside{
			older("ann-q3.toml", "Ann Lee", "ann-restart.toml"), older("ann-q4.toml", "ann  LEE", "ann-restart.toml"),
			older("cy-self.toml", "Cy", "cy-reviewed.toml"), older("dee-b.toml", "Dee", "dee-a.toml")}},
		{"all sessions", CohortChoice{AllSessions: true}, []string{"ann-q3.toml", "ann-q4.toml", "cy-self.toml", "cy-reviewed.toml", "dee-b.toml", "dee-a.toml"}, []SetAside{
			unfinished("ann-restart.toml", "Ann Lee", 3), unfinished("bo.toml", "Bo", 4)}},
		{"everything", CohortChoice{AllSessions: true, IncludeUnfinished: true}, []string{"ann-q3.toml", "ann-q4.toml", "ann-restart.toml", "bo.toml", "cy-self.toml", "cy-reviewed.toml", "dee-b.toml", "dee-a.toml"}, []SetAside{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cb := NewCohortBuilder(b)
			sel := NewCohortSelector(c.choice)
			for _, f := range files {
				rec := CohortRecord{Name: f.name, Source: f.source, Date: f.date, Answered: f.answered, Asked: 9}
				// Unfinished files the choice leaves out are not scored.
				if f.answered == 9 || c.choice.IncludeUnfinished {
					rec.Result = Score(b, done)
				}
				e := cb.EntryFrom(rec)
				if f.mentor {
					e.person.MentorLevels = make([]*float64, len(b.Competencies))
				}
				sel.Offer(e)
			}
			aside := sel.Into(cb)
			var kept []string
			for _, p := range cb.Cohort().People {
				kept = append(kept, p.Source)
			}
			if !reflect.DeepEqual(kept, c.kept) {
				t.Errorf("kept %q, want %q", kept, c.kept)
			}
			if !reflect.DeepEqual(aside, c.aside) {
				t.Errorf("set aside\n%+v\nwant\n%+v", aside, c.aside)
			}
		})
	}
}

// TestCohortLeavesUnansweredOut checks a competency nobody answered is
// no figure: not a level of 0 in the means, not a shortfall.
func TestCohortLeavesUnansweredOut(t *testing.T) {
	b := testBank()
	// Ann rates tech1 at option 5 (level 4), Bob at option 2 (level 1);
	// Cy answers only for strat1, nothing that measures tech1.
	members := []CohortMember{
		{Name: "Ann", Source: "ann.toml", Result: Score(b, answers(map[string]Answer{"r-tech1": {Choice: 5}}))},
		{Name: "Bob", Source: "bob.toml", Result: Score(b, answers(map[string]Answer{"r-tech1": {Choice: 2}}))},
		{Name: "Cy", Source: "cy.toml", Result: Score(b, answers(map[string]Answer{"r-strat1": {Choice: 4}}))},
	}
	c := BuildCohort(b, members)
	k := -1
	for i, id := range c.Competencies {
		if id == "tech1" {
			k = i
		}
	}
	for _, want := range []struct {
		person     int
		unanswered bool
	}{{0, false}, {1, false}, {2, true}} {
		if got := c.People[want.person].Unanswered[k]; got != want.unanswered {
			t.Errorf("%s: tech1 unanswered %v, want %v", c.People[want.person].Name, got, want.unanswered)
		}
	}
	for _, ws := range c.Weakest {
		if ws.ID != "tech1" {
			continue
		}
		// Over the two who answered: (4+1)/2 = 2.5, not (4+1+0)/3. Both
		// aim at eng (target 3): Bob 2 short, Ann not; mean shortfall
		// (0+2)/2 = 1.
		if ws.Answered != 2 || ws.MeanLevel != 2.5 || ws.Short != 1 || ws.MeanShortfall != 1 {
			t.Errorf("tech1: %+v, want 2 answered, mean level 2.5, 1 short, mean shortfall 1", ws)
		}
	}
}
