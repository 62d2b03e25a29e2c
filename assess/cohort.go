package assess

import (
	"encoding/json"
	"time"
)

// CohortMember is one person's scored assessment in a cohort.
type CohortMember struct {
	Name   string  `json:"name"`
	Source string  `json:"source"`
	Result *Result `json:"-"`
}

// CohortPerson summarises one member.
type CohortPerson struct {
	Name          string  `json:"name"`
	Source        string  `json:"source"`
	Position      string  `json:"position"`
	NextRole      string  `json:"next_role"`
	NextReadiness float64 `json:"next_readiness"`
	// NextReadinessClaimed is the readiness for the next role if every
	// unverified claim held, when it is higher.
	NextReadinessClaimed *float64 `json:"next_readiness_claimed,omitempty"`
	NextFit              float64  `json:"next_fit"`
	// NextBlocked says an experience minimum of the next role is not met;
	// NextBlockedMonths is the earliest it could be (0 when unknown).
	NextBlocked       bool   `json:"next_blocked"`
	NextBlockedMonths int    `json:"next_blocked_months,omitempty"`
	LongTermRole      string `json:"long_term_role"`
	// Judgement is the person's overall scenario score, when they answered
	// scenarios.
	Judgement *Judgement `json:"judgement,omitempty"`
	// BlockedRoles counts the roles an experience minimum blocks, of the
	// roles not outgrown; Unverified the competencies whose level is
	// unverified.
	BlockedRoles int `json:"blocked_roles"`
	Unverified   int `json:"unverified"`
	// Shortfall per competency against the person's next role (0 where met
	// or not needed), in the order of Cohort.Competencies, as are Levels,
	// Judgements (nil where no scenario on it was answered) and
	// UnverifiedLevels.
	Shortfall        []float64  `json:"shortfall"`
	Levels           []float64  `json:"levels"`
	Judgements       []*float64 `json:"judgements"`
	UnverifiedLevels []bool     `json:"unverified_levels"`
	// Date is when the assessment was last saved (zero when unknown).
	Date time.Time `json:"date,omitzero"`
	// Answered counts the questions answered or skipped, of Asked (those
	// the assessment's mode asks); fewer is an unfinished assessment.
	Answered int `json:"answered"`
	Asked    int `json:"asked"`
	// Basis is whose ratings the levels rest on: BasisMentor where a
	// mentor's view is counted (their rating wherever they gave one, the
	// mentee's answers elsewhere), else BasisSelf. MentorName and
	// MentorDate name the mentor and date their view, when there is one.
	Basis      Basis     `json:"basis"`
	MentorName string    `json:"mentor_name,omitempty"`
	MentorDate time.Time `json:"mentor_date,omitzero"`
	// Unanswered marks the competencies with nothing to go on: no answer
	// that gives a level, no certification attesting them, no mentor
	// rating counted. Their level and shortfall are no figure at all
	// (null in JSON, whatever Levels and Shortfall hold) and the group's
	// figures leave them out.
	Unanswered []bool `json:"unanswered"`
	// Targets is the next role's target level per competency, 0 where the
	// role sets none.
	Targets []int8 `json:"targets"`
	// MentorLevels is the mentor's rating per competency (nil where they
	// gave none), when the file has a mentor's view; SelfLevels the
	// levels on the mentee's own answers (nil where unanswered), when the
	// levels rest on the mentor's view. Both are omitted otherwise.
	MentorLevels []*float64 `json:"mentor_levels,omitempty"`
	SelfLevels   []*float64 `json:"self_levels,omitempty"`
}

// Finished reports whether every question the mode asks was answered or
// skipped.
func (p *CohortPerson) Finished() bool { return p.Asked > 0 && p.Answered >= p.Asked }

// OnMentor reports whether the person's levels rest on a mentor's view.
func (p *CohortPerson) OnMentor() bool { return p.Basis == BasisMentor }

// Answers reports whether the person gave anything to go on for the k-th
// competency of the cohort.
func (p *CohortPerson) Answers(k int) bool { return k >= len(p.Unanswered) || !p.Unanswered[k] }

// MarshalJSON writes the person with null for the level and shortfall of
// every unanswered competency: a missing figure, never a zero.
func (p CohortPerson) MarshalJSON() ([]byte, error) {
	type plain CohortPerson
	v := struct {
		plain
		Shortfall []*float64 `json:"shortfall"`
		Levels    []*float64 `json:"levels"`
	}{plain: plain(p), Shortfall: p.known(p.Shortfall), Levels: p.known(p.Levels)}
	return json.Marshal(v)
}

// known is xs with nil where the competency is unanswered.
func (p *CohortPerson) known(xs []float64) []*float64 {
	if xs == nil {
		return nil
	}
	out := make([]*float64, len(xs))
	for k := range xs {
		if p.Answers(k) {
			out[k] = &xs[k]
		}
	}
	return out
}

// RoleSpread is how ready the group is for one role.
type RoleSpread struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Min     float64 `json:"min"`
	Median  float64 `json:"median"`
	Max     float64 `json:"max"`
	Mean    float64 `json:"mean"`
	Closest string  `json:"closest"` // the member nearest to it
	// Blocked counts the members an experience minimum of the role blocks.
	Blocked int `json:"blocked"`
	// Buckets count members by readiness: <50, 50-64, 65-79, 80-89, 90+.
	Buckets []int `json:"buckets"`
}

// WeakSpot is a competency where the group as a whole is weakest.
type WeakSpot struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	MeanLevel float64 `json:"mean_level"`
	// Short counts members below their next role's target for it, of the
	// Answered members who gave anything to go on for it; the means are
	// over those members alone.
	Short         int     `json:"short"`
	MeanShortfall float64 `json:"mean_shortfall"`
	Answered      int     `json:"answered"`
}

// Cohort is the view of many assessments at once.
type Cohort struct {
	People       []CohortPerson `json:"people"`
	Competencies []string       `json:"competencies"`
	Names        []string       `json:"competency_names"`
	// Dimensions places each competency, in the same order.
	Dimensions []Dimension  `json:"competency_dimensions"`
	Roles      []RoleSpread `json:"roles"`
	Weakest    []WeakSpot   `json:"weakest"`
	// Files says which files the cohort was read from and which were set
	// aside, when it was read from files.
	Files *CohortFiles `json:"files,omitempty"`
}

// CohortFiles accounts for the files a cohort was read from: Read of
// them in all, Used as members, Unreadable skipped, and the rest set aside
// (unfinished, or an older assessment of a person counted on a newer one).
type CohortFiles struct {
	Read       int        `json:"read"`
	Used       int        `json:"used"`
	Unreadable int        `json:"unreadable"`
	SetAside   []SetAside `json:"set_aside"`
	// Choice is what the files were chosen by.
	Choice CohortChoice `json:"choice"`
}

// BucketLabels name RoleSpread.Buckets.
var BucketLabels = []string{"<50", "50-64", "65-79", "80-89", "90+"}

// BuildCohort summarises members scored against one bank, in their order.
func BuildCohort(b *Bank, members []CohortMember) *Cohort {
	cb := NewCohortBuilder(b)
	for _, m := range members {
		cb.Add(cb.Entry(m.Name, m.Source, m.Result))
	}
	return cb.Cohort()
}

func bucket(r float64) int {
	switch {
	case r < 50:
		return 0
	case r < 65:
		return 1
	case r < 80:
		return 2
	case r < 90:
		return 3
	}
	return 4
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// Progress counts the questions of an assessment's mode answered or
// skipped (done) of those it asks: an assessment is finished when done
// reaches asked.
func Progress(b *Bank, a *Answers) (done, asked int) {
	for _, q := range b.QuestionsAsked(a.Mode, a) {
		asked++
		if ans, ok := a.Items[q.ID]; ok && (ans.Skipped || ans.Given(q.Kind)) {
			done++
		}
	}
	return done, asked
}
