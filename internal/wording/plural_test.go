package wording

import "testing"

func TestCount(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{Count(0, "year", "years"), "0 years"},
		{Count(1, "year", "years"), "1 year"},
		{Count(2, "year", "years"), "2 years"},
		{Count(1.0, "year", "years"), "1 year"},
		{Count(0.5, "year", "years"), "0.5 years"},
		{Count(1.5, "year", "years"), "1.5 years"},
		{Count(1, "competency", "competencies"), "1 competency"},
		{Count(11, "competency", "competencies"), "11 competencies"},
		{Count(-1, "level", "levels"), "-1 levels"},
		{Plural(1, "blocker", "blockers"), "blocker"},
		{Plural(21, "blocker", "blockers"), "blockers"},
		{UnitFor(1, "years"), "year"},
		{UnitFor(2, "years"), "years"},
		{UnitFor(1, "people"), "people"},
		{UnitFor(1, "staff"), "staff"},
		{UnitFor(1, "boss"), "boss"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
