package export

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/secpath/secpath/assess"
)

// svgNum formats a coordinate rounded to one decimal, without a trailing
// ".0" and never as "-0".
func svgNum(x float64) string {
	r := math.Round(x*10) / 10
	if r == 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// svgLevel formats a level for text: one decimal.
func svgLevel(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64) }

func clampLevel(x float64) float64 {
	return math.Max(assess.MinLevel, math.Min(assess.MaxLevel, x))
}

// box is a label's estimated extent, used to keep labels apart.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

func (a box) union(b box) box {
	return box{math.Min(a.x0, b.x0), math.Min(a.y0, b.y0), math.Max(a.x1, b.x1), math.Max(a.y1, b.y1)}
}

// textWidth estimates the width of s in a sans-serif font of size fs. It
// errs on the wide side so that labels placed apart stay apart with any
// of the system fonts the page names.
func textWidth(s string, fs float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune("iljtf.,:;'|!()[] ", r):
			w += 0.33
		case strings.ContainsRune("mwMW", r):
			w += 0.9
		case r >= 'A' && r <= 'Z':
			w += 0.7
		default:
			w += 0.58
		}
	}
	if bold {
		w *= 1.08
	}
	return w * fs
}

// wrapLabel splits a name into at most two lines of about width cells,
// ending the second with an ellipsis when the name is longer still.
func wrapLabel(s string, width int) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	lines := strings.Split(ansi.Wordwrap(s, width, ""), "\n")
	if len(lines) > 2 {
		rest := strings.Join(lines[1:], " ")
		lines = []string{lines[0], strings.TrimSpace(ansi.Truncate(rest, width-1, "")) + "…"}
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width+4 {
			lines[i] = ansi.Truncate(l, width+4, "…")
		}
	}
	return lines
}

type radarAxis struct {
	id, name    string
	you, target float64
}

// radarSVG draws the person's level in every competency the planned role
// targets against the role's target level, from the plan's levels (in the
// bank's competency order, which groups the technical, strategic and
// leadership competencies, so the shape reads by side). It returns the SVG
// and a caption, or "" when the role has fewer than three targets.
func radarSVG(p *assess.Plan) (string, string) {
	if len(p.Levels) < 3 {
		return "", ""
	}
	var axes []radarAxis
	for _, l := range p.Levels {
		axes = append(axes, radarAxis{l.Competency, l.Name, clampLevel(l.Level), clampLevel(float64(l.Target))})
	}
	const (
		radius   = 190.0
		fs       = 12.0
		lineH    = 14.0
		gap      = 10.0
		maxRunes = 24
	)
	n := len(axes)
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	pt := func(i int, r float64) (float64, float64) {
		a := angle(i)
		return r * math.Cos(a), r * math.Sin(a)
	}
	names := make([]string, n)
	for i, ax := range axes {
		names[i] = ax.name
	}
	labels := radarLabels(names, radius, fs, lineH, gap, maxRunes)
	bounds := box{-radius - 4, -radius - 4, radius + 4, radius + 4}
	for _, lb := range labels {
		bounds = bounds.union(lb.b)
	}
	// The legend sits under the chart.
	legendY := bounds.y1 + 22
	legendW := 24 + 6 + textWidth("You", fs+1, false) + 24 + 24 + 6 + textWidth("Target for "+p.Role.Title, fs+1, false)
	legendX := -legendW / 2
	bounds = bounds.union(box{legendX, legendY - 10, legendX + legendW, legendY + 6})
	pad := 8.0
	vx, vy := bounds.x0-pad, bounds.y0-pad
	vw, vh := bounds.x1-bounds.x0+2*pad, bounds.y1-bounds.y0+2*pad

	var desc []string
	for _, ax := range axes {
		desc = append(desc, fmt.Sprintf("%s: you %s, target %s", ax.name, svgLevel(ax.you), svgLevel(ax.target)))
	}
	title := fmt.Sprintf("Radar chart: your level in each of the %d competencies %s targets, against its target level, on a scale of 0 to 5", n, p.Role.Title)

	var s strings.Builder
	f := func(format string, args ...any) { fmt.Fprintf(&s, format, args...) }
	f(`<svg class="chart radar" role="img" aria-labelledby="radar-title radar-desc" aria-label="%s" viewBox="%s %s %s %s" width="%s" height="%s">`+"\n",
		html.EscapeString(title), svgNum(vx), svgNum(vy), svgNum(vw), svgNum(vh), svgNum(vw), svgNum(vh))
	f(`<title id="radar-title">%s</title>`+"\n", html.EscapeString(title))
	f(`<desc id="radar-desc">%s.</desc>`+"\n", html.EscapeString(strings.Join(desc, "; ")))
	ring := func(r float64) string {
		var d strings.Builder
		for i := range n {
			x, y := pt(i, r)
			if i == 0 {
				d.WriteString("M")
			} else {
				d.WriteString(" L")
			}
			d.WriteString(svgNum(x) + " " + svgNum(y))
		}
		return d.String() + " Z"
	}
	f(`<g class="grid">`)
	for lvl := 1; lvl <= 5; lvl++ {
		cls := "ring"
		if lvl == 5 {
			cls = "ring outer"
		}
		f(`<path class="%s" d="%s" />`, cls, ring(radius*float64(lvl)/5))
	}
	f("</g>\n")
	f(`<g class="spokes">`)
	for i := range n {
		x, y := pt(i, radius)
		f(`<line x1="0" y1="0" x2="%s" y2="%s" />`, svgNum(x), svgNum(y))
	}
	f("</g>\n")
	poly := func(val func(radarAxis) float64) string {
		var ps []string
		for i, ax := range axes {
			x, y := pt(i, radius*val(ax)/5)
			ps = append(ps, svgNum(x)+","+svgNum(y))
		}
		return strings.Join(ps, " ")
	}
	f(`<polygon class="target" points="%s"><title>Target for %s</title></polygon>`+"\n", poly(func(a radarAxis) float64 { return a.target }), html.EscapeString(p.Role.Title))
	f(`<polygon class="you" points="%s"><title>You</title></polygon>`+"\n", poly(func(a radarAxis) float64 { return a.you }))
	f(`<g class="dots">`)
	for i, ax := range axes {
		x, y := pt(i, radius*ax.you/5)
		f(`<circle cx="%s" cy="%s" r="2.5" />`, svgNum(x), svgNum(y))
	}
	f("</g>\n")
	// Ring values up the first spoke's left, clear of the polygons' edges.
	f(`<g class="ticks">`)
	for lvl := 1; lvl <= 5; lvl++ {
		f(`<text x="-4" y="%s" text-anchor="end">%d</text>`, svgNum(-radius*float64(lvl)/5+3.5), lvl)
	}
	f("</g>\n")
	f(`<g class="labels">`)
	for i, lb := range labels {
		f(`<text class="label" x="%s" y="%s" text-anchor="%s"><title>%s: you %s, target %s</title>`,
			svgNum(lb.x), svgNum(lb.y), lb.anchor, html.EscapeString(axes[i].name), svgLevel(axes[i].you), svgLevel(axes[i].target))
		for j, l := range lb.lines {
			if j == 0 {
				f(`<tspan>%s</tspan>`, html.EscapeString(l))
			} else {
				f(`<tspan x="%s" dy="%s">%s</tspan>`, svgNum(lb.x), svgNum(lineH), html.EscapeString(l))
			}
		}
		f("</text>")
	}
	f("</g>\n")
	lx := legendX
	f(`<g class="legend">`)
	f(`<rect class="you" x="%s" y="%s" width="24" height="10" />`, svgNum(lx), svgNum(legendY-9))
	lx += 30
	f(`<text x="%s" y="%s">You</text>`, svgNum(lx), svgNum(legendY))
	lx += textWidth("You", fs+1, false) + 24
	f(`<line class="target" x1="%s" y1="%s" x2="%s" y2="%s" />`, svgNum(lx), svgNum(legendY-4), svgNum(lx+24), svgNum(legendY-4))
	lx += 30
	f(`<text x="%s" y="%s">Target for %s</text>`, svgNum(lx), svgNum(legendY), html.EscapeString(p.Role.Title))
	f("</g>\n</svg>")
	note := fmt.Sprintf("Your level in each competency %s targets (filled), against its target (dashed); rings mark levels 1 to 5.", p.Role.Title)
	return s.String(), note
}

// radarLabel is one axis label of the radar: its lines, anchor, the
// anchor point of its first baseline and the box it fills.
type radarLabel struct {
	lines  []string
	anchor string
	x, y   float64
	b      box
}

// radarLabels places the axis labels outside the rings, each pushed
// outward along its axis until it clears the rings and every label placed
// before it (with a margin), so no two labels overlap however many axes
// there are: pushed far enough along two different directions, any two
// boxes part. The chart's viewBox grows to hold them.
func radarLabels(names []string, radius, fs, lineH, gap float64, maxRunes int) []radarLabel {
	n := len(names)
	clearsDisc := func(bx box) bool {
		cx := math.Max(bx.x0, math.Min(0, bx.x1))
		cy := math.Max(bx.y0, math.Min(0, bx.y1))
		return math.Hypot(cx, cy) > radius+4
	}
	labels := make([]radarLabel, n)
	for i, name := range names {
		lines := wrapLabel(name, maxRunes)
		w := 0.0
		for _, l := range lines {
			w = math.Max(w, textWidth(l, fs, false))
		}
		h := float64(len(lines)) * lineH
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		dx, dy := math.Cos(a), math.Sin(a)
		anchor := "middle"
		if dx > 0.12 {
			anchor = "start"
		} else if dx < -0.12 {
			anchor = "end"
		}
		var lb radarLabel
		for step := 0; ; step++ {
			d := radius + gap + 3*float64(step)
			px, py := d*dx, d*dy
			top := py - h/2 + dy*h/2
			var bx box
			switch anchor {
			case "start":
				bx = box{px, top, px + w, top + h}
			case "end":
				bx = box{px - w, top, px, top + h}
			default:
				bx = box{px - w/2, top, px + w/2, top + h}
			}
			lb = radarLabel{lines, anchor, px, top + fs*0.8, bx}
			ok := clearsDisc(bx)
			for j := range i {
				if ok && bx.overlaps(box{labels[j].b.x0 - 8, labels[j].b.y0 - 2, labels[j].b.x1 + 8, labels[j].b.y1 + 2}) {
					ok = false
				}
			}
			if ok || step > 2000 {
				break
			}
		}
		labels[i] = lb
	}
	return labels
}

// placementSVG places the person and every role on technical depth (up)
// against strategic breadth (across), 0–5 on both.
func placementSVG(p *assess.Plan) (string, string) {
	if len(p.Roles) == 0 {
		return "", ""
	}
	const (
		left, top = 64.0, 16.0
		pw, ph    = 640.0, 350.0
		fs        = 11.5
	)
	width := left + pw + 40
	sx := func(v float64) float64 { return left + pw*clampLevel(v)/5 }
	sy := func(v float64) float64 { return top + ph - ph*clampLevel(v)/5 }
	area := box{left + 2, top + 2, width - 4, top + ph - 2}

	type mark struct {
		text, full string
		x, y       float64
		kind       string // you | plan | long | plan long | role
		lbl        box
		lx, ly     float64
		anchor     string
		leader     bool
	}
	dims := p.Dimensions
	marks := []mark{{text: "You", full: fmt.Sprintf("You: strategic breadth %s, technical depth %s", svgLevel(dims.StrategicBreadth), svgLevel(dims.TechnicalDepth)),
		x: sx(dims.StrategicBreadth), y: sy(dims.TechnicalDepth), kind: "you"}}
	var plan, long []mark
	var others []mark
	for _, r := range p.Roles {
		m := mark{text: shortRole(r.Title), x: sx(r.Profile.StrategicBreadth), y: sy(r.Profile.TechnicalDepth), kind: "role",
			full: fmt.Sprintf("%s: strategic breadth %s, technical depth %s, readiness %.0f%%", r.Title, svgLevel(r.Profile.StrategicBreadth), svgLevel(r.Profile.TechnicalDepth), r.Readiness)}
		switch {
		case r.ID == p.Role.ID && r.ID == p.LongTerm.ID:
			m.kind = "plan long"
			plan = append(plan, m)
		case r.ID == p.Role.ID:
			m.kind = "plan"
			plan = append(plan, m)
		case r.ID == p.LongTerm.ID:
			m.kind = "long"
			long = append(long, m)
		default:
			others = append(others, m)
		}
	}
	// Emphasised marks are labelled first, so they get the best places.
	marks = append(append(append(marks, plan...), long...), others...)

	spots := make([]labelSpot, len(marks))
	for i, m := range marks {
		r := 5.0
		if m.kind != "role" {
			r = 7.5
		}
		spots[i] = labelSpot{x: m.x, y: m.y, r: r, w: textWidth(m.text, fs, m.kind != "role"), h: fs * 1.25}
	}
	title := "Placement chart: technical depth against strategic breadth, 0 to 5, for you and for every role"
	var desc []string
	for _, m := range marks {
		desc = append(desc, m.full)
	}
	// The legend wraps onto more lines when the role titles are long.
	type legendItem struct {
		kind, text string
		x, y       float64
	}
	planText := "Plan for: " + p.Role.Title
	if p.LongTerm.ID == p.Role.ID {
		planText += " (also long-term)"
	}
	legend := []legendItem{{kind: "you", text: "You"}, {kind: "plan", text: planText}}
	if p.LongTerm.ID != "" && p.LongTerm.ID != p.Role.ID {
		legend = append(legend, legendItem{kind: "long", text: "Long-term: " + p.LongTerm.Title})
	}
	legend = append(legend, legendItem{kind: "role", text: "Other roles"})
	lx, ly := left-40, top+ph+62
	for i := range legend {
		w := 18 + textWidth(legend[i].text, 12, false)
		if lx > left-40 && lx+w > width-8 {
			lx, ly = left-40, ly+20
		}
		legend[i].x, legend[i].y = lx, ly
		lx += w + 22
	}
	// Labels that find no room inside the plot go in rows under the legend.
	labels := placeLabels(spots, area, box{left - 40, ly + 22, width - 8, ly + 22})
	height := ly + 12
	for i, pl := range labels {
		m := &marks[i]
		m.lbl, m.lx, m.ly, m.anchor, m.leader = pl.b, pl.x, pl.y, pl.anchor, pl.leader
		height = math.Max(height, pl.b.y1+6)
	}

	var s strings.Builder
	f := func(format string, args ...any) { fmt.Fprintf(&s, format, args...) }
	f(`<svg class="chart placement" role="img" aria-labelledby="placement-title placement-desc" aria-label="%s" viewBox="0 0 %s %s" width="%s" height="%s">`+"\n",
		html.EscapeString(title), svgNum(width), svgNum(height), svgNum(width), svgNum(height))
	f(`<title id="placement-title">%s</title>`+"\n", html.EscapeString(title))
	f(`<desc id="placement-desc">%s.</desc>`+"\n", html.EscapeString(strings.Join(desc, "; ")))
	f(`<g class="grid">`)
	for v := 0; v <= 5; v++ {
		x, y := sx(float64(v)), sy(float64(v))
		f(`<line x1="%s" y1="%s" x2="%s" y2="%s" />`, svgNum(x), svgNum(top), svgNum(x), svgNum(top+ph))
		f(`<line x1="%s" y1="%s" x2="%s" y2="%s" />`, svgNum(left), svgNum(y), svgNum(left+pw), svgNum(y))
	}
	f("</g>\n")
	f(`<g class="axes"><line x1="%s" y1="%s" x2="%s" y2="%s" /><line x1="%s" y1="%s" x2="%s" y2="%s" /></g>`+"\n",
		svgNum(left), svgNum(top+ph), svgNum(left+pw), svgNum(top+ph), svgNum(left), svgNum(top), svgNum(left), svgNum(top+ph))
	f(`<g class="ticks">`)
	for v := 0; v <= 5; v++ {
		f(`<text x="%s" y="%s" text-anchor="middle">%d</text>`, svgNum(sx(float64(v))), svgNum(top+ph+16), v)
		f(`<text x="%s" y="%s" text-anchor="end">%d</text>`, svgNum(left-8), svgNum(sy(float64(v))+4), v)
	}
	f("</g>\n")
	f(`<text class="axis-title" x="%s" y="%s" text-anchor="middle">Strategic breadth →</text>`+"\n", svgNum(left+pw/2), svgNum(top+ph+38))
	f(`<text class="axis-title" x="0" y="0" text-anchor="middle" transform="translate(%s %s) rotate(-90)">Technical depth →</text>`+"\n", svgNum(left-36), svgNum(top+ph/2))
	// Leaders first, then markers, then labels on top.
	f(`<g class="leaders">`)
	for _, m := range marks {
		if !m.leader {
			continue
		}
		cx := math.Max(m.lbl.x0, math.Min(m.x, m.lbl.x1))
		cy := math.Max(m.lbl.y0, math.Min(m.y, m.lbl.y1))
		f(`<line x1="%s" y1="%s" x2="%s" y2="%s" />`, svgNum(m.x), svgNum(m.y), svgNum(cx), svgNum(cy))
	}
	f("</g>\n")
	f(`<g class="marks">`)
	// Other roles under the emphasised ones, the person on top.
	for pass := 0; pass < 3; pass++ {
		for _, m := range marks {
			switch {
			case pass == 0 && m.kind == "role":
				f(`<circle class="role" cx="%s" cy="%s" r="4.5"><title>%s</title></circle>`, svgNum(m.x), svgNum(m.y), html.EscapeString(m.full))
			case pass == 1 && (m.kind == "plan" || m.kind == "plan long"):
				f(`<path class="plan" d="%s"><title>Plan for: %s</title></path>`, diamond(m.x, m.y, 7.5), html.EscapeString(m.full))
			case pass == 1 && m.kind == "long":
				f(`<rect class="long" x="%s" y="%s" width="12" height="12"><title>Long-term: %s</title></rect>`, svgNum(m.x-6), svgNum(m.y-6), html.EscapeString(m.full))
			case pass == 2 && m.kind == "you":
				f(`<circle class="you" cx="%s" cy="%s" r="6.5"><title>%s</title></circle>`, svgNum(m.x), svgNum(m.y), html.EscapeString(m.full))
			}
		}
	}
	f("</g>\n")
	f(`<g class="labels">`)
	for _, m := range marks {
		cls := "label"
		if m.kind != "role" {
			cls = "label strong " + m.kind
		}
		// A backing keeps gridlines out of the text.
		f(`<rect class="label-bg" x="%s" y="%s" width="%s" height="%s" />`, svgNum(m.lbl.x0), svgNum(m.lbl.y0+1), svgNum(m.lbl.x1-m.lbl.x0), svgNum(m.lbl.y1-m.lbl.y0-2))
		f(`<text class="%s" x="%s" y="%s" text-anchor="%s"><title>%s</title>%s</text>`,
			cls, svgNum(m.lx), svgNum(m.ly), m.anchor, html.EscapeString(m.full), html.EscapeString(m.text))
	}
	f("</g>\n")
	// Legend: shapes as well as colours, so it reads in grey.
	f(`<g class="legend">`)
	for _, it := range legend {
		x, y := it.x, it.y
		switch it.kind {
		case "you":
			f(`<circle class="you" cx="%s" cy="%s" r="6.5" />`, svgNum(x+7), svgNum(y-4))
		case "plan":
			f(`<path class="plan" d="%s" />`, diamond(x+7, y-4, 7.5))
		case "long":
			f(`<rect class="long" x="%s" y="%s" width="12" height="12" />`, svgNum(x+1), svgNum(y-10))
		default:
			f(`<circle class="role" cx="%s" cy="%s" r="4.5" />`, svgNum(x+7), svgNum(y-4))
		}
		f(`<text x="%s" y="%s">%s</text>`, svgNum(x+18), svgNum(y), html.EscapeString(it.text))
	}
	f("</g>\n</svg>")
	note := fmt.Sprintf("Where you stand (%s across, %s up) and where each role's targets sit; %s is emphasised.",
		svgLevel(dims.StrategicBreadth), svgLevel(dims.TechnicalDepth), p.Role.Title)
	if p.LongTerm.ID != "" && p.LongTerm.ID != p.Role.ID {
		note = strings.TrimSuffix(note, " is emphasised.") + " and " + p.LongTerm.Title + " are emphasised."
	}
	return s.String(), note
}

// shortRole shortens "Security Engineer / Analyst" to "Security Engineer"
// for a chart label; the full title stays in the marker's tooltip. A
// title whose first part is one word ("Virtual / Fractional CISO") stays
// whole, as "Virtual" alone would name no role.
func shortRole(title string) string {
	if i := strings.Index(title, " / "); i > 0 && strings.Contains(title[:i], " ") {
		title = title[:i]
	}
	return ansi.Truncate(title, 40, "…")
}

func diamond(x, y, r float64) string {
	return fmt.Sprintf("M%s %s L%s %s L%s %s L%s %s Z", svgNum(x), svgNum(y-r), svgNum(x+r), svgNum(y), svgNum(x), svgNum(y+r), svgNum(x-r), svgNum(y))
}

// ---- page ----
