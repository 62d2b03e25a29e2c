package questionnaire

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/secpath/secpath/assess"
)

// Mentor is the mentor's side of a review: the mentor's level per
// competency and notes on each question, what mentor and mentee agree
// about each gap, and the sign-off. It writes only the mentor's view
// (assess.Answers.Mentor), never an answer, creating the view on the
// first change and stamping every change with the clock, so the caller
// only has to save when a method reports a change.
type Mentor struct {
	bank *assess.Bank
	a    *assess.Answers
	now  func() time.Time
	// name is the mentor's name for a view created by the first change.
	name string
}

// NewMentor opens the mentor's view of an assessment. name is the
// mentor's name, used when the view does not exist yet; now is the clock
// (nil means time.Now).
func NewMentor(b *assess.Bank, a *assess.Answers, name string, now func() time.Time) *Mentor {
	if now == nil {
		now = time.Now
	}
	return &Mentor{bank: b, a: a, now: now, name: name}
}

// View is the mentor's view, or nil before the first change.
func (m *Mentor) View() *assess.MentorView { return m.a.Mentor }

// write applies a change to the view, creating it on the first one.
func (m *Mentor) write(change func(v *assess.MentorView)) {
	if m.a.Mentor == nil {
		m.a.Mentor = &assess.MentorView{Name: m.name}
	}
	if m.a.Mentor.Ratings == nil {
		m.a.Mentor.Ratings = map[string]assess.MentorRating{}
	}
	change(m.a.Mentor)
	m.a.Mentor.Updated = m.now()
}

// SetName records the mentor's name; it reports whether it changed.
func (m *Mentor) SetName(name string) bool {
	name = strings.TrimSpace(name)
	if name == "" || (m.View() != nil && m.View().Name == name) {
		return false
	}
	m.name = name
	m.write(func(v *assess.MentorView) { v.Name = name })
	return true
}

// Rateable reports whether the mentor rates the mentee on a question:
// ratings and scenarios measure a level; numbers, yes/no and
// certifications are facts, so the mentor only notes them.
func Rateable(q *assess.Question) bool {
	return q != nil && (q.Def().Evidence == assess.EvidenceClaim || q.Def().Evidence == assess.EvidenceJudgement)
}

// Rating is the mentor's rating of a question (empty when none).
func (m *Mentor) Rating(question string) assess.MentorRating {
	if v := m.View(); v != nil {
		return v.Ratings[question]
	}
	return assess.MentorRating{}
}

// ErrNotRated is returned when rating a question a mentor does not rate,
// or a competency the question does not measure.
var ErrNotRated = errors.New("the mentor does not rate this")

// SetLevel records the mentor's level for one competency of a question.
// It reports whether anything changed.
func (m *Mentor) SetLevel(q *assess.Question, competency string, level int) (bool, error) {
	if !Rateable(q) {
		return false, fmt.Errorf("%s: %w (a fact, so only noted)", q.ID, ErrNotRated)
	}
	if q.Measures[competency] == 0 {
		return false, fmt.Errorf("%s does not measure %q: %w", q.ID, competency, ErrNotRated)
	}
	if level < assess.MinLevel || level > assess.MaxLevel {
		return false, fmt.Errorf("level %d is outside %d to %d", level, assess.MinLevel, assess.MaxLevel)
	}
	if l, ok := m.Rating(q.ID).LevelFor(competency); ok && l == level {
		return false, nil
	}
	m.put(q.ID, func(r *assess.MentorRating) {
		if r.Levels == nil {
			r.Levels = map[string]int{}
		}
		r.Levels[competency] = level
	})
	return true, nil
}

// SetAll gives every competency the question measures the same level, for
// a mentor who sees no difference between them.
func (m *Mentor) SetAll(q *assess.Question, level int) (bool, error) {
	changed := false
	for _, comp := range q.MeasuredOrder() {
		c, err := m.SetLevel(q, comp, level)
		if err != nil {
			return changed, err
		}
		changed = changed || c
	}
	return changed, nil
}

// ClearLevel takes the mentor's level for a competency away: not rated.
// It reports whether there was one.
func (m *Mentor) ClearLevel(q *assess.Question, competency string) bool {
	if _, ok := m.Rating(q.ID).LevelFor(competency); !ok {
		return false
	}
	m.put(q.ID, func(r *assess.MentorRating) { delete(r.Levels, competency) })
	return true
}

// StepLevel moves a competency's level by d through "not rated", 0 … 5
// and round again, as arrow keys do; it returns the new level (nil for
// not rated).
func (m *Mentor) StepLevel(q *assess.Question, competency string, d int) (*int, error) {
	// idx 0 is not rated, 1..6 are levels 0..5.
	idx := 0
	if l, ok := m.Rating(q.ID).LevelFor(competency); ok {
		idx = l + 1
	}
	n := assess.MaxLevel + 2
	idx = ((idx+d)%n + n) % n
	if idx == 0 {
		m.ClearLevel(q, competency)
		return nil, nil
	}
	l := idx - 1
	if _, err := m.SetLevel(q, competency, l); err != nil {
		return nil, err
	}
	return &l, nil
}

// SetNote records the mentor's notes on a question; it reports whether
// they changed.
func (m *Mentor) SetNote(question, text string) bool {
	text = strings.TrimSpace(text)
	if m.Rating(question).Notes == text {
		return false
	}
	m.put(question, func(r *assess.MentorRating) { r.Notes = text })
	return true
}

// put changes a question's rating, dropping it when it holds nothing, so
// "no rating" is one state.
func (m *Mentor) put(question string, change func(r *assess.MentorRating)) {
	m.write(func(v *assess.MentorView) {
		r := v.Ratings[question]
		if r.Levels != nil {
			r.Levels = cloneLevels(r.Levels)
		}
		change(&r)
		if len(r.Levels) == 0 {
			r.Levels = nil
		}
		if r.Empty() {
			delete(v.Ratings, question)
			return
		}
		v.Ratings[question] = r
	})
}

func cloneLevels(l map[string]int) map[string]int {
	out := make(map[string]int, len(l))
	for k, v := range l {
		out[k] = v
	}
	return out
}

// Unrated lists the competencies of a question the mentor has not rated,
// heaviest first.
func (m *Mentor) Unrated(q *assess.Question) []string {
	if !Rateable(q) {
		return nil
	}
	r := m.Rating(q.ID)
	var out []string
	for _, comp := range q.MeasuredOrder() {
		if _, ok := r.LevelFor(comp); !ok {
			out = append(out, comp)
		}
	}
	return out
}

// Rated counts the competency ratings the mentor gave, over all questions.
func (m *Mentor) Rated() int {
	n := 0
	if v := m.View(); v != nil {
		for _, r := range v.Ratings {
			n += len(r.Levels)
		}
	}
	return n
}

// Gap is what was agreed for a role's gap, or nil when nothing was.
func (m *Mentor) Gap(role, competency string) *assess.AgreedGap {
	return m.View().Gap(role, competency)
}

// Draft is what the review of a gap starts from: the record when there is
// one, else a gap nobody has decided on yet, owned by the mentee.
func (m *Mentor) Draft(role, competency string) assess.AgreedGap {
	if r := m.Gap(role, competency); r != nil {
		return *r
	}
	return assess.AgreedGap{Role: role, Competency: competency, Undecided: true, Owner: m.DefaultOwner()}
}

// DefaultOwner is who owns a gap until they agree otherwise: the mentee,
// by name when the assessment has one.
func (m *Mentor) DefaultOwner() string {
	if n := m.a.Profile.Name; n != "" {
		return n
	}
	return "mentee"
}

// Decide records whether a gap matters; Undecided takes the decision
// back. It reports whether it changed.
func (m *Mentor) Decide(rec assess.AgreedGap, d assess.Decision) (assess.AgreedGap, bool) {
	rec.Undecided, rec.Matters = d == assess.Undecided, d == assess.Matters
	return rec, m.PutGap(rec)
}

// PutGap records what was agreed for a gap (by role and competency),
// when it differs from what is recorded. A record that says nothing (not
// decided, no priority, dates, action or notes) removes the entry, so an
// untouched gap stays unrecorded. It reports whether it changed.
func (m *Mentor) PutGap(rec assess.AgreedGap) bool {
	cur := m.Gap(rec.Role, rec.Competency)
	if cur != nil && SameGap(*cur, rec) {
		return false
	}
	if cur == nil && m.blankGap(rec) {
		return false
	}
	m.write(func(v *assess.MentorView) {
		for i := range v.Gaps {
			if v.Gaps[i].Role == rec.Role && v.Gaps[i].Competency == rec.Competency {
				if m.blankGap(rec) {
					v.Gaps = append(v.Gaps[:i], v.Gaps[i+1:]...)
					return
				}
				v.Gaps[i] = rec
				return
			}
		}
		v.Gaps = append(v.Gaps, rec)
	})
	return true
}

// blankGap is a record with nothing agreed in it: undecided, with the
// default owner (or none) and no priority, dates, action or notes.
func (m *Mentor) blankGap(g assess.AgreedGap) bool {
	return g.Decision() == assess.Undecided && (g.Owner == "" || g.Owner == m.DefaultOwner()) && g.Priority == 0 &&
		g.Due.IsZero() && g.CheckIn.IsZero() && g.Action == "" && g.Notes == ""
}

// SameGap reports whether two records agree on everything (dates by day).
func SameGap(a, b assess.AgreedGap) bool {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	return a.Role == b.Role && a.Competency == b.Competency && a.Decision() == b.Decision() && a.Priority == b.Priority &&
		a.Owner == b.Owner && day(a.Due) == day(b.Due) && day(a.CheckIn) == day(b.CheckIn) && a.Action == b.Action && a.Notes == b.Notes
}

// Undecided lists a role's gaps nobody has decided on yet (see
// assess.UndecidedGaps).
func (m *Mentor) Undecided(role string, gaps []assess.Gap) []assess.Gap {
	return assess.UndecidedGaps(gaps, role, m.View())
}

// Agreed lists the gaps of a role agreed as mattering, in the agreed
// order (see assess.OrderByReview).
func (m *Mentor) Agreed(role string, gaps []assess.Gap) []assess.Gap {
	ordered := append([]assess.Gap(nil), gaps...)
	assess.OrderByReview(ordered, role, m.View())
	var out []assess.Gap
	for _, g := range ordered {
		if g.Review != nil && g.Review.Decision == assess.Matters {
			out = append(out, g)
		}
	}
	return out
}

// Sign-off problems.
var (
	ErrNames = errors.New("both names are needed to sign off")
	ErrDate  = errors.New("the date is needed to sign off")
)

// Readiness says whether the plan can be signed off with these names and
// date, and what is still open: the gaps nobody decided on stay out of
// the agreement, so the sign-off names them rather than refusing.
type Readiness struct {
	// Err is why the sign-off cannot be recorded (ErrNames, ErrDate);
	// nil when it can.
	Err error
	// Undecided are the role's gaps nobody decided on.
	Undecided []assess.Gap
}

// Ready reports whether the sign-off can be recorded.
func (r Readiness) Ready() bool { return r.Err == nil }

// CheckSignOff says whether a sign-off with these names and date can be
// recorded, and which of the role's gaps are still undecided.
func (m *Mentor) CheckSignOff(role string, gaps []assess.Gap, mentee, mentor string, date time.Time) Readiness {
	r := Readiness{Undecided: m.Undecided(role, gaps)}
	switch {
	case strings.TrimSpace(mentee) == "" || strings.TrimSpace(mentor) == "":
		r.Err = ErrNames
	case date.IsZero():
		r.Err = ErrDate
	}
	return r
}

// SignOff records that mentee and mentor agreed the plan, after the
// checks of CheckSignOff; the mentor's name names the view when it has
// none.
func (m *Mentor) SignOff(role string, gaps []assess.Gap, mentee, mentor string, date time.Time) (Readiness, error) {
	r := m.CheckSignOff(role, gaps, mentee, mentor, date)
	if r.Err != nil {
		return r, r.Err
	}
	mentee, mentor = strings.TrimSpace(mentee), strings.TrimSpace(mentor)
	m.write(func(v *assess.MentorView) {
		v.SignOff = assess.SignOff{Mentee: mentee, Mentor: mentor, Date: date}
		if v.Name == "" {
			v.Name = mentor
		}
	})
	return r, nil
}
