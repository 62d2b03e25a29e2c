package tui

import (
	"fmt"
	"strings"

	"github.com/secpath/secpath/assess"
)

// The last step of the gap review: mentee and mentor sign the plan off.

// signOff records that mentee and mentor agreed the plan.
func (g gapReviewScreen) signOff() (gapReviewScreen, Next) {
	mentee := strings.TrimSpace(g.sign[signMentee].Value())
	mentor := strings.TrimSpace(g.sign[signMentor].Value())
	date, err := parseDate("Date", g.sign[signDate].Value())
	switch {
	case mentee == "" || mentor == "":
		g.err = "Both names are needed to sign off."
		return g, Next{}
	case err != nil:
		g.err = err.Error() + "."
		return g, Next{}
	case date.IsZero():
		g.err = "The date is needed to sign off."
		return g, Next{}
	}
	g.c.State.writeMentor(func(m *assess.MentorView) {
		m.SignOff = assess.SignOff{Mentee: mentee, Mentor: mentor, Date: date}
		if m.Name == "" {
			m.Name = mentor
		}
	})
	g.err = ""
	status := fmt.Sprintf("Signed off by %s and %s on %s.", mentee, mentor, date.Format(dateLayout))
	return g, Next{Changed: true, Open: backMsg{}, Status: status}
}

// signView draws the sign-off step: the gaps agreed as mattering, both
// names and the date.
func (g gapReviewScreen) signView() string {
	s := g.c.Styles
	width := g.c.Layout.Content
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
	add(s.Section.Render("Sign-off"))
	add(hanging("", fmt.Sprintf("Mentee and mentor agree the plan for %s.", g.role.Title), width, s.Text.Render)...)
	m := g.c.State.mentorView()
	var agreed []string
	if m != nil {
		for _, ag := range m.Gaps {
			if ag.Role != g.role.ID || !ag.Matters {
				continue
			}
			name := ag.Competency
			if c := g.c.Bank.Competency(ag.Competency); c != nil {
				name = c.Name
			}
			line := name
			if ag.Priority > 0 {
				line += fmt.Sprintf(" · priority %d", ag.Priority)
			}
			if !ag.Due.IsZero() {
				line += " · due " + formatDate(ag.Due)
			}
			if ag.Owner != "" {
				line += " · " + ag.Owner
			}
			agreed = append(agreed, line)
		}
	}
	if len(agreed) == 0 {
		add(s.Muted.Render("No gap agreed as mattering yet (pgup goes back to the gaps)."))
	} else {
		add(s.Muted.Render("Agreed as mattering:"))
		for _, a := range agreed {
			add(hanging("• ", a, width, s.Text.Render)...)
		}
	}
	if m != nil && m.SignOff.Signed() {
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
