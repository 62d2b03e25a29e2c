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
	lines = append(lines, hanging("", "Gaps, highest priority first (weight × shortfall). Enter shows the next level and what to do.", width, s.Muted.Render)...)
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
	details := make([]string, len(f.Gaps))
	widest := 0
	for i, g := range f.Gaps {
		details[i] = fmt.Sprintf(" %.1f → %d  weight %g  priority %.1f", g.Current, g.Target, g.Weight, g.Priority)
		if unverified[g.Competency] {
			details[i] += " unverified"
		}
		widest = max(widest, ansi.StringWidth(details[i]))
	}
	focus := 0
	nameW := min(36, max(12, width-2-4-widest))
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
	for _, c := range res.Certifications {
		st := s.Muted
		switch c.Status {
		case assess.StatusHeld:
			st = s.Good
		case assess.StatusMeetsRule:
			st = s.Accent
		}
		lines = append(lines, "", st.Render(fmt.Sprintf("%-10s %s", truncate(c.Abbr, 10), wording.CertStatusText(c.Status))))
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
