package tui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strings"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// gapPage lists the compared role's gaps by priority; enter opens one. It
// leads with the role's readiness and fit, and what blocks it.
func (r resultsScreen) gapPage(width int) ([]string, int) {
	s := r.c.Styles
	f := r.compared()
	head := f.Title + ": " + wording.Figures(f)
	if m := wording.Earliest(r.c.Bank, f); m != "" {
		head += " · " + m
	}
	lines := hanging("", head+".", width, s.Text.Render)
	lines = append(lines, hanging("", gapOrderNote(f), width, s.Muted.Render)...)
	lines = append(lines, "")
	if len(f.Gaps) == 0 {
		lines = append(lines, s.Good.Render("Every target is met."))
	}
	unverified := map[string]bool{}
	for _, c := range r.result.Competencies {
		unverified[c.ID] = c.Unverified
	}
	// The name column takes what the figures leave, so a row never runs
	// past the width: pointer, number, name, figures, marker.
	// Where the names would be cut, the weight goes (priority is weight
	// × shortfall, and the gap's own screen gives it) before any name is.
	longest := 0
	for _, g := range f.Gaps {
		longest = max(longest, ansi.StringWidth(g.Name))
	}
	var details []string
	widest := 0
	for _, withWeight := range []bool{true, false} {
		details, widest = details[:0], 0
		for _, g := range f.Gaps {
			d := fmt.Sprintf(" %.1f → %d  priority %.1f", g.Current, g.Target, g.Priority) + reviewMark(g)
			if withWeight {
				d = fmt.Sprintf(" %.1f → %d  weight %g  priority %.1f", g.Current, g.Target, g.Weight, g.Priority) + reviewMark(g)
			}
			if unverified[g.Competency] {
				d += " unverified"
			}
			if g.NotAnswered {
				d += " not answered"
			}
			details = append(details, d)
			widest = max(widest, ansi.StringWidth(d))
		}
		if longest <= width-2-4-widest {
			break
		}
	}
	focus := 0
	nameW := max(12, min(longest, width-2-4-widest))
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
		plain := strings.TrimSuffix(details[i], " unverified")
		detail := s.Muted.Render(plain)
		if plain != details[i] {
			detail += s.Warn.Render(" unverified")
		}
		lines = append(lines, pointer+name+detail)
	}
	if len(f.Blockers) > 0 {
		lines = append(lines, "", s.Section.Render("Blockers (reported beside readiness, not in it)"))
		for _, bl := range f.Blockers {
			lines = append(lines, hanging("• ", wording.BlockerMessage(bl), width, s.Warn.Render)...)
		}
	}
	return lines, focus
}

// certPage shows certification status, calibration (claims against
// judgement and facts) and, when a mentor rated, where the two views
// differ.
func (r resultsScreen) certPage(width int) []string {
	s := r.c.Styles
	res := r.result
	lines := []string{s.Section.Render("Certifications")}
	lines = append(lines, hanging("", wording.CertsChecked, width, s.Muted.Render)...)
	// The name column is as wide as the longest name, up to a third of
	// the width; a longer one takes the bank's short form.
	labels := make([]string, len(res.Certifications))
	nameW := 0
	for i, c := range res.Certifications {
		short := ""
		if bc := r.c.Bank.Certification(c.ID); bc != nil {
			short = bc.Short
		}
		labels[i] = shortest(max(10, width/3), c.Abbr, short)
		nameW = max(nameW, ansi.StringWidth(labels[i]))
	}
	for i, c := range res.Certifications {
		st := s.Muted
		switch c.Status {
		case assess.StatusHeld:
			st = s.Good
		case assess.StatusMeetsRule:
			st = s.Accent
		}
		lines = append(lines, "", st.Render(fmt.Sprintf("%-*s %s", nameW, labels[i], wording.CertStatusText(c.Status))))
		lines = append(lines, hanging("  ", wording.CertMessage(c), width, s.Text.Render)...)
	}
	lines = append(lines, "", s.Section.Render("Calibration"))
	lines = append(lines, hanging("", fmt.Sprintf("Where a self-rating and your scenario answers differ by %g levels or more, or a self-rating sits well above what your experience supports.", assess.CalibrationGap), width, s.Muted.Render)...)
	if len(res.Calibration) == 0 {
		lines = append(lines, s.Muted.Render("None: your self-ratings, scenario answers and experience agree."))
	}
	for _, c := range res.Calibration {
		lines = append(lines, hanging("• ", wording.Calibration(c), width, s.Text.Render)...)
	}
	if r.mentorRated() {
		lines = append(lines, "", s.Section.Render("Self and mentor"))
		if len(res.MentorDifferences) == 0 {
			lines = append(lines, s.Muted.Render("Mentor and mentee agree within a level everywhere the mentor rated."))
		}
		for _, d := range res.MentorDifferences {
			lines = append(lines, hanging("• ", wording.MentorDifference(d), width, s.Text.Render)...)
		}
	}
	return lines
}
