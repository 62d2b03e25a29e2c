package assess

import (
	"math"
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
// sees in the mentee for what the question measures, and notes.
type MentorRating struct {
	Level *int
	Notes string
}

// AgreedGap is a gap the mentor and mentee reviewed together.
type AgreedGap struct {
	Role       string
	Competency string
	// Matters records whether they agreed the gap matters now.
	Matters  bool
	Priority int // 1 is the highest; 0 unset
	Owner    string
	Due      time.Time
	CheckIn  time.Time
	Action   string
	Notes    string
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
		if r.Level != nil {
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
		if q == nil || r.Level == nil {
			continue
		}
		for comp, w := range q.Measures {
			sum[comp] += w * float64(*r.Level)
			weight[comp] += w
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
