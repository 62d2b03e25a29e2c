package assess

import (
	"fmt"
	"reflect"
	"sort"
	"testing"
)

// batchCohort is the cohort computed the plain way, with every member's
// Result at hand: the definition CohortBuilder's one-pass fold must match
// to the last bit.
func batchCohort(b *Bank, members []CohortMember) *Cohort {
	c := &Cohort{People: []CohortPerson{}, Roles: []RoleSpread{}, Weakest: []WeakSpot{}}
	for _, comp := range b.Competencies {
		c.Competencies = append(c.Competencies, comp.ID)
		c.Names = append(c.Names, comp.Name)
		c.Dimensions = append(c.Dimensions, comp.Dimension)
	}
	for _, m := range members {
		res := m.Result
		rec := res.Recommendation
		p := CohortPerson{Name: m.Name, Source: m.Source, Position: rec.Position, NextRole: rec.NextRole, LongTermRole: rec.LongTermRole, Judgement: res.Judgement,
			Answered: res.Answered, Asked: res.Asked, Basis: res.Basis}
		short := map[string]float64{}
		targets := map[string]int{}
		if next := res.RoleFit(rec.NextRole); next != nil {
			p.NextReadiness, p.NextReadinessClaimed, p.NextFit = next.Readiness, next.ReadinessClaimed, next.Fit
			p.NextBlocked, p.NextBlockedMonths = next.Blocked, next.BlockedMonths
			for _, g := range next.Gaps {
				short[g.Competency] = round(float64(g.Target)-g.Current, 2)
			}
			for _, t := range b.SizedRole(rec.NextRole, res.OrgSize.Size).Targets {
				targets[t.Competency] = t.Level
			}
		}
		for _, f := range res.Roles {
			if f.Blocked && f.Relation != RelOutgrown {
				p.BlockedRoles++
			}
		}
		scores := map[string]*CompetencyScore{}
		for i := range res.Competencies {
			scores[res.Competencies[i].ID] = &res.Competencies[i]
		}
		for _, id := range c.Competencies {
			p.Shortfall = append(p.Shortfall, short[id])
			p.Levels = append(p.Levels, round(res.Level(id), 2))
			var j *float64
			unverified, unanswered := false, false
			if cs := scores[id]; cs != nil {
				j, unverified = cs.Judgement, cs.Unverified
				unanswered = cs.Answered == 0 && !cs.Evidenced
			}
			p.Unanswered = append(p.Unanswered, unanswered)
			p.Targets = append(p.Targets, int8(targets[id]))
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
			if p.Unanswered[k] {
				continue // no figure to average
			}
			ws.Answered++
			levels = append(levels, p.Levels[k])
			shorts = append(shorts, p.Shortfall[k])
			if p.Shortfall[k] > 0 {
				ws.Short++
			}
		}
		if len(levels) > 0 {
			ws.MeanLevel = round(mean(levels), 2)
			ws.MeanShortfall = round(mean(shorts), 2)
		}
		c.Weakest = append(c.Weakest, ws)
	}
	sort.SliceStable(c.Weakest, func(i, j int) bool {
		a, b := c.Weakest[i], c.Weakest[j]
		// The share of those who answered, as a fraction.
		if sa, sb := share(a), share(b); sa != sb {
			return sa > sb
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

func share(ws WeakSpot) float64 {
	if ws.Answered == 0 {
		return 0
	}
	return float64(ws.Short) / float64(ws.Answered)
}

// cohortMembers makes n members of the test bank whose answers run
// through every rating, scenario option and team size, so readiness,
// shortfalls, judgements and ties vary.
func cohortMembers(b *Bank, n int) []CohortMember {
	var out []CohortMember
	for i := range n {
		items := map[string]Answer{
			"r-tech1":  {Choice: 1 + i%6},
			"r-tech2":  {Choice: 1 + (i/2)%6},
			"r-strat1": {Choice: 1 + (i/3)%6},
			"n-years":  {Number: fp(float64(i % 15))},
			"n-team":   {Number: fp(float64((i * 7) % 40))},
		}
		if i%4 != 0 {
			items["s-mix"] = Answer{Choice: 1 + i%2}
			items["y-board"] = Answer{Bool: bp(i%3 == 0)}
		}
		name := fmt.Sprintf("Member %d", i%(n-3)) // a few names twice
		out = append(out, CohortMember{Name: name, Source: fmt.Sprintf("m%03d.toml", i), Result: Score(b, answers(items))})
	}
	return out
}

func TestCohortBuilderMatchesBatch(t *testing.T) {
	b := testBank()
	for _, n := range []int{1, 2, 7, 120} {
		members := cohortMembers(b, max(n, 4))[:n]
		got, want := BuildCohort(b, members), batchCohort(b, members)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d members: the fold differs from the batch cohort\n got %+v\nwant %+v", n, got, want)
		}
	}
	// Nobody at all: no roles, every mean 0 (not NaN).
	got := BuildCohort(b, nil)
	if len(got.People) != 0 || len(got.Roles) != 0 || len(got.Weakest) != len(b.Competencies) {
		t.Fatalf("empty cohort: %+v", got)
	}
	for _, ws := range got.Weakest {
		if ws.MeanLevel != 0 || ws.MeanShortfall != 0 || ws.Short != 0 {
			t.Errorf("empty cohort, %s: %+v", ws.ID, ws)
		}
	}
}

func TestCohortEntryKeepsNothingOfTheResult(t *testing.T) {
	b := testBank()
	m := cohortMembers(b, 8)[5] // with a scenario answer: judgements
	cb := NewCohortBuilder(b)
	e := cb.Entry(m.Name, m.Source, m.Result)
	before := fmt.Sprintf("%+v", e.person)
	if m.Result.Judgement == nil || e.person.Judgement == nil {
		t.Fatal("the member has no judgement to copy")
	}
	// Scribble over every figure the entry could point at.
	res := m.Result
	res.Judgement.Score = -1
	for i := range res.Competencies {
		if j := res.Competencies[i].Judgement; j != nil {
			*j = -1
		}
	}
	for i := range res.Roles {
		if rc := res.Roles[i].ReadinessClaimed; rc != nil {
			*rc = -1
		}
		res.Roles[i].Gaps = nil
	}
	if after := fmt.Sprintf("%+v", e.person); after != before {
		t.Errorf("the entry changed with the Result:\n%s\n%s", before, after)
	}
	judged := 0
	for k := range e.person.Judgements {
		if j := e.person.Judgements[k]; j != nil {
			judged++
			if *j < 0 {
				t.Errorf("judgement %d reads the Result's", k)
			}
		}
	}
	if judged == 0 {
		t.Error("no judgement per competency was kept")
	}
}

func TestDistinguishSameNames(t *testing.T) {
	b := testBank()
	items := map[string]Answer{"r-tech1": {Choice: 6}, "r-tech2": {Choice: 6}, "r-strat1": {Choice: 6}}
	weak := map[string]Answer{"r-tech1": {Choice: 2}}
	cb := NewCohortBuilder(b)
	for _, m := range []CohortMember{
		{Name: "Bo", Source: "bo.toml", Result: Score(b, answers(weak))},
		{Name: "Ann", Source: "2025.toml", Result: Score(b, answers(items))},
		{Name: "Ann", Source: "2026.toml", Result: Score(b, answers(items))},
	} {
		cb.Add(cb.Entry(m.Name, m.Source, m.Result))
	}
	cb.DistinguishSameNames()
	c := cb.Cohort()
	var names []string
	for _, p := range c.People {
		names = append(names, p.Name)
	}
	if want := []string{"Bo", "Ann (2025.toml)", "Ann (2026.toml)"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	// Both Anns are at 100% for eng: the first of them is the closest,
	// under the name the columns show.
	for _, r := range c.Roles {
		if r.ID == "eng" && r.Closest != "Ann (2025.toml)" {
			t.Errorf("closest to eng: %q", r.Closest)
		}
	}
}
