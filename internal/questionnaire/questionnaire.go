// Package questionnaire is the assessment as it is taken: which questions
// are asked, where the person is, what answering, skipping and moving do,
// and what is left. It has no terminal in it. The full-screen interface
// and accessible mode are two faces of one Engine, as a form library's
// fields are drawn on screen or asked line by line, so both ask the same
// questions in the same order, refuse the same answers and resume at the
// same place.
//
// The engine works on the assessment's answers in place (the caller owns
// saving them) and on the bank's rules for each question kind
// (assess.Bank.CheckAnswer).
//
// Mentor is the mentor's side of the same assessment: the mentor's level
// for each competency a question measures (a scenario can evidence
// several, and the mentor may see them differently), notes per question,
// what mentor and mentee agree about each gap (it matters, it does not,
// or not decided yet), and the sign-off, with the gaps still undecided.
// It writes only the mentor's view beside the answers, never an answer,
// so a review leaves the mentee's assessment as it was. The full-screen
// mentor panel and gap review are drawn over it.
package questionnaire

import (
	"errors"
	"slices"
	"time"

	"github.com/secpath/secpath/assess"
)

// ErrRequired is returned when skipping a question the bank marks as
// needed for the assessment.
var ErrRequired = errors.New("this question is needed for the assessment and cannot be skipped")

// ErrReadOnly is returned when answering in a review, which never changes
// the mentee's answers.
var ErrReadOnly = errors.New("a review never changes the mentee's answers")

// Step says where a move landed.
type Step int

const (
	// Moved: on another question.
	Moved Step = iota
	// AtStart: there is no question before this one; nothing moved.
	AtStart
	// PastEnd: the move went past the last question.
	PastEnd
)

// Engine holds one assessment in progress.
type Engine struct {
	bank *assess.Bank
	a    *assess.Answers
	now  func() time.Time
	qs   []*assess.Question
	i    int
	// ReadOnly refuses every change to the answers (a mentor's review).
	ReadOnly bool
}

// New opens an assessment on a bank at its saved position (a question
// id), or at the first question neither answered nor skipped, or at the
// first question when all are done. now is the clock for the rules that
// depend on the date (certification years); nil means time.Now.
func New(b *assess.Bank, a *assess.Answers, position string, now func() time.Time) *Engine {
	if now == nil {
		now = time.Now
	}
	e := &Engine{bank: b, a: a, now: now}
	e.qs = e.asked()
	e.i = e.startIndex(position)
	return e
}

func (e *Engine) asked() []*assess.Question { return e.bank.QuestionsAsked(e.a.Mode, e.a) }

func (e *Engine) startIndex(position string) int {
	if i := e.indexOf(position); i >= 0 {
		return i
	}
	if i, _ := e.Open(); i >= 0 {
		return i
	}
	return 0
}

func (e *Engine) indexOf(id string) int {
	if id == "" {
		return -1
	}
	return slices.IndexFunc(e.qs, func(q *assess.Question) bool { return q.ID == id })
}

// Bank is the bank the assessment is taken on.
func (e *Engine) Bank() *assess.Bank { return e.bank }

// Answers are the answers being given, changed in place.
func (e *Engine) Answers() *assess.Answers { return e.a }

// Questions are the questions asked, in order: the mode's, with those a
// previous answer brings in or leaves out (see assess.Bank.QuestionsAsked).
func (e *Engine) Questions() []*assess.Question { return e.qs }

// Total is the number of questions asked.
func (e *Engine) Total() int { return len(e.qs) }

// Index is the position of the current question, 0-based.
func (e *Engine) Index() int { return e.i }

// Current is the question on screen, or nil when none is asked.
func (e *Engine) Current() *assess.Question {
	if e.i < 0 || e.i >= len(e.qs) {
		return nil
	}
	return e.qs[e.i]
}

// Position is the id of the current question, for resuming; "" when none.
func (e *Engine) Position() string {
	if q := e.Current(); q != nil {
		return q.ID
	}
	return ""
}

// Answer is the recorded answer to the current question.
func (e *Engine) Answer() assess.Answer {
	if q := e.Current(); q != nil {
		return e.a.Items[q.ID]
	}
	return assess.Answer{}
}

// Set records an answer to the current question, after checking it with
// the rules of its kind. An answer with nothing in it (no reply, no note,
// no confidence) removes the entry, so "not answered" is one state.
func (e *Engine) Set(ans assess.Answer) error {
	q := e.Current()
	if q == nil {
		return nil
	}
	if e.ReadOnly {
		return ErrReadOnly
	}
	if p := e.bank.CheckAnswer(q, ans, e.now()); p != nil {
		return p
	}
	if empty(ans) {
		delete(e.a.Items, q.ID)
	} else {
		e.a.Items[q.ID] = ans
	}
	return nil
}

// Skip marks the current question skipped, keeping its evidence note and
// confidence, unless the bank needs it answered.
func (e *Engine) Skip() error {
	q := e.Current()
	if q == nil {
		return nil
	}
	if e.ReadOnly {
		return ErrReadOnly
	}
	if !q.IsSkippable() {
		return ErrRequired
	}
	old := e.a.Items[q.ID]
	return e.Set(assess.Answer{Skipped: true, Evidence: old.Evidence, Confidence: old.Confidence})
}

func empty(a assess.Answer) bool {
	return a.Choice == 0 && a.Number == nil && a.Bool == nil && a.Held == nil && !a.Skipped && a.Evidence == "" && a.Confidence == ""
}

// Refresh reads the list of questions asked again, keeping the current
// question where it now stands: an answer can change the list (a yes to
// the SEC question brings its scenarios). When the current question is no
// longer asked, the question that took its place is current.
func (e *Engine) Refresh() {
	cur := e.Position()
	e.qs = e.asked()
	if i := e.indexOf(cur); i >= 0 {
		e.i = i
		return
	}
	e.i = min(e.i, len(e.qs))
}

// Move goes d questions forward (d > 0) or back (d < 0) from the current
// one, after reading the list again (see Refresh). Past the last question
// the engine stands at the end (Current is nil); before the first it
// stays where it is and says AtStart.
func (e *Engine) Move(d int) Step {
	cur := e.Position()
	e.qs = e.asked()
	i := e.indexOf(cur)
	if i < 0 {
		// The current question is no longer asked: the one that took
		// its place counts as the next.
		i = min(e.i, len(e.qs)) - max(0, min(d, 1))
	}
	i += d
	switch {
	case i < 0:
		return AtStart
	case i >= len(e.qs):
		e.i = len(e.qs)
		return PastEnd
	}
	e.i = i
	return Moved
}

// GoTo makes the question with the id current; false when it is not
// asked.
func (e *Engine) GoTo(id string) bool {
	e.qs = e.asked()
	i := e.indexOf(id)
	if i < 0 {
		return false
	}
	e.i = i
	return true
}

// GoToIndex makes question i current (clamped to the list).
func (e *Engine) GoToIndex(i int) {
	e.qs = e.asked()
	e.i = max(0, min(i, len(e.qs)-1))
}

// NextOpen goes to the first question after the current one that is
// neither answered nor skipped; past the end when there is none.
func (e *Engine) NextOpen() Step {
	e.Refresh()
	for j := e.i + 1; j < len(e.qs); j++ {
		if !e.a.Done(e.qs[j]) {
			e.i = j
			return Moved
		}
	}
	e.i = len(e.qs)
	return PastEnd
}

// Open is the index of the first question neither answered nor skipped
// (-1 when none is) and how many such questions there are.
func (e *Engine) Open() (first, n int) {
	first = -1
	for i, q := range e.qs {
		if !e.a.Done(q) {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	return first, n
}

// Done is the number of questions answered or skipped.
func (e *Engine) Done() int {
	_, n := e.Open()
	return len(e.qs) - n
}

// Finished reports whether every question asked is answered or skipped.
func (e *Engine) Finished() bool {
	first, _ := e.Open()
	return first < 0
}

// Section is one section's progress, for an overview.
type Section struct {
	ID    string
	Title string
	// First is the index of the section's first question; FirstOpen of
	// its first open one, or First when all are done.
	First, FirstOpen int
	Total, Done      int
}

// Sections lists the sections in the order their questions are asked.
func (e *Engine) Sections() []Section {
	var out []Section
	for i, q := range e.qs {
		if len(out) == 0 || out[len(out)-1].ID != q.Section {
			title := q.Section
			if s := e.bank.Section(q.Section); s != nil {
				title = s.Title
			}
			out = append(out, Section{ID: q.Section, Title: title, First: i, FirstOpen: -1})
		}
		s := &out[len(out)-1]
		s.Total++
		if e.a.Done(q) {
			s.Done++
		} else if s.FirstOpen < 0 {
			s.FirstOpen = i
		}
	}
	for i := range out {
		if out[i].FirstOpen < 0 {
			out[i].FirstOpen = out[i].First
		}
	}
	return out
}

// TargetRoles lists the roles a person can aim for, in the order to offer
// them: the roles the bank features first (the IT security manager and
// the CISO in the default bank), then the rest in bank order.
func TargetRoles(b *assess.Bank) []*assess.Role {
	out := make([]*assess.Role, 0, len(b.Roles))
	for i := range b.Roles {
		if b.Roles[i].Featured {
			out = append(out, &b.Roles[i])
		}
	}
	for i := range b.Roles {
		if !b.Roles[i].Featured {
			out = append(out, &b.Roles[i])
		}
	}
	return out
}
