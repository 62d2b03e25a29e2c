package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// levelColumns are the widths of a competency row: name, bar, then the
// level with its target, the judgement and the notes.
type levelColumns struct {
	Name, Bar int
}

// Widths of the competency rows' tail: " 2.5 / 3 ▲", the judgement column
// (wide enough for its heading), the other view's " mentor 3.0", and the
// longest note (" not answered", " unverified").
const (
	levelLevelW     = 10
	levelJudgementW = 10
	levelMentorW    = 11
	levelNoteW      = 13
)

// levelTable lays the competency rows out in width cells: the tail keeps
// its width, the name takes up to 46 cells (the longest name of the
// default bank whole: a name cut short reads worse than a shorter bar) and
// the bar what is left (8 to 25 cells). mentor and notes reserve room for the columns only some rows
// have. It is a pure function so that it can be table-tested.
func levelTable(width int, mentor, notes bool) levelColumns {
	avail := width - 2 - 1 - levelLevelW - levelJudgementW
	if mentor {
		avail -= levelMentorW
	}
	if notes {
		avail -= levelNoteW
	}
	name := min(46, max(16, avail-10))
	return levelColumns{Name: name, Bar: max(8, min(25, avail-name))}
}

// levelBar draws a level as a bar: filled to the verified level, shaded on
// to the claimed level where the claim is unverified.
func levelBar(s *Styles, c assess.CompetencyScore, width int) []cell {
	cells := make([]cell, width)
	fill := int(math.Round(c.Level / 5 * float64(width)))
	claimed := fill
	if c.Claimed != nil {
		claimed = int(math.Round(*c.Claimed / 5 * float64(width)))
	}
	for i := range cells {
		switch {
		case i < fill:
			cells[i] = cell{"█", &s.BarFull}
		case i < claimed:
			cells[i] = cell{"▒", &s.BarClaimed}
		default:
			cells[i] = cell{"░", &s.BarEmpty}
		}
	}
	return cells
}

// competencyPage shows every competency's level as a bar, with the compared
// role's target marked on it, the judgement its scenarios show beside it,
// unverified claims shaded, and, when a mentor rated, the other view's
// level marked too.
func (r resultsScreen) competencyPage(width int) []string {
	s := r.c.Styles
	f := r.compared()
	targets := map[string]int{}
	if ro := r.c.Bank.SizedRole(f.ID, r.result.OrgSize.Size); ro != nil {
		for _, t := range ro.Targets {
			targets[t.Competency] = t.Level
		}
	}
	mentor := r.mentorRated()
	onMentor := r.result.Basis == assess.BasisMentor
	selfLevel := map[string]float64{}
	for _, c := range r.self.Competencies {
		selfLevel[c.ID] = c.Level
	}
	notes, unverified := false, false
	for _, c := range r.result.Competencies {
		notes = notes || c.Answered == 0 || c.Unverified || c.NotPartOfWork
		unverified = unverified || c.Unverified
	}
	cols := levelTable(width, mentor, notes)
	lines := hanging(s.BarTarget.Render("┃ "), "the target for "+f.Title+" (tab: another role).", width, s.Muted.Render)
	lines = append(lines, hanging("", "Levels 0-5 rest on what you have done. Judgement: "+wording.Judgement(r.result.Judgement)+".", width, s.Muted.Render)...)
	if unverified {
		lines = append(lines, hanging(s.BarClaimed.Render("▒ "), "a self-rating above what your scenario answers or experience support: unverified, so not counted.", width, s.Muted.Render)...)
	}
	if mentor {
		legend := s.Accent.Render("◆") + s.Muted.Render(" the mentor's rating. Bars show the mentee's answers (m: the mentor's view).")
		if onMentor {
			legend = s.Accent.Render("◇") + s.Muted.Render(" the mentee's own answers. Bars show the mentor's view where rated (m: self).")
		}
		lines = append(lines, legend)
	}
	lines = append(lines, "", s.Muted.Render(strings.Repeat(" ", 3+cols.Name+cols.Bar)+fmt.Sprintf("%-*s%*s", levelLevelW, " level", levelJudgementW, "judgement")))
	head := len(lines)
	dim := assess.Dimension("")
	for _, c := range r.result.Competencies {
		if c.Dimension != dim {
			dim = c.Dimension
			if len(lines) > head {
				lines = append(lines, "")
			}
			lines = append(lines, s.Section.Render(strings.ToUpper(string(dim[:1]))+string(dim[1:])))
		}
		lines = append(lines, r.levelRow(c, targets, selfLevel, cols))
	}
	return lines
}

// levelRow draws one competency: name, bar, level against the target, the
// judgement, the other view's level, and a note.
func (r resultsScreen) levelRow(c assess.CompetencyScore, targets map[string]int, selfLevel map[string]float64, cols levelColumns) string {
	s := r.c.Styles
	onMentor := r.result.Basis == assess.BasisMentor
	barW := cols.Bar
	cells := levelBar(s, c, barW)
	at := func(level float64) int { return max(0, min(barW-1, int(math.Round(level/5*float64(barW)))-1)) }
	level := fmt.Sprintf(" %.1f", c.Level)
	tail := s.Text.Render(level)
	used := len(level)
	if t, ok := targets[c.ID]; ok {
		cells[at(float64(t))] = cell{"┃", &s.BarTarget}
		tail += s.Muted.Render(fmt.Sprintf(" / %d", t))
		used += 4
		if c.Level < float64(t)-assess.GapTolerance {
			tail += s.Warn.Render(" ▲")
			used += 2
		}
	}
	tail += strings.Repeat(" ", max(0, levelLevelW-used))
	judgement := "–"
	if c.Judgement != nil {
		judgement = fmt.Sprintf("%.1f", *c.Judgement)
	}
	tail += s.Text.Render(fmt.Sprintf("%*s", levelJudgementW, judgement))
	note := ""
	switch {
	case c.Answered == 0:
		note = s.Subtle.Render(" not answered")
	case c.NotPartOfWork:
		note = s.Subtle.Render(" not your work")
	case c.Unverified:
		note = s.Warn.Render(" unverified")
	}
	if c.Mentor != nil {
		// The other view's marker: the mentor's level on self bars, the
		// mentee's own level on mentor bars.
		other, mark, label := *c.Mentor, "◆", fmt.Sprintf(" mentor %.1f", *c.Mentor)
		if onMentor {
			other, mark, label = selfLevel[c.ID], "◇", fmt.Sprintf(" self %.1f", selfLevel[c.ID])
		}
		cells[at(other)] = cell{mark, &s.Accent}
		if note != "" {
			label = fmt.Sprintf("%-*s", levelMentorW, label) // keeps the notes in one column
		}
		tail += s.Accent.Render(label)
	} else if note != "" && r.mentorRated() {
		tail += strings.Repeat(" ", levelMentorW)
	}
	tail += note
	return "  " + s.Text.Render(fmt.Sprintf("%-*s", cols.Name, truncate(c.Name, cols.Name))) + " " + drawCells(cells) + tail
}
