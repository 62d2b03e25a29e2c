package assess

import "sort"

// The gap review as data: what mentor and mentee agreed about each gap of
// a role orders that role's gaps, so every face (the results, the plan and
// its exports, the JSON) lists them in the agreed order and marks the
// ones agreed not to matter, without each face sorting on its own.

// Decision is what mentor and mentee agreed about whether a gap matters
// now.
type Decision string

// Decisions. The empty decision is a gap nobody has decided on yet: never
// reviewed, or reviewed without saying whether it matters.
const (
	Undecided     Decision = ""
	Matters       Decision = "matters"
	DoesNotMatter Decision = "does-not-matter"
)

// Decision is what the record says about the gap mattering.
func (g AgreedGap) Decision() Decision {
	switch {
	case g.Undecided:
		return Undecided
	case g.Matters:
		return Matters
	}
	return DoesNotMatter
}

// GapReview is the review of one gap as a role's gap list carries it.
type GapReview struct {
	Decision Decision `json:"decision,omitempty"`
	// Priority is the agreed priority, 1 the highest; 0 when none was
	// agreed.
	Priority int `json:"priority,omitempty"`
}

// Reviewed reports whether the gap was decided on in a review.
func (r *GapReview) Reviewed() bool { return r != nil && r.Decision != Undecided }

// reviewRank orders the gaps of a review: agreed as mattering with a
// priority first (by priority), then agreed as mattering without one,
// then the undecided, then those agreed not to matter. Within a rank the
// computed order (weight × shortfall) stands.
func reviewRank(r *GapReview) (rank, priority int) {
	if r == nil {
		return 2, 0
	}
	switch r.Decision {
	case Matters:
		if r.Priority > 0 {
			return 0, r.Priority
		}
		return 1, 0
	case DoesNotMatter:
		return 3, 0
	case Undecided:
	}
	return 2, 0
}

// OrderByReview puts a role's gaps in the agreed order and records the
// review on each gap (see reviewRank). Without a review of the role the
// gaps keep their computed order. It changes gaps in place.
func OrderByReview(gaps []Gap, role string, m *MentorView) {
	if m == nil || len(m.Gaps) == 0 {
		return
	}
	for i := range gaps {
		gaps[i].Review = nil
		if ag := m.Gap(role, gaps[i].Competency); ag != nil {
			gaps[i].Review = &GapReview{Decision: ag.Decision(), Priority: ag.Priority}
			if ag.Decision() == DoesNotMatter {
				gaps[i].Review.Priority = 0 // a priority among the gaps that matter
			}
		}
	}
	sort.SliceStable(gaps, func(i, j int) bool {
		ri, pi := reviewRank(gaps[i].Review)
		rj, pj := reviewRank(gaps[j].Review)
		if ri != rj {
			return ri < rj
		}
		return pi < pj
	})
}

// orderRolesByReview applies the review to every role's gaps.
func orderRolesByReview(res *Result, m *MentorView) {
	for i := range res.Roles {
		OrderByReview(res.Roles[i].Gaps, res.Roles[i].ID, m)
	}
}

// UndecidedGaps lists a role's gaps nobody has decided on yet, in the
// order given: those never reviewed and those reviewed without saying
// whether they matter.
func UndecidedGaps(gaps []Gap, role string, m *MentorView) []Gap {
	var out []Gap
	for _, g := range gaps {
		if ag := m.Gap(role, g.Competency); ag == nil || ag.Decision() == Undecided {
			out = append(out, g)
		}
	}
	return out
}
