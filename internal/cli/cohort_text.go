package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/wording"
)

// The heatmap has a row per person and a column per competency, three
// cells wide, one table per dimension. Each column's heading is written
// on a line of its own, from its column rightwards, with a rule down to
// its cells from the headings after it:
//
//	                    Security architecture
//	                    │  Network and infrastructure security
//	                    │  │  Identity and access management
//	Amara Nwosu         ▓▓ ▓▓ ?
//
// so every heading is words a person can read, as long as the room to
// the right of its column allows (shortened to whole words where it does
// not, with a legend), and a team of any size only adds rows.

// heatCell is the width of a heatmap column.
const heatCell = 3

// headingRoom is the least room a heading has: the columns of a table are
// as many as leave it, the rest go to another table.
const headingRoom = 16

// heatNameWidth bounds the width of the heatmap's name column.
const heatNameMin, heatNameMax = 8, 24

// writeCohort prints the cohort for a terminal, in plain text of at most
// width columns.
func writeCohort(w io.Writer, b *assess.Bank, c *assess.Cohort, dir string, width int) error {
	lw := &lineWriter{w: w}
	n := len(c.People)
	for _, l := range wrapWords(fmt.Sprintf("Cohort of %d %s from %s · %s %s", n, map[bool]string{true: "person", false: "people"}[n == 1], dir, b.Meta.Name, b.Meta.Version), 78) {
		lw.line(l)
	}
	for _, s := range export.CohortSummary(c) {
		if item, ok := strings.CutPrefix(s, "- "); ok {
			lw.line(truncate("  "+item, width))
			continue
		}
		for _, l := range wrapWords(s, 78) {
			lw.line(l)
		}
	}

	marks := false
	nameW := heatNameMin
	for i := range c.People {
		p := &c.People[i]
		m := export.CohortMarks(p)
		marks = marks || m != ""
		nameW = max(nameW, min(heatNameMax, ansi.StringWidth(p.Name)+len([]rune(m))))
	}
	lw.line("")
	lw.line("Gaps against each person's next role, in levels (0-5) short of its target")
	lw.line("  " + export.CohortShadeLegend)
	lw.line("  " + export.CohortUnansweredLegend)
	if marks {
		for _, l := range wrapWords(export.CohortMarksLegend, 76) {
			lw.line("  " + l)
		}
	}
	x0 := nameW + 2
	most := max(1, (width-x0-headingRoom)/heatCell+1)
	var shortened []string
	for _, g := range export.CohortGroups(c, most) {
		lw.line("")
		lw.line(g.Title)
		for j, k := range g.Columns {
			x := x0 + heatCell*j
			h := export.CohortHeading(c.Names[k], c.Competencies[k], width-x)
			if h != c.Names[k] {
				shortened = append(shortened, h+" = "+c.Names[k])
			}
			lw.line(strings.Repeat(" ", x0) + strings.Repeat("│"+strings.Repeat(" ", heatCell-1), j) + h)
		}
		for i := range c.People {
			p := &c.People[i]
			var row strings.Builder
			row.WriteString(personLabel(p, nameW))
			row.WriteString("  ")
			for _, k := range g.Columns {
				cell := export.CohortCell(p, k)
				if cell == export.CohortUnanswered {
					row.WriteString(cell + strings.Repeat(" ", heatCell-1))
				} else {
					row.WriteString(strings.Repeat(cell, heatCell-1) + " ")
				}
			}
			lw.line(strings.TrimRight(row.String(), " "))
		}
	}
	if len(shortened) > 0 {
		lw.line("")
		for _, l := range wrapWords("Headings shortened: "+strings.Join(shortened, "; ")+".", 78) {
			lw.line(l)
		}
	}

	lw.line("")
	nameW = 4
	for i := range c.People {
		nameW = max(nameW, min(28, ansi.StringWidth(c.People[i].Name)+len([]rune(export.CohortMarks(&c.People[i])))))
	}
	// Each person against their next role: readiness (a range where
	// unverified claims would raise it), fit, judgement, and whether an
	// experience minimum blocks it.
	lw.line(strings.TrimRight(fmt.Sprintf("  %-*s %9s %4s %9s  %-10s  %s", nameW, "NAME", "READINESS", "FIT", "JUDGEMENT", "BLOCKED", "NEXT ROLE"), " "))
	for i := range c.People {
		p := c.People[i]
		lw.line(truncate(fmt.Sprintf("  %s %9s %4s %9s  %-10s  %s", personLabel(&p, nameW),
			export.CohortReadiness(p), wording.Percent(p.NextFit), export.CohortJudgement(p), export.CohortBlocked(p), export.CohortRoleTitle(c, p.NextRole)), width))
	}

	lw.line("")
	lw.line("Readiness by role, % (people per band; blocked by an experience minimum)")
	titleW := 4
	for _, r := range c.Roles {
		titleW = max(titleW, len([]rune(r.Title)))
	}
	titleW = max(20, min(titleW, width-57))
	head := fmt.Sprintf("  %-*s %4s %4s %4s  ", titleW, "ROLE", "MIN", "MED", "MAX")
	for _, l := range assess.BucketLabels {
		head += fmt.Sprintf(" %5s", l)
	}
	lw.line(head + fmt.Sprintf(" %7s", "BLOCKED"))
	for _, r := range c.Roles {
		row := fmt.Sprintf("  %-*s %4.0f %4.0f %4.0f  ", titleW, truncate(r.Title, titleW), r.Min, r.Median, r.Max)
		for _, k := range r.Buckets {
			row += fmt.Sprintf(" %5d", k)
		}
		lw.line(row + fmt.Sprintf(" %7d", r.Blocked))
	}

	lw.line("")
	lw.line("Closest to each role")
	for _, r := range c.Roles {
		lw.line(truncate(fmt.Sprintf("  %-*s  %s (%.0f%%)", titleW, truncate(r.Title, titleW), r.Closest, r.Max), width))
	}

	lw.line("")
	lw.line("Weakest competencies for the group: people short of their next role's target,")
	lw.line("mean shortfall and mean level, of the people who answered for each")
	weak := c.Weakest[:min(5, len(c.Weakest))]
	for i, ws := range weak {
		lw.line(fmt.Sprintf("  %d. %-34s %2d of %-2d short  shortfall %.1f  level %.1f", i+1, truncate(ws.Name, 34), ws.Short, ws.Answered, ws.MeanShortfall, ws.MeanLevel))
	}
	return lw.err
}

// personLabel is a person's name and marks padded to width cells, the
// name cut short where the two do not fit, never the marks.
func personLabel(p *assess.CohortPerson, width int) string {
	m := export.CohortMarks(p)
	name := truncate(p.Name, max(1, width-len([]rune(m))))
	s := name + m
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}

// wrapWords breaks text at spaces only, into lines of at most width cells
// where the words allow: a flag such as --self-only or a hyphenated name
// is never split.
func wrapWords(s string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case ansi.StringWidth(line)+1+ansi.StringWidth(w) <= width:
			line += " " + w
		default:
			out = append(out, line)
			line = w
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}
