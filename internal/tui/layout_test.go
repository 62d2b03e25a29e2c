package tui

import "testing"

func TestComputeLayout(t *testing.T) {
	cases := map[string]struct {
		w, h int
		want Layout
	}{
		"too narrow":  {59, 30, Layout{Width: 59, Height: 30, TooSmall: true}},
		"too short":   {100, 17, Layout{Width: 100, Height: 17, TooSmall: true}},
		"minimum":     {60, 18, Layout{Width: 60, Height: 18, Compact: true, Content: 58, Margin: 1, Body: 14}},
		"80x24":       {80, 24, Layout{Width: 80, Height: 24, Compact: true, Content: 78, Margin: 1, Body: 20}},
		"wide short":  {120, 24, Layout{Width: 120, Height: 24, Compact: true, Content: 100, Margin: 10, Body: 20}},
		"100x30":      {100, 30, Layout{Width: 100, Height: 30, Content: 98, Margin: 1, Body: 25}},
		"120x40":      {120, 40, Layout{Width: 120, Height: 40, Content: 100, Margin: 10, Body: 35}},
		"200x60 side": {200, 60, Layout{Width: 200, Height: 60, Content: 100, Margin: 27, Body: 55, Side: 44}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if got := ComputeLayout(c.w, c.h); got != c.want {
				t.Errorf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestScrollWindow(t *testing.T) {
	lines := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	cases := []struct {
		focus, height, offset int
		first, newOffset      int
	}{
		{0, 4, 0, 0, 0},
		{5, 4, 0, 2, 2}, // focus below the window scrolls down to show it last
		{1, 4, 3, 1, 1}, // focus above the window scrolls up
		{9, 4, 0, 6, 6},
		{3, 20, 5, 0, 0}, // everything fits
	}
	for _, c := range cases {
		got, off := scrollWindow(lines, c.focus, c.height, c.offset)
		if got[0] != lines[c.first] || off != c.newOffset || len(got) != min(c.height, len(lines)) {
			t.Errorf("focus %d height %d offset %d: got first %s offset %d len %d", c.focus, c.height, c.offset, got[0], off, len(got))
		}
	}
}

func TestWrapAndHanging(t *testing.T) {
	got := wrap("one two three four five sixteencharword", 10)
	want := []string{"one two", "three four", "five", "sixteencha", "rword"}
	if len(got) != len(want) {
		t.Fatalf("wrap: %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("wrap line %d: %q, want %q", i, got[i], want[i])
		}
	}
	id := func(s ...string) string { return s[0] }
	h := hanging("» ", "alpha beta gamma delta", 12, id)
	if h[0] != "» alpha beta" || h[1] != "  gamma" || h[2] != "  delta" {
		t.Errorf("hanging: %q", h)
	}
}
