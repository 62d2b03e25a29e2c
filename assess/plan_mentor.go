package assess

import "sort"

// The mentor's part of a plan: the gaps agreed with the mentee reorder
// and date the goals; the notes and the sign-off are carried as they are.

// agreedOrder applies a mentor's gap review: gaps agreed not to matter
// drop out, agreed priorities come first (1 highest), the rest keep their
// computed order.
func agreedOrder(gaps []Gap, role string, m *MentorView) []Gap {
	if m == nil || len(m.Gaps) == 0 {
		return gaps
	}
	out := make([]Gap, 0, len(gaps))
	for _, g := range gaps {
		if ag := m.Gap(role, g.Competency); ag != nil && !ag.Matters {
			continue
		}
		out = append(out, g)
	}
	rank := func(g Gap) int {
		if ag := m.Gap(role, g.Competency); ag != nil && ag.Priority > 0 {
			return ag.Priority
		}
		return 100
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
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
		pa := PlanAgreed{Competency: g.Competency, Name: name, Matters: g.Matters, Priority: g.Priority, Owner: g.Owner, Action: g.Action, Notes: g.Notes}
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
	rank := func(p int) int {
		if p == 0 {
			return 100
		}
		return p
	}
	sort.SliceStable(pm.Agreed, func(i, j int) bool { return rank(pm.Agreed[i].Priority) < rank(pm.Agreed[j].Priority) })
	for _, q := range b.Questions {
		r, ok := m.Ratings[q.ID]
		if !ok || (r.Notes == "" && r.Level == nil) {
			continue
		}
		pm.Notes = append(pm.Notes, PlanNote{Question: q.ID, Text: q.Text, Level: r.Level, Notes: r.Notes})
	}
	pm.SignOff = PlanSignOff{Mentee: m.SignOff.Mentee, Mentor: m.SignOff.Mentor, Signed: m.SignOff.Signed()}
	if !m.SignOff.Date.IsZero() {
		d := day(m.SignOff.Date)
		pm.SignOff.Date = &d
	}
	return pm
}
