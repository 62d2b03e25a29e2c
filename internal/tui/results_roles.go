package tui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// roleColumns are the widths of the readiness page's role table, in cells.
// A row is: mark, title, relation, readiness, fit, blocked marker.
type roleColumns struct {
	Name      int
	Bar       int  // 0: no bar
	Readiness int  // the readiness column, right-aligned
	LongBlock bool // "blocked ~24 months" rather than "blocked ~24 mo"
}

// Fixed widths of the role table: the mark ("→ "), the relation column
// with its space, readiness right-aligned (" 100%", or " 99–100%" when a
// role shows a range), fit right-aligned, and the blocked marker with its
// gap.
const (
	roleMarkW      = 2
	roleRelationW  = 1 + wording.RelationWidth
	roleReadinessW = 5
	roleRangeW     = 8
	roleFitW       = 5
	roleBlockShort = 2 + wording.BlockedWidth
	roleBlockLong  = 2 + len("blocked ~999 months")
)

// roleTable lays the role table out in width cells for titles up to
// longest runes; ranged says some role's readiness shows a range. The
// figures keep their width and the title takes what is left; a bar is
// drawn only where the whole title still fits beside it, so at 80 columns
// the titles stay readable and the figures carry the meaning. It is a
// pure function so that it can be table-tested.
func roleTable(width, longest int, ranged bool) roleColumns {
	c := roleColumns{LongBlock: width >= 90, Readiness: roleReadinessW}
	if ranged {
		c.Readiness = roleRangeW
	}
	block := roleBlockShort
	if c.LongBlock {
		block = roleBlockLong
	}
	avail := width - roleMarkW - roleRelationW - c.Readiness - roleFitW - block
	c.Name = max(12, min(longest, avail))
	if rest := avail - c.Name - 1; rest >= 8 {
		c.Bar = min(20, rest)
	}
	return c
}

// roleRow draws one role of the table.
func (r resultsScreen) roleRow(f *assess.RoleFit, cols roleColumns) string {
	s := r.c.Styles
	rec := r.result.Recommendation
	text, strong, muted := s.Text.Render, s.Strong.Render, s.Muted.Render
	if f.Relation == assess.RelOutgrown {
		// Roles behind the person are there for completeness: dimmed.
		text, strong, muted = s.Subtle.Render, s.Subtle.Render, s.Subtle.Render
	}
	mark := "  "
	if f.ID == rec.NextRole {
		mark = s.Accent.Render("→ ")
	}
	row := mark + text(fmt.Sprintf("%-*s", cols.Name, r.roleName(f.ID, f.Title, cols.Name))) + " " +
		muted(fmt.Sprintf("%-*s", wording.RelationWidth, wording.Relation(f.Relation)))
	if cols.Bar > 0 {
		if f.Relation == assess.RelOutgrown {
			row += " " + barIn(&s.Subtle, &s.BarEmpty, f.Readiness/100, cols.Bar)
		} else {
			row += " " + bar(s, f.Readiness/100, cols.Bar)
		}
	}
	row += strong(fmt.Sprintf("%*s", cols.Readiness, wording.ReadinessFigure(f))) + text(fmt.Sprintf("%*s", roleFitW, wording.Percent(f.Fit)))
	if m := wording.Blocked(f, !cols.LongBlock); m != "" {
		row += "  " + s.Warn.Render(m)
	}
	return row
}

// roleHeader labels the figures' columns of the role table.
func roleHeader(cols roleColumns) string {
	lead := roleMarkW + cols.Name + roleRelationW
	if cols.Bar > 0 {
		lead += 1 + cols.Bar
	}
	return strings.Repeat(" ", max(0, lead+cols.Readiness-len("readiness"))) + "readiness" + fmt.Sprintf("%*s", roleFitW, "fit")
}

// readinessPage leads with the recommended path and the judgement score,
// then every role in the order a person reads them (where they stand, the
// roles ahead, sideways, other fields, and the ones they have outgrown),
// the two figures explained, what blocks which role, and why.
func (r resultsScreen) readinessPage(width int) []string {
	s := r.c.Styles
	res := r.result
	b := r.c.Bank
	var lines []string
	if res.Answered < res.Asked {
		lines = append(lines, s.Warn.Render(fmt.Sprintf("%d of %d questions answered: the figures firm up as you answer more (o: sections).", res.Answered, res.Asked)), "")
	}
	rec := res.Recommendation
	summary := func(label, title string, f *assess.RoleFit) {
		line := s.Muted.Render(label) + s.Strong.Render(title)
		if f != nil {
			if more := s.Muted.Render(" · readiness " + wording.ReadinessFigure(f) + " · " + wording.Fit(f)); lipgloss.Width(line+more) <= width {
				line += more
			}
		}
		lines = append(lines, line)
	}
	if ro := b.Role(rec.NextRole); ro != nil {
		summary("Next step   ", wording.NextStep(b, rec), res.RoleFit(ro.ID))
	}
	if ro := b.Role(wording.Towards(rec)); ro != nil {
		summary("Towards     ", ro.Title, res.RoleFit(ro.ID))
	}
	if ro := b.Role(rec.LongTermRole); ro != nil {
		summary("Long-term   ", ro.Title, res.RoleFit(ro.ID))
	}
	lines = append(lines, s.Muted.Render("Judgement   ")+s.Text.Render(wording.Judgement(res.Judgement)))
	lines = append(lines, hanging("", wording.OrgSize(res.OrgSize), width, s.Muted.Render)...)
	lines = append(lines, "")
	longest := 0
	for _, f := range res.Roles {
		longest = max(longest, ansi.StringWidth(f.Title))
	}
	cols := roleTable(width, longest, wording.AnyRange(res))
	lines = append(lines, s.Muted.Render(roleHeader(cols)))
	for i := range res.Roles {
		lines = append(lines, r.roleRow(&res.Roles[i], cols))
	}
	lines = append(lines, "")
	lines = append(lines, hanging("", wording.ReadinessMeaning, width, s.Muted.Render)...)
	lines = append(lines, hanging("", wording.FitMeaning, width, s.Muted.Render)...)
	if wording.AnyRange(res) {
		lines = append(lines, hanging("", wording.RangeMeaning, width, s.Muted.Render)...)
	}
	var blocked []string
	for i := range res.Roles {
		f := &res.Roles[i]
		if f.Blocked && f.Relation != assess.RelOutgrown {
			blocked = append(blocked, hanging("• ", f.Title+": "+wording.BlockedBy(b, f), width, s.Text.Render)...)
		}
	}
	if len(blocked) > 0 {
		lines = append(lines, "", s.Section.Render("Blocked")+s.Muted.Render(" by experience minimums, beside readiness and not in it"))
		lines = append(lines, blocked...)
	}
	lines = append(lines, "", s.Section.Render("Why"))
	for _, why := range wording.Rationale(rec.Reasons) {
		lines = append(lines, hanging("• ", why, width, s.Text.Render)...)
	}
	for _, n := range res.Notes {
		lines = append(lines, hanging("• ", wording.ResultNote(n), width, s.Muted.Render)...)
	}
	lines = append(lines, "")
	lines = append(lines, hanging("", wording.RelationMeaning, width, s.Muted.Render)...)
	lines = append(lines, hanging("", wording.FitDetail, width, s.Muted.Render)...)
	return lines
}
