package assess

import "sort"

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

// BuildCohort summarises members scored against one bank.
func BuildCohort(b *Bank, members []CohortMember) *Cohort {
	c := &Cohort{People: []CohortPerson{}, Roles: []RoleSpread{}, Weakest: []WeakSpot{}}
	for _, comp := range b.Competencies {
		c.Competencies = append(c.Competencies, comp.ID)
		c.Names = append(c.Names, comp.Name)
	}
	for _, m := range members {
		res := m.Result
		rec := res.Recommendation
		p := CohortPerson{Name: m.Name, Source: m.Source, Position: rec.Position, NextRole: rec.NextRole, LongTermRole: rec.LongTermRole, Judgement: res.Judgement}
		next := res.RoleFit(rec.NextRole)
		short := map[string]float64{}
		if next != nil {
			p.NextReadiness, p.NextReadinessClaimed, p.NextFit = next.Readiness, next.ReadinessClaimed, next.Fit
			p.NextBlocked, p.NextBlockedMonths = next.Blocked, next.BlockedMonths
			for _, g := range next.Gaps {
				short[g.Competency] = round(float64(g.Target)-g.Current, 2)
			}
		}
		for _, f := range res.Roles {
			if f.Blocked && f.Relation != RelOutgrown {
				p.BlockedRoles++
			}
		}
		scores := make(map[string]*CompetencyScore, len(res.Competencies))
		for i := range res.Competencies {
			scores[res.Competencies[i].ID] = &res.Competencies[i]
		}
		for _, id := range c.Competencies {
			p.Shortfall = append(p.Shortfall, short[id])
			p.Levels = append(p.Levels, round(res.Level(id), 2))
			var j *float64
			unverified := false
			if cs := scores[id]; cs != nil {
				j, unverified = cs.Judgement, cs.Unverified
			}
			if unverified {
				p.Unverified++
			}
			p.Judgements = append(p.Judgements, j)
			p.UnverifiedLevels = append(p.UnverifiedLevels, unverified)
		}
		c.People = append(c.People, p)
	}
	for _, ro := range b.Roles {
		var xs []float64
		rs := RoleSpread{ID: ro.ID, Title: ro.Title, Buckets: make([]int, len(BucketLabels))}
		best := -1.0
		for i, m := range members {
			f := m.Result.RoleFit(ro.ID)
			if f == nil {
				continue
			}
			xs = append(xs, f.Readiness)
			rs.Buckets[bucket(f.Readiness)]++
			if f.Blocked {
				rs.Blocked++
			}
			if f.Readiness > best {
				best, rs.Closest = f.Readiness, c.People[i].Name
			}
		}
		if len(xs) == 0 {
			continue
		}
		sort.Float64s(xs)
		rs.Min, rs.Max = xs[0], xs[len(xs)-1]
		rs.Median = round(median(xs), 1)
		rs.Mean = round(mean(xs), 1)
		c.Roles = append(c.Roles, rs)
	}
	sort.SliceStable(c.Roles, func(i, j int) bool { return c.Roles[i].Mean > c.Roles[j].Mean })
	for k, id := range c.Competencies {
		ws := WeakSpot{ID: id, Name: c.Names[k]}
		var levels, shorts []float64
		for _, p := range c.People {
			levels = append(levels, p.Levels[k])
			shorts = append(shorts, p.Shortfall[k])
			if p.Shortfall[k] > 0 {
				ws.Short++
			}
		}
		ws.MeanLevel = round(mean(levels), 2)
		ws.MeanShortfall = round(mean(shorts), 2)
		c.Weakest = append(c.Weakest, ws)
	}
	// Weakest first: the most people short, then the largest mean
	// shortfall, then the lowest mean level.
	sort.SliceStable(c.Weakest, func(i, j int) bool {
		a, b := c.Weakest[i], c.Weakest[j]
		if a.Short != b.Short {
			return a.Short > b.Short
		}
		if a.MeanShortfall != b.MeanShortfall {
			return a.MeanShortfall > b.MeanShortfall
		}
		return a.MeanLevel < b.MeanLevel
	})
	return c
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
