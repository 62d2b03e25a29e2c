package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/questionnaire"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

// zone is the part of a question screen that has the focus.
type zone int

const (
	zoneAnswer zone = iota
	zoneEvidence
	zoneConfidence
	zoneMentorRating // mentor mode: the mentor's rating of the mentee
	zoneMentorNotes  // mentor mode: the mentor's notes
)

var confidences = []assess.Confidence{"", assess.ConfidenceLow, assess.ConfidenceMedium, assess.ConfidenceHigh}

// quizScreen shows one question at a time, with its answer, an optional
// evidence note and a confidence.
type quizScreen struct {
	c *Common
	// eng is the questionnaire: the questions asked, where the person
	// is, the rules an answer must meet. Accessible mode runs on one too.
	eng    *questionnaire.Engine
	cursor int
	zone   zone
	offset int
	err    string
	static bool

	number  textinput.Model
	filter  textinput.Model
	year    textinput.Model
	yearFor string // certification whose year is being typed
	// confirmed is the question and number the person was asked to
	// confirm because it contradicts another answer; enter on the same
	// number again keeps it.
	confirmed string
	// showDef puts the definition on screen even where it pushes the
	// answer down: ? in the certification search.
	showDef    bool
	evidence   textarea.Model
	confidence int
	mnotes     textinput.Model // the mentor's notes on this question
	mcomp      int             // the competency whose mentor rating has the focus
}

func newQuiz(c *Common, _ Options) Screen {
	q := &quizScreen{c: c, static: c.Static}
	q.number = textinput.New()
	q.number.Prompt = "› "
	q.number.CharLimit = 12
	q.number.Placeholder = "type a number"
	q.filter = textinput.New()
	q.filter.Prompt = "Search: "
	q.filter.Placeholder = "type to filter"
	q.filter.CharLimit = 30
	q.year = textinput.New()
	q.year.Prompt = "Year obtained (optional): "
	q.year.CharLimit = 4
	q.evidence = textarea.New()
	q.evidence.ShowLineNumbers = false
	q.evidence.Placeholder = "What you did, where, when: something a mentor could check"
	q.evidence.CharLimit = storage.MaxEvidence
	q.evidence.SetHeight(2)
	q.mnotes = textinput.New()
	q.mnotes.Prompt = ""
	q.mnotes.Placeholder = "what you heard, what to follow up"
	q.mnotes.CharLimit = storage.MaxEvidence
	q.restyle()
	q.resize()
	return q
}

func (q *quizScreen) restyle() {
	dark := q.c.Styles.IsDark
	ti := textinput.DefaultStyles(dark)
	ti.Cursor.Blink = !q.static
	q.number.SetStyles(ti)
	q.filter.SetStyles(ti)
	q.year.SetStyles(ti)
	q.mnotes.SetStyles(ti)
	ta := textarea.DefaultStyles(dark)
	ta.Cursor.Blink = !q.static
	q.evidence.SetStyles(ta)
}

func (q *quizScreen) resize() {
	w := q.c.Layout.Content
	q.number.SetWidth(20)
	q.filter.SetWidth(max(10, w-12))
	q.year.SetWidth(6)
	q.evidence.SetWidth(max(20, w-2))
	// The label takes 9 cells and the cursor one more.
	q.mnotes.SetWidth(max(10, q.panelWidth()-11))
}

func (q quizScreen) blinkCmd() tea.Cmd {
	if q.static {
		return nil
	}
	return textinput.Blink
}

// begin starts the questionnaire on the current session, at its saved
// position, else the first question not yet answered, and returns where
// that is.
func (q *quizScreen) begin() int {
	st := q.c.State
	q.eng = questionnaire.New(q.c.Bank, st.File.Answers, st.File.Session.Position, st.Now)
	q.eng.ReadOnly = st.ReadOnly
	return q.eng.Index()
}

// empty reports whether there is no question to show.
func (q *quizScreen) empty() bool { return q.eng == nil || q.eng.Total() == 0 }

// open shows question i with its recorded answer in the widgets.
func (q *quizScreen) open(i int, _ bool) {
	if q.eng == nil {
		q.begin()
	}
	q.eng.GoToIndex(i)
	if q.empty() {
		return
	}
	q.offset, q.err, q.yearFor, q.confirmed, q.showDef = 0, "", "", "", false
	q.zone = q.zones()[0]
	cur := q.current()
	ans := q.answer()
	q.cursor = 0
	if ans.Choice > 0 {
		q.cursor = ans.Choice - 1
	}
	if cur.Shape() == assess.ShapeYesNo && ans.Bool != nil && !*ans.Bool {
		q.cursor = 1
	}
	q.number.SetValue("")
	if ans.Number != nil {
		q.number.SetValue(strconv.FormatFloat(*ans.Number, 'f', -1, 64))
	}
	q.filter.SetValue("")
	q.evidence.SetValue(ans.Evidence)
	q.confidence = slices.Index(confidences, ans.Confidence)
	if q.confidence < 0 {
		q.confidence = 0
	}
	q.mnotes.SetValue(q.rating().Notes)
	q.mnotes.CursorEnd()
	q.mcomp = 0
	q.focusZone()
	q.c.State.File.Session.Position = cur.ID
}

func (q *quizScreen) current() *assess.Question { return q.eng.Current() }

func (q *quizScreen) answer() assess.Answer {
	return q.c.State.File.Answers.Items[q.current().ID]
}

func (q *quizScreen) setAnswer(a assess.Answer) {
	if q.c.State.ReadOnly {
		return // a review never changes the mentee's answers
	}
	// Evidence and confidence belong to the question, whatever the answer.
	a.Evidence = strings.TrimSpace(q.evidence.Value())
	a.Confidence = confidences[q.confidence]
	if err := q.eng.Set(a); err != nil {
		q.err = err.Error()
		return
	}
	// The answer may bring questions in or leave them out (the SEC
	// question's scenarios): the counts on screen follow at once.
	q.eng.Refresh()
}

// focusZone gives the keyboard to the widget of the current zone.
func (q *quizScreen) focusZone() {
	q.number.Blur()
	q.filter.Blur()
	q.year.Blur()
	q.evidence.Blur()
	q.mnotes.Blur()
	switch q.zone {
	case zoneAnswer:
		switch {
		case q.yearFor != "":
			q.year.Focus()
		case q.current().Shape() == assess.ShapeNumber:
			q.number.Focus()
		case q.current().Shape() == assess.ShapeCertList:
			q.filter.Focus()
		}
	case zoneEvidence:
		q.evidence.Focus()
	case zoneMentorNotes:
		q.mnotes.Focus()
	case zoneConfidence, zoneMentorRating:
		// Chosen with the arrow keys: no text field to focus.
	}
}

// typing reports whether keys go to a text field.
func (q quizScreen) typing() bool {
	if q.empty() {
		return false
	}
	switch q.zone {
	case zoneEvidence, zoneMentorNotes:
		return true
	case zoneAnswer:
		k := q.current().Shape()
		return k == assess.ShapeNumber || k == assess.ShapeCertList || q.yearFor != ""
	case zoneConfidence, zoneMentorRating:
		return false
	}
	return false
}

// textKey reports whether a key edits text rather than commanding.
func textKey(msg tea.KeyPressMsg) bool {
	if msg.Text != "" {
		return true
	}
	switch msg.String() {
	case "left", "right", "backspace", "delete", "home", "end", "ctrl+a", "ctrl+e", "ctrl+u", "ctrl+k", "ctrl+w", "alt+backspace", "ctrl+left", "ctrl+right":
		return true
	}
	return false
}

func (q quizScreen) update(msg tea.Msg) (quizScreen, Next) {
	if q.empty() {
		return q, Next{}
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		// Cursor blinks and other widget messages.
		var c1, c2, c3, c4, c5 tea.Cmd
		q.number, c1 = q.number.Update(msg)
		q.filter, c2 = q.filter.Update(msg)
		q.year, c3 = q.year.Update(msg)
		q.evidence, c4 = q.evidence.Update(msg)
		q.mnotes, c5 = q.mnotes.Update(msg)
		return q, stay(tea.Batch(c1, c2, c3, c4, c5))
	}
	k := q.c.Keys
	typing := q.typing()
	if typing && textKey(km) && !(q.zone == zoneAnswer && q.current().Shape() == assess.ShapeCertList && q.yearFor == "" && km.String() == "space") {
		return q.editText(km)
	}
	q.err = ""
	// Moves that work in every zone.
	switch {
	case keyIs(km, k.PrevQuestion):
		return q.move(-1)
	case keyIs(km, k.NextQuestion):
		return q.move(1)
	case keyIs(km, k.Skip):
		return q.skip()
	case keyIs(km, k.Overview):
		q.commitExtras()
		q.commitMentorNotes()
		return q, goTo(overviewMsg{}).saving()
	case keyIs(km, k.NextField):
		return q.cycle(1)
	case keyIs(km, k.PrevField):
		return q.cycle(-1)
	}
	switch q.zone {
	case zoneMentorRating, zoneMentorNotes:
		return q.updateMentor(km)
	case zoneEvidence:
		switch {
		case keyIs(km, k.Choose):
			q.commitExtras()
			q.zone = zoneConfidence
			q.focusZone()
			return q, changed()
		case keyIs(km, k.Back):
			q.commitExtras()
			q.zone = zoneAnswer
			q.focusZone()
			return q, changed()
		}
		var cmd tea.Cmd
		q.evidence, cmd = q.evidence.Update(msg)
		return q, stay(cmd)
	case zoneConfidence:
		switch {
		case keyIs(km, k.Left):
			q.confidence = (q.confidence + len(confidences) - 1) % len(confidences)
		case keyIs(km, k.Right), keyIs(km, k.Select):
			q.confidence = (q.confidence + 1) % len(confidences)
		case keyIs(km, k.Choose):
			return q.move(1)
		case keyIs(km, k.Back):
			q.zone = zoneAnswer
			q.focusZone()
		}
		q.commitExtras()
		return q, changed()
	case zoneAnswer:
		// Below, by the question's kind.
	}
	if keyIs(km, k.Back) {
		if q.yearFor != "" {
			q.yearFor = ""
			q.focusZone()
			return q, Next{}
		}
		q.commitExtras()
		return q, goTo(overviewMsg{}).saving()
	}
	switch q.current().Shape() {
	case assess.ShapeChoice, assess.ShapeYesNo:
		return q.updateChoice(km)
	case assess.ShapeNumber:
		if keyIs(km, k.Choose) {
			return q.submitNumber()
		}
	case assess.ShapeCertList:
		return q.updateCerts(km)
	case assess.ShapeUnknown:
	}
	return q, Next{}
}

// editText sends a key to the focused text field.
func (q quizScreen) editText(km tea.KeyPressMsg) (quizScreen, Next) {
	var cmd tea.Cmd
	switch {
	case q.zone == zoneEvidence:
		q.evidence, cmd = q.evidence.Update(km)
	case q.zone == zoneMentorNotes:
		q.mnotes, cmd = q.mnotes.Update(km)
	case q.yearFor != "":
		if km.Text != "" && strings.Trim(km.Text, "0123456789") != "" {
			// Letters never go into the year: say where they belong.
			q.err = "A year is digits only, e.g. 2021: enter keeps it, esc goes back to the search."
			return q, Next{}
		}
		q.year, cmd = q.year.Update(km)
	case q.current().Shape() == assess.ShapeNumber:
		if km.Text != "" && strings.Trim(km.Text, "0123456789.,-") != "" {
			q.err = "Type digits only, such as 7 or 2.5 (? help, ctrl+s skip, q quit)."
			return q, Next{}
		}
		q.number, cmd = q.number.Update(km)
		q.err = ""
	case q.current().Shape() == assess.ShapeCertList:
		if km.Text == "?" {
			// No certification has a ? in its name: here it shows
			// the question's definition, which the help cannot while
			// letters go to the search.
			q.showDef = !q.showDef
			return q, changed()
		}
		q.filter, cmd = q.filter.Update(km)
		q.cursor = 0
	}
	return q, stay(cmd)
}

func (q quizScreen) optionCount() int {
	switch q.current().Shape() {
	case assess.ShapeYesNo:
		return 2
	case assess.ShapeCertList:
		return len(q.filtered())
	case assess.ShapeChoice, assess.ShapeNumber:
	case assess.ShapeUnknown:
	}
	return len(q.current().Options)
}

func (q quizScreen) updateChoice(km tea.KeyPressMsg) (quizScreen, Next) {
	k := q.c.Keys
	n := q.optionCount()
	switch {
	case keyIs(km, k.Up):
		q.cursor = (q.cursor + n - 1) % n
	case keyIs(km, k.Down):
		q.cursor = (q.cursor + 1) % n
	case keyIs(km, k.Select), keyIs(km, k.Choose):
		a := q.answer()
		a.Skipped = false
		if q.current().Shape() == assess.ShapeYesNo {
			v := q.cursor == 0
			a.Bool = &v
		} else {
			a.Choice = q.cursor + 1
		}
		q.setAnswer(a)
		if keyIs(km, k.Choose) {
			next, after := q.move(1)
			return next, after.saving()
		}
		return q, changed()
	case keyIs(km, k.Left):
		return q.move(-1)
	case keyIs(km, k.Right):
		return q.move(1)
	}
	return q, Next{}
}

func (q quizScreen) submitNumber() (quizScreen, Next) {
	cur := q.current()
	raw := strings.TrimSpace(q.number.Value())
	if raw == "" {
		if !cur.IsSkippable() {
			q.err = "This question is needed for the assessment: enter a number."
			return q, Next{}
		}
		return q.move(1)
	}
	v, p := cur.ParseNumber(raw)
	if p != nil {
		q.err = wording.Problem(q.c.Bank, cur, p)
		return q, Next{}
	}
	a := q.answer()
	a.Skipped = false
	a.Number = &v
	// An answer at odds with another (more years managing security than
	// in security) is asked about once, not refused: enter again keeps it.
	if ins := q.c.Bank.InconsistenciesWith(q.c.State.File.Answers, cur.ID, a); len(ins) > 0 && q.confirmed != cur.ID+"="+raw {
		q.confirmed = cur.ID + "=" + raw
		q.err = q.inconsistency(ins[0]) + " Press enter again to keep it, or change it."
		return q, changed()
	}
	q.confirmed = ""
	q.setAnswer(a)
	next, after := q.move(1)
	return next, after.saving()
}

// filtered lists the certifications matching the search text.
func (q quizScreen) filtered() []*assess.Certification {
	f := strings.ToLower(strings.TrimSpace(q.filter.Value()))
	var out []*assess.Certification
	for i := range q.c.Bank.Certifications {
		c := &q.c.Bank.Certifications[i]
		hay := strings.ToLower(c.ID + " " + c.Label() + " " + c.Name + " " + c.Body)
		if f == "" || strings.Contains(hay, f) {
			out = append(out, c)
		}
	}
	return out
}

func (q quizScreen) updateCerts(km tea.KeyPressMsg) (quizScreen, Next) {
	k := q.c.Keys
	if q.yearFor != "" {
		if keyIs(km, k.Choose) {
			y := strings.TrimSpace(q.year.Value())
			a := q.answer()
			for i := range a.Held {
				if a.Held[i].ID == q.yearFor {
					a.Held[i].Year = 0
					if y != "" {
						n, _ := strconv.Atoi(y)
						h := []assess.HeldCert{{ID: q.yearFor, Year: n}}
						if p := q.c.Bank.CheckHeld(h, q.c.State.Now()); p != nil || n == 0 {
							first, last := assess.CertYears(q.c.State.Now())
							q.err = fmt.Sprintf("Enter a year from %d to %d, or leave it empty.", first, last)
							if n > last {
								q.err = fmt.Sprintf("%d is in the future: enter the year you obtained it, %d to %d, or leave it empty.", n, first, last)
							}
							return q, Next{}
						}
						a.Held[i].Year = n
					}
				}
			}
			q.setAnswer(a)
			q.yearFor = ""
			q.focusZone()
			return q, changed()
		}
		return q, Next{}
	}
	list := q.filtered()
	n := len(list)
	switch {
	case keyIs(km, k.Up) && n > 0:
		q.cursor = (q.cursor + n - 1) % n
	case keyIs(km, k.Down) && n > 0:
		q.cursor = (q.cursor + 1) % n
	case km.String() == "space" && n > 0:
		c := list[min(q.cursor, n-1)]
		a := q.answer()
		a.Skipped = false
		held := append([]assess.HeldCert{}, a.Held...)
		if i := slices.IndexFunc(held, func(h assess.HeldCert) bool { return h.ID == c.ID }); i >= 0 {
			held = slices.Delete(held, i, i+1)
		} else {
			held = append(held, assess.HeldCert{ID: c.ID})
			q.yearFor = c.ID
			q.year.SetValue("")
		}
		a.Held = held
		q.setAnswer(a)
		q.focusZone()
		return q, changed()
	case keyIs(km, k.Choose):
		a := q.answer()
		if a.Held == nil {
			a.Held = []assess.HeldCert{} // "none held" is an answer
		}
		a.Skipped = false
		q.setAnswer(a)
		next, after := q.move(1)
		return next, after.saving()
	}
	return q, Next{}
}

// commitExtras stores the evidence note and confidence with the answer,
// and a number typed but not yet confirmed with enter, when it is valid,
// so moving away never loses what was typed.
func (q *quizScreen) commitExtras() {
	if q.c.State.ReadOnly {
		return
	}
	a := q.answer()
	if q.current().Shape() == assess.ShapeNumber {
		if v, ok := q.parseNumber(); ok {
			a.Number, a.Skipped = &v, false
		}
	}
	q.setAnswer(a)
}

// parseNumber reads the number field; ok is false when it is empty or
// not a number in range.
func (q *quizScreen) parseNumber() (float64, bool) {
	v, p := q.current().ParseNumber(q.number.Value())
	return v, p == nil
}

// move goes to the next or previous question; past the last one it opens
// the results.
func (q quizScreen) move(d int) (quizScreen, Next) {
	q.commitExtras()
	q.commitMentorNotes()
	// An answer can change which questions are asked (a yes to the SEC
	// question brings its scenarios): the engine reads the list again and
	// moves from where the current question now stands in it.
	cur := q.current().ID
	switch q.eng.Move(d) {
	case questionnaire.AtStart:
		q.err = "This is the first question."
		return q, changed()
	case questionnaire.PastEnd:
		// The results; coming back finds the last question again.
		if !q.eng.GoTo(cur) {
			q.eng.GoToIndex(q.eng.Total() - 1)
		}
		return q, goTo(resultsMsg{}).saving()
	case questionnaire.Moved:
	}
	q.open(q.eng.Index(), false)
	return q, changed()
}

func (q quizScreen) skip() (quizScreen, Next) {
	if q.c.State.ReadOnly {
		q.err = readOnlyNote
		return q, Next{}
	}
	if !q.current().IsSkippable() {
		q.err = "This question is needed for the assessment and cannot be skipped."
		return q, Next{}
	}
	q.setAnswer(assess.Answer{Skipped: true})
	// A number typed but not confirmed is dropped with the skip, or moving
	// on would keep it as the answer.
	q.number.SetValue("")
	return q.move(1)
}

// Update answers the question on show and moves between questions.
func (q *quizScreen) Update(msg tea.Msg) Next {
	next, n := q.update(msg)
	*q = next
	return n
}

// Open shows the question asked for, or begins the questionnaire on a
// session just made current.
func (q *quizScreen) Open(to Destination) {
	d, ok := to.(gotoQuestionMsg)
	switch {
	case !ok:
	case d.restart:
		q.open(q.begin(), false)
	default:
		q.open(d.index, false)
	}
}

// Commit keeps the evidence, confidence, a typed number and the mentor's
// notes of the question on show.
func (q *quizScreen) Commit() {
	if !q.empty() {
		q.commitExtras()
		q.commitMentorNotes()
	}
}

func (q *quizScreen) Init() tea.Cmd                                    { return q.blinkCmd() }
func (q *quizScreen) Header(width int) (title, right, progress string) { return q.header(width) }
func (q *quizScreen) SetSize(Layout)                                   { q.resize() }
func (q *quizScreen) SetStyles(*Styles)                                { q.restyle() }
func (q *quizScreen) Keys() helpKeys                                   { return q.keys() }
