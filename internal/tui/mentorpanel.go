package tui

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// The mentor panel: on every question in mentor mode, the question's
// mentor prompt to read out, the mentee's answer beside the mentor's own
// rating of the mentee's level, and the mentor's notes. It writes only to
// the mentor's view (State.File.Answers.Mentor), never to the answers.

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

// rateable reports whether the mentor rates the mentee on a question:
// ratings and scenarios measure a level; numbers, yes/no and
// certifications are facts, so the mentor only notes them.
func rateable(q *assess.Question) bool {
	e := q.Def().Evidence
	return e == assess.EvidenceClaim || e == assess.EvidenceJudgement
}

// measures lists the competency ids a question measures, heaviest first.
func measures(q *assess.Question) []string {
	ids := make([]string, 0, len(q.Measures))
	for id := range q.Measures {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if q.Measures[ids[i]] != q.Measures[ids[j]] {
			return q.Measures[ids[i]] > q.Measures[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids
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

// rating returns the mentor's rating of the current question.
func (q quizScreen) rating() assess.MentorRating {
	m := q.c.State.mentorView()
	if m == nil || q.empty() {
		return assess.MentorRating{}
	}
	return m.Ratings[q.current().ID]
}

// putRating stores the mentor's rating of the current question, dropping
// it when it holds nothing.
func (q *quizScreen) putRating(change func(r *assess.MentorRating)) {
	id := q.current().ID
	q.c.State.writeMentor(func(m *assess.MentorView) {
		r := m.Ratings[id]
		change(&r)
		if r.Level == nil && r.Notes == "" {
			delete(m.Ratings, id)
			return
		}
		m.Ratings[id] = r
	})
}

// commitMentorNotes stores the notes field when it changed; it reports
// whether it did.
func (q *quizScreen) commitMentorNotes() bool {
	if !q.c.State.Mentor || q.empty() {
		return false
	}
	v := strings.TrimSpace(q.mnotes.Value())
	if v == q.rating().Notes {
		return false
	}
	q.putRating(func(r *assess.MentorRating) { r.Notes = v })
	return true
}

// updateMentor handles the keys of the mentor's rating and notes.
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
	// idx 0 is unset, 1..6 are levels 0..5.
	idx := 0
	if l := q.rating().Level; l != nil {
		idx = *l + 1
	}
	n := assess.MaxLevel + 2
	switch {
	case keyIs(km, k.Left), keyIs(km, k.Up):
		idx = (idx + n - 1) % n
	case keyIs(km, k.Right), keyIs(km, k.Down), keyIs(km, k.Select):
		idx = (idx + 1) % n
	case keyIs(km, k.MentorRate):
		v, _ := strconv.Atoi(km.String())
		idx = v + 1
	case keyIs(km, k.Choose):
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
	var level *int
	if idx > 0 {
		v := idx - 1
		level = &v
	}
	q.putRating(func(r *assess.MentorRating) { r.Level = level })
	return q, changed()
}

// panelWidth is the width the mentor panel is drawn in: the side column
// when there is one, else the reading column.
func (q quizScreen) panelWidth() int {
	if l := q.c.Layout; l.Side > 0 {
		return l.Side
	}
	return q.c.Layout.Content
}

// menteeLine says what the mentee answered and, for the questions a mentor
// rates, the mentor's rating beside it.
func (q quizScreen) menteeLine() string {
	cur := q.current()
	ans := q.answer()
	var mentee string
	switch {
	case ans.Skipped:
		mentee = "Mentee skipped it"
	case !ans.Given(cur.Kind):
		mentee = "Mentee: not answered yet"
	default:
		switch cur.Shape() {
		case assess.ShapeChoice:
			mentee = fmt.Sprintf("Mentee chose: option %d", ans.Choice)
			if ids := measures(cur); len(ids) > 0 && ans.Choice <= len(cur.Options) {
				if l, ok := cur.Options[ans.Choice-1].LevelFor(ids[0]); ok {
					mentee = fmt.Sprintf("Mentee chose: level %d", l)
				}
			}
		case assess.ShapeNumber, assess.ShapeYesNo:
			mentee = "Mentee answered: " + wording.Answer(q.c.Bank, cur, ans)
		case assess.ShapeCertList:
			mentee = "Mentee holds: " + wording.Held(q.c.Bank, ans.Held)
		case assess.ShapeUnknown:
		}
	}
	if !rateable(cur) {
		return mentee
	}
	if l := q.rating().Level; l != nil {
		return mentee + fmt.Sprintf(" · Mentor: %d", *l)
	}
	return mentee + " · Mentor: not rated"
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
	names := measured(q.c.Bank, cur)
	if rateable(cur) {
		level := q.rating().Level
		label := s.Muted.Render("Rating   ")
		if q.zone == zoneMentorRating {
			label = s.Accent.Render("Rating   ")
		}
		what := "your view of the mentee's level in " + strings.Join(names, ", ")
		if side {
			if q.zone == zoneMentorRating {
				focus = len(lines)
			}
			lines = append(lines, "", label)
			lines = append(lines, hanging("  ", "Y"+what[1:], width, s.Muted.Render)...)
			for idx := 0; idx <= assess.MaxLevel+1; idx++ {
				text := "unset"
				if idx > 0 {
					text = fmt.Sprintf("%d %s", idx-1, scaleName(q.c.Bank, idx-1))
				}
				chosen := (level == nil && idx == 0) || (level != nil && *level == idx-1)
				pointer, mark, style := "  ", "( ) ", s.Text.Render
				if chosen {
					mark, style = "(•) ", s.Chosen.Render
					if q.zone == zoneMentorRating {
						pointer, style = s.Cursor.Render("› "), s.Selected.Render
						focus = len(lines)
					}
				}
				lines = append(lines, pointer+mark+style(text))
			}
		} else {
			value := "unset"
			if level != nil {
				value = fmt.Sprintf("%d %s", *level, scaleName(q.c.Bank, *level))
			}
			if q.zone == zoneMentorRating {
				value = s.Accent.Render("◂ ") + s.Strong.Render(value) + s.Accent.Render(" ▸")
				focus = len(lines)
			} else {
				value = s.Text.Render(value)
			}
			// One line: the full wording when it fits, else the main
			// competency and how many more.
			row := label + value
			short := ""
			if len(names) > 0 {
				short = "in " + names[0]
				if len(names) > 1 {
					short += fmt.Sprintf(" and %d more", len(names)-1)
				}
			}
			for _, w := range []string{what, short} {
				if w != "" && ansi.StringWidth(row)+2+ansi.StringWidth(w) <= width {
					row += "  " + s.Subtle.Render(w)
					break
				}
			}
			lines = append(lines, row)
		}
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
	lines = append(lines, label+q.mnotes.View())
	return lines, focus
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
