package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/questionnaire"
)

// The last step of the gap review: mentee and mentor sign the plan off.
// The step lists what the signatures cover: the gaps agreed as mattering
// in the agreed order, the gaps nobody decided on (which stay out of the
// agreement) and those agreed not to matter.

// signOff records that mentee and mentor agreed the plan.
func (g gapReviewScreen) signOff() (gapReviewScreen, Next) {
	mentee := strings.TrimSpace(g.sign[signMentee].Value())
	mentor := strings.TrimSpace(g.sign[signMentor].Value())
	date, err := parseDate("Date", g.sign[signDate].Value())
	if err != nil {
		g.err = err.Error() + "."
		return g, Next{}
	}
	ready, err := g.c.mentor().SignOff(g.role.ID, g.gaps, mentee, mentor, date)
	switch {
	case errors.Is(err, questionnaire.ErrNames):
		g.err = "Both names are needed to sign off."
		return g, Next{}
	case errors.Is(err, questionnaire.ErrDate):
		g.err = "The date is needed to sign off."
		return g, Next{}
	case err != nil:
		g.err = err.Error() + "."
		return g, Next{}
	}
	g.err = ""
	status := fmt.Sprintf("Signed off by %s and %s on %s.", mentee, mentor, date.Format(dateLayout))
	if n := len(ready.Undecided); n > 0 {
		status += fmt.Sprintf(" %s undecided.", plural(n, "gap"))
	}
	return g, Next{Changed: true, Open: backMsg{}, Status: status}
}

// agreedLine is one gap agreed as mattering: its name, priority, due date
// and owner.
func (g gapReviewScreen) agreedLine(gap assess.Gap) string {
	line := gap.Name
	ag := g.c.mentor().Gap(g.role.ID, gap.Competency)
	if ag == nil {
		return line
	}
	if ag.Priority > 0 {
		line += fmt.Sprintf(" · priority %d", ag.Priority)
	}
	if !ag.Due.IsZero() {
		line += " · due " + formatDate(ag.Due)
	}
	if ag.Owner != "" {
		line += " · " + ag.Owner
	}
	return line
}

// signView draws the sign-off step: the gaps agreed as mattering, the
// undecided ones, both names and the date.
func (g gapReviewScreen) signView() string {
	s := g.c.Styles
	width := g.c.Layout.Content
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
	add(s.Section.Render("Sign-off"))
	add(hanging("", fmt.Sprintf("Mentee and mentor agree the plan for %s.", g.role.Title), width, s.Text.Render)...)
	mt := g.c.mentor()
	agreed := mt.Agreed(g.role.ID, g.gaps)
	if len(agreed) == 0 {
		add(s.Muted.Render("No gap agreed as mattering yet (pgup goes back to the gaps)."))
	} else {
		add(s.Muted.Render("Agreed as mattering, in the agreed order:"))
		for _, gap := range agreed {
			add(hanging("• ", g.agreedLine(gap), width, s.Text.Render)...)
		}
	}
	if undecided := mt.Undecided(g.role.ID, g.gaps); len(undecided) > 0 {
		names := make([]string, len(undecided))
		for i, gap := range undecided {
			names[i] = gap.Name
		}
		add(undecidedLines(names, len(g.gaps), width, s.Warn.Render)...)
	}
	var dropped []string
	for _, gap := range g.gaps {
		if ag := mt.Gap(g.role.ID, gap.Competency); ag != nil && ag.Decision() == assess.DoesNotMatter {
			dropped = append(dropped, gap.Name)
		}
	}
	if len(dropped) > 0 {
		add(hanging("", "Agreed not to matter now: "+strings.Join(dropped, ", ")+".", width, s.Muted.Render)...)
	}
	if m := mt.View(); m != nil && m.SignOff.Signed() {
		add(s.Good.Render(fmt.Sprintf("Signed off before by %s and %s on %s.", m.SignOff.Mentee, m.SignOff.Mentor, formatDate(m.SignOff.Date))))
	}
	add("")
	focus := len(lines)
	for f := 0; f < signButton; f++ {
		if f == g.field {
			focus = len(lines)
		}
		add(g.row(f, signLabels[f], g.sign[f].View()))
	}
	add("")
	button := "[ Sign off the plan ]"
	if g.field == signButton {
		focus = len(lines)
		add(s.Cursor.Render("› ") + s.Selected.Render(button))
	} else {
		add("  " + s.Accent.Render(button))
	}
	if g.err != "" {
		add(hanging("", g.err, width, s.ErrorText.Render)...)
	}
	out, _ := scrollWindow(lines, focus, g.c.Layout.Body, 0)
	return strings.Join(out, "\n")
}

// undecidedLines names the gaps nobody decided on, all of them when they
// fit in three lines, else as many as fit and how many more.
func undecidedLines(names []string, of, width int, style func(...string) string) []string {
	head := fmt.Sprintf("Not decided yet (%d of %d), left out of the agreement: ", len(names), of)
	for n := len(names); n > 0; n-- {
		text := head + strings.Join(names[:n], ", ")
		if n < len(names) {
			text += fmt.Sprintf(" and %d more", len(names)-n)
		}
		if lines := hanging("", text+".", width, style); len(lines) <= 3 || n == 1 {
			return lines
		}
	}
	return hanging("", head+"none.", width, style)
}
