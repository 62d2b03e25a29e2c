package assess

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

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
		step := CertStep{CertStatus: Eligibility(b, c, res), Body: c.Body, Study: []string{}}
		if contains(role.ExpectsOneOf, id) {
			step.Why = fmt.Sprintf("Employers usually expect one of %s for %s.", certList(b, role.ExpectsOneOf), role.Title)
		} else {
			step.Why = fmt.Sprintf("Commonly asked for or useful for %s.", role.Title)
		}
		if step.Status == StatusNotYet && step.YearsShort > 0 {
			months := int(math.Ceil(step.YearsShort * 12))
			d := day(start.AddDate(0, months, 0))
			step.From = &d
		}
		for _, d := range c.Domains {
			for _, comp := range d.Competencies {
				if gapComps[comp] {
					label := d.Name
					if d.Weight > 0 {
						label += fmt.Sprintf(" (%g%% of the exam)", d.Weight)
					}
					step.Study = append(step.Study, label)
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
// a fifth phase, Later, holds whatever falls after the last.
var phaseBounds = []struct {
	name   string
	months int
}{{"First 90 days", 3}, {"By 6 months", 6}, {"By 12 months", 12}, {"By 24 months", TimelineMonths}}

// LaterPhase names the timeline's last phase: everything dated after
// TimelineMonths.
const LaterPhase = "Later"

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
	for _, bnd := range phaseBounds {
		to := day(start.AddDate(0, bnd.months, 0))
		ph := Phase{Name: bnd.name, From: from, To: day(to.AddDate(0, 0, -1)), Items: []TimelineItem{}}
		for len(rest) > 0 && rest[0].Date.Before(to.Time) {
			ph.Items = append(ph.Items, rest[0])
			rest = rest[1:]
		}
		out = append(out, ph)
		from = to
	}
	later := Phase{Name: LaterPhase, From: from, To: from, Items: append([]TimelineItem{}, rest...)}
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
			review := []string{
				"Re-run secpath and compare with this plan: readiness for " + p.Role.Title + ", gaps closed and opened, evidence gathered.",
				"Agree the next quarter's priorities and dates with your mentor.",
			}
			if m == 12 || m == 24 {
				review = append(review, "Refresh the plan: new goals for the gaps that remain, and the certification roadmap.")
			}
			out = append(out, CheckIn{Date: d, Kind: "quarterly", Review: review})
			continue
		}
		if m > 12 {
			continue
		}
		var due []string
		prev := start.AddDate(0, m-1, 0)
		for _, g := range p.Goals {
			for _, a := range g.Actions {
				if !a.Due.Before(prev) && a.Due.Before(d.Time) {
					due = append(due, fmt.Sprintf("\"%s\" due %s: is the evidence ready (%s)?", a.Title, a.Due, strings.TrimSuffix(a.Evidence, ".")))
				}
			}
		}
		if len(due) == 0 {
			due = []string{"Progress on the actions in flight; what got in the way; what help you need."}
		}
		out = append(out, CheckIn{Date: d, Kind: "monthly", Review: due})
	}
	return out
}

// estimate gives the time to readiness for the role as a range of months.
//
// The level steps: each gap takes Target − stepFrom(Current) whole steps,
// one after another, at MonthsPerLevelLow..High months a step, with up to
// ParallelGoals gaps worked on at once; and no goal of the plan for the
// role is done sooner than its start plus its steps at the fastest pace,
// nor later than its last step is due. The experience requirements run on
// calendar time: the range never starts before the longest of them is met.
func estimate(b *Bank, fit *RoleFit, goals []Goal, start Date) Estimate {
	e := Estimate{Bound: BoundNone, ExperienceMonths: fit.BlockedMonths}
	for _, g := range fit.Gaps {
		n := g.Target - stepFrom(g.Current, g.Target)
		e.LevelSteps += n
		e.LongestSteps = max(e.LongestSteps, n)
	}
	levels := func(per int) int {
		return max(e.LongestSteps*per, int(math.Ceil(float64(e.LevelSteps*per)/ParallelGoals)))
	}
	low, high := levels(MonthsPerLevelLow), levels(MonthsPerLevelHigh)
	for _, g := range goals {
		if g.Role != fit.ID {
			continue
		}
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

	if len(fit.Gaps) == 0 {
		e.Assumptions = []string{"Every target for the role is met: the readiness that remains is hard requirements and the evidence to show for it."}
	} else {
		e.Assumptions = []string{
			fmt.Sprintf("%d level steps to take across %d gaps, one level at a time (the most in one gap is %d, one after another).", e.LevelSteps, len(fit.Gaps), e.LongestSteps),
			fmt.Sprintf("One level step takes %d to %d months of deliberate practice alongside a full-time job.", MonthsPerLevelLow, MonthsPerLevelHigh),
			fmt.Sprintf("You work on up to %d goals at once.", ParallelGoals),
		}
		planned := 0
		for _, g := range goals {
			if g.Role == fit.ID {
				planned++
			}
		}
		if rest := len(fit.Gaps) - planned; rest > 0 {
			e.Assumptions = append(e.Assumptions, fmt.Sprintf("This plan's %d goals take the largest gaps first; the other %d gaps follow when they are done, so readiness comes later than the goals' dates.", planned, rest))
		}
	}
	var longest *Blocker
	for i, bl := range fit.Blockers {
		if bl.Kind != "experience" {
			continue
		}
		if bl.Months == 0 {
			e.Assumptions = append(e.Assumptions, "Not counted, as it is not known: "+bl.Message)
			continue
		}
		e.Assumptions = append(e.Assumptions, "Experience requirements run on calendar time and are not shortened by the plan: "+bl.Message)
		if longest == nil || bl.Months > longest.Months {
			longest = &fit.Blockers[i]
		}
	}
	if longest != nil {
		name := longest.Fact
		if f := b.Fact(longest.Fact); f != nil {
			name = f.Name
		}
		if e.Bound == BoundExperience {
			e.Assumptions = append(e.Assumptions, fmt.Sprintf("So the estimate starts at %d months, when the longest of them (%s) can be met, however quickly the level steps go.", longest.Months, lowerFirst(name)))
		} else {
			e.Assumptions = append(e.Assumptions, fmt.Sprintf("The level steps take at least as long as the longest experience requirement (%s, %d months).", lowerFirst(name), longest.Months))
		}
	}
	return e
}
