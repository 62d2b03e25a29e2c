package assess

import (
	"fmt"
	"sort"
	"strings"
)

// PerformingReadiness is the readiness from which secpath assumes a person
// already works at a role's level when no current role is given.
const PerformingReadiness = 80.0

// recommend picks the next step and the long-term role on the role graph.
//
//   - Position: the current role from the profile when it names a role;
//     otherwise the most senior role with readiness of at least
//     PerformingReadiness and no blockers; otherwise the common starting
//     role with the highest readiness.
//   - Long-term: the target when one is set; otherwise the most senior role
//     reachable from the position in the same family (security, IT,
//     privacy), ties broken by readiness.
//   - Next step: among the roles the position leads to, those on a path to
//     the long-term role, preferring the long-term role's family, then the
//     highest readiness, then fewer blockers. A person already at the
//     long-term role grows in it.
func recommend(b *Bank, a *Answers, res *Result) Recommendation {
	var rec Recommendation
	if len(b.Roles) == 0 {
		return rec
	}
	fit := func(id string) *RoleFit { return res.RoleFit(id) }
	var why []string

	pos, posReason := position(b, a, res)
	rec.Position = pos.ID
	why = append(why, posReason)
	if pf := fit(pos.ID); pf.Readiness < PerformingReadiness {
		why = append(why, fmt.Sprintf("You meet %.0f%% of %s today: closing its gaps is part of every next step.", pf.Readiness, pos.Title))
	}

	// Long-term role.
	long := b.Role(a.Target)
	if a.Target != "" && long == nil {
		why = append(why, fmt.Sprintf("The target %q is not a role in this bank, so it was ignored.", a.Target))
	}
	if long == nil {
		var best *Role
		for _, r := range reachable(b, pos.ID) {
			if r.FamilyName() != pos.FamilyName() {
				continue
			}
			if best == nil || r.Seniority > best.Seniority ||
				(r.Seniority == best.Seniority && fit(r.ID).Readiness > fit(best.ID).Readiness) {
				best = r
			}
		}
		long = best
	}
	rec.LongTermRole = long.ID

	// Next step.
	var next *Role
	switch {
	case long.ID == pos.ID:
		next = pos
		why = append(why, fmt.Sprintf("Next step: grow in %s (readiness %.0f%%): it is already where your path leads.", pos.Title, fit(pos.ID).Readiness))
	default:
		cands := successorsTowards(b, pos, long.ID)
		onPath := len(cands) > 0
		if !onPath {
			cands = successorsTowards(b, pos, "")
		}
		if len(cands) == 0 {
			next = pos
			why = append(why, fmt.Sprintf("%s is at the top of its path (readiness %.0f%%): the next step is to grow in it.", pos.Title, fit(pos.ID).Readiness))
			break
		}
		sort.SliceStable(cands, func(i, j int) bool {
			fi, fj := cands[i].FamilyName() == long.FamilyName(), cands[j].FamilyName() == long.FamilyName()
			if fi != fj {
				return fi
			}
			ri, rj := fit(cands[i].ID), fit(cands[j].ID)
			if ri.Readiness != rj.Readiness {
				return ri.Readiness > rj.Readiness
			}
			return len(ri.Blockers) < len(rj.Blockers)
		})
		next = cands[0]
		line := fmt.Sprintf("Next step: %s, readiness %.0f%%", next.Title, fit(next.ID).Readiness)
		if onPath {
			line += fmt.Sprintf(", on the path from %s to %s", pos.Title, long.Title)
		} else {
			line += fmt.Sprintf("; no path on the role map leads from %s to %s", pos.Title, long.Title)
		}
		if len(cands) > 1 {
			var others []string
			for _, c := range cands[1:] {
				others = append(others, fmt.Sprintf("%s %.0f%%", c.Title, fit(c.ID).Readiness))
			}
			line += fmt.Sprintf(" (also open: %s)", strings.Join(others, ", "))
		}
		why = append(why, line+".")
	}
	rec.NextRole = next.ID

	lf := fit(long.ID)
	line := fmt.Sprintf("Long-term: %s, readiness %.0f%% today", long.Title, lf.Readiness)
	if a.Target != "" && long.ID == a.Target {
		line = fmt.Sprintf("Long-term: %s, your target, readiness %.0f%% today", long.Title, lf.Readiness)
	}
	if len(lf.Gaps) > 0 {
		g := lf.Gaps[0]
		line += fmt.Sprintf("; its largest gap is %s (%.1f against a target of %d, weight %g)", g.Name, g.Current, g.Target, g.Weight)
	}
	why = append(why, line+".")

	why = append(why, placementLine(res.Dimensions, lf.Profile, long.Title))
	if nf := fit(next.ID); len(nf.Blockers) > 0 {
		var msgs []string
		for _, bl := range nf.Blockers {
			msgs = append(msgs, bl.Message)
		}
		why = append(why, fmt.Sprintf("Before %s: %s", next.Title, strings.Join(msgs, " ")))
	}
	rec.Rationale = why
	return rec
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

// position finds where the person stands on the role map, with a reason.
func position(b *Bank, a *Answers, res *Result) (*Role, string) {
	if ro := b.Role(a.Profile.CurrentRole); ro != nil {
		return ro, fmt.Sprintf("Starting point: %s, your current role (readiness %.0f%%).", ro.Title, res.RoleFit(ro.ID).Readiness)
	}
	note := ""
	if a.Profile.CurrentRole != "" {
		note = fmt.Sprintf(" (your current role %q is not one of the bank's roles)", a.Profile.CurrentRole)
	}
	var best *Role
	for i := range b.Roles {
		ro := &b.Roles[i]
		f := res.RoleFit(ro.ID)
		if f.Readiness >= PerformingReadiness && len(f.Blockers) == 0 && (best == nil || ro.Seniority > best.Seniority) {
			best = ro
		}
	}
	if best != nil {
		return best, fmt.Sprintf("Starting point: %s%s, the most senior role whose targets you already meet to %.0f%% or more, with no blockers (%.0f%%).", best.Title, note, PerformingReadiness, res.RoleFit(best.ID).Readiness)
	}
	for i := range b.Roles {
		ro := &b.Roles[i]
		if ro.Entry && (best == nil || res.RoleFit(ro.ID).Readiness > res.RoleFit(best.ID).Readiness) {
			best = ro
		}
	}
	if best == nil {
		best = &b.Roles[0]
	}
	return best, fmt.Sprintf("Starting point: %s%s, the closest of the common starting roles (readiness %.0f%%).", best.Title, note, res.RoleFit(best.ID).Readiness)
}

// placementLine explains the depth/breadth placement against a role's.
func placementLine(you, role DimensionScores, title string) string {
	d, s := you.TechnicalDepth, you.StrategicBreadth
	var shape string
	switch {
	case d >= s+0.75:
		shape = "your strength is technical depth"
	case s >= d+0.75:
		shape = "your strength is strategic breadth"
	default:
		shape = "depth and breadth are balanced"
	}
	return fmt.Sprintf("Placement: technical depth %.1f, strategic breadth %.1f, leadership %.1f: %s; %s asks for %.1f, %.1f and %.1f.",
		d, s, you.Leadership, shape, title, role.TechnicalDepth, role.StrategicBreadth, role.Leadership)
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
