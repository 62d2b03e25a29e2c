package assess

import (
	"fmt"
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
		rec.Rationale = []string{"No recommendation yet: nothing is answered. Answer the questions and secpath will say where you stand and what to do next."}
		return rec
	}
	fit := func(id string) *RoleFit { return res.RoleFit(id) }
	var why []string

	pos, posReason := position(b, a, res)
	rec.Position = pos.ID
	why = append(why, posReason)
	pf := fit(pos.ID)

	// Long-term role.
	long := b.Role(a.Target)
	if a.Target != "" && long == nil {
		why = append(why, fmt.Sprintf("The target %q is not a role in this bank, so it was ignored.", a.Target))
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
		var names []string
		for i, g := range pf.Gaps {
			if i == 3 {
				break
			}
			names = append(names, fmt.Sprintf("%s %.1f of %d", g.Name, g.Current, g.Target))
		}
		why = append(why, fmt.Sprintf("Close first: %s.", strings.Join(names, "; ")))
	}

	lf := fit(long.ID)
	line := fmt.Sprintf("Long-term: %s, readiness %.0f%% and fit %.0f%% today", long.Title, lf.Readiness, lf.Fit)
	if a.Target != "" && long.ID == a.Target {
		line = fmt.Sprintf("Long-term: %s, your target, readiness %.0f%% and fit %.0f%% today", long.Title, lf.Readiness, lf.Fit)
		if long.FamilyName() != res.Family {
			line += fmt.Sprintf(" (a move into %s from the %s field you are in today)", familyLabel(long.FamilyName()), familyLabel(res.Family))
		}
	}
	if len(lf.Gaps) > 0 {
		g := lf.Gaps[0]
		line += fmt.Sprintf("; its largest gap is %s (%.1f against a target of %d, weight %g)", g.Name, g.Current, g.Target, g.Weight)
	}
	why = append(why, line+".")
	if long.ID != next.ID && lf.Blocked {
		why = append(why, fmt.Sprintf("%s is blocked for now: %s", long.Title, blockerText(lf)))
	}

	why = append(why, placementLine(res.Dimensions, lf.Profile, long.Title))
	if nf := fit(next.ID); len(nf.Blockers) > 0 {
		why = append(why, fmt.Sprintf("Before %s: %s", next.Title, blockerText(nf)))
	}
	if n := unverified(res); n > 0 {
		what := fmt.Sprintf("%d of your self-ratings sit", n)
		if n == 1 {
			what = "One of your self-ratings sits"
		}
		if res.OverClaimPattern {
			why = append(why, what+" above what your scenario answers or experience support. That is most of the ratings your scenarios check, so the figures count each at what your scenario answers show, without the allowance for a sound second-best answer, until a mentor has seen the work.")
		} else {
			why = append(why, what+" above what your scenario answers or experience support; the figures count them at the supported level until a mentor has seen the work.")
		}
	}
	rec.Rationale = why
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

func blockerText(f *RoleFit) string {
	var msgs []string
	for _, bl := range f.Blockers {
		if bl.Kind == "certification" {
			msgs = append(msgs, "Employers usually expect one of "+orList(bl.OneOf)+"; none is recorded.")
			continue
		}
		msgs = append(msgs, experienceShortfall(bl))
	}
	return strings.Join(msgs, " ")
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
// writes the rationale line.
func nextStep(b *Bank, res *Result, pos, long *Role, why *[]string) (next, towards *Role) {
	fit := func(id string) *RoleFit { return res.RoleFit(id) }
	pf := fit(pos.ID)
	grow := func(reason string) (*Role, *Role) {
		*why = append(*why, reason)
		return pos, pos
	}
	if long.ID == pos.ID {
		return grow(fmt.Sprintf("Next step: grow in %s (readiness %.0f%%, fit %.0f%%): it is already where your path leads.", pos.Title, pf.Readiness, pf.Fit))
	}
	if pf.Readiness < MoveReadiness {
		return grow(fmt.Sprintf("Next step: grow in %s first: you meet %.0f%% of it, and secpath suggests a move from %.0f%%.", pos.Title, pf.Readiness, MoveReadiness))
	}
	if names := unverifiedEssentials(b, pos, res); len(names) > 0 {
		return grow(fmt.Sprintf("Next step: grow in %s (readiness %.0f%%) until a mentor has seen the work: its essential targets in %s rest on self-ratings your scenario answers or experience do not support.", pos.Title, pf.Readiness, strings.Join(names, ", ")))
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
			*why = append(*why, fmt.Sprintf("Next step: %s, readiness %.0f%%, fit %.0f%%: no path on the role map leads from %s to %s, and %s is where the %s path starts.",
				best.Title, bf.Readiness, bf.Fit, pos.Title, long.Title, best.Title, long.FamilyName()))
			return best, best
		}
	}
	if !onPath {
		cands = successorsTowards(b, pos, "")
	}
	if len(cands) == 0 {
		return grow(fmt.Sprintf("Next step: grow in %s (readiness %.0f%%): it is at the top of its path.", pos.Title, pf.Readiness))
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
		grow(fmt.Sprintf("Next step: grow in %s (readiness %.0f%%) and work towards %s, the next role on your path: it needs about %d more months of experience (%s), beyond this plan's %d months.",
			pos.Title, pf.Readiness, far[0].Title, f.BlockedMonths, blockerText(f), PlanHorizonMonths))
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
	line := fmt.Sprintf("Next step: %s, readiness %.0f%%, fit %.0f%% (you meet %.0f%% of %s today)", next.Title, nf.Readiness, nf.Fit, pf.Readiness, pos.Title)
	if onPath {
		line += fmt.Sprintf(", on the path from %s to %s", pos.Title, long.Title)
	} else {
		line += fmt.Sprintf("; no path on the role map leads from %s to %s", pos.Title, long.Title)
	}
	if len(open) > 1 {
		var others []string
		for _, c := range open[1:] {
			others = append(others, fmt.Sprintf("%s %.0f%%", c.Title, fit(c.ID).Readiness))
		}
		line += fmt.Sprintf(" (also open: %s)", strings.Join(others, ", "))
	}
	*why = append(*why, line+".")
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

// position finds where the person stands on the role map, with a reason.
func position(b *Bank, a *Answers, res *Result) (*Role, string) {
	if ro := b.MatchRole(a.Profile.CurrentRole); ro != nil {
		f := res.RoleFit(ro.ID)
		how := "your current role"
		if a.Profile.CurrentRole != ro.ID {
			how = fmt.Sprintf("your current role %q", a.Profile.CurrentRole)
		}
		return ro, fmt.Sprintf("Starting point: %s, %s (readiness %.0f%%, fit %.0f%%).", ro.Title, how, f.Readiness, f.Fit)
	}
	note := ""
	if a.Profile.CurrentRole != "" {
		note = fmt.Sprintf(" (your current role %q names none of the bank's roles)", a.Profile.CurrentRole)
	}
	ro := inferPosition(b, a, res)
	f := res.RoleFit(ro.ID)
	if performing(b, ro, res) {
		return ro, fmt.Sprintf("Starting point: %s%s, the most senior %srole you appear to work at: readiness %.0f%% (from %.0f%%), no essential target a level short, experience minimums met.",
			ro.Title, note, familyWord(res.Family), f.Readiness, PerformingReadiness)
	}
	if ro.FamilyName() != res.Family {
		return ro, fmt.Sprintf("Starting point: %s%s: no %srole is open to you yet on experience, and %s is where the %s path starts (readiness %.0f%%, fit %.0f%%).", ro.Title, note, familyWord(res.Family), ro.Title, ro.FamilyName(), f.Readiness, f.Fit)
	}
	return ro, fmt.Sprintf("Starting point: %s%s, the %srole that fits you best to start from (readiness %.0f%%, fit %.0f%%).", ro.Title, note, familyWord(res.Family), f.Readiness, f.Fit)
}

// familyWord is the family as an adjective before "role", or nothing.
func familyWord(f string) string {
	if f == "" {
		return ""
	}
	return familyLabel(f) + " "
}

// familyLabel writes a family id as a reader expects it: "it" is IT.
func familyLabel(f string) string {
	if f == "it" {
		return "IT"
	}
	return f
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

func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
