package assess

import (
	"math"
	"sort"
	"time"
)

// MentorView is a mentor's annotations of a mentee's assessment: a rating
// of the mentee's level and notes per question, the gaps they agreed on and
// the sign-off. It sits beside the answers and never changes them.
type MentorView struct {
	Name    string
	Updated time.Time
	// Ratings are keyed by question id.
	Ratings map[string]MentorRating
	Gaps    []AgreedGap
	SignOff SignOff
}

// MentorRating is the mentor's view on one question: the level the mentor
// sees in the mentee in each competency the question measures, and notes.
//
// A scenario can evidence several competencies, and a mentor often sees
// the mentee handle the budget side of a case well and the people side
// less so, so the level is per competency. A competency left out of
// Levels is not rated.
type MentorRating struct {
	Levels map[string]int
	Notes  string
}

// Rated reports whether the rating holds a level for any competency.
func (r MentorRating) Rated() bool { return len(r.Levels) > 0 }

// Empty reports whether the rating holds nothing: no level and no note.
func (r MentorRating) Empty() bool { return !r.Rated() && r.Notes == "" }

// LevelFor is the mentor's level for one competency, and whether there is
// one.
func (r MentorRating) LevelFor(competency string) (int, bool) {
	l, ok := r.Levels[competency]
	return l, ok
}

// Uniform is the one level the mentor gave every competency the question
// measures, when they gave the same to all of them.
func (r MentorRating) Uniform(q *Question) (int, bool) {
	if q == nil || len(r.Levels) != len(q.Measures) || len(r.Levels) == 0 {
		return 0, false
	}
	first, same := -1, true
	for comp := range q.Measures {
		l, ok := r.Levels[comp]
		if !ok {
			return 0, false
		}
		if first < 0 {
			first = l
		} else if l != first {
			same = false
		}
	}
	return first, same
}

// AgreedGap is a gap the mentor and mentee reviewed together.
type AgreedGap struct {
	Role       string
	Competency string
	// Matters records whether they agreed the gap matters now; it means
	// nothing while Undecided (reviewed without saying; see Decision).
	Matters   bool
	Undecided bool
	Priority  int // 1 is the highest; 0 unset
	Owner     string
	Due       time.Time
	CheckIn   time.Time
	Action    string
	Notes     string
}

// SignOff records that both agreed the plan.
type SignOff struct {
	Mentee string
	Mentor string
	Date   time.Time
}

// Signed reports whether both names and the date are there.
func (s SignOff) Signed() bool { return s.Mentee != "" && s.Mentor != "" && !s.Date.IsZero() }

// HasRatings reports whether the mentor rated anything.
func (m *MentorView) HasRatings() bool {
	if m == nil {
		return false
	}
	for _, r := range m.Ratings {
		if r.Rated() {
			return true
		}
	}
	return false
}

// Gap returns the agreed record for a role's gap, or nil.
func (m *MentorView) Gap(role, competency string) *AgreedGap {
	if m == nil {
		return nil
	}
	for i := range m.Gaps {
		if m.Gaps[i].Role == role && m.Gaps[i].Competency == competency {
			return &m.Gaps[i]
		}
	}
	return nil
}

// Basis chooses whose ratings the levels rest on.
type Basis string

// Bases.
const (
	// BasisSelf uses the mentee's own answers.
	BasisSelf Basis = "self"
	// BasisMentor uses the mentor's rating for every competency the mentor
	// rated, and the mentee's answers elsewhere.
	BasisMentor Basis = "mentor"
)

// MentorDifference is a competency where the mentor's view and the
// mentee's differ by a level or more. It is data: the faces word it, and
// the JSON writers fill Message with the words.
type MentorDifference struct {
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	Self       float64 `json:"self"`
	Mentor     float64 `json:"mentor"`
	// MentorName is the mentor's name, empty when none was given.
	MentorName string `json:"mentor_name,omitempty"`
	Message    string `json:"message"`
}

// MentorDifferenceAt is the gap in levels from which a difference is shown.
const MentorDifferenceAt = 1.0

// mentorLevels averages the mentor's ratings per competency, weighting each
// question as the bank weighs it.
func mentorLevels(b *Bank, m *MentorView) map[string]float64 {
	out := map[string]float64{}
	if !m.HasRatings() {
		return out
	}
	sum, weight := map[string]float64{}, map[string]float64{}
	for id, r := range m.Ratings {
		q := b.Question(id)
		if q == nil {
			continue
		}
		for comp, w := range q.Measures {
			if l, ok := r.LevelFor(comp); ok {
				sum[comp] += w * float64(l)
				weight[comp] += w
			}
		}
	}
	for comp, w := range weight {
		if w > 0 {
			out[comp] = sum[comp] / w
		}
	}
	return out
}

func mentorDifference(cs CompetencyScore, self, mentor float64, mentorName string) MentorDifference {
	return MentorDifference{Competency: cs.ID, Name: cs.Name, Self: round(self, 2), Mentor: round(mentor, 2), MentorName: mentorName}
}

// differs reports a difference of a level or more.
func differs(a, b float64) bool { return math.Abs(a-b) >= MentorDifferenceAt-1e-9 }

// MeasuredOrder lists the competencies a question measures, heaviest
// first (ties by id): the order a mentor rates them in and the plan lists
// their ratings.
func (q *Question) MeasuredOrder() []string {
	ids := sortedKeys(q.Measures)
	sort.SliceStable(ids, func(i, j int) bool { return q.Measures[ids[i]] > q.Measures[ids[j]] })
	return ids
}
