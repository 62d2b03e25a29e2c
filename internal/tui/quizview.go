package tui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// header returns the title, the counter and the progress line.
func (q quizScreen) header(width int) (string, string, string) {
	if q.empty() {
		return "", "", ""
	}
	s := q.c.Styles
	cur := q.current()
	title := cur.Section
	if sec := q.c.Bank.Section(cur.Section); sec != nil {
		title = sec.Title
	}
	done := q.eng.Done()
	right := fmt.Sprintf("%d of %d", q.eng.Index()+1, q.eng.Total())
	// A skipped question is dealt with but not answered: the bar counts
	// both, the words tell them apart.
	skipped := 0
	for _, x := range q.eng.Questions() {
		if q.c.State.File.Answers.Items[x.ID].Skipped {
			skipped++
		}
	}
	label := fmt.Sprintf(" %d answered of %d", done-skipped, q.eng.Total())
	if skipped > 0 {
		label = fmt.Sprintf(" %d answered, %d skipped of %d", done-skipped, skipped, q.eng.Total())
	}
	barWidth := max(10, width-2-len(label)-1)
	progress := " " + bar(s, float64(done)/float64(q.eng.Total()), barWidth) + s.Muted.Render(label)
	return title, right, progress
}

func (q quizScreen) View() string {
	v, _ := q.render()
	return v
}

// render draws the question; shown says whether its definition is on
// screen.
func (q quizScreen) render() (view string, shown bool) {
	if q.empty() {
		return "No questions in this mode.", false
	}
	s := q.c.Styles
	l := q.c.Layout
	width := l.Content
	cur := q.current()
	ans := q.answer()
	var lines []string
	add := func(xs ...string) { lines = append(lines, xs...) }
	kind := wording.KindInstruction(cur.Kind)
	if q.c.State.ReadOnly {
		kind = "The mentee's answer, read-only."
	}
	if ans.Skipped {
		kind += "  (skipped)"
	}
	if cur.Regime != "" {
		kind += "  · set under " + cur.Regime + " rules"
	}
	add(s.Subtle.Render(kind))
	for _, t := range wrap(cur.Text, width) {
		add(s.Strong.Render(t))
	}
	helpAt := len(lines) // the definition goes here when there is room
	add("")
	focus := len(lines)
	switch cur.Shape() {
	case assess.ShapeChoice:
		// On a small screen, a review (or the focus in the mentor panel)
		// shows only the mentee's choice, so the question and the panel fit
		// together.
		inPanel := q.zone == zoneMentorRating || q.zone == zoneMentorNotes
		collapse := (q.c.State.ReadOnly || inPanel) && l.Compact && l.Side == 0
		for i, o := range cur.Options {
			if i == q.cursor {
				focus = len(lines)
			}
			if collapse && ans.Choice != i+1 {
				continue
			}
			add(q.optionLines(i, o.Text, ans.Choice == i+1, width)...)
		}
		if collapse {
			note := fmt.Sprintf("The other %d options are hidden on a small screen.", len(cur.Options)-1)
			if ans.Choice > 0 {
				note = fmt.Sprintf("Option %d of %d; the others are hidden on a small screen.", ans.Choice, len(cur.Options))
			}
			add(hanging("    ", note, width, s.Subtle.Render)...)
		}
	case assess.ShapeYesNo:
		for i, t := range []string{"Yes", "No"} {
			chosen := ans.Bool != nil && *ans.Bool == (i == 0)
			if i == q.cursor {
				focus = len(lines)
			}
			add(q.optionLines(i, t, chosen, width)...)
		}
	case assess.ShapeNumber:
		add(q.number.View())
		lo, hi := cur.NumberBounds()
		add(s.Muted.Render(numberRange(lo, hi, wording.Unit(q.c.Bank, cur)) + "."))
	case assess.ShapeCertList:
		if !q.c.State.ReadOnly {
			add(q.filter.View())
		}
		// A problem shows where the eye is, not under a long list.
		if q.err != "" && q.yearFor == "" {
			add(hanging("", q.err, width, s.ErrorText.Render)...)
		}
		list := q.filtered()
		for i, c := range list {
			held := slices.IndexFunc(ans.Held, func(h assess.HeldCert) bool { return h.ID == c.ID })
			if q.c.State.ReadOnly && held < 0 {
				continue // a review lists what the mentee holds
			}
			box := "[ ] "
			text := fmt.Sprintf("%s · %s", c.Label(), c.Body)
			if held >= 0 {
				box = "[x] "
				if y := ans.Held[held].Year; y > 0 {
					text += fmt.Sprintf(" · %d", y)
				}
			}
			if i == q.cursor {
				focus = len(lines)
			}
			row := q.optionLines(i, "", false, width)[0] + box + text
			if held >= 0 {
				row = q.optionLines(i, "", false, width)[0] + s.Chosen.Render(box+text)
			}
			add(row)
			if c.ID == q.yearFor {
				add("      " + q.year.View())
				if q.err != "" {
					add(hanging("      ", q.err, width, s.ErrorText.Render)...)
				}
				focus = len(lines) - 1 // the prompt and its message in view
			}
		}
		switch {
		case q.c.State.ReadOnly && len(ans.Held) == 0:
			add(s.Muted.Render("  None held."))
		case len(list) == 0:
			add(s.Muted.Render("  No certification matches."))
		}
	case assess.ShapeUnknown:
	}
	if q.err != "" && cur.Shape() != assess.ShapeCertList {
		add(hanging("", q.err, width, s.ErrorText.Render)...)
	}
	if q.c.State.ReadOnly {
		add("")
		ev := ans.Evidence
		if ev == "" {
			ev = "none given"
		}
		add(hanging(s.Muted.Render("Evidence    "), ev, width, s.Text.Render)...)
		conf := string(ans.Confidence)
		if conf == "" {
			conf = "unset"
		}
		add(s.Muted.Render("Confidence  ") + s.Text.Render(conf))
	} else {
		focus = q.extrasView(&lines, focus)
	}
	// The definition goes in wherever the whole screen still fits with
	// it; else ? shows it.
	var panel []string
	pf := 0
	if q.c.State.Mentor {
		if l.Side > 0 {
			panel, pf = q.mentorPanel(l.Side, true)
		} else {
			panel, pf = q.mentorPanel(width, false)
		}
	}
	below := 0
	if q.c.State.Mentor && l.Side == 0 {
		below = 1 + len(panel)
	}
	if def := q.definitionLines(width); len(def) > 0 && (q.showDef || len(lines)+len(def)+below <= l.Body) {
		lines = slices.Concat(lines[:helpAt], def, lines[helpAt:])
		if focus >= helpAt {
			focus += len(def)
		}
		shown = true
	}
	if q.c.State.Mentor {
		if l.Side > 0 {
			main, _ := scrolledTo(s, lines, l.Body, 0, focus)
			side, _ := scrollWindow(panel, pf, l.Body, 0)
			return strings.Join(sideBySide(s, main, side, l), "\n"), shown
		}
		add("")
		if q.zone == zoneMentorRating || q.zone == zoneMentorNotes {
			focus = len(lines) + pf
		}
		add(panel...)
	}
	out, _ := scrolledTo(s, lines, l.Body, 0, focus)
	return strings.Join(out, "\n"), shown
}

// definitionLines is the question's help text (what counts, what a band
// means), wrapped to the width.
func (q quizScreen) definitionLines(width int) []string {
	var out []string
	for _, t := range wrap(q.current().Help, width) {
		if t != "" {
			out = append(out, q.c.Styles.Muted.Render(t))
		}
	}
	return out
}

// definitionHidden reports whether the question has a definition the
// screen had no room for; then ? shows it, and the footer says so.
func (q quizScreen) definitionHidden() bool {
	if q.empty() || strings.TrimSpace(q.current().Help) == "" {
		return false
	}
	_, shown := q.render()
	return !shown
}

// Definition is the question and its definition, for the full help.
func (q *quizScreen) Definition() string {
	if q.empty() || strings.TrimSpace(q.current().Help) == "" {
		return ""
	}
	return q.current().Text + "\n\n" + q.current().Help
}

// optionLines draws one option with its marker, wrapped with a hanging
// indent so every line stays inside the width.
func (q quizScreen) optionLines(i int, text string, chosen bool, width int) []string {
	s := q.c.Styles
	pointer := "  "
	if i == q.cursor && q.zone == zoneAnswer {
		pointer = s.Cursor.Render("› ")
	}
	if text == "" {
		return []string{pointer}
	}
	mark := "( ) "
	style := s.Text.Render
	if chosen {
		mark = "(•) "
		style = s.Chosen.Render
	}
	if i == q.cursor && q.zone == zoneAnswer && !chosen {
		style = s.Selected.Render
	}
	return hanging(pointer+mark, text, width, style)
}

func (q quizScreen) keys() helpKeys {
	k := q.c.Keys
	if q.empty() {
		return helpKeys{}
	}
	// tab names the field it goes to.
	zs := q.zones()
	next := zs[(max(0, slices.Index(zs, q.zone))+1)%len(zs)]
	tab := withHelp(k.NextField, "tab", map[zone]string{zoneAnswer: "answer", zoneEvidence: "evidence", zoneConfidence: "confidence", zoneMentorRating: "mentor rating", zoneMentorNotes: "mentor notes"}[next])
	var short []key.Binding
	switch {
	case q.zone == zoneMentorRating:
		short = q.mentorRatingKeys(tab)
	case q.zone == zoneMentorNotes:
		short = []key.Binding{withHelp(k.Choose, "enter", "next question"), tab, k.TextPrevQ, k.TextNextQ, withHelp(k.Back, "esc", "back a field")}
	case q.zone == zoneEvidence:
		short = []key.Binding{withHelp(k.Choose, "enter", "done"), tab, withHelp(k.Back, "esc", "back to answer"), k.TextNextQ}
	case q.zone == zoneConfidence:
		short = []key.Binding{withHelp(k.Left, "←/→", "change"), withHelp(k.Choose, "enter", "next question"), tab, k.NextQuestion}
	case q.yearFor != "":
		short = []key.Binding{withHelp(k.Choose, "enter", "keep year"), withHelp(k.Back, "esc", "no year")}
	case q.current().Shape() == assess.ShapeNumber:
		short = []key.Binding{withHelp(k.Choose, "enter", "confirm"), tab, k.TextPrevQ, k.TextSkip, withHelp(k.Back, "esc", "sections")}
	case q.current().Shape() == assess.ShapeCertList:
		short = []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Select, "space", "select"), withHelp(k.Choose, "enter", "done"), k.TextPrevQ, withHelp(k.Back, "esc", "sections")}
		switch {
		case q.showDef:
			short = append([]key.Binding{withHelp(k.Help, "?", "hide definition")}, short...)
		case q.definitionHidden():
			short = append([]key.Binding{withHelp(k.Help, "?", "definition")}, short...)
		}
	default:
		short = []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Choose, "enter", "choose"), withHelp(k.Left, "←/→", "prev/next"), k.Skip, tab, k.Overview}
	}
	moves := []key.Binding{k.PrevQuestion, k.NextQuestion, k.Overview, withHelp(k.NextField, "tab", "next field"), k.PrevField, withHelp(k.Back, "esc", "back one level")}
	skip := k.Skip
	if q.typing() {
		// Letters type (or, in a number field, do nothing): the moves
		// are the ctrl and page keys.
		moves = []key.Binding{k.TextPrevQ, k.TextNextQ, withHelp(k.Overview, "ctrl+o", "sections"), withHelp(k.NextField, "tab", "next field"), k.PrevField, withHelp(k.Back, "esc", "back one level")}
		skip = k.TextSkip
	}
	if !q.c.State.ReadOnly {
		moves = append(moves, skip)
	}
	full := [][]key.Binding{short, moves}
	if q.c.State.Mentor && q.zone != zoneMentorRating && q.zone != zoneMentorNotes {
		full = append(full, []key.Binding{withHelp(k.Left, "←/→", "mentor rating down/up"), withHelp(k.MentorRate, "0-5", "mentor rating"), withHelp(k.Choose, "enter", "from the notes: next question")})
	}
	return helpKeys{short: short, full: full}
}

// extrasView adds the evidence note and the confidence row, returning the
// focus line.
func (q quizScreen) extrasView(lines *[]string, focus int) int {
	s := q.c.Styles
	l := q.c.Layout
	ans := q.answer()
	*lines = append(*lines, "")
	label := "Evidence (optional)"
	if q.zone == zoneEvidence {
		focus = len(*lines) + 2
		*lines = append(*lines, s.Accent.Render(label))
	} else {
		*lines = append(*lines, s.Muted.Render(label))
	}
	if q.zone == zoneEvidence || ans.Evidence != "" || !l.Compact {
		*lines = append(*lines, strings.Split(q.evidence.View(), "\n")...)
	}
	conf := []string{"unset", "low", "medium", "high"}
	var parts []string
	for i, c := range conf {
		switch {
		case i == q.confidence && q.zone == zoneConfidence:
			parts = append(parts, s.Selected.Render("["+c+"]"))
		case i == q.confidence:
			parts = append(parts, s.Strong.Render("["+c+"]"))
		default:
			parts = append(parts, s.Muted.Render(" "+c+" "))
		}
	}
	confLabel := s.Muted.Render("Confidence  ")
	if q.zone == zoneConfidence {
		confLabel = s.Accent.Render("Confidence  ")
		focus = len(*lines)
	}
	*lines = append(*lines, confLabel+strings.Join(parts, " "))
	return focus
}

// numberRange words the range a number question takes as a person says
// it: "up to 50 years", "1 to 3 million people", and for a sum counted in
// thousands "up to 10 million, in thousands" rather than "0 to 10000000
// thousand".
func numberRange(lo, hi float64, unit string) string {
	tail := ""
	switch rest, ok := strings.CutPrefix(unit, "thousand"); {
	case ok:
		tail = ", in thousands" + rest
	case unit != "":
		tail = " " + unit
	}
	if lo == 0 {
		return "Up to " + roundNumber(hi) + tail
	}
	return roundNumber(lo) + " to " + roundNumber(hi) + tail
}

// roundNumber writes a number in words where it is a round million or
// billion, else with thousands separators.
func roundNumber(v float64) string {
	for _, u := range []struct {
		n    float64
		name string
	}{{1e9, "billion"}, {1e6, "million"}} {
		if v >= u.n && math.Mod(v, u.n/10) == 0 {
			return strconv.FormatFloat(v/u.n, 'f', -1, 64) + " " + u.name
		}
	}
	return wording.Number(v)
}

// inconsistency words a broken consistency rule for the person.
func (q quizScreen) inconsistency(in assess.Inconsistency) string {
	figure := func(id string, v float64) string {
		name := id
		if x := q.c.Bank.Question(id); x != nil {
			if f := q.c.Bank.Fact(x.Fact); f != nil {
				name = strings.ToLower(f.Name[:1]) + f.Name[1:]
			}
		}
		return wording.Number(v) + " " + name
	}
	return fmt.Sprintf("%s is more than the %s you gave, yet %s.", figure(in.PartQuestion, in.Part), figure(in.WholeQuestion, in.Whole), in.Rule.Why)
}

// Typing tells the root whether the keyboard belongs to a text field. A
// number field and the year prompt take digits only, so there ? opens the
// help and q asks before leaving, as on any other screen.
func (q *quizScreen) Typing() bool { return q.typing() && !q.digitsOnly() }

// digitsOnly reports whether the focused field takes only a number.
func (q quizScreen) digitsOnly() bool {
	if q.empty() || q.zone != zoneAnswer {
		return false
	}
	return q.yearFor != "" || q.current().Shape() == assess.ShapeNumber
}

// DefinitionHidden reports whether ? has a definition to show that the
// screen had no room for.
func (q *quizScreen) DefinitionHidden() bool { return q.definitionHidden() }
