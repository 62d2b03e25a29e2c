package assess

import (
	"slices"
	"sort"
)

// The mentor's part of a plan: the gaps agreed with the mentee reorder
// and date the goals; the notes and the sign-off are carried as they are.

// agreedOrder applies a mentor's gap review to the gaps that become
// goals: the agreed order (see OrderByReview), without the gaps agreed
// not to matter.
func agreedOrder(gaps []Gap, role string, m *MentorView) []Gap {
	out := append([]Gap(nil), gaps...)
	OrderByReview(out, role, m)
	return slices.DeleteFunc(out, func(g Gap) bool { return g.Review != nil && g.Review.Decision == DoesNotMatter })
}

// planMentor gathers the mentor's part of the plan.
func planMentor(b *Bank, a *Answers, role *Role, res *Result) *PlanMentor {
	m := a.Mentor
	pm := &PlanMentor{Name: m.Name, Agreed: []PlanAgreed{}, Notes: []PlanNote{}, Differences: res.MentorDifferences}
	if pm.Differences == nil {
		pm.Differences = []MentorDifference{}
	}
	for _, g := range m.Gaps {
		if g.Role != role.ID {
			continue
		}
		name := g.Competency
		if c := b.Competency(g.Competency); c != nil {
			name = c.Name
		}
		pa := PlanAgreed{Competency: g.Competency, Name: name, Matters: g.Decision() == Matters, Undecided: g.Undecided,
			Priority: g.Priority, Owner: g.Owner, Action: g.Action, Notes: g.Notes}
		if g.Decision() == DoesNotMatter {
			pa.Priority = 0 // a priority among the gaps that matter means nothing here
		}
		if !g.Due.IsZero() {
			d := day(g.Due)
			pa.Due = &d
		}
		if !g.CheckIn.IsZero() {
			d := day(g.CheckIn)
			pa.CheckIn = &d
		}
		pm.Agreed = append(pm.Agreed, pa)
	}
	sortAgreed(pm.Agreed, res.RoleFit(role.ID), m, role.ID)
	for _, q := range b.Questions {
		r, ok := m.Ratings[q.ID]
		if !ok || r.Empty() {
			continue
		}
		pm.Notes = append(pm.Notes, planNote(b, &q, r))
	}
	pm.SignOff = PlanSignOff{Mentee: m.SignOff.Mentee, Mentor: m.SignOff.Mentor, Signed: m.SignOff.Signed()}
	if !m.SignOff.Date.IsZero() {
		d := day(m.SignOff.Date)
		pm.SignOff.Date = &d
	}
	return pm
}

// sortAgreed lists the agreed gaps as the role's gaps are ordered (see
// OrderByReview): agreed as mattering by priority, then the undecided,
// then those agreed not to matter last; a recorded gap the role no longer
// has (it is met now) goes after the others of its rank.
func sortAgreed(agreed []PlanAgreed, fit *RoleFit, m *MentorView, role string) {
	pos := map[string]int{}
	if fit != nil {
		for i, g := range fit.Gaps {
			pos[g.Competency] = i
		}
	}
	key := func(a PlanAgreed) (int, int, int) {
		r, p := reviewRank(&GapReview{Decision: m.Gap(role, a.Competency).Decision(), Priority: a.Priority})
		i, ok := pos[a.Competency]
		if !ok {
			i = len(pos)
		}
		return r, p, i
	}
	sort.SliceStable(agreed, func(i, j int) bool {
		ri, pi, ii := key(agreed[i])
		rj, pj, ij := key(agreed[j])
		if ri != rj {
			return ri < rj
		}
		if pi != pj {
			return pi < pj
		}
		return ii < ij
	})
}

// planNote is a mentor's note with the ratings: one level when the mentor
// gave the same to everything the question measures, else each
// competency's, heaviest first.
func planNote(b *Bank, q *Question, r MentorRating) PlanNote {
	n := PlanNote{Question: q.ID, Text: q.Text, Notes: r.Notes}
	if l, ok := r.Uniform(q); ok {
		n.Level = &l
		return n
	}
	for _, comp := range q.MeasuredOrder() {
		l, ok := r.LevelFor(comp)
		if !ok {
			continue
		}
		name := comp
		if c := b.Competency(comp); c != nil {
			name = c.Name
		}
		n.Levels = append(n.Levels, PlanNoteLevel{Competency: comp, Name: name, Level: l})
	}
	return n
}
