package assess

import (
	"fmt"
	"slices"
	"sort"
	"time"
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
	scored bool        // made from a Result
}

// Person is the entry's row (its slices are the entry's own).
func (e *CohortEntry) Person() *CohortPerson { return &e.person }

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
	// the order they were added, how many are short and how many gave
	// anything to go on (the sums and counts are of those alone).
	levelSum, shortSum []float64
	short, answered    []int
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
		cb.c.Dimensions = append(cb.c.Dimensions, comp.Dimension)
		cb.comps[comp.ID] = k
	}
	n := len(b.Competencies)
	cb.levelSum, cb.shortSum, cb.short, cb.answered = make([]float64, n), make([]float64, n), make([]int, n), make([]int, n)
	cb.roles = make([]roleFold, len(b.Roles))
	for i := range cb.roles {
		cb.roles[i] = roleFold{buckets: make([]int, len(BucketLabels)), best: -1, closest: -1}
	}
	return cb
}

// CohortRecord is one assessment as the cohort reads it: whose, from
// which file, when, how far it got, and its scores.
type CohortRecord struct {
	Name, Source string
	Date         time.Time
	// Answered counts the questions answered or skipped, of Asked; with
	// Asked 0 the Result's own counts are taken.
	Answered, Asked int
	// Result is the assessment scored as the cohort counts it: on the
	// mentor's view when its Basis is BasisMentor. Nil leaves the entry
	// unscored: it can only be set aside (see CohortSelector).
	Result *Result
	// Self is the same assessment scored on the mentee's answers alone,
	// when Result rests on the mentor's view.
	Self *Result
	// MentorName and MentorDate come from the file's mentor's view.
	MentorName string
	MentorDate time.Time
}

// Entry summarises one member's Result, as EntryFrom does.
func (cb *CohortBuilder) Entry(name, source string, res *Result) CohortEntry {
	return cb.EntryFrom(CohortRecord{Name: name, Source: source, Result: res})
}

// EntryFrom summarises one assessment: the next role's readiness, fit and
// what blocks it, and per competency the shortfall against it, its
// target, the level, the judgement, whether the level is unverified and
// whether anything was answered for it, with the mentor's ratings and the
// mentee's own levels beside them where a mentor's view is there. Figures
// are copied, so the entry keeps nothing of the Results alive.
func (cb *CohortBuilder) EntryFrom(rec CohortRecord) CohortEntry {
	p := CohortPerson{Name: rec.Name, Source: rec.Source, Date: rec.Date, Answered: rec.Answered, Asked: rec.Asked,
		MentorName: rec.MentorName, MentorDate: rec.MentorDate, Basis: BasisSelf}
	res := rec.Result
	if res == nil {
		return CohortEntry{person: p}
	}
	if p.Asked == 0 {
		p.Answered, p.Asked = res.Answered, res.Asked
	}
	if res.Basis == BasisMentor {
		p.Basis = BasisMentor
	}
	rec2 := res.Recommendation
	n := len(cb.c.Competencies)
	// One block holds the person's numbers: shortfalls, levels and the
	// judgements the pointers of Judgements point at. The mentor's and
	// the mentee's own levels get a block of their own, only for the few
	// people with a mentor's view.
	nums := make([]float64, 3*n)
	p.Position, p.NextRole, p.LongTermRole = rec2.Position, rec2.NextRole, rec2.LongTermRole
	p.Shortfall, p.Levels = nums[:n:n], nums[n:2*n:2*n]
	p.Judgements, p.UnverifiedLevels, p.Unanswered, p.Targets = make([]*float64, n), make([]bool, n), make([]bool, n), make([]int8, n)
	judgements := nums[2*n:]
	var mentor []float64
	if res.Judgement != nil {
		j := *res.Judgement
		p.Judgement = &j
	}
	if next := res.RoleFit(rec2.NextRole); next != nil {
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
		if ro := cb.bank.SizedRole(rec2.NextRole, res.OrgSize.Size); ro != nil {
			for _, t := range ro.Targets {
				if k, ok := cb.comps[t.Competency]; ok {
					p.Targets[k] = int8(max(0, min(t.Level, 127)))
				}
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
		if cs.Mentor != nil {
			if p.MentorLevels == nil {
				p.MentorLevels, mentor = make([]*float64, n), make([]float64, n)
			}
			mentor[k] = *cs.Mentor
			p.MentorLevels[k] = &mentor[k]
		}
		selfAnswered := cs.Answered > 0 || cs.Evidenced
		p.Unanswered[k] = !selfAnswered && (p.Basis != BasisMentor || cs.Mentor == nil)
		p.UnverifiedLevels[k] = cs.Unverified && !p.Unanswered[k]
	}
	for k, id := range cb.c.Competencies {
		p.Levels[k] = round(res.Level(id), 2)
		if p.UnverifiedLevels[k] {
			p.Unverified++
		}
	}
	if p.Basis == BasisMentor && rec.Self != nil {
		p.SelfLevels = make([]*float64, n)
		self := make([]float64, n)
		for i := range rec.Self.Competencies {
			cs := &rec.Self.Competencies[i]
			if k, ok := cb.comps[cs.ID]; ok && (cs.Answered > 0 || cs.Evidenced) {
				self[k] = cs.Level
				p.SelfLevels[k] = &self[k]
			}
		}
	}
	e := CohortEntry{person: p, roles: make([]entryRole, len(cb.bank.Roles)), scored: true}
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
		if !p.Answers(k) {
			continue
		}
		cb.answered[k]++
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
	for k, id := range c.Competencies {
		ws := WeakSpot{ID: id, Name: c.Names[k], Short: cb.short[k], Answered: cb.answered[k]}
		// The sums were taken in the members' order, as mean would take
		// them, so the figures are the same to the last bit. Members who
		// gave nothing for the competency are in neither the sums nor n.
		if n := float64(cb.answered[k]); n > 0 {
			ws.MeanLevel = round(cb.levelSum[k]/n, 2)
			ws.MeanShortfall = round(cb.shortSum[k]/n, 2)
		}
		c.Weakest = append(c.Weakest, ws)
	}
	// Weakest first: the largest share of people short (of those who
	// answered), then the largest mean shortfall, then the lowest mean
	// level. The shares are compared as cross products, exactly.
	sort.SliceStable(c.Weakest, func(i, j int) bool {
		a, b := c.Weakest[i], c.Weakest[j]
		if x, y := a.Short*b.Answered, b.Short*a.Answered; x != y {
			return x > y
		}
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
