package assess

import (
	"fmt"
	"math"
	"time"
)

// A goal asks for one level at a time. The gap 2.2 → 5 becomes the goal
// 2 → 3, due within MonthsPerLevelLow..High months of its start, followed
// by 3 → 4 and 4 → 5, each starting when the one before is due and dated
// at the same pace. Each step gets one on-the-job action that covers it;
// the goal gets one action through others and one of study, at the first
// step that has one: mostly doing, some learning from others, a little
// study (70-20-10). Every action lies within the dates of the step it
// serves, so an action longer than a step is never chosen.

// plannedGap is a gap and the role whose target it is.
type plannedGap struct {
	Gap
	role string
}

// stepFrom is the whole level a gap's next step starts from: the current
// level, counting a level as reached within GapTolerance, below target.
func stepFrom(current float64, target int) int {
	return max(MinLevel, min(target-1, int(math.Floor(current+GapTolerance))))
}

// goals turns the highest-priority gaps into 3–5 SMART goals, each one
// level step, with the later steps sequenced and every step's actions
// from the bank, dated from start.
func goals(b *Bank, role *Role, res *Result, start Date, m *MentorView) []Goal {
	var gaps []plannedGap
	for _, g := range agreedOrder(res.RoleFit(role.ID).Gaps, role.ID, m) {
		gaps = append(gaps, plannedGap{g, role.ID})
	}
	// With fewer than three gaps for the role, the long-term role's gaps
	// fill the plan so it still has work in it.
	if len(gaps) < MinGoals {
		if lf := res.RoleFit(res.Recommendation.LongTermRole); lf != nil && lf.ID != role.ID {
			seen := map[string]bool{}
			for _, g := range gaps {
				seen[g.Competency] = true
			}
			if m != nil {
				for _, ag := range m.Gaps {
					if ag.Role == role.ID && ag.Decision() == DoesNotMatter {
						seen[ag.Competency] = true // agreed not to matter now
					}
				}
			}
			for _, g := range lf.Gaps {
				if !seen[g.Competency] && len(gaps) < MinGoals {
					gaps = append(gaps, plannedGap{g, lf.ID})
				}
			}
		}
	}
	scores := map[string]*CompetencyScore{}
	for i := range res.Competencies {
		scores[res.Competencies[i].ID] = &res.Competencies[i]
	}
	rc := newReach(b, res)
	out := []Goal{}
	// slots holds when each of the ParallelGoals goals in hand ends (its
	// last step due): a further goal starts only when one of them ends, so
	// the plan never has more goals in progress than it says.
	var slots []Date
	for i, g := range gaps {
		if i == MaxGoals {
			break
		}
		comp := b.Competency(g.Competency)
		from := stepFrom(g.Current, g.Target)
		goalStart := day(start.Add(time.Duration(i%ParallelGoals) * goalStagger / 2))
		slot := len(slots)
		if slot == ParallelGoals {
			slot = 0
			for k := range slots {
				if slots[k].Before(slots[slot].Time) {
					slot = k
				}
			}
			goalStart = slots[slot]
		}
		goal := Goal{
			N: i + 1, Competency: g.Competency, Name: g.Name, Dimension: comp.Dimension, Role: g.role, Current: g.Current, Target: g.Target,
			Weight: g.Weight, Priority: g.Priority, From: from, To: from + 1, Start: goalStart,
			NextLevel: comp.Indicator(from + 1), Later: []GoalStep{},
		}
		if cs := scores[g.Competency]; cs != nil {
			goal.Claimed, goal.Unverified, goal.Judgement = cs.Claimed, cs.Unverified, cs.Judgement
		}
		// A due date agreed with the mentor is the goal's: they settled it
		// together, and the later steps follow from it at the plan's pace.
		var agreedDue Date
		ag := m.Gap(role.ID, g.Competency)
		if ag != nil && !ag.Due.IsZero() && day(ag.Due).After(start.Time) {
			agreedDue = day(ag.Due)
			goal.Agreed = true
			if !agreedDue.After(goalStart.Time) {
				goalStart = start // agreed sooner than its turn: it starts at once
				goal.Start = start
			}
		}
		steps, actions := scheduleSteps(b, goal.N, g.Competency, from, g.Target, goalStart, agreedDue, rc)
		goal.Due, goal.Later, goal.Actions = steps[0].Due, steps[1:], actions
		if end := steps[len(steps)-1].Due; slot == len(slots) {
			slots = append(slots, end)
		} else {
			slots[slot] = end
		}
		if ag != nil && ag.Action != "" {
			weeks := max(1, int(goal.Due.Sub(goalStart.Time).Hours()/24/7))
			goal.Actions = append([]PlanAction{{
				ID: "agreed-" + g.Competency, Goal: goal.N, Competency: g.Competency, Step: stepLabel(goal.From, goal.To),
				Category: Experience, Title: ag.Action, Detail: ag.Notes, EffortHours: 0, DurationWeeks: weeks,
				Start: goalStart, Due: goal.Due, Agreed: true, Owner: ag.Owner,
			}}, goal.Actions...)
		}
		out = append(out, goal)
	}
	return out
}

func stepLabel(from, to int) string { return fmt.Sprintf("%d→%d", from, to) }

// reach knows the person's seniority and who leads the actions above it.
type reach struct {
	seniority int
	b         *Bank
	family    string
	facts     map[string]float64
}

// lacks lists the names of the facts an action requires that the person
// does not have.
func (rc reach) lacks(a *Action) []string {
	var out []string
	for _, f := range sortedKeys(a.Requires) {
		if rc.facts[f] < a.Requires[f] {
			name := f
			if ft := rc.b.Fact(f); ft != nil && ft.Name != "" {
				name = ft.Name
			}
			out = append(out, name)
		}
	}
	return out
}

// canLead reports whether the person can do an action themselves: their
// position is senior enough and they have what it requires.
func (rc reach) canLead(a *Action) bool { return a.Within(rc.seniority) && len(rc.lacks(a)) == 0 }

// newReach takes the seniority of the person's position on the role map:
// an action that needs more is someone else's to lead.
func newReach(b *Bank, res *Result) reach {
	rc := reach{b: b, family: res.Family, facts: res.Facts}
	if r := b.Role(res.Recommendation.Position); r != nil {
		rc.seniority = r.Seniority
	}
	return rc
}

// ledBy names the role that leads an action needing a seniority: the
// least senior such role in the person's family, else in any family.
func (rc reach) ledBy(need int) string {
	var best *Role
	for _, sameFamily := range []bool{true, false} {
		for i := range rc.b.Roles {
			r := &rc.b.Roles[i]
			if r.Seniority < need || (sameFamily && r.FamilyName() != rc.family) {
				continue
			}
			if best == nil || r.Seniority < best.Seniority {
				best = r
			}
		}
		if best != nil {
			return best.Title
		}
	}
	return ""
}

// scheduleSteps dates the steps from level from to target, starting on
// start, and picks their actions. A step ends when its last action is due,
// at the earliest MonthsPerLevelLow and at the latest MonthsPerLevelHigh
// months after it starts; an agreed due date, when set, ends the first.
func scheduleSteps(b *Bank, goal int, comp string, from, target int, start, agreedDue Date, rc reach) ([]GoalStep, []PlanAction) {
	seen := map[string]bool{}
	var steps []GoalStep
	out := []PlanAction{}
	needExposure, needEducation := true, true
	stepStart := start
	for lvl := from; lvl < target; lvl++ {
		first := lvl == from
		end := day(stepStart.AddDate(0, MonthsPerLevelHigh, 0))
		if first && !agreedDue.IsZero() {
			end = agreedDue
		}
		pick := func(cat Category, starts ...Date) bool {
			a, st, ok := chooseAction(b, comp, cat, lvl, starts, end, seen, rc)
			if !ok {
				return false
			}
			seen[a.ID] = true
			pa := PlanAction{
				ID: a.ID, Goal: goal, Competency: comp, Step: stepLabel(lvl, lvl+1), Category: a.Category,
				Title: a.Title, Detail: a.Detail, EffortHours: a.EffortHours, DurationWeeks: a.DurationWeeks,
				Evidence: a.Evidence, Start: st, Due: day(st.AddDate(0, 0, 7*a.DurationWeeks)),
			}
			if !a.Within(rc.seniority) {
				pa.Reach, pa.MinSeniority, pa.LedBy = ReachContribute, a.MinSeniority, rc.ledBy(a.MinSeniority)
			}
			if lacks := rc.lacks(a); len(lacks) > 0 {
				pa.Reach, pa.Needs = ReachContribute, lacks
			}
			out = append(out, pa)
			return true
		}
		stepFirst := len(out)
		// Learning through others and study start with the step; the
		// on-the-job work a fortnight later when the step leaves room.
		if needExposure && pick(Exposure, stepStart) {
			needExposure = false
		}
		if needEducation && pick(Education, stepStart) {
			needEducation = false
		}
		if first {
			pick(Experience, day(stepStart.Add(practiceLead)), stepStart)
		} else {
			pick(Experience, stepStart)
		}
		due := day(stepStart.AddDate(0, MonthsPerLevelLow, 0))
		for _, a := range out[stepFirst:] {
			if a.Due.After(due.Time) {
				due = a.Due
			}
		}
		if due.After(end.Time) || (first && !agreedDue.IsZero()) {
			due = end
		}
		steps = append(steps, GoalStep{From: lvl, To: lvl + 1, Start: stepStart, Due: due})
		stepStart = due
	}
	return steps, out
}

// chooseAction finds the first bank action of a category for a
// competency that covers the step from level lvl, has not been used, and
// fits between one of the start dates and end. An action the person can
// lead is preferred to one they can only contribute to.
func chooseAction(b *Bank, comp string, cat Category, lvl int, starts []Date, end Date, seen map[string]bool, rc reach) (*Action, Date, bool) {
	for _, within := range []bool{true, false} {
		for _, st := range starts {
			for i := range b.Actions {
				a := &b.Actions[i]
				if a.Competency != comp || a.Category != cat || !a.Covers(lvl) || seen[a.ID] || rc.canLead(a) != within {
					continue
				}
				if !day(st.AddDate(0, 0, 7*a.DurationWeeks)).After(end.Time) {
					return a, st, true
				}
			}
		}
	}
	return nil, Date{}, false
}

func balance(goals []Goal) []Balance {
	out := make([]Balance, len(Categories))
	total := 0
	for i, c := range Categories {
		out[i].Category = c
	}
	for _, g := range goals {
		for _, a := range g.Actions {
			for i := range out {
				if out[i].Category == a.Category {
					out[i].Actions++
					out[i].Hours += a.EffortHours
				}
			}
			total += a.EffortHours
		}
	}
	for i := range out {
		if total > 0 {
			out[i].Percent = round(100*float64(out[i].Hours)/float64(total), 0)
		}
	}
	return out
}
