package tui

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
)

// result pages, in order.
const (
	pageReadiness = iota
	pagePlacement
	pageCompetencies
	pageGaps
	pageCerts
	pageCount
)

var pageNames = []string{"Readiness", "Placement", "Competencies", "Gaps", "Certifications"}

// resultsScreen shows the scored assessment over five pages; tab changes
// the role the person is compared with.
type resultsScreen struct {
	screenBase
	c      *Common
	result *assess.Result
	// self is the result on the mentee's own answers, for the mentee's
	// marker when the levels rest on the mentor's ratings.
	self   *assess.Result
	basis  assess.Basis
	roles  []string // role ids in comparison order
	role   int
	page   int
	offset int
	gap    int
}

func newResults(c *Common, _ Options) Screen {
	return &resultsScreen{c: c, basis: assess.BasisSelf}
}

// Update changes the page and the role, and opens the detail screens.
func (r *resultsScreen) Update(msg tea.Msg) Next {
	next, n := r.update(msg)
	*r = next
	return n
}

// Open scores the session afresh, unless coming back from a detail.
func (r *resultsScreen) Open(to Destination) {
	if _, back := to.(backMsg); !back {
		r.refresh()
	} else if r.c.State.File != nil {
		r.score() // a gap review may have reordered the gaps
	}
}

// Header names the basis and the role compared with.
func (r *resultsScreen) Header(width int) (title, right, progress string) {
	// " secpath  " and the title on the left, a cell at each end.
	return r.title(), r.header(width - 12 - ansi.StringWidth(r.title())), ""
}

// Keys are the keys of the page on show.
func (r *resultsScreen) Keys() helpKeys { return r.keys() }

// mentorRated reports whether the session has mentor ratings, which make
// the self/mentor basis meaningful.
func (r resultsScreen) mentorRated() bool {
	return r.c.State.File != nil && r.c.State.File.Answers.Mentor.HasRatings()
}

// score computes the result on the chosen basis, and on the mentee's own
// answers beside it.
func (r *resultsScreen) score() {
	a := r.c.State.File.Answers
	r.result = assess.ScoreOpts(r.c.Bank, a, assess.ScoreOptions{Basis: r.basis})
	r.self = r.result
	if r.result.Basis == assess.BasisMentor {
		r.self = assess.ScoreOpts(r.c.Bank, a, assess.ScoreOptions{Basis: assess.BasisSelf})
	}
	r.c.Result = r.result
}

// toggleBasis switches between the mentee's answers and the mentor's
// ratings, keeping the page and the role compared with.
func (r resultsScreen) toggleBasis() (resultsScreen, Next) {
	if !r.mentorRated() {
		return r, Next{Status: "No mentor ratings yet: rate the questions in mentor mode first."}
	}
	r.basis = map[assess.Basis]assess.Basis{assess.BasisSelf: assess.BasisMentor, assess.BasisMentor: assess.BasisSelf}[r.result.Basis]
	role := ""
	if f := r.compared(); f != nil {
		role = f.ID
	}
	r.score()
	if i := slices.Index(r.roles, role); i >= 0 {
		r.role = i
	}
	r.gap = 0
	msg := "Levels now rest on the mentee's own answers."
	if r.result.Basis == assess.BasisMentor {
		msg = "Levels now rest on the mentor's ratings, where the mentor rated."
	}
	return r, Next{Status: msg}
}

// title is the header title; it names the basis when a mentor rated.
func (r resultsScreen) title() string {
	if r.result == nil || !r.mentorRated() {
		return "results"
	}
	if r.result.Basis == assess.BasisMentor {
		return "results · mentor's view"
	}
	return "results · self view"
}

// refresh scores the session. Scoring takes well under a millisecond, so
// it runs here rather than in a command.
func (r *resultsScreen) refresh() {
	st := r.c.State
	if st.File == nil {
		return
	}
	if !r.mentorRated() {
		r.basis = assess.BasisSelf
	}
	r.score()
	rec := r.result.Recommendation
	r.roles = r.roles[:0]
	seen := map[string]bool{}
	// The role the plan is drawn for comes first: the next step, or the
	// step growing in place prepares for.
	for _, id := range []string{rec.WorkTowards, rec.NextRole, rec.LongTermRole} {
		if id != "" && !seen[id] {
			r.roles = append(r.roles, id)
			seen[id] = true
		}
	}
	for _, f := range r.result.Roles {
		if !seen[f.ID] {
			r.roles = append(r.roles, f.ID)
			seen[f.ID] = true
		}
	}
	r.role, r.offset, r.gap = 0, 0, 0
}

func (r resultsScreen) compared() *assess.RoleFit {
	if r.result == nil || len(r.roles) == 0 {
		return nil
	}
	return r.result.RoleFit(r.roles[r.role])
}

// header names the role compared with in width cells, in its short form
// when the title does not fit.
func (r resultsScreen) header(width int) string {
	if f := r.compared(); f != nil {
		return "comparing with " + r.roleName(f.ID, f.Title, width-len("comparing with "))
	}
	return ""
}

// roleName is a role's title in width cells: whole, else the bank's
// short form, else cut at a word.
func (r resultsScreen) roleName(id, title string, width int) string {
	short := ""
	if ro := r.c.Bank.Role(id); ro != nil {
		short = ro.Short
	}
	return shortest(width, title, short)
}

func (r resultsScreen) update(msg tea.Msg) (resultsScreen, Next) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || r.result == nil {
		return r, Next{}
	}
	k := r.c.Keys
	switch {
	case keyIs(km, k.NextTab):
		r.page = (r.page + 1) % pageCount
		r.offset, r.gap = 0, 0
	case keyIs(km, k.PrevTab):
		r.page = (r.page + pageCount - 1) % pageCount
		r.offset, r.gap = 0, 0
	case keyIs(km, k.SwitchRole):
		r.role = (r.role + 1) % len(r.roles)
		r.gap, r.offset = 0, 0
	case km.String() == "shift+tab":
		r.role = (r.role + len(r.roles) - 1) % len(r.roles)
		r.gap, r.offset = 0, 0
	case km.Text >= "1" && km.Text <= "5" && len(km.Text) == 1:
		r.page = int(km.Text[0] - '1')
		r.offset, r.gap = 0, 0
	case keyIs(km, k.Up):
		r = r.scroll(-1)
	case keyIs(km, k.Down):
		r = r.scroll(1)
	case keyIs(km, k.PageDown):
		r = r.scroll(max(1, r.height()-2))
	case keyIs(km, k.PageUp):
		r = r.scroll(-max(1, r.height()-2))
	case keyIs(km, k.Choose):
		if f := r.compared(); r.page == pageGaps && f != nil && len(f.Gaps) > 0 {
			return r, goTo(gapMsg{role: f.ID, competency: f.Gaps[r.gap].Competency})
		}
	case keyIs(km, k.Basis):
		return r.toggleBasis()
	case keyIs(km, k.GapReview) && r.page == pageGaps:
		f := r.compared()
		if !r.c.State.Mentor {
			return r, Next{Status: "The gap review is part of mentor mode."}
		}
		return r, goTo(gapReviewMsg{role: f.ID, index: r.gap})
	case keyIs(km, k.Compare):
		role := ""
		if f := r.compared(); f != nil {
			role = f.ID
		}
		if !r.c.canCompare() {
			return r, Next{Status: "There is no earlier assessment of this person to compare with."}
		}
		return r, goTo(compareMsg{role: role})
	case keyIs(km, k.Export):
		role := ""
		if f := r.compared(); f != nil {
			role = f.ID
		}
		return r, goTo(saveDialogMsg{role: role})
	case keyIs(km, k.Overview), keyIs(km, k.Back):
		return r, goTo(overviewMsg{})
	}
	return r, Next{}
}

func (r resultsScreen) View() string {
	if r.result == nil {
		return ""
	}
	s := r.c.Styles
	width := r.c.Layout.Content
	var tabs []string
	for i, name := range pageNames {
		label := fmt.Sprintf("%d %s", i+1, name)
		if i == r.page {
			tabs = append(tabs, s.Selected.Render(" "+label+" "))
		} else {
			tabs = append(tabs, s.Muted.Render(" "+label+" "))
		}
	}
	head := strings.Join(tabs, "")
	body, focus := r.pageBody(width)
	var shown []string
	if focus >= 0 {
		// The gaps page follows the chosen gap; past the last one the
		// window goes on down to the blockers.
		_, off := scrolledTo(s, body, r.height(), 0, focus)
		shown, _ = scrolled(s, body, r.height(), off+r.offset)
	} else {
		shown, _ = scrolled(s, body, r.height(), r.offset)
	}
	return head + "\n\n" + strings.Join(shown, "\n")
}

// height is the number of lines the page under the tabs has.
func (r resultsScreen) height() int { return r.c.Layout.Body - 2 }

// pageBody draws the page on show; focus is the chosen gap's line on the
// gaps page, else -1.
func (r resultsScreen) pageBody(width int) ([]string, int) {
	switch r.page {
	case pageReadiness:
		return r.readinessPage(width), -1
	case pagePlacement:
		return r.placementPage(width), -1
	case pageCompetencies:
		return r.competencyPage(width), -1
	case pageGaps:
		return r.gapPage(width)
	case pageCerts:
		return r.certPage(width), -1
	}
	return nil, -1
}

// scroll moves down (d > 0) or up by d lines. On the gaps page the keys
// choose a gap, and below the last gap they scroll on to the blockers, so
// every line of every page can be reached. The offset never passes the
// point where the last line is on screen.
func (r resultsScreen) scroll(d int) resultsScreen {
	body, focus := r.pageBody(r.c.Layout.Content)
	h := r.height()
	if r.page != pageGaps {
		r.offset = max(0, min(r.offset+d, len(body)-h+1))
		return r
	}
	f := r.compared()
	if f == nil {
		return r
	}
	last := max(0, len(f.Gaps)-1)
	switch {
	case d > 0 && r.gap < last:
		r.gap = min(last, r.gap+d)
	case d > 0:
		_, off := scrolledTo(r.c.Styles, body, h, 0, focus)
		r.offset = max(0, min(r.offset+d, len(body)-h+1-off))
	case r.offset > 0:
		r.offset = max(0, r.offset+d)
	default:
		r.gap = max(0, r.gap+d)
	}
	return r
}

// placementPage draws technical depth against strategic breadth, with the
// person and every role's targets placed on it.
func (r resultsScreen) placementPage(width int) []string {
	s := r.c.Styles
	res := r.result
	cols := min(51, max(21, width-30))
	rows := 11
	if r.c.Layout.Compact {
		rows = 9
	}
	grid := make([][]cell, rows)
	for y := range grid {
		grid[y] = make([]cell, cols)
		for x := range grid[y] {
			grid[y][x] = cell{"·", &s.Subtle}
		}
	}
	place := func(depth, breadth float64) (int, int) {
		x := int(math.Round(breadth / 5 * float64(cols-1)))
		y := rows - 1 - int(math.Round(depth/5*float64(rows-1)))
		return max(0, min(cols-1, x)), max(0, min(rows-1, y))
	}
	legend := []string{}
	taken := map[[2]int]bool{}
	roles := append([]assess.RoleFit(nil), res.Roles...)
	sort.SliceStable(roles, func(i, j int) bool { return roles[i].Title < roles[j].Title })
	for i, f := range roles {
		letter := string(rune('A' + i))
		x, y := place(f.Profile.TechnicalDepth, f.Profile.StrategicBreadth)
		style := &s.Muted
		if f.ID == r.roles[r.role] {
			style = &s.BarTarget
		}
		if !taken[[2]int{x, y}] {
			grid[y][x] = cell{letter, style}
			taken[[2]int{x, y}] = true
		}
		legend = append(legend, style.Render(letter)+" "+s.Text.Render(r.roleName(f.ID, f.Title, 30))+s.Muted.Render(fmt.Sprintf(" %.1f / %.1f", f.Profile.TechnicalDepth, f.Profile.StrategicBreadth)))
	}
	x, y := place(res.Dimensions.TechnicalDepth, res.Dimensions.StrategicBreadth)
	grid[y][x] = cell{"●", &s.Chosen}
	var lines []string
	lines = append(lines, s.Muted.Render("Technical depth (up) against strategic breadth (across), 0 to 5. ")+s.Chosen.Render("●")+s.Muted.Render(" is you."))
	lines = append(lines, "")
	for y := range grid {
		label := "     "
		switch y {
		case 0:
			label = "  5 ┤"
		case rows - 1:
			label = "  0 ┤"
		default:
			label = "    │"
		}
		lines = append(lines, s.Muted.Render(label)+drawCells(grid[y]))
	}
	lines = append(lines, s.Muted.Render("    └"+strings.Repeat("─", cols)))
	lines = append(lines, s.Muted.Render(fmt.Sprintf("     0%s5", strings.Repeat(" ", cols-2))))
	lines = append(lines, "", s.Text.Render(fmt.Sprintf("You: technical depth %.1f, strategic breadth %.1f, leadership %.1f", res.Dimensions.TechnicalDepth, res.Dimensions.StrategicBreadth, res.Dimensions.Leadership)), "")
	lines = append(lines, s.Muted.Render("Roles (depth / breadth of their targets):"))
	if width >= 90 {
		half := (len(legend) + 1) / 2
		for i := 0; i < half; i++ {
			left := legend[i]
			if i+half < len(legend) {
				pad := 46 - lipgloss.Width(left)
				left += strings.Repeat(" ", max(1, pad)) + legend[i+half]
			}
			lines = append(lines, "  "+left)
		}
	} else {
		for _, l := range legend {
			lines = append(lines, "  "+l)
		}
	}
	return lines
}

func (r resultsScreen) keys() helpKeys {
	k := r.c.Keys
	short := []key.Binding{withHelp(k.PrevTab, "←/→", "page"), k.SwitchRole, withHelp(k.Down, "↑/↓", "scroll")}
	if r.page == pageGaps {
		short = []key.Binding{withHelp(k.Down, "↑/↓", "gap"), withHelp(k.Choose, "enter", "open"), withHelp(k.PrevTab, "←/→", "page"), k.SwitchRole}
	}
	var mentor []key.Binding
	if r.page == pageGaps && r.c.State.Mentor {
		mentor = append(mentor, k.GapReview)
	}
	if r.mentorRated() {
		mentor = append(mentor, k.Basis)
	}
	if r.c.Previous != nil {
		mentor = append(mentor, k.Compare)
	}
	short = append(short, mentor...)
	short = append(short, k.Export, withHelp(k.Overview, "o", "sections"))
	more := []key.Binding{withHelp(k.PrevTab, "←/→ 1-5", "page"), k.SwitchRole, withHelp(k.PrevField, "shift+tab", "previous role"), withHelp(k.Choose, "enter", "open the gap (gaps page)"), withHelp(k.PageDown, "pgup/pgdn", "scroll a page")}
	if r.c.State.Mentor {
		more = append(more, withHelp(k.GapReview, "g", "review the gaps one by one, then sign off (gaps page)"))
	}
	if r.c.State.Mentor || r.mentorRated() {
		more = append(more, withHelp(k.Basis, "m", "levels on the mentee's answers or the mentor's ratings"))
	}
	if r.c.Previous != nil {
		more = append(more, withHelp(k.Compare, "c", "compare with the earlier assessment"))
	} else {
		more = append(more, withHelp(k.Compare, "c", "compare with an earlier assessment of this person, once there is one"))
	}
	full := [][]key.Binding{short, more}
	return helpKeys{short: short, full: full}
}
