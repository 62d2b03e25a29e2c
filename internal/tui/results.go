package tui

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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
	c      *Common
	result *assess.Result
	roles  []string // role ids in comparison order
	role   int
	page   int
	offset int
	gap    int
}

func newResults(c *Common) resultsScreen { return resultsScreen{c: c} }

// refresh scores the session. Scoring takes well under a millisecond, so
// it runs here rather than in a command.
func (r *resultsScreen) refresh() {
	st := r.c.State
	if st.File == nil {
		return
	}
	r.result = assess.Score(r.c.Bank, st.File.Answers)
	rec := r.result.Recommendation
	r.roles = r.roles[:0]
	seen := map[string]bool{}
	for _, id := range []string{rec.NextRole, rec.LongTermRole} {
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

func (r resultsScreen) header() string {
	if f := r.compared(); f != nil {
		return "comparing with " + f.Title
	}
	return ""
}

func (r resultsScreen) Update(msg tea.Msg) (resultsScreen, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || r.result == nil {
		return r, nil
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
		if r.page == pageGaps {
			r.gap = max(0, r.gap-1)
		} else {
			r.offset = max(0, r.offset-1)
		}
	case keyIs(km, k.Down):
		if r.page == pageGaps {
			if f := r.compared(); f != nil {
				r.gap = min(max(0, len(f.Gaps)-1), r.gap+1)
			}
		} else {
			r.offset++
		}
	case keyIs(km, k.PageDown):
		r.offset += max(1, r.c.Layout.Body-2)
	case keyIs(km, k.PageUp):
		r.offset = max(0, r.offset-max(1, r.c.Layout.Body-2))
	case keyIs(km, k.Choose):
		if f := r.compared(); r.page == pageGaps && f != nil && len(f.Gaps) > 0 {
			return r, r.c.emit(gapMsg{role: f.ID, competency: f.Gaps[r.gap].Competency})
		}
	case keyIs(km, k.Export):
		role := ""
		if f := r.compared(); f != nil {
			role = f.ID
		}
		return r, r.c.emit(saveDialogMsg{role: role})
	case keyIs(km, k.Overview), keyIs(km, k.Back):
		return r, r.c.emit(overviewMsg{})
	}
	return r, nil
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
	var body []string
	focus := -1
	switch r.page {
	case pageReadiness:
		body = r.readinessPage(width)
	case pagePlacement:
		body = r.placementPage(width)
	case pageCompetencies:
		body = r.competencyPage(width)
	case pageGaps:
		body, focus = r.gapPage(width)
	case pageCerts:
		body = r.certPage(width)
	}
	height := r.c.Layout.Body - 2
	var shown []string
	if focus >= 0 {
		shown, _ = scrollWindow(body, focus, height, 0)
	} else {
		off := min(r.offset, max(0, len(body)-height))
		end := min(len(body), off+height)
		shown = body[off:end]
	}
	more := ""
	if len(body) > height && lipgloss.Width(head)+12 <= width {
		more = s.Subtle.Render("  ↑/↓ more")
	}
	return head + more + "\n\n" + strings.Join(shown, "\n")
}

func (r resultsScreen) readinessPage(width int) []string {
	s := r.c.Styles
	res := r.result
	b := r.c.Bank
	var lines []string
	if res.Answered < res.Asked {
		lines = append(lines, s.Warn.Render(fmt.Sprintf("%d of %d questions answered: the figures firm up as you answer more (o: sections).", res.Answered, res.Asked)), "")
	}
	rec := res.Recommendation
	if ro := b.Role(rec.NextRole); ro != nil {
		lines = append(lines, s.Muted.Render("Next step   ")+s.Strong.Render(ro.Title))
	}
	if ro := b.Role(rec.LongTermRole); ro != nil {
		lines = append(lines, s.Muted.Render("Long-term   ")+s.Strong.Render(ro.Title))
	}
	lines = append(lines, "")
	nameW := min(36, max(16, width-40))
	barW := max(8, min(30, width-nameW-19))
	for _, f := range res.Roles {
		name := fmt.Sprintf("%-*s", nameW, truncate(f.Title, nameW))
		mark := "  "
		if f.ID == rec.NextRole {
			mark = s.Accent.Render("→ ")
		}
		note := ""
		if n := len(f.Blockers); n > 0 {
			note = s.Warn.Render(" " + plural(n, "blocker"))
		}
		lines = append(lines, mark+s.Text.Render(name)+" "+bar(s, f.Readiness/100, barW)+s.Strong.Render(fmt.Sprintf(" %3.0f%%", f.Readiness))+note)
	}
	lines = append(lines, "", s.Section.Render("Why"))
	for _, why := range rec.Rationale {
		lines = append(lines, hanging("• ", why, width, s.Text.Render)...)
	}
	for _, n := range res.Notes {
		lines = append(lines, hanging("• ", n, width, s.Muted.Render)...)
	}
	return lines
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
	grid := make([][]string, rows)
	for y := range grid {
		grid[y] = make([]string, cols)
		for x := range grid[y] {
			grid[y][x] = s.Subtle.Render("·")
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
		style := s.Muted
		if f.ID == r.roles[r.role] {
			style = s.BarTarget
		}
		if !taken[[2]int{x, y}] {
			grid[y][x] = style.Render(letter)
			taken[[2]int{x, y}] = true
		}
		legend = append(legend, style.Render(letter)+" "+s.Text.Render(truncate(f.Title, 30))+s.Muted.Render(fmt.Sprintf(" %.1f / %.1f", f.Profile.TechnicalDepth, f.Profile.StrategicBreadth)))
	}
	x, y := place(res.Dimensions.TechnicalDepth, res.Dimensions.StrategicBreadth)
	grid[y][x] = s.Chosen.Render("●")
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
		lines = append(lines, s.Muted.Render(label)+strings.Join(grid[y], ""))
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

// competencyPage shows every competency's level as a bar, with the compared
// role's target marked on it.
func (r resultsScreen) competencyPage(width int) []string {
	s := r.c.Styles
	f := r.compared()
	targets := map[string]int{}
	if ro := r.c.Bank.Role(f.ID); ro != nil {
		for _, t := range ro.Targets {
			targets[t.Competency] = t.Level
		}
	}
	nameW := min(34, max(16, width-34))
	barW := max(10, min(25, width-nameW-16))
	lines := []string{s.Muted.Render("Level 0-5; ") + s.BarTarget.Render("┃") + s.Muted.Render(" marks the target for "+truncate(f.Title, max(10, width-40))+" (tab: another role)."), ""}
	dim := assess.Dimension("")
	for _, c := range r.result.Competencies {
		if c.Dimension != dim {
			dim = c.Dimension
			if len(lines) > 2 {
				lines = append(lines, "")
			}
			lines = append(lines, s.Section.Render(strings.ToUpper(string(dim[:1]))+string(dim[1:])))
		}
		t, hasT := targets[c.ID]
		cells := make([]string, barW)
		fill := int(math.Round(c.Level / 5 * float64(barW)))
		for i := range cells {
			if i < fill {
				cells[i] = s.BarFull.Render("█")
			} else {
				cells[i] = s.BarEmpty.Render("░")
			}
		}
		tail := s.Text.Render(fmt.Sprintf(" %.1f", c.Level))
		if hasT {
			pos := min(barW-1, int(math.Round(float64(t)/5*float64(barW)))-1)
			cells[max(0, pos)] = s.BarTarget.Render("┃")
			tail += s.Muted.Render(fmt.Sprintf(" / %d", t))
			if c.Level < float64(t)-assess.GapTolerance {
				tail += s.Warn.Render(" ▲")
			}
		}
		if c.Answered == 0 {
			tail += s.Subtle.Render(" not answered")
		}
		lines = append(lines, "  "+s.Text.Render(fmt.Sprintf("%-*s", nameW, truncate(c.Name, nameW)))+" "+strings.Join(cells, "")+tail)
	}
	return lines
}

// gapPage lists the compared role's gaps by priority; enter opens one.
func (r resultsScreen) gapPage(width int) ([]string, int) {
	s := r.c.Styles
	f := r.compared()
	lines := hanging("", fmt.Sprintf("Gaps for %s, highest priority first (weight × shortfall). Enter shows the next level and what to do.", f.Title), width, s.Muted.Render)
	lines = append(lines, "")
	if len(f.Gaps) == 0 {
		lines = append(lines, s.Good.Render("Every target is met."))
	}
	focus := 0
	nameW := min(36, max(16, width-36))
	for i, g := range f.Gaps {
		pointer := "  "
		name := fmt.Sprintf("%2d. %-*s", i+1, nameW, truncate(g.Name, nameW))
		if i == r.gap {
			pointer = s.Cursor.Render("› ")
			name = s.Selected.Render(name)
			focus = len(lines)
		} else {
			name = s.Text.Render(name)
		}
		detail := s.Muted.Render(fmt.Sprintf(" %.1f → %d  weight %g  priority %.1f", g.Current, g.Target, g.Weight, g.Priority))
		lines = append(lines, pointer+name+detail)
	}
	if len(f.Blockers) > 0 {
		lines = append(lines, "", s.Section.Render("Blockers (reported beside readiness, not in it)"))
		for _, bl := range f.Blockers {
			lines = append(lines, hanging("• ", bl.Message, width, s.Warn.Render)...)
		}
	}
	return lines, focus
}

func (r resultsScreen) certPage(width int) []string {
	s := r.c.Styles
	res := r.result
	lines := []string{s.Section.Render("Certifications")}
	lines = append(lines, hanging("", "Checked against each body's published rule, with its version: never a statement of eligibility, which only the awarding body decides.", width, s.Muted.Render)...)
	for _, c := range res.Certifications {
		st := s.Muted
		switch c.Status {
		case assess.StatusHeld:
			st = s.Good
		case assess.StatusMeetsRule:
			st = s.Accent
		}
		lines = append(lines, "", st.Render(fmt.Sprintf("%-10s %s", truncate(c.Abbr, 10), c.Status)))
		lines = append(lines, hanging("  ", c.Message, width, s.Text.Render)...)
	}
	lines = append(lines, "", s.Section.Render("Calibration"))
	if len(res.Calibration) == 0 {
		lines = append(lines, s.Muted.Render("Your self-ratings and scenario answers agree within two levels everywhere."))
	}
	for _, c := range res.Calibration {
		lines = append(lines, hanging("• ", c.Message, width, s.Text.Render)...)
	}
	return lines
}

func (r resultsScreen) keys() helpKeys {
	k := r.c.Keys
	short := []key.Binding{withHelp(k.PrevTab, "←/→", "page"), k.SwitchRole, withHelp(k.Down, "↑/↓", "scroll")}
	if r.page == pageGaps {
		short = []key.Binding{withHelp(k.PrevTab, "←/→", "page"), k.SwitchRole, withHelp(k.Down, "↑/↓", "choose gap"), withHelp(k.Choose, "enter", "open gap")}
	}
	short = append(short, k.Export, withHelp(k.Overview, "o", "sections"))
	return helpKeys{short: short, full: [][]key.Binding{short}}
}
