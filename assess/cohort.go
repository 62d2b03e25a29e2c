package assess

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
	// Short counts members below their next role's target for it.
	Short         int     `json:"short"`
	MeanShortfall float64 `json:"mean_shortfall"`
}

// Cohort is the view of many assessments at once.
type Cohort struct {
	People       []CohortPerson `json:"people"`
	Competencies []string       `json:"competencies"`
	Names        []string       `json:"competency_names"`
	Roles        []RoleSpread   `json:"roles"`
	Weakest      []WeakSpot     `json:"weakest"`
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
