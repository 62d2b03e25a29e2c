package assess

import (
	"fmt"
	"strings"
	"testing"
)

// gapsOf lists gaps by competency, with their computed priority order.
func gapsOf(ids ...string) []Gap {
	out := make([]Gap, len(ids))
	for i, id := range ids {
		out[i] = Gap{Competency: id, Name: id, Priority: float64(len(ids) - i)}
	}
	return out
}

func order(gaps []Gap) string {
	parts := make([]string, len(gaps))
	for i, g := range gaps {
		parts[i] = g.Competency
		if g.Review != nil {
			parts[i] += fmt.Sprintf("(%s %d)", g.Review.Decision, g.Review.Priority)
		}
	}
	return strings.Join(parts, " ")
}

func TestOrderByReview(t *testing.T) {
	yes := func(c string, p int) AgreedGap {
		return AgreedGap{Role: "r", Competency: c, Matters: true, Priority: p}
	}
	no := func(c string) AgreedGap { return AgreedGap{Role: "r", Competency: c} }
	open := func(c string, p int) AgreedGap {
		return AgreedGap{Role: "r", Competency: c, Undecided: true, Priority: p}
	}
	cases := map[string]struct {
		agreed []AgreedGap
		want   string
	}{
		"no review keeps the computed order": {nil, "a b c d"},
		"does not matter moves to the end, marked": {[]AgreedGap{no("a")},
			"b c d a(does-not-matter 0)"},
		"priorities first, by priority": {[]AgreedGap{yes("d", 1), yes("b", 2)},
			"d(matters 1) b(matters 2) a c"},
		"mattering without a priority after the prioritised, before the rest": {[]AgreedGap{yes("c", 0), yes("d", 1)},
			"d(matters 1) c(matters 0) a b"},
		// An undecided record's priority is not an agreement: it stands
		// with the gaps nobody reviewed, in the computed order.
		"undecided stays with the unreviewed": {[]AgreedGap{open("d", 1), no("b")},
			"a c d( 1) b(does-not-matter 0)"},
		"another role's review does not count": {[]AgreedGap{{Role: "other", Competency: "a"}},
			"a b c d"},
		"a priority on a gap agreed not to matter counts for nothing": {[]AgreedGap{{Role: "r", Competency: "a", Priority: 1}, yes("c", 2)},
			"c(matters 2) b d a(does-not-matter 0)"},
		"everything at once": {[]AgreedGap{no("a"), yes("c", 3), yes("d", 1), open("b", 0), no("e")},
			"d(matters 1) c(matters 3) b( 0) a(does-not-matter 0)"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			gaps := gapsOf("a", "b", "c", "d")
			var m *MentorView
			if c.agreed != nil {
				m = &MentorView{Gaps: c.agreed}
			}
			OrderByReview(gaps, "r", m)
			if got := order(gaps); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestUndecidedGaps(t *testing.T) {
	m := &MentorView{Gaps: []AgreedGap{
		{Role: "r", Competency: "a", Matters: true},
		{Role: "r", Competency: "b"}, // does not matter: decided
		{Role: "r", Competency: "c", Undecided: true, Action: "read up"},
		{Role: "other", Competency: "d", Matters: true},
	}}
	cases := map[string]struct {
		m    *MentorView
		want string
	}{
		"no mentor's view: all undecided": {nil, "a b c d"},
		// c has a record but no decision; d was decided for another role.
		"decided ones drop out": {m, "c d"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if got := order(UndecidedGaps(gapsOf("a", "b", "c", "d"), "r", tc.m)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDecisionAndUniform(t *testing.T) {
	for _, c := range []struct {
		g    AgreedGap
		want Decision
	}{
		{AgreedGap{Matters: true}, Matters},
		{AgreedGap{}, DoesNotMatter},
		{AgreedGap{Undecided: true, Matters: true}, Undecided},
	} {
		if got := c.g.Decision(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.g, got, c.want)
		}
	}
	q := &Question{ID: "s", Measures: map[string]float64{"x": 2, "y": 1}}
	for name, c := range map[string]struct {
		levels map[string]int
		level  int
		ok     bool
	}{
		"same for both":  {map[string]int{"x": 3, "y": 3}, 3, true},
		"they differ":    {map[string]int{"x": 3, "y": 2}, 0, false},
		"only one rated": {map[string]int{"x": 3}, 0, false},
		"none":           {nil, 0, false},
	} {
		l, ok := MentorRating{Levels: c.levels}.Uniform(q)
		if ok != c.ok || (ok && l != c.level) {
			t.Errorf("%s: %d %v, want %d %v", name, l, ok, c.level, c.ok)
		}
	}
}

// TestMentorLevelsPerCompetency: a scenario rated per competency gives
// each competency its own mentor level, weighted as the bank weighs the
// questions. s-mix measures strat1 (weight 2) and lead1 (weight 1):
// strat1 = (1·4 from r-strat1 + 2·1 from s-mix) / 3 = 2; lead1 = 3, from
// s-mix alone; tech1 is not rated anywhere.
func TestMentorLevelsPerCompetency(t *testing.T) {
	b := testBank()
	m := &MentorView{Ratings: map[string]MentorRating{
		"r-strat1": {Levels: map[string]int{"strat1": 4}},
		"s-mix":    {Levels: map[string]int{"strat1": 1, "lead1": 3}},
	}}
	got := mentorLevels(b, m)
	if len(got) != 2 || !near(got["strat1"], 2) || !near(got["lead1"], 3) {
		t.Errorf("levels: %v", got)
	}
}
