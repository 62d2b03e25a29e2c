package assess

import (
	"fmt"
	"slices"
	"sort"
)

// A cohort is built one member at a time, so that a team of any size is
// read in one pass: each member's Result is summarised into a
// CohortEntry (on any goroutine) and folded into the CohortBuilder in
// order, after which the Result can go. The builder keeps only the
// cohort's own rows (a CohortPerson per member) and, per role, the
// readiness figures its median needs; everything else it needs is a
// running count or sum.

// CohortEntry is what a cohort keeps of one scored member: their row and
// their readiness for every role of the bank. It holds nothing of the
// member's Result.
type CohortEntry struct {
	person CohortPerson
	roles  []entryRole // in the bank's role order
}

// entryRole is a member's fit for one role, as far as the cohort's
// spread needs it.
type entryRole struct {
	present   bool // the Result has a fit for the role
	blocked   bool
	readiness float64
}

// CohortBuilder folds CohortEntry values into a Cohort in the order they
// are added. Entry may be called from many goroutines at once (it only
// reads the builder's indexes); Add, DistinguishSameNames and Cohort from
// one at a time.
type CohortBuilder struct {
	bank  *Bank
	comps map[string]int // competency id → column
	c     *Cohort
	roles []roleFold // in the bank's role order
	// Per competency: the sums of the members' levels and shortfalls, in
	// the order they were added, and how many are short.
	levelSum, shortSum []float64
	short              []int
}

// roleFold is the running spread of one role.
type roleFold struct {
	readiness []float64 // every member's, in order; sorted at the end
	buckets   []int
	blocked   int
	best      float64
	closest   int // index of the member with the highest readiness, first of equals
}

// NewCohortBuilder starts an empty cohort over the bank's competencies.
func NewCohortBuilder(b *Bank) *CohortBuilder {
	cb := &CohortBuilder{bank: b, comps: make(map[string]int, len(b.Competencies)),
		c: &Cohort{People: []CohortPerson{}, Roles: []RoleSpread{}, Weakest: []WeakSpot{}}}
	for k, comp := range b.Competencies {
		cb.c.Competencies = append(cb.c.Competencies, comp.ID)
		cb.c.Names = append(cb.c.Names, comp.Name)
		cb.comps[comp.ID] = k
	}
	n := len(b.Competencies)
	cb.levelSum, cb.shortSum, cb.short = make([]float64, n), make([]float64, n), make([]int, n)
	cb.roles = make([]roleFold, len(b.Roles))
	for i := range cb.roles {
		cb.roles[i] = roleFold{buckets: make([]int, len(BucketLabels)), best: -1, closest: -1}
	}
	return cb
}

// Entry summarises one member's Result: their next role's readiness, fit
// and what blocks it, and per competency the shortfall against it, the
// level, the judgement and whether the level is unverified. Figures are
// copied, so the entry keeps nothing of res alive.
func (cb *CohortBuilder) Entry(name, source string, res *Result) CohortEntry {
	rec := res.Recommendation
	n := len(cb.c.Competencies)
	// One block holds the person's numbers: shortfalls, levels and the
	// judgements the pointers of Judgements point at.
	nums := make([]float64, 3*n)
	p := CohortPerson{Name: name, Source: source, Position: rec.Position, NextRole: rec.NextRole, LongTermRole: rec.LongTermRole,
		Shortfall: nums[:n:n], Levels: nums[n : 2*n : 2*n], Judgements: make([]*float64, n), UnverifiedLevels: make([]bool, n)}
	judgements := nums[2*n:]
	if res.Judgement != nil {
		j := *res.Judgement
		p.Judgement = &j
	}
	if next := res.RoleFit(rec.NextRole); next != nil {
		p.NextReadiness, p.NextFit = next.Readiness, next.Fit
		if next.ReadinessClaimed != nil {
			claimed := *next.ReadinessClaimed
			p.NextReadinessClaimed = &claimed
		}
		p.NextBlocked, p.NextBlockedMonths = next.Blocked, next.BlockedMonths
		for _, g := range next.Gaps {
			if k, ok := cb.comps[g.Competency]; ok {
				p.Shortfall[k] = round(float64(g.Target)-g.Current, 2)
			}
		}
	}
	for _, f := range res.Roles {
		if f.Blocked && f.Relation != RelOutgrown {
			p.BlockedRoles++
		}
	}
	for i := range res.Competencies {
		cs := &res.Competencies[i]
		k, ok := cb.comps[cs.ID]
		if !ok {
			continue
		}
		if cs.Judgement != nil {
			judgements[k] = *cs.Judgement
			p.Judgements[k] = &judgements[k]
		}
		p.UnverifiedLevels[k] = cs.Unverified
	}
	for k, id := range cb.c.Competencies {
		p.Levels[k] = round(res.Level(id), 2)
		if p.UnverifiedLevels[k] {
			p.Unverified++
		}
	}
	e := CohortEntry{person: p, roles: make([]entryRole, len(cb.bank.Roles))}
	for i := range cb.bank.Roles {
		if f := res.RoleFit(cb.bank.Roles[i].ID); f != nil {
			e.roles[i] = entryRole{present: true, blocked: f.Blocked, readiness: f.Readiness}
		}
	}
	return e
}

// Add folds an entry into the cohort as its next member.
func (cb *CohortBuilder) Add(e CohortEntry) {
	i := len(cb.c.People)
	p := e.person
	cb.c.People = append(cb.c.People, p)
	for k := range cb.c.Competencies {
		cb.levelSum[k] += p.Levels[k]
		cb.shortSum[k] += p.Shortfall[k]
		if p.Shortfall[k] > 0 {
			cb.short[k]++
		}
	}
	for r, f := range e.roles {
		if !f.present {
			continue
		}
		rf := &cb.roles[r]
		rf.readiness = append(rf.readiness, f.readiness)
		rf.buckets[bucket(f.readiness)]++
		if f.blocked {
			rf.blocked++
		}
		if f.readiness > rf.best {
			rf.best, rf.closest = f.readiness, i
		}
	}
}

// Grow makes room for n more members, so that a cohort whose size is
// known (the files of a directory) is not copied as it grows.
func (cb *CohortBuilder) Grow(n int) {
	cb.c.People = slices.Grow(cb.c.People, n)
	for i := range cb.roles {
		cb.roles[i].readiness = slices.Grow(cb.roles[i].readiness, n)
	}
}

// Len is the number of members added so far.
func (cb *CohortBuilder) Len() int { return len(cb.c.People) }

// DistinguishSameNames tells apart members who share a name (say this
// year's and last year's file of one person) by their source: "Name
// (source)". It renames only those, and is called before Cohort so that
// the closest member of each role is named the same way.
func (cb *CohortBuilder) DistinguishSameNames() {
	count := make(map[string]int, len(cb.c.People))
	for _, p := range cb.c.People {
		count[p.Name]++
	}
	for i, p := range cb.c.People {
		if count[p.Name] > 1 {
			cb.c.People[i].Name = fmt.Sprintf("%s (%s)", p.Name, p.Source)
		}
	}
}

// Cohort finishes the cohort: the spread of every role the members have a
// fit for, most ready first, and the competencies weakest first. The
// builder is not to be used after it.
func (cb *CohortBuilder) Cohort() *Cohort {
	c := cb.c
	for r, ro := range cb.bank.Roles {
		rf := &cb.roles[r]
		xs := rf.readiness
		if len(xs) == 0 {
			continue
		}
		rs := RoleSpread{ID: ro.ID, Title: ro.Title, Buckets: rf.buckets, Blocked: rf.blocked, Closest: c.People[rf.closest].Name}
		sort.Float64s(xs)
		rs.Min, rs.Max = xs[0], xs[len(xs)-1]
		rs.Median = round(median(xs), 1)
		rs.Mean = round(mean(xs), 1)
		c.Roles = append(c.Roles, rs)
		rf.readiness = nil
	}
	sort.SliceStable(c.Roles, func(i, j int) bool { return c.Roles[i].Mean > c.Roles[j].Mean })
	n := float64(len(c.People))
	for k, id := range c.Competencies {
		ws := WeakSpot{ID: id, Name: c.Names[k], Short: cb.short[k]}
		// The sums were taken in the members' order, as mean would take
		// them, so the figures are the same to the last bit.
		if n > 0 {
			ws.MeanLevel = round(cb.levelSum[k]/n, 2)
			ws.MeanShortfall = round(cb.shortSum[k]/n, 2)
		}
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
