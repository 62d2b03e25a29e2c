package assess

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// certLabels names certifications by abbreviation, in the order given.
func certLabels(b *Bank, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if c := b.Certification(id); c != nil {
			out = append(out, c.Label())
		} else {
			out = append(out, id)
		}
	}
	return out
}

// certRoadmap lists the certifications the role asks for, with status,
// when the rule should be met, and what to study for the gaps.
func certRoadmap(b *Bank, role *Role, res *Result, start Date) []CertStep {
	ids := append(append([]string{}, role.ExpectsOneOf...), role.Certifications...)
	// Study advice follows the plan's goals, so it stays focused.
	gapComps := map[string]bool{}
	for i, g := range res.RoleFit(role.ID).Gaps {
		if i < MaxGoals {
			gapComps[g.Competency] = true
		}
	}
	out := []CertStep{}
	seen := map[string]bool{}
	for _, id := range ids {
		c := b.Certification(id)
		if c == nil || seen[id] {
			continue
		}
		seen[id] = true
		step := CertStep{CertStatus: Eligibility(b, c, res), StudyDomains: []StudyDomain{}, Study: []string{},
			Reason: CertReason{Kind: ReasonUseful, Role: role.Title}}
		if contains(role.ExpectsOneOf, id) {
			step.Reason = CertReason{Kind: ReasonExpected, Role: role.Title, OneOf: certLabels(b, role.ExpectsOneOf)}
		}
		if step.Status == StatusNotYet && step.YearsShort > 0 && !step.YearsUnknown {
			months := int(math.Ceil(step.YearsShort * 12))
			d := day(start.AddDate(0, months, 0))
			step.From = &d
		}
		for _, d := range c.Domains {
			if step.Status == StatusHeld {
				break // held: no exam to study for
			}
			for _, comp := range d.Competencies {
				if gapComps[comp] {
					step.StudyDomains = append(step.StudyDomains, StudyDomain{Name: d.Name, Weight: d.Weight})
					break
				}
			}
		}
		out = append(out, step)
	}
	// Held first, then those whose rule is met, then the rest.
	rank := map[string]int{StatusHeld: 0, StatusMeetsRule: 1, StatusNotYet: 2}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Status] < rank[out[j].Status] })
	return out
}

// phaseBounds are the timeline's dated phases, in months from the start;
// a fifth phase, Later (Months 0), holds whatever falls after the last.
var phaseBounds = []int{3, 6, 12, TimelineMonths}

// timeline groups the plan's dated items into phases, each holding only
// the items dated within it: actions starting, goals and their later steps
// due, certification rules met and the planned role's experience minimums
// met at the earliest.
func timeline(b *Bank, p *Plan, start Date) []Phase {
	var items []TimelineItem
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			items = append(items, TimelineItem{Date: a.Start, Kind: ItemStart, Goal: g.N, Name: g.Name, Step: a.Step, Title: a.Title, Category: a.Category, Reach: a.Reach})
		}
		items = append(items, TimelineItem{Date: g.Due, Kind: ItemGoal, Goal: g.N, Name: g.Name, Step: stepLabel(g.From, g.To)})
		for _, s := range g.Later {
			items = append(items, TimelineItem{Date: s.Due, Kind: ItemStep, Goal: g.N, Name: g.Name, Step: stepLabel(s.From, s.To)})
		}
	}
	for _, c := range p.Certifications {
		if c.From != nil {
			items = append(items, TimelineItem{Date: *c.From, Kind: ItemCertification, Name: c.Abbr, Rule: c.RuleVersion})
		}
	}
	for _, bl := range p.Blockers {
		if bl.Earliest == nil {
			continue
		}
		it := TimelineItem{Date: *bl.Earliest, Kind: ItemRequirement, Name: bl.Fact, Role: p.Role.Title, Need: bl.Need}
		if f := b.Fact(bl.Fact); f != nil {
			it.Name, it.Unit = f.Name, f.Unit
		}
		items = append(items, it)
	}
	// By date; on one day, what is due comes before what starts (the next
	// step starts when one is due), and dates of rules and requirements last.
	rank := map[TimelineKind]int{ItemGoal: 0, ItemStep: 0, ItemStart: 1, ItemCertification: 2, ItemRequirement: 2}
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].Date.Equal(items[j].Date.Time) {
			return items[i].Date.Before(items[j].Date.Time)
		}
		return rank[items[i].Kind] < rank[items[j].Kind]
	})
	out := make([]Phase, 0, len(phaseBounds)+1)
	from := start
	rest := items
	for _, months := range phaseBounds {
		to := day(start.AddDate(0, months, 0))
		ph := Phase{Months: months, From: from, To: day(to.AddDate(0, 0, -1)), Items: []TimelineItem{}}
		for len(rest) > 0 && rest[0].Date.Before(to.Time) {
			ph.Items = append(ph.Items, rest[0])
			rest = rest[1:]
		}
		out = append(out, ph)
		from = to
	}
	later := Phase{From: from, To: from, Items: append([]TimelineItem{}, rest...)}
	if len(rest) > 0 {
		later.To = rest[len(rest)-1].Date
	}
	return append(out, later)
}

// checkIns dates a monthly review for a year and a quarterly one for two.
func checkIns(p *Plan, start Date) []CheckIn {
	var out []CheckIn
	for m := 1; m <= 24; m++ {
		d := day(start.AddDate(0, m, 0))
		if m%3 == 0 {
			points := []CheckPoint{{Kind: PointCompare, Role: p.Role.Title}, {Kind: PointAgree}}
			if m == 12 || m == 24 {
				points = append(points, CheckPoint{Kind: PointRefresh})
			}
			out = append(out, CheckIn{Date: d, Kind: "quarterly", Points: points, Review: []string{}})
			continue
		}
		if m > 12 {
			continue
		}
		var due []CheckPoint
		prev := start.AddDate(0, m-1, 0)
		for _, g := range p.Goals {
			for _, a := range g.Actions {
				if !a.Due.Before(prev) && a.Due.Before(d.Time) {
					at := a.Due
					due = append(due, CheckPoint{Kind: PointActionDue, Goal: g.N, Title: a.Title, Due: &at, Evidence: a.Evidence, Agreed: a.Agreed, Owner: a.Owner})
				}
			}
		}
		if len(due) == 0 {
			due = []CheckPoint{{Kind: PointInFlight}}
		}
		out = append(out, CheckIn{Date: d, Kind: "monthly", Points: due, Review: []string{}})
	}
	return out
}

// estimate gives the time to readiness for the role as a range of months.
//
// The level steps: ready is how secpath reads someone who already does
// a role (see performing): PerformingReadiness of it with every essential
// target met. So the estimate counts the steps of the essential gaps and
// then of the largest others, in priority order, until readiness would
// reach PerformingReadiness; the gaps beyond are growth in the role, not
// readiness for it. Each gap counted takes Target − stepFrom(Current)
// whole steps, one after another, at MonthsPerLevelLow..High months a
// step, with up to ParallelGoals gaps worked on at once; and no goal of
// the plan for a counted gap is done sooner than its start plus its steps
// at the fastest pace, nor later than its last step is due. The
// experience requirements run on calendar time: the range never starts
// before the longest of them is met.
func estimate(b *Bank, res *Result, fit *RoleFit, goals []Goal, start Date) Estimate {
	e := Estimate{Bound: BoundNone, ExperienceMonths: fit.BlockedMonths, Premises: []Premise{}, Assumptions: []string{}}
	counted := readinessGaps(b, res, fit)
	for _, g := range fit.Gaps {
		if !counted[g.Competency] {
			continue
		}
		n := g.Target - stepFrom(g.Current, g.Target)
		e.LevelSteps += n
		e.LongestSteps = max(e.LongestSteps, n)
	}
	levels := func(per int) int {
		return max(e.LongestSteps*per, int(math.Ceil(float64(e.LevelSteps*per)/ParallelGoals)))
	}
	low, high := levels(MonthsPerLevelLow), levels(MonthsPerLevelHigh)
	planned := 0
	for _, g := range goals {
		if g.Role != fit.ID || !counted[g.Competency] {
			continue
		}
		planned++
		low = max(low, monthsUntil(start, day(g.Start.AddDate(0, (g.Target-g.From)*MonthsPerLevelLow, 0))))
		steps := g.Steps()
		high = max(high, monthsUntil(start, steps[len(steps)-1].Due))
	}
	if low > 0 {
		e.Bound = BoundLevels
	}
	if e.ExperienceMonths > low {
		low, e.Bound = e.ExperienceMonths, BoundExperience
	}
	e.MinMonths, e.MaxMonths = low, max(high, low)

	switch {
	case len(fit.Gaps) == 0:
		e.Premises = append(e.Premises, Premise{Kind: PremiseAllMet})
	case len(counted) == 0:
		e.Premises = append(e.Premises, Premise{Kind: PremiseAlreadyReady, Low: int(PerformingReadiness), Rest: len(fit.Gaps)})
	default:
		e.Premises = append(e.Premises,
			Premise{Kind: PremiseReadyAt, Low: int(PerformingReadiness), Gaps: len(counted), Rest: len(fit.Gaps) - len(counted)},
			Premise{Kind: PremiseSteps, Steps: e.LevelSteps, Gaps: len(counted), Longest: e.LongestSteps},
			Premise{Kind: PremisePace, Low: MonthsPerLevelLow, High: MonthsPerLevelHigh},
			Premise{Kind: PremiseParallel, Goals: ParallelGoals},
		)
		if rest := len(counted) - planned; rest > 0 {
			e.Premises = append(e.Premises, Premise{Kind: PremiseLaterGaps, Goals: planned, Rest: rest})
		}
	}
	var longest *Blocker
	for i, pb := range planBlockers(fit, start) {
		bl := pb.Blocker
		if bl.Kind != "experience" {
			continue
		}
		if bl.Months == 0 {
			e.Premises = append(e.Premises, Premise{Kind: PremiseNotKnown, Blocker: &pb})
			continue
		}
		e.Premises = append(e.Premises, Premise{Kind: PremiseCalendar, Blocker: &pb})
		if longest == nil || bl.Months > longest.Months {
			longest = &fit.Blockers[i]
		}
	}
	if longest != nil {
		name := longest.Fact
		if f := b.Fact(longest.Fact); f != nil {
			name = f.Name
		}
		kind := PremiseExperienceWithin
		if e.Bound == BoundExperience {
			kind = PremiseExperienceSets
		}
		e.Premises = append(e.Premises, Premise{Kind: kind, Fact: name, Months: longest.Months})
	}
	return e
}

// readinessGaps are the competencies whose gaps must close for a person
// to be ready for a role as secpath reads it (see estimate): every
// essential gap (weight 3) EssentialShortfall or more short, then the
// others by priority until readiness reaches PerformingReadiness. Like
// readiness, it counts only the targets the assessment asked about. It is
// empty when the person is ready already.
func readinessGaps(b *Bank, res *Result, fit *RoleFit) map[string]bool {
	counted := map[string]bool{}
	ro := b.Role(fit.ID)
	if ro == nil {
		for _, g := range fit.Gaps {
			counted[g.Competency] = true
		}
		return counted
	}
	var want float64
	for _, t := range ro.Targets {
		if res == nil || res.assessed[t.Competency] {
			want += t.Weight * float64(t.Level)
		}
	}
	if want == 0 {
		return counted
	}
	got := want * fit.Readiness / 100
	count := func(g Gap) {
		counted[g.Competency] = true
		got += g.Weight * (float64(g.Target) - g.Current)
	}
	for _, g := range fit.Gaps {
		if g.Weight >= 3 && float64(g.Target)-g.Current >= EssentialShortfall {
			count(g)
		}
	}
	rest := slices.Clone(fit.Gaps)
	slices.SortStableFunc(rest, func(x, y Gap) int { return cmp.Compare(y.Priority, x.Priority) })
	for _, g := range rest {
		if 100*got/want >= PerformingReadiness-1e-9 {
			break
		}
		if !counted[g.Competency] {
			count(g)
		}
	}
	return counted
}
