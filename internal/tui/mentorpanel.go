package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/questionnaire"
	"github.com/secpath/secpath/internal/wording"
)

// The mentor panel: on every question in mentor mode, the question's
// mentor prompt to read out, the mentee's answer beside the mentor's own
// rating of the mentee's level in each competency the question measures,
// and the mentor's notes. Every change goes through the questionnaire's
// Mentor, which writes only the mentor's view, never the answers.

// readOnlyNote explains why an answer cannot change in review mode.
const readOnlyNote = "Review: the mentee's answers stay as they are; rate and note in the mentor panel."

// defaultScale names the levels when the bank has no scale of its own.
var defaultScale = []string{"Not yet", "Aware", "Practising", "Independent", "Leading", "Setting direction"}

// scaleName returns the bank's name for a level, or the default one.
func scaleName(b *assess.Bank, level int) string {
	for _, l := range b.Scale {
		if l.Level == level && l.Name != "" {
			return l.Name
		}
	}
	if level >= 0 && level < len(defaultScale) {
		return defaultScale[level]
	}
	return ""
}

// rateable reports whether the mentor rates the mentee on a question (see
// questionnaire.Rateable).
func rateable(q *assess.Question) bool { return questionnaire.Rateable(q) }

// measures lists the competency ids a question measures, heaviest first.
func measures(q *assess.Question) []string {
	if q == nil {
		return nil
	}
	return q.MeasuredOrder()
}

// measured names what a question measures, heaviest first.
func measured(b *assess.Bank, q *assess.Question) []string {
	ids := measures(q)
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if c := b.Competency(id); c != nil {
			names[i] = c.Name
		}
	}
	return names
}

// zones lists the parts of the question screen the tab key visits. In a
// review the answer, evidence and confidence are read-only, so only the
// mentor's fields take the focus.
func (q quizScreen) zones() []zone {
	st := q.c.State
	var zs []zone
	if !st.ReadOnly {
		zs = append(zs, zoneAnswer, zoneEvidence, zoneConfidence)
	}
	if st.Mentor {
		if rateable(q.current()) {
			zs = append(zs, zoneMentorRating)
		}
		zs = append(zs, zoneMentorNotes)
	}
	if len(zs) == 0 {
		zs = append(zs, zoneAnswer)
	}
	return zs
}

// cycle moves the focus to the next (d=1) or previous (d=-1) zone.
func (q quizScreen) cycle(d int) (quizScreen, Next) {
	q.commitExtras()
	q.commitMentorNotes()
	zs := q.zones()
	i := max(0, slices.Index(zs, q.zone))
	q.zone = zs[(i+d+len(zs))%len(zs)]
	q.yearFor = ""
	q.focusZone()
	return q, changed()
}

// mentor is the mentor's side of the review, on the session's answers:
// every change to the mentor's view goes through it.
func (c *Common) mentor() *questionnaire.Mentor {
	return questionnaire.NewMentor(c.Bank, c.State.File.Answers, c.State.MentorName, c.State.Now)
}

// Keys of the mentor's rating that only it has.
var (
	// clearRating takes the focused competency's rating away.
	clearRating = key.NewBinding(key.WithKeys("backspace", "delete"), key.WithHelp("⌫", "not rated"))
	// sameForAll gives every competency of the question the focused one's
	// level, for a mentor who sees no difference between them.
	sameForAll = key.NewBinding(key.WithKeys("="), key.WithHelp("=", "same for all"))
)

// rating returns the mentor's rating of the current question.
func (q quizScreen) rating() assess.MentorRating {
	if q.empty() || q.c.State.File == nil {
		return assess.MentorRating{}
	}
	return q.c.mentor().Rating(q.current().ID)
}

// ratedComp is the competency whose rating has the focus.
func (q quizScreen) ratedComp() string {
	ids := measures(q.current())
	if len(ids) == 0 {
		return ""
	}
	return ids[max(0, min(q.mcomp, len(ids)-1))]
}

// commitMentorNotes stores the notes field when it changed; it reports
// whether it did.
func (q *quizScreen) commitMentorNotes() bool {
	if !q.c.State.Mentor || q.empty() {
		return false
	}
	return q.c.mentor().SetNote(q.current().ID, q.mnotes.Value())
}

// updateMentor handles the keys of the mentor's rating and notes. The
// rating is per competency: ↑/↓ (or enter) go from one competency of the
// question to the next, ←/→ and 0-5 set the focused one's level.
func (q quizScreen) updateMentor(km tea.KeyPressMsg) (quizScreen, Next) {
	k := q.c.Keys
	if q.zone == zoneMentorNotes {
		switch {
		case keyIs(km, k.Choose):
			return q.move(1)
		case keyIs(km, k.Back):
			return q.cycle(-1)
		}
		return q, Next{}
	}
	cur, comp := q.current(), q.ratedComp()
	n := len(measures(cur))
	m := q.c.mentor()
	var err error
	switch {
	case n > 1 && keyIs(km, k.Up):
		q.mcomp = (q.mcomp + n - 1) % n
		return q, Next{}
	case n > 1 && keyIs(km, k.Down):
		q.mcomp = (q.mcomp + 1) % n
		return q, Next{}
	case keyIs(km, k.Left), keyIs(km, k.Up):
		_, err = m.StepLevel(cur, comp, -1)
	case keyIs(km, k.Right), keyIs(km, k.Down), keyIs(km, k.Select):
		_, err = m.StepLevel(cur, comp, 1)
	case keyIs(km, k.MentorRate):
		v, _ := strconv.Atoi(km.String())
		_, err = m.SetLevel(cur, comp, v)
	case keyIs(km, clearRating):
		if !m.ClearLevel(cur, comp) {
			return q, Next{}
		}
	case keyIs(km, sameForAll):
		l, ok := m.Rating(cur.ID).LevelFor(comp)
		if !ok {
			q.err = "Rate this competency first; = then gives the others the same level."
			return q, Next{}
		}
		var changed bool
		if changed, err = m.SetAll(cur, l); !changed && err == nil {
			return q, Next{}
		}
	case keyIs(km, k.Choose):
		if q.mcomp < n-1 {
			q.mcomp++
			return q, Next{}
		}
		q.zone = zoneMentorNotes
		q.focusZone()
		return q, Next{}
	case keyIs(km, k.Back):
		if q.c.State.ReadOnly {
			q.commitMentorNotes()
			return q, goTo(overviewMsg{}).saving()
		}
		return q.cycle(-1)
	default:
		return q, Next{}
	}
	if err != nil {
		q.err = err.Error()
		return q, Next{}
	}
	q.err = ""
	return q, changed()
}

// mentorRatingKeys are the short help of the mentor's rating.
func (q quizScreen) mentorRatingKeys(tab key.Binding) []key.Binding {
	k := q.c.Keys
	out := []key.Binding{withHelp(k.Left, "←/→", "level"), k.MentorRate}
	if len(measures(q.current())) > 1 {
		out = append(out, withHelp(k.Up, "↑/↓", "competency"), sameForAll)
	}
	return append(out, clearRating, tab, k.PrevQuestion, k.NextQuestion)
}

// panelWidth is the width the mentor panel is drawn in: the side column
// when there is one, else the reading column.
func (q quizScreen) panelWidth() int {
	if l := q.c.Layout; l.Side > 0 {
		return l.Side
	}
	return q.c.Layout.Content
}

// menteeLine says what the mentee answered. For the questions a mentor
// rates, the mentee's level per competency stands on the rating rows.
func (q quizScreen) menteeLine() string {
	cur := q.current()
	ans := q.answer()
	switch {
	case ans.Skipped:
		return "Mentee skipped it"
	case !ans.Given(cur.Kind):
		return "Mentee: not answered yet"
	}
	switch cur.Shape() {
	case assess.ShapeChoice:
		return fmt.Sprintf("Mentee chose: option %d", ans.Choice)
	case assess.ShapeNumber, assess.ShapeYesNo:
		return "Mentee answered: " + wording.Answer(q.c.Bank, cur, ans)
	case assess.ShapeCertList:
		return "Mentee holds: " + wording.Held(q.c.Bank, ans.Held)
	case assess.ShapeUnknown:
	}
	return ""
}

// menteeLevel is the level the mentee's chosen option gives a
// competency, when there is one.
func (q quizScreen) menteeLevel(comp string) (int, bool) {
	cur, ans := q.current(), q.answer()
	if ans.Skipped || !ans.Given(cur.Kind) || ans.Choice < 1 || ans.Choice > len(cur.Options) {
		return 0, false
	}
	return cur.Options[ans.Choice-1].LevelFor(comp)
}

// ratingRows draws the mentor's rating, one row per competency the
// question measures: its name, the mentee's level from the answer and
// the mentor's own. side puts the figures under the name, for the narrow
// side column. It returns the lines and the line with the focus.
func (q quizScreen) ratingRows(width int, side bool) ([]string, int) {
	s := q.c.Styles
	cur := q.current()
	r := q.rating()
	ids := measures(cur)
	focused := q.zone == zoneMentorRating
	label := s.Muted.Render("Rating   ")
	if focused {
		label = s.Accent.Render("Rating   ")
	}
	what := "your view of the mentee's level in each competency"
	if len(ids) == 1 {
		what = "your view of the mentee's level"
	}
	head := label
	for _, w := range []string{what, "your view of the level"} {
		if ansi.StringWidth(head)+ansi.StringWidth(w) <= width {
			head += s.Subtle.Render(w)
			break
		}
	}
	lines := []string{head}
	focus := 0
	names := measured(q.c.Bank, cur)
	nameW := 0
	for _, n := range names {
		nameW = max(nameW, ansi.StringWidth(n))
	}
	for i, comp := range ids {
		on := focused && i == max(0, min(q.mcomp, len(ids)-1))
		value := "not rated"
		if l, ok := r.LevelFor(comp); ok {
			value = fmt.Sprintf("%d %s", l, scaleName(q.c.Bank, l))
		} else if on {
			value = "not rated: 0-5 to rate"
		}
		figures := ""
		if l, ok := q.menteeLevel(comp); ok {
			figures = s.Muted.Render(fmt.Sprintf("mentee %d  ", l))
		}
		if on {
			value = figures + s.Accent.Render("◂ ") + s.Strong.Render(value) + s.Accent.Render(" ▸")
		} else {
			value = figures + s.Text.Render(value)
		}
		pointer, style := "  ", s.Text.Render
		if on {
			pointer, style = s.Cursor.Render("› "), s.Selected.Render
			focus = len(lines)
		}
		if side {
			lines = append(lines, pointer+style(truncate(names[i], max(5, width-2))), "    "+value)
			continue
		}
		if len(ids) == 1 {
			// One competency: one line, the label standing for the pointer.
			name := truncate(names[i], max(8, width-ansi.StringWidth(label)-2-ansi.StringWidth(value)))
			return []string{label + style(name) + "  " + value}, 0
		}
		w := max(8, min(nameW, width-2-2-ansi.StringWidth(value)))
		name := truncate(names[i], w)
		lines = append(lines, pointer+style(name)+strings.Repeat(" ", max(0, w-ansi.StringWidth(name)))+"  "+value)
	}
	return lines, focus
}

// mentorPanel draws the panel in width cells; side selects the tall
// arrangement of the side column. It returns the lines and the line with
// the focus.
func (q quizScreen) mentorPanel(width int, side bool) ([]string, int) {
	s := q.c.Styles
	cur := q.current()
	focus := 0
	lines := []string{s.Section.Render("Mentor")}
	if side {
		lines = append(lines, "")
	}
	if p := strings.TrimSpace(cur.MentorPrompt); p != "" {
		lines = append(lines, hanging(s.Muted.Render("Ask  "), p, width, s.Text.Render)...)
	}
	lines = append(lines, hanging("", q.menteeLine(), width, s.Strong.Render)...)
	if rateable(cur) {
		if side {
			lines = append(lines, "")
		}
		rows, f := q.ratingRows(width, side)
		if q.zone == zoneMentorRating {
			focus = len(lines) + f
		}
		lines = append(lines, rows...)
	}
	label := s.Muted.Render("Notes    ")
	if q.zone == zoneMentorNotes {
		label = s.Accent.Render("Notes    ")
		focus = len(lines)
		if side {
			focus++
		}
	}
	if side {
		lines = append(lines, "")
	}
	lines = append(lines, label+q.notesView())
	if !side && q.zone == zoneMentorRating {
		// Scroll to the notes below the rating rows, so the panel shows
		// whole: it is a few lines, and the focused row stays in view.
		focus = len(lines) - 1
	}
	return lines, focus
}

// notesView is the notes field: editable with the focus; without it, the
// start of the notes, cut at a word with "…" when they run past the
// field, since a note is read from its start.
func (q quizScreen) notesView() string {
	if q.mnotes.Focused() || q.mnotes.Value() == "" {
		return q.mnotes.View()
	}
	return q.c.Styles.Text.Render(startOf(q.mnotes.Value(), q.mnotes.Width()))
}

// startOf is the start of a text in width cells: the whole text when it
// fits, else as many words as fit, then "…" (a single word longer than
// the width is cut inside).
func startOf(text string, width int) string {
	text = strings.Join(strings.Fields(text), " ")
	if ansi.StringWidth(text) <= width {
		return text
	}
	if width < 2 {
		return ansi.Truncate(text, width, "")
	}
	cut := ansi.Truncate(text, width-1, "")
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.-") + "…"
}

// sideBySide puts the panel in the side column to the right of the main
// lines, with a rule between them, for exactly Body lines. The root
// indents the body by the margin, so the column is counted from there.
func sideBySide(s *Styles, main, panel []string, l Layout) []string {
	col := l.Width - l.Side - 1 - l.Margin
	rule := s.Subtle.Render("│")
	out := make([]string, l.Body)
	for i := range out {
		m, p := "", ""
		if i < len(main) {
			m = ansi.Truncate(main[i], col-2, "…")
		}
		if i < len(panel) {
			p = ansi.Truncate(panel[i], l.Side, "…")
		}
		out[i] = m + strings.Repeat(" ", max(0, col-2-ansi.StringWidth(m))) + rule + " " + p
	}
	return out
}
