package assess

import (
	"sort"
	"strings"
)

// MoveReadiness is the readiness of the role a person stands in from which
// secpath recommends a move; below it, the next step is to grow in that
// role. PlanHorizonMonths is the plan's horizon: a role whose experience
// minimum needs longer is not made the next step while another step is
// open.
const (
	MoveReadiness     = 70.0
	PlanHorizonMonths = 24
)

// recommend picks the next step and the long-term role on the role graph.
//
//   - Position: the role the current role names (id, title or alias);
//     otherwise the most senior role of the person's family they are
//     performing at, else the family's best-fitting starting role.
//   - Long-term: the target when one is set; otherwise the most senior role
//     reachable from the position in the person's family, ties broken by
//     readiness.
//   - Next step: the position itself while its readiness is under
//     MoveReadiness, or while every move towards the long-term role is
//     blocked beyond PlanHorizonMonths; otherwise, among the roles the
//     position leads to on a path to the long-term role (any when none is),
//     those not blocked beyond the horizon, preferring the long-term role's
//     family, then the highest readiness, then fewer blockers. When no path
//     leads from the position to a target in another family, the starting
//     role of the target's family that fits best.
func recommend(b *Bank, a *Answers, res *Result) Recommendation {
	var rec Recommendation
	if len(b.Roles) == 0 {
		return rec
	}
	if res.Answered == 0 {
		// Nothing to stand on: any role named here would be made up.
		rec.Reasons = []Reason{{Kind: ReasonNothing}}
		return rec
	}
	fit := func(id string) *RoleFit { return res.RoleFit(id) }
	var why []Reason

	pos, posReason := position(b, a, res)
	rec.Position = pos.ID
	why = append(why, posReason)
	pf := fit(pos.ID)

	// Long-term role.
	long := b.Role(a.Target)
	if a.Target != "" && long == nil {
		why = append(why, Reason{Kind: ReasonUnknownTarget, Target: strings.Clone(a.Target)})
	}
	if long == nil {
		var best *Role
		for _, r := range reachable(b, pos.ID) {
			if r.FamilyName() != res.Family {
				continue
			}
			if best == nil || r.Seniority > best.Seniority ||
				(r.Seniority == best.Seniority && fit(r.ID).Readiness > fit(best.ID).Readiness) {
				best = r
			}
		}
		if best == nil {
			best = pos
		}
		long = best
	}
	rec.LongTermRole = long.ID

	next, towards := nextStep(b, res, pos, long, &why)
	rec.NextRole, rec.WorkTowards = next.ID, towards.ID
	if next.ID == pos.ID && pf.Readiness < MoveReadiness && len(pf.Gaps) > 0 {
		why = append(why, Reason{Kind: ReasonCloseFirst, Role: pos.Title, Gaps: pf.Gaps[:min(3, len(pf.Gaps))]})
	}

	lf := fit(long.ID)
	lr := Reason{Kind: ReasonLongTerm, Role: long.Title, Readiness: lf.Readiness, Fit: lf.Fit,
		YourTarget: a.Target != "" && long.ID == a.Target, Family: res.Family, RoleFamily: long.FamilyName()}
	if len(lf.Gaps) > 0 {
		lr.Gaps = lf.Gaps[:1]
	}
	why = append(why, lr)
	if long.ID != next.ID && lf.Blocked {
		why = append(why, Reason{Kind: ReasonLongBlocked, Role: long.Title, Blockers: lf.Blockers})
	}

	why = append(why, placementReason(res.Dimensions, lf.Profile, long.Title))
	if nf := fit(next.ID); len(nf.Blockers) > 0 {
		why = append(why, Reason{Kind: ReasonBefore, Role: next.Title, Blockers: nf.Blockers})
	}
	if n := unverified(res); n > 0 {
		why = append(why, Reason{Kind: ReasonUnverified, Count: n, Pattern: res.OverClaimPattern})
	}
	rec.Reasons = why
	return rec
}

// unverifiedEssentials names the essential (weight 3) targets of a role
// whose level is unverified: a move resting on them would rest on claims.
func unverifiedEssentials(b *Bank, ro *Role, res *Result) []string {
	var out []string
	for _, t := range ro.Targets {
		if t.Weight < 3 {
			continue
		}
		for _, c := range res.Competencies {
			if c.ID == t.Competency && c.Unverified {
				out = append(out, c.Name)
			}
		}
	}
	return out
}

func unverified(res *Result) int {
	n := 0
	for _, c := range res.Competencies {
		if c.Unverified {
			n++
		}
	}
	return n
}

// nextStep chooses the next role and the role to work towards, and
// gives the reason.
func nextStep(b *Bank, res *Result, pos, long *Role, why *[]Reason) (next, towards *Role) {
	fit := func(id string) *RoleFit { return res.RoleFit(id) }
	pf := fit(pos.ID)
	grow := func(r Reason) (*Role, *Role) {
		r.Role, r.Readiness = pos.Title, pf.Readiness
		*why = append(*why, r)
		return pos, pos
	}
	if long.ID == pos.ID {
		return grow(Reason{Kind: ReasonGrowPathEnd, Fit: pf.Fit})
	}
	if pf.Readiness < MoveReadiness {
		return grow(Reason{Kind: ReasonGrowBelowMove})
	}
	if names := unverifiedEssentials(b, pos, res); len(names) > 0 {
		return grow(Reason{Kind: ReasonGrowUnverified, Names: names})
	}
	cands := successorsTowards(b, pos, long.ID)
	onPath := len(cands) > 0
	if !onPath && long.FamilyName() != pos.FamilyName() {
		// A target in another family with no path from here: start where
		// that family starts.
		var best *Role
		for i := range b.Roles {
			ro := &b.Roles[i]
			if ro.Entry && ro.FamilyName() == long.FamilyName() && (ro.ID == long.ID || shortestPath(b, ro.ID, long.ID) != nil) &&
				(best == nil || fit(ro.ID).Fit > fit(best.ID).Fit) {
				best = ro
			}
		}
		if best != nil {
			bf := fit(best.ID)
			*why = append(*why, Reason{Kind: ReasonFieldStart, Role: best.Title, Readiness: bf.Readiness, Fit: bf.Fit,
				From: pos.Title, Towards: long.Title, RoleFamily: long.FamilyName()})
			return best, best
		}
	}
	if !onPath {
		cands = successorsTowards(b, pos, "")
	}
	if len(cands) == 0 {
		return grow(Reason{Kind: ReasonGrowTop})
	}
	var open, far []*Role
	for _, c := range cands {
		if fit(c.ID).BlockedMonths > PlanHorizonMonths {
			far = append(far, c)
		} else {
			open = append(open, c)
		}
	}
	if len(open) == 0 {
		f := fit(far[0].ID)
		grow(Reason{Kind: ReasonGrowBeyond, Towards: far[0].Title, Months: f.BlockedMonths, Blockers: f.Blockers})
		return pos, far[0]
	}
	sort.SliceStable(open, func(i, j int) bool {
		fi, fj := open[i].FamilyName() == long.FamilyName(), open[j].FamilyName() == long.FamilyName()
		if fi != fj {
			return fi
		}
		ri, rj := fit(open[i].ID), fit(open[j].ID)
		if ri.Readiness != rj.Readiness {
			return ri.Readiness > rj.Readiness
		}
		return len(ri.Blockers) < len(rj.Blockers)
	})
	next = open[0]
	nf := fit(next.ID)
	r := Reason{Kind: ReasonMove, Role: next.Title, Readiness: nf.Readiness, Fit: nf.Fit,
		From: pos.Title, FromReadiness: pf.Readiness, Towards: long.Title, OnPath: onPath}
	for _, c := range open[1:] {
		r.Open = append(r.Open, RoleReadiness{Title: c.Title, Readiness: fit(c.ID).Readiness})
	}
	*why = append(*why, r)
	return next, next
}

// successorsTowards lists the roles a role leads to from which the goal is
// reachable (every successor when goal is empty).
func successorsTowards(b *Bank, from *Role, goal string) []*Role {
	var out []*Role
	for _, id := range from.LeadsTo {
		r := b.Role(id)
		if r == nil {
			continue
		}
		if goal == "" || id == goal || shortestPath(b, id, goal) != nil {
			out = append(out, r)
		}
	}
	return out
}

// position finds where the person stands on the role map, with the
// reason.
func position(b *Bank, a *Answers, res *Result) (*Role, Reason) {
	if ro := b.MatchRole(a.Profile.CurrentRole); ro != nil {
		f := res.RoleFit(ro.ID)
		r := Reason{Kind: ReasonStartNamed, Role: ro.Title, Readiness: f.Readiness, Fit: f.Fit}
		if a.Profile.CurrentRole != ro.ID {
			r.Named = strings.Clone(a.Profile.CurrentRole)
		}
		return ro, r
	}
	ro := inferPosition(b, a, res)
	f := res.RoleFit(ro.ID)
	r := Reason{Kind: ReasonStartBest, Role: ro.Title, Readiness: f.Readiness, Fit: f.Fit,
		Unmatched: strings.Clone(a.Profile.CurrentRole), Family: res.Family, RoleFamily: ro.FamilyName()}
	switch {
	case performing(b, ro, res):
		r.Kind = ReasonStartPerforming
	case ro.FamilyName() != res.Family:
		r.Kind = ReasonStartOther
	}
	return ro, r
}

// orderRoles sets each role's relation to the position and sorts the roles
// as a person sees them: the position, the roles ahead of it in their
// family (nearest first), those as senior in the family, other families,
// and last the roles of their family less senior than where they stand.
func orderRoles(b *Bank, res *Result) {
	pos := b.Role(res.Recommendation.Position)
	if pos == nil {
		return
	}
	rank := map[Relation]int{RelCurrent: 0, RelAhead: 1, RelLateral: 2, RelOther: 3, RelOutgrown: 4}
	for i := range res.Roles {
		f := &res.Roles[i]
		switch {
		case f.ID == pos.ID:
			f.Relation = RelCurrent
		case f.Family != res.Family:
			// A DPO has not outgrown a security engineer's job: another
			// profession is another field, whatever its seniority.
			f.Relation = RelOther
		case f.Seniority < pos.Seniority:
			f.Relation = RelOutgrown
		case f.Seniority > pos.Seniority:
			f.Relation = RelAhead
		default:
			f.Relation = RelLateral
		}
	}
	sort.SliceStable(res.Roles, func(i, j int) bool {
		x, y := res.Roles[i], res.Roles[j]
		if rank[x.Relation] != rank[y.Relation] {
			return rank[x.Relation] < rank[y.Relation]
		}
		switch x.Relation {
		case RelAhead:
			if x.Seniority != y.Seniority {
				return x.Seniority < y.Seniority
			}
		case RelOutgrown:
			if x.Seniority != y.Seniority {
				return x.Seniority > y.Seniority
			}
		case RelCurrent, RelLateral, RelOther:
			// Within these groups seniority does not order: fit does.
		}
		return x.Fit > y.Fit
	})
}

// placementReason sets the person's placement against a role's, with its
// shape: depth or breadth when one leads by ShapeMargin or more.
func placementReason(you, role DimensionScores, title string) Reason {
	shape := ShapeBalanced
	switch d, s := you.TechnicalDepth, you.StrategicBreadth; {
	case d >= s+ShapeMargin:
		shape = ShapeDepth
	case s >= d+ShapeMargin:
		shape = ShapeBreadth
	}
	return Reason{Kind: ReasonPlacement, Role: title, You: &you, Profile: &role, Shape: shape}
}

// shortestPath returns the role ids from one role to another along
// leads_to edges, both ends included, or nil when there is no path.
func shortestPath(b *Bank, from, to string) []string {
	if b.Role(from) == nil || b.Role(to) == nil {
		return nil
	}
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == to {
			var p []string
			for id := to; id != ""; id = prev[id] {
				p = append([]string{id}, p...)
			}
			return p
		}
		if ro := b.Role(cur); ro != nil {
			for _, n := range ro.LeadsTo {
				if _, seen := prev[n]; !seen && b.Role(n) != nil {
					prev[n] = cur
					queue = append(queue, n)
				}
			}
		}
	}
	return nil
}

// reachable lists the roles reachable from a role, itself included, in
// breadth-first order.
func reachable(b *Bank, from string) []*Role {
	var out []*Role
	seen := map[string]bool{from: true}
	queue := []string{from}
	for len(queue) > 0 {
		cur := b.Role(queue[0])
		queue = queue[1:]
		if cur == nil {
			continue
		}
		out = append(out, cur)
		for _, n := range cur.LeadsTo {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return out
}

// FedBy lists the roles that lead to a role: the reverse path edges.
func (b *Bank) FedBy(id string) []string {
	var out []string
	for _, ro := range b.Roles {
		if contains(ro.LeadsTo, id) {
			out = append(out, ro.ID)
		}
	}
	return out
}
