package export

import (
	"math"
	"sort"
)

// labelSpot is a marker to label: where it is, how far its shape reaches
// and the size of its label.
type labelSpot struct{ x, y, r, w, h float64 }

// placedLabel is where a label went: its text anchor and baseline, the
// box it fills, and whether it sits far enough from its marker to need a
// leader line.
type placedLabel struct {
	anchor string
	x, y   float64
	b      box
	leader bool
}

// Gaps kept around a label, so neighbours and markers never touch it.
const (
	labelPadX = 3.0
	labelPadY = 1.5
)

// placeLabels places one label for each spot, in order (the first spots
// get the best places), so that no two labels overlap, no label covers a
// marker and every label lies inside area. It tries places around the
// marker at growing distances, then any free place in area nearest the
// marker; a label that finds no room at all goes in rows from the top of
// spill, which grows downwards (the caller makes room for it). The result
// depends only on its arguments.
func placeLabels(spots []labelSpot, area, spill box) []placedLabel {
	markers := make([]box, len(spots))
	for i, s := range spots {
		markers[i] = box{s.x - s.r, s.y - s.r, s.x + s.r, s.y + s.r}
	}
	out := make([]placedLabel, len(spots))
	var taken []box
	free := func(b box, in box) bool {
		if b.x0 < in.x0 || b.x1 > in.x1 || b.y0 < in.y0 || b.y1 > in.y1 {
			return false
		}
		padded := box{b.x0 - labelPadX, b.y0 - labelPadY, b.x1 + labelPadX, b.y1 + labelPadY}
		for _, m := range markers {
			if padded.overlaps(m) {
				return false
			}
		}
		for _, t := range taken {
			if padded.overlaps(t) {
				return false
			}
		}
		return true
	}
	sx, sy := spill.x0, spill.y0
	for i, s := range spots {
		pl, ok := labelNear(s, func(b box) bool { return free(b, area) })
		if !ok {
			pl, ok = labelAnywhere(s, area, func(b box) bool { return free(b, area) })
		}
		if !ok {
			// In rows under the chart, with a leader back to the marker.
			if sx > spill.x0 && sx+s.w > spill.x1 {
				sx, sy = spill.x0, sy+s.h+2*labelPadY
			}
			pl = labelAt(s, "start", sx, sy, true)
			sx += s.w + 4*labelPadX
		}
		out[i] = pl
		taken = append(taken, pl.b)
	}
	return out
}

// labelAt is a label with its box's top-left corner at (x0, y0).
func labelAt(s labelSpot, anchor string, x0, y0 float64, leader bool) placedLabel {
	b := box{x0, y0, x0 + s.w, y0 + s.h}
	x := x0
	switch anchor {
	case "end":
		x = b.x1
	case "middle":
		x = (b.x0 + b.x1) / 2
	}
	// The baseline sits a little under the box's middle, as text of
	// this size does.
	return placedLabel{anchor: anchor, x: x, y: y0 + s.h*0.78, b: b, leader: leader}
}

// labelNear tries places around the marker: right, left, above, below
// and the diagonals, then the same further out, with a leader once the
// label is clear of its marker.
func labelNear(s labelSpot, ok func(box) bool) (placedLabel, bool) {
	for ring, d := range []float64{6, 14, 24, 36, 50, 66, 84} {
		d += s.r
		leader := ring > 1
		diag := d * 0.7
		cands := []placedLabel{
			labelAt(s, "start", s.x+d, s.y-s.h/2, leader),
			labelAt(s, "end", s.x-d-s.w, s.y-s.h/2, leader),
			labelAt(s, "middle", s.x-s.w/2, s.y-d-s.h, leader),
			labelAt(s, "middle", s.x-s.w/2, s.y+d, leader),
			labelAt(s, "start", s.x+diag, s.y-diag-s.h, leader),
			labelAt(s, "start", s.x+diag, s.y+diag, leader),
			labelAt(s, "end", s.x-diag-s.w, s.y-diag-s.h, leader),
			labelAt(s, "end", s.x-diag-s.w, s.y+diag, leader),
		}
		for _, c := range cands {
			if ok(c.b) {
				return c, true
			}
		}
	}
	return placedLabel{}, false
}

// labelAnywhere scans area on a fine grid for the free place whose box is
// nearest the marker.
func labelAnywhere(s labelSpot, area box, ok func(box) bool) (placedLabel, bool) {
	const step = 6.0
	type spot struct{ x0, y0, d float64 }
	var all []spot
	for y0 := area.y0; y0+s.h <= area.y1; y0 += step {
		for x0 := area.x0; x0+s.w <= area.x1; x0 += step {
			cx := math.Max(x0, math.Min(s.x, x0+s.w))
			cy := math.Max(y0, math.Min(s.y, y0+s.h))
			all = append(all, spot{x0, y0, math.Hypot(cx-s.x, cy-s.y)})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].d < all[j].d })
	for _, c := range all {
		anchor := "start"
		if c.x0+s.w < s.x {
			anchor = "end"
		}
		pl := labelAt(s, anchor, c.x0, c.y0, true)
		if ok(pl.b) {
			return pl, true
		}
	}
	return placedLabel{}, false
}
