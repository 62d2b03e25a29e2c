package tui

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

// compareMin is the smallest change in a competency level worth listing.
const compareMin = 0.1

// compareScreen shows what changed since an earlier assessment of the
// same person: readiness per role, competency levels, certifications, the
// gaps closed and opened for the role compared with, and calibration.
// Both assessments are scored on the mentee's own answers.
type compareScreen struct {
	screenBase
	c        *Common
	old, cur *assess.Result
	cmp      *assess.Comparison
	role     *assess.Role // whose gaps are compared
	closed   []assess.GapChange
	opened   []assess.GapChange
	offset   int
	// laid is the last layout of lines, shared by the copies of the
	// screen: the header, the view and scrolling all need it, and it
	// changes only with the comparison, the width and the styles.
	laid *compareLayout
}

type compareLayout struct {
	cmp    *assess.Comparison
	width  int
	styles *Styles
	lines  []string
}

func newCompare(c *Common, _ Options) Screen {
	return &compareScreen{c: c, laid: &compareLayout{}}
}

// Update scrolls the comparison.
func (cs *compareScreen) Update(msg tea.Msg) Next {
	next, n := cs.update(msg)
	*cs = next
	return n
}

// Open compares for the destination's role.
func (cs *compareScreen) Open(to Destination) {
	if d, ok := to.(compareMsg); ok && cs.c.canCompare() {
		cs.open(d.role)
	}
}

// Header names the earlier assessment.
func (cs *compareScreen) Header(int) (title, right, progress string) {
	return "compare", cs.header(), ""
}

// Keys are the scrolling keys.
func (cs *compareScreen) Keys() helpKeys { return cs.keys() }

// layout returns lines(width), laid out again only when the comparison,
// the width or the styles changed.
func (cs compareScreen) layout(width int) []string {
	l := cs.laid
	if l == nil {
		return cs.lines(width)
	}
	if l.lines == nil || l.cmp != cs.cmp || l.width != width || l.styles != cs.c.Styles {
		*l = compareLayout{cmp: cs.cmp, width: width, styles: cs.c.Styles, lines: cs.lines(width)}
	}
	return l.lines
}

// open compares the earlier assessment with the session; role is the role
// whose gaps are compared ("" for the recommended next step).
func (cs *compareScreen) open(role string) {
	b := cs.c.Bank
	self := assess.ScoreOptions{Basis: assess.BasisSelf}
	cs.old = assess.ScoreOpts(b, cs.c.Previous.Answers, self)
	cs.cur = assess.ScoreOpts(b, cs.c.State.File.Answers, self)
	cs.cmp = assess.CompareFor(b, cs.old, cs.cur, role)
	cs.role = b.Role(cs.cmp.Role)
	cs.closed, cs.opened = cs.cmp.GapsClosed, cs.cmp.GapsOpened
	cs.offset = 0
}

// header names the earlier assessment by date, and says when there is
// more to scroll to.
func (cs compareScreen) header() string {
	if cs.c.Previous == nil || cs.cmp == nil {
		return ""
	}
	h := "with the earlier assessment"
	if d := assessedOn(cs.c.Previous); d != "" {
		h = "with " + d
	}
	if n := len(cs.layout(cs.c.Layout.Content)); n > cs.c.Layout.Body {
		off := max(0, min(cs.offset, n-cs.c.Layout.Body))
		h += fmt.Sprintf(" · lines %d-%d of %d", off+1, off+cs.c.Layout.Body, n)
	}
	return h
}

// assessedOn is the date an assessment was last saved, or started.
func assessedOn(f *storage.File) string {
	t := f.Session.Updated
	if t.IsZero() {
		t = f.Session.Started
	}
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2 Jan 2006")
}

func (cs compareScreen) update(msg tea.Msg) (compareScreen, Next) {
	km, ok := msg.(tea.KeyPressMsg)
	k := cs.c.Keys
	switch {
	case !ok:
		return cs, Next{}
	case keyIs(km, k.Back):
		return cs, goTo(backMsg{})
	case cs.cmp == nil:
		// Nothing compared (no earlier assessment): only esc works.
		return cs, Next{}
	}
	page := max(1, cs.c.Layout.Body-2)
	switch {
	case keyIs(km, k.Up):
		cs.offset--
	case keyIs(km, k.Down):
		cs.offset++
	case keyIs(km, k.PageUp):
		cs.offset -= page
	case keyIs(km, k.PageDown), km.String() == "space":
		cs.offset += page
	case km.String() == "home":
		cs.offset = 0
	case km.String() == "end":
		cs.offset = math.MaxInt32
	}
	cs.offset = max(0, min(cs.offset, len(cs.layout(cs.c.Layout.Content))-cs.c.Layout.Body))
	return cs, Next{}
}

func (cs compareScreen) View() string {
	if cs.cmp == nil {
		return ""
	}
	lines := cs.layout(cs.c.Layout.Content)
	height := cs.c.Layout.Body
	off := max(0, min(cs.offset, len(lines)-height))
	return strings.Join(lines[off:min(len(lines), off+height)], "\n")
}

// signed formats a change with its sign.
func signed(format string, d float64) string {
	if math.Abs(d) < 0.05 {
		d = 0 // never "-0.0"
	}
	return fmt.Sprintf("%+"+format, d)
}

// judgementChange writes the overall judgement before and after.
func judgementChange(j assess.JudgementChange) string {
	switch {
	case j.Old != nil && j.New != nil:
		return fmt.Sprintf("%.1f → %.1f of 5, over %d scenarios now", j.Old.Score, j.New.Score, j.New.Scenarios)
	case j.New != nil:
		return wording.Judgement(j.New) + " now; none answered then"
	case j.Old != nil:
		return wording.Judgement(j.Old) + " then; none answered now"
	}
	return "no scenario answered in either"
}

// lines lays out the whole comparison; the view scrolls over it.
func (cs compareScreen) lines(width int) []string {
	s := cs.c.Styles
	c := cs.cmp
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
	section := func(title string) { add("", s.Section.Render(title)) }
	then := "the earlier assessment"
	if d := assessedOn(cs.c.Previous); d != "" {
		then += " (" + d + ")"
	}
	intro := fmt.Sprintf("Now against %s: %d of %d answered then, %d of %d now. Both on the mentee's own answers.", then, cs.old.Answered, cs.old.Asked, cs.cur.Answered, cs.cur.Asked)
	add(hanging("", intro, width, s.Muted.Render)...)
	section("Summary")
	for _, l := range wording.CompareSummary(cs.c.Bank, c) {
		add(hanging("• ", l, width, s.Text.Render)...)
	}
	delta := func(d float64, format string) string {
		text := signed(format, d)
		switch {
		case math.Abs(d) < 0.05:
			return s.Muted.Render(text)
		case d > 0:
			return s.Good.Render(text)
		}
		return s.Warn.Render(text)
	}
	section("Readiness and fit by role")
	nameW := min(36, max(16, width-50))
	add(s.Muted.Render(fmt.Sprintf("  %-*s %-17s   %s", nameW, "", " readiness", " fit")))
	for _, r := range c.Roles {
		row := "  " + s.Text.Render(fmt.Sprintf("%-*s", nameW, truncate(r.Name, nameW))) +
			s.Muted.Render(fmt.Sprintf(" %3.0f%% → ", r.Old)) + s.Strong.Render(fmt.Sprintf("%3.0f%%", r.New)) + " " + delta(r.Delta, "5.1f") +
			s.Muted.Render(fmt.Sprintf("  %3.0f%% → ", r.OldFit)) + s.Text.Render(fmt.Sprintf("%3.0f%%", r.NewFit)) + " " + delta(r.FitDelta, "5.1f")
		switch {
		case r.NewBlocked:
			row += s.Warn.Render("  blocked")
		case r.OldBlocked:
			row += s.Good.Render("  unblocked")
		}
		add(row)
	}
	add("", s.Muted.Render("Judgement   ")+s.Text.Render(judgementChange(c.Judgement)))
	if c.OldUnverified+c.NewUnverified > 0 {
		add(s.Muted.Render("Unverified  ") + s.Text.Render(fmt.Sprintf("%d self-ratings then, %d now", c.OldUnverified, c.NewUnverified)))
	}
	section(fmt.Sprintf("Competency levels (changed by %.1f or more, largest first)", compareMin))
	changed := make([]assess.CompetencyChange, 0, len(c.Competencies))
	for _, ch := range c.Competencies {
		if math.Abs(ch.Delta) >= compareMin-1e-9 {
			changed = append(changed, ch)
		}
	}
	sort.SliceStable(changed, func(i, j int) bool { return math.Abs(changed[i].Delta) > math.Abs(changed[j].Delta) })
	if len(changed) == 0 {
		add(s.Muted.Render("  No level changed by 0.1 or more."))
	}
	for _, ch := range changed {
		row := "  " + s.Text.Render(fmt.Sprintf("%-*s", nameW, truncate(ch.Name, nameW))) + s.Muted.Render(fmt.Sprintf(" %.1f → ", ch.Old)) + s.Strong.Render(fmt.Sprintf("%.1f", ch.New)) + " " + delta(ch.Delta, ".1f")
		if ch.OldJudgement != nil && ch.NewJudgement != nil {
			row += s.Muted.Render(fmt.Sprintf("  judgement %.1f → %.1f", *ch.OldJudgement, *ch.NewJudgement))
		}
		if ch.NewUnverified {
			row += s.Warn.Render("  unverified")
		}
		add(row)
	}
	section("New certifications")
	if len(c.NewCertifications) == 0 {
		add(s.Muted.Render("  None since then."))
	}
	for _, name := range c.NewCertifications {
		add(hanging("• ", name, width, s.Text.Render)...)
	}
	title := "the recommended next step"
	if cs.role != nil {
		title = cs.role.Title
	}
	section("Gaps for " + truncate(title, max(10, width-10)))
	if len(cs.closed) == 0 && len(cs.opened) == 0 {
		add(s.Muted.Render("  No gap closed or opened."))
	}
	gapRow := func(label string, style func(...string) string, g assess.GapChange) {
		add(hanging(style(label), fmt.Sprintf("%s: %.1f → %.1f, target %d", g.Name, g.Old, g.New, g.Target), width, s.Text.Render)...)
	}
	for _, g := range cs.closed {
		gapRow("  closed  ", s.Good.Render, g)
	}
	for _, g := range cs.opened {
		gapRow("  opened  ", s.Warn.Render, g)
	}
	section("Calibration")
	if len(c.CalibrationBetter) == 0 {
		add(s.Muted.Render("  No competency where self-ratings and scenario answers came closer."))
	}
	for _, ch := range c.CalibrationBetter {
		add(hanging("• ", fmt.Sprintf("%s: self-rating and scenarios %.1f levels apart then, %.1f now.", ch.Name, ch.OldSpread, ch.NewSpread), width, s.Text.Render)...)
	}
	return lines
}

func (cs compareScreen) keys() helpKeys {
	k := cs.c.Keys
	short := []key.Binding{withHelp(k.Down, "↑/↓", "scroll"), withHelp(k.PageDown, "pgup/pgdn", "page"), withHelp(k.Back, "esc", "back to results")}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}
