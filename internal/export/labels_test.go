package export

import (
	"fmt"
	"math"
	"testing"
)

// checkLabels fails when two labels overlap, a label covers a marker or
// leaves both the area and the spill rows.
func checkLabels(t *testing.T, spots []labelSpot, got []placedLabel, area, spill box) {
	t.Helper()
	if len(got) != len(spots) {
		t.Fatalf("placed %d labels for %d spots", len(got), len(spots))
	}
	for i, a := range got {
		if w, h := a.b.x1-a.b.x0, a.b.y1-a.b.y0; math.Abs(w-spots[i].w) > 1e-9 || math.Abs(h-spots[i].h) > 1e-9 {
			t.Errorf("label %d is %gx%g, want %gx%g", i, w, h, spots[i].w, spots[i].h)
		}
		inArea := a.b.x0 >= area.x0 && a.b.x1 <= area.x1 && a.b.y0 >= area.y0 && a.b.y1 <= area.y1
		inSpill := a.b.x0 >= spill.x0 && a.b.y0 >= spill.y0 && (a.b.x1 <= spill.x1 || a.b.x0 == spill.x0)
		if !inArea && !inSpill {
			t.Errorf("label %d at %+v is neither inside the area %+v nor in the spill rows", i, a.b, area)
		}
		for j, b := range got[:i] {
			if a.b.overlaps(b.b) {
				t.Errorf("labels %d %+v and %d %+v overlap", j, b.b, i, a.b)
			}
		}
		for j, s := range spots {
			m := box{s.x - s.r, s.y - s.r, s.x + s.r, s.y + s.r}
			if a.b.overlaps(m) {
				t.Errorf("label %d %+v covers marker %d %+v", i, a.b, j, m)
			}
		}
	}
}

func TestPlaceLabelsApart(t *testing.T) {
	area := box{66, 18, 740, 364}
	spill := box{24, 440, 736, 440}
	cases := []struct {
		name  string
		spots []labelSpot
		// near says every label stays beside its marker, without a
		// leader.
		near bool
	}{
		{"one marker", []labelSpot{{x: 300, y: 200, r: 5, w: 80, h: 14}}, true},
		{"two far apart", []labelSpot{{x: 100, y: 100, r: 5, w: 80, h: 14}, {x: 600, y: 300, r: 5, w: 80, h: 14}}, true},
		{"marker at the right edge", []labelSpot{{x: 738, y: 200, r: 5, w: 120, h: 14}}, true},
	}
	// Crowded: twenty roles within a few units of one another, as roles
	// with the same profile sit.
	var crowd []labelSpot
	for i := range 20 {
		crowd = append(crowd, labelSpot{x: 400 + float64(i%5), y: 200 + float64(i/5), r: 5, w: 60 + float64(i*7%90), h: 14.4})
	}
	cases = append(cases, struct {
		name  string
		spots []labelSpot
		near  bool
	}{"twenty on one spot", crowd, false})
	// Overfull: more label than the area holds, so some spill.
	var full []labelSpot
	for i := range 72 {
		full = append(full, labelSpot{x: 80 + float64(i%12)*55, y: 30 + float64(i/12)*55, r: 5, w: 250, h: 14.4})
	}
	cases = append(cases, struct {
		name  string
		spots []labelSpot
		near  bool
	}{"more labels than room", full, false})

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := placeLabels(c.spots, area, spill)
			checkLabels(t, c.spots, got, area, spill)
			if c.name == "more labels than room" {
				spilled := 0
				for _, pl := range got {
					if pl.b.y0 >= spill.y0 {
						spilled++
					}
				}
				if spilled == 0 {
					t.Error("no label spilled under the chart, so the case does not test the spill")
				}
			}
			if c.near {
				for i, pl := range got {
					if pl.leader {
						t.Errorf("label %d has a leader with room beside its marker", i)
					}
				}
			}
			if again := placeLabels(c.spots, area, spill); fmt.Sprint(again) != fmt.Sprint(got) {
				t.Error("the same spots placed twice give different places")
			}
		})
	}
}

// TestPlaceLabelsFirstNearest: with room beside the marker, the first
// label goes right of it, vertically centred, as a reader expects.
func TestPlaceLabelsFirstNearest(t *testing.T) {
	got := placeLabels([]labelSpot{{x: 100, y: 100, r: 5, w: 40, h: 14}}, box{0, 0, 500, 500}, box{0, 600, 500, 600})
	want := box{111, 93, 151, 107} // 5 of marker + 6 of gap to the right
	if got[0].b != want || got[0].anchor != "start" || got[0].x != 111 {
		t.Errorf("placed at %+v anchor %s x %g, want %+v start 111", got[0].b, got[0].anchor, got[0].x, want)
	}
}

func TestRadarLabelsApart(t *testing.T) {
	long := "Security programme governance and reporting to the board"
	for _, n := range []int{3, 8, 24, 40} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			names := make([]string, n)
			for i := range names {
				names[i] = long[:10+i*7%40]
			}
			got := radarLabels(names, 190, 12, 14, 10, 24)
			for i, a := range got {
				if cx, cy := max(a.b.x0, min(0, a.b.x1)), max(a.b.y0, min(0, a.b.y1)); cx*cx+cy*cy <= 194*194 {
					t.Errorf("label %d %+v reaches into the rings", i, a.b)
				}
				for j, b := range got[:i] {
					if a.b.overlaps(b.b) {
						t.Errorf("labels %d %+v and %d %+v overlap", j, b.b, i, a.b)
					}
				}
			}
		})
	}
}
