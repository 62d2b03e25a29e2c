package assess

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// PlanSchemaVersion versions the plan's JSON form.
const PlanSchemaVersion = 1

// Plan sizes and pacing. They are written into the plan's assumptions so a
// reader can see what the dates rest on.
const (
	MinGoals = 3
	MaxGoals = 5
	// MonthsPerLevelLow and High bound how long one level step takes with
	// deliberate practice alongside a full-time job.
	MonthsPerLevelLow  = 3
	MonthsPerLevelHigh = 6
	// ParallelGoals is how many goals a person works on at once.
	ParallelGoals = 3
	// goalStagger spaces the start of goals so they do not all begin at once.
	goalStagger = 30 * 24 * time.Hour
)

// PlanOptions choose the plan's role, start date and what-ifs.
type PlanOptions struct {
	// Role is the role to plan for; empty means the recommended next step.
	Role        string
	Start       time.Time
	Assumptions []Assumption
	// Basis chooses whose ratings the plan rests on. Empty means the
	// mentor's where the mentor rated (and the plan says so), else self.
	Basis Basis
}

// PlanAgreed is a gap the mentor and mentee reviewed, as the plan shows it.
type PlanAgreed struct {
	Competency string `json:"competency"`
	Name       string `json:"name"`
	Matters    bool   `json:"matters"`
	Priority   int    `json:"priority,omitempty"`
	Owner      string `json:"owner,omitempty"`
	Due        *Date  `json:"due,omitempty"`
	CheckIn    *Date  `json:"check_in,omitempty"`
	Action     string `json:"action,omitempty"`
	Notes      string `json:"notes,omitempty"`
}

// PlanNote is a mentor's note on one question.
type PlanNote struct {
	Question string `json:"question"`
	Text     string `json:"text"`
	Level    *int   `json:"level,omitempty"`
	Notes    string `json:"notes,omitempty"`
}

// PlanSignOff is the agreement section; empty names mean not signed yet.
type PlanSignOff struct {
	Mentee string `json:"mentee"`
	Mentor string `json:"mentor"`
	Date   *Date  `json:"date,omitempty"`
	Signed bool   `json:"signed"`
}

// PlanMentor is the mentor's part of a plan.
type PlanMentor struct {
	Name        string             `json:"name"`
	Agreed      []PlanAgreed       `json:"agreed"`
	Notes       []PlanNote         `json:"notes"`
	Differences []MentorDifference `json:"differences"`
	SignOff     PlanSignOff        `json:"sign_off"`
}

// PlanAction is a bank action scheduled in a plan.
type PlanAction struct {
	ID            string   `json:"id"`
	Goal          int      `json:"goal"`
	Competency    string   `json:"competency"`
	Step          string   `json:"step"` // e.g. "2→3"
	Category      Category `json:"category"`
	Title         string   `json:"title"`
	Detail        string   `json:"detail,omitempty"`
	EffortHours   int      `json:"effort_hours"`
	DurationWeeks int      `json:"duration_weeks"`
	Evidence      string   `json:"evidence"`
	Start         Date     `json:"start"`
	Due           Date     `json:"due"`
}

// Goal is one SMART development goal drawn from a gap.
type Goal struct {
	N          int     `json:"n"`
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	Current    float64 `json:"current"`
	Target     int     `json:"target"`
	Weight     float64 `json:"weight"`
	Priority   float64 `json:"priority"`
	// Statement is the goal in SMART form: specific action, measure, date.
	Statement string `json:"statement"`
	// Measure is the evidence that shows the goal is met.
	Measure   string       `json:"measure"`
	NextLevel string       `json:"next_level"`
	Due       Date         `json:"due"`
	Actions   []PlanAction `json:"actions"`
}

// Phase is one stretch of the timeline.
type Phase struct {
	Name  string   `json:"name"`
	From  Date     `json:"from"`
	To    Date     `json:"to"`
	Items []string `json:"items"`
}

// CertStep is a certification on the roadmap.
type CertStep struct {
	CertStatus
	Body string `json:"body"`
	// Why says which role asks for it.
	Why string `json:"why"`
	// From is when the experience rule should be met, given the years
	// recorded; empty when it is met already or held.
	From  *Date    `json:"from,omitempty"`
	Study []string `json:"study"`
}

// CheckIn is a dated review.
type CheckIn struct {
	Date   Date     `json:"date"`
	Kind   string   `json:"kind"` // monthly | quarterly
	Review []string `json:"review"`
}

// Estimate is the time to readiness as a range, with its assumptions.
type Estimate struct {
	MinMonths   int      `json:"min_months"`
	MaxMonths   int      `json:"max_months"`
	Assumptions []string `json:"assumptions"`
}

// Balance counts actions and hours per 70-20-10 category.
type Balance struct {
	Category Category `json:"category"`
	Actions  int      `json:"actions"`
	Hours    int      `json:"hours"`
	Percent  float64  `json:"percent"`
}

// PlanRole names the role planned for.
type PlanRole struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Readiness float64 `json:"readiness"`
}

// Plan is a personal development plan: data only; package export formats it.
type Plan struct {
	SchemaVersion  int        `json:"schema_version"`
	Bank           BankRef    `json:"bank"`
	Name           string     `json:"name"`
	CurrentRole    string     `json:"current_role"`
	Start          Date       `json:"start"`
	Role           PlanRole   `json:"role"`
	Position       PlanRole   `json:"position"`
	LongTerm       PlanRole   `json:"long_term"`
	Assumed        []string   `json:"assumed"`
	Rationale      []string   `json:"rationale"`
	Strengths      []string   `json:"strengths"`
	Goals          []Goal     `json:"goals"`
	Balance        []Balance  `json:"balance"`
	Timeline       []Phase    `json:"timeline"`
	Certifications []CertStep `json:"certifications"`
	CheckIns       []CheckIn  `json:"check_ins"`
	Estimate       Estimate   `json:"estimate"`
	Blockers       []Blocker  `json:"blockers"`
	// Basis says whose ratings the levels rest on: self or mentor.
	Basis Basis `json:"basis"`
	// Mentor holds the mentor's agreed gaps, notes and the sign-off, when
	// the assessment was reviewed.
	Mentor *PlanMentor `json:"mentor,omitempty"`
	// Result is the scored assessment the plan was drawn from.
	Result *Result `json:"-"`
}

// Date is a calendar day that marshals as YYYY-MM-DD.
type Date struct{ time.Time }

// MarshalText writes the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.Format("2006-01-02")), nil }

// MarshalJSON writes the date as a "YYYY-MM-DD" string.
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.Format("2006-01-02") + `"`), nil }

// String formats the date as YYYY-MM-DD.
func (d Date) String() string { return d.Format("2006-01-02") }

func day(t time.Time) Date {
	y, m, dd := t.Date()
	return Date{time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)}
}

// BuildPlan draws a development plan from answers. Dates follow from
// opts.Start alone, so the same answers and start give the same plan.
func BuildPlan(b *Bank, a *Answers, opts PlanOptions) (*Plan, error) {
	basis := opts.Basis
	if basis == "" {
		basis = BasisMentor // falls back to self when the mentor rated nothing
	}
	res := ScoreOpts(b, a, ScoreOptions{Assume: opts.Assumptions, Basis: basis})
	rec := res.Recommendation
	roleID := opts.Role
	if roleID == "" {
		roleID = rec.NextRole
	}
	role := b.Role(roleID)
	if role == nil {
		return nil, fmt.Errorf("unknown role %q%s", roleID, suggestion(roleID, roleIDs(b)))
	}
	start := day(opts.Start)
	fit := res.RoleFit(role.ID)
	p := &Plan{
		SchemaVersion: PlanSchemaVersion,
		Bank:          res.Bank,
		Name:          a.Profile.Name,
		CurrentRole:   a.Profile.CurrentRole,
		Start:         start,
		Role:          PlanRole{role.ID, role.Title, fit.Readiness},
		Rationale:     rec.Rationale,
		Blockers:      fit.Blockers,
		Result:        res,
		Assumed:       []string{},
	}
	if r := b.Role(rec.Position); r != nil {
		p.Position = PlanRole{r.ID, r.Title, res.RoleFit(r.ID).Readiness}
	}
	if r := b.Role(rec.LongTermRole); r != nil {
		p.LongTerm = PlanRole{r.ID, r.Title, res.RoleFit(r.ID).Readiness}
	}
	if p.CurrentRole != "" {
		if r := b.Role(p.CurrentRole); r != nil {
			p.CurrentRole = r.Title
		}
	}
	for _, as := range opts.Assumptions {
		p.Assumed = append(p.Assumed, as.Text)
	}
	p.Basis = res.Basis
	if a.Mentor != nil {
		p.Mentor = planMentor(b, a, role, res)
		if res.Basis == BasisMentor {
			who := a.Mentor.Name
			if who == "" {
				who = "your mentor"
			}
			p.Rationale = append([]string{fmt.Sprintf("Levels use %s's ratings wherever %s gave one, and your answers elsewhere.", who, who)}, p.Rationale...)
		}
	}
	p.Strengths = strengths(b, role, res)
	p.Goals = goals(b, role, res, start, a.Mentor)
	p.Balance = balance(p.Goals)
	p.Certifications = certRoadmap(b, role, res, start)
	p.Timeline = timeline(p, start)
	p.CheckIns = checkIns(p, start)
	p.Estimate = estimate(fit)
	return p, nil
}

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

func ownerText(owner string) string {
	if owner == "" {
		return ""
	}
	return "; owner " + owner
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

func roleIDs(b *Bank) []string {
	out := make([]string, len(b.Roles))
	for i, r := range b.Roles {
		out[i] = r.ID
	}
	return out
}

// strengths lists the role's essential and important competencies already
// at or above target, highest weight first.
func strengths(b *Bank, role *Role, res *Result) []string {
	type s struct {
		name   string
		weight float64
		level  float64
	}
	var xs []s
	for _, t := range role.Targets {
		if l := res.Level(t.Competency); l >= float64(t.Level)-GapTolerance && t.Weight >= 2 {
			xs = append(xs, s{b.Competency(t.Competency).Name, t.Weight, l})
		}
	}
	sort.SliceStable(xs, func(i, j int) bool { return xs[i].weight > xs[j].weight })
	out := []string{}
	for i, x := range xs {
		if i == 5 {
			break
		}
		out = append(out, fmt.Sprintf("%s (%.1f)", x.name, x.level))
	}
	return out
}

// goals turns the highest-priority gaps into 3–5 SMART goals, each with
// actions from the bank balanced 70-20-10 and dated from start.
func goals(b *Bank, role *Role, res *Result, start Date, m *MentorView) []Goal {
	gaps := agreedOrder(res.RoleFit(role.ID).Gaps, role.ID, m)
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
					if ag.Role == role.ID && !ag.Matters {
						seen[ag.Competency] = true // agreed not to matter now
					}
				}
			}
			for _, g := range lf.Gaps {
				if !seen[g.Competency] && len(gaps) < MinGoals {
					gaps = append(gaps, g)
				}
			}
		}
	}
	out := []Goal{}
	for i, g := range gaps {
		if i == MaxGoals {
			break
		}
		comp := b.Competency(g.Competency)
		from := int(math.Floor(g.Current + GapTolerance))
		goalStart := start.Add(time.Duration(i/ParallelGoals) * 3 * goalStagger).Add(time.Duration(i%ParallelGoals) * goalStagger / 2)
		goal := Goal{
			N: i + 1, Competency: g.Competency, Name: g.Name, Current: g.Current, Target: g.Target,
			Weight: g.Weight, Priority: g.Priority, NextLevel: comp.Indicator(min(from+1, g.Target)),
		}
		goal.Actions = pickActions(b, goal.N, g.Competency, from, g.Target, day(goalStart))
		due := goalStart
		for _, a := range goal.Actions {
			if a.Due.After(due) {
				due = a.Due.Time
			}
		}
		if len(goal.Actions) == 0 {
			due = goalStart.AddDate(0, MonthsPerLevelHigh*(g.Target-from), 0)
		}
		if ag := m.Gap(role.ID, g.Competency); ag != nil {
			if !ag.Due.IsZero() {
				due = ag.Due
			}
			if ag.Action != "" {
				weeks := max(1, int(due.Sub(goalStart).Hours()/24/7))
				goal.Actions = append([]PlanAction{{
					ID: "agreed-" + g.Competency, Goal: goal.N, Competency: g.Competency, Step: fmt.Sprintf("%d→%d", from, g.Target),
					Category: Experience, Title: ag.Action, Detail: ag.Notes, EffortHours: 0, DurationWeeks: weeks,
					Evidence: "As agreed with your mentor" + ownerText(ag.Owner) + ".", Start: day(goalStart), Due: day(due),
				}}, goal.Actions...)
			}
		}
		goal.Due = day(due)
		goal.Measure = measure(goal)
		goal.Statement = statement(goal, comp)
		out = append(out, goal)
	}
	return out
}

// pickActions chooses, for the steps from level from to target, on-the-job
// actions for each step and one exposure and one education action for the
// goal: mostly doing, some learning from others, a little study.
func pickActions(b *Bank, goal int, comp string, from, to int, start Date) []PlanAction {
	var picked []*Action
	seen := map[string]bool{}
	take := func(cat Category, step int) bool {
		for i := range b.Actions {
			a := &b.Actions[i]
			if a.Competency == comp && a.Category == cat && a.Covers(step) && !seen[a.ID] {
				seen[a.ID] = true
				picked = append(picked, a)
				return true
			}
		}
		return false
	}
	for step := from; step < to; step++ {
		take(Experience, step)
	}
	if from < to {
		take(Exposure, from)
		if !take(Education, from) {
			take(Education, to-1)
		}
	}
	// Order: learning through others and study start at once; on-the-job
	// work follows a fortnight later, step by step.
	out := []PlanAction{}
	cursor := start.Time
	eduStart := start.Time
	for _, a := range picked {
		st := eduStart
		if a.Category == Experience {
			st = cursor.AddDate(0, 0, 14)
		}
		due := st.AddDate(0, 0, 7*a.DurationWeeks)
		if a.Category == Experience {
			cursor = due.AddDate(0, 0, -14)
		}
		out = append(out, PlanAction{
			ID: a.ID, Goal: goal, Competency: comp, Step: fmt.Sprintf("%d→%d", a.From, a.To), Category: a.Category,
			Title: a.Title, Detail: a.Detail, EffortHours: a.EffortHours, DurationWeeks: a.DurationWeeks,
			Evidence: a.Evidence, Start: day(st), Due: day(due),
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start.Time) })
	return out
}

func measure(g Goal) string {
	var ev []string
	for _, a := range g.Actions {
		if a.Category == Experience {
			ev = append(ev, strings.TrimSuffix(a.Evidence, "."))
		}
	}
	if len(ev) == 0 {
		for _, a := range g.Actions {
			ev = append(ev, strings.TrimSuffix(a.Evidence, "."))
		}
	}
	if len(ev) == 0 {
		return fmt.Sprintf("A mentor agrees that the work matches level %d of %s.", g.Target, g.Name)
	}
	return strings.Join(ev, "; ") + "; and a mentor agrees the work matches the next level."
}

func statement(g Goal, comp *Competency) string {
	var doing []string
	for _, a := range g.Actions {
		if a.Category == Experience {
			doing = append(doing, lowerFirst(strings.TrimSuffix(a.Title, ".")))
		}
	}
	what := "work on it with your mentor"
	if len(doing) > 0 {
		what = doing[0]
		if len(doing) > 1 {
			what += ", then " + doing[1]
		}
	}
	return fmt.Sprintf("By %s, raise %s from %.1f to %d (a %s competency, weight %g): %s.",
		g.Due.Format("2 January 2006"), g.Name, g.Current, g.Target, comp.Dimension, g.Weight, what)
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

// timeline groups the plan's dated items into four phases.
func timeline(p *Plan, start Date) []Phase {
	bounds := []struct {
		name   string
		months int
	}{{"First 90 days", 3}, {"By 6 months", 6}, {"By 12 months", 12}, {"By 24 months", 24}}
	type item struct {
		when time.Time
		text string
	}
	var items []item
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			items = append(items, item{a.Start.Time, fmt.Sprintf("%s: start \"%s\" (goal %d, %s)", a.Start, a.Title, g.N, a.Category)})
		}
		items = append(items, item{g.Due.Time, fmt.Sprintf("%s: goal %d due: %s at level %d", g.Due, g.N, g.Name, g.Target)})
	}
	for _, c := range p.Certifications {
		if c.From != nil {
			items = append(items, item{c.From.Time, fmt.Sprintf("%s: %s experience rule should be met (%s)", c.From, c.Abbr, c.RuleVersion)})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].when.Before(items[j].when) })
	out := make([]Phase, len(bounds))
	from := start.Time
	for i, bnd := range bounds {
		to := start.AddDate(0, bnd.months, 0)
		out[i] = Phase{Name: bnd.name, From: day(from), To: day(to.AddDate(0, 0, -1)), Items: []string{}}
		for _, it := range items {
			if !it.when.Before(from) && it.when.Before(to) {
				out[i].Items = append(out[i].Items, it.text)
			}
		}
		from = to
	}
	if last := &out[len(out)-1]; true {
		for _, it := range items {
			if !it.when.Before(from) {
				last.Items = append(last.Items, it.text+" (after 24 months)")
			}
		}
	}
	return out
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
func estimate(fit *RoleFit) Estimate {
	steps, largest := 0.0, 0.0
	for _, g := range fit.Gaps {
		n := float64(g.Target) - g.Current
		steps += n
		largest = math.Max(largest, n)
	}
	months := func(per int) int {
		return int(math.Ceil(math.Max(largest, steps/ParallelGoals) * float64(per)))
	}
	e := Estimate{MinMonths: months(MonthsPerLevelLow), MaxMonths: months(MonthsPerLevelHigh)}
	e.Assumptions = []string{
		fmt.Sprintf("%.1f levels to close across %d gaps (the largest is %.1f levels).", steps, len(fit.Gaps), largest),
		fmt.Sprintf("One level step takes %d to %d months of deliberate practice alongside a full-time job.", MonthsPerLevelLow, MonthsPerLevelHigh),
		fmt.Sprintf("You work on up to %d goals at once.", ParallelGoals),
	}
	for _, bl := range fit.Blockers {
		if bl.Kind == "experience" {
			e.Assumptions = append(e.Assumptions, "Experience requirements run on calendar time and are not shortened by the plan: "+bl.Message)
		}
	}
	if len(fit.Gaps) == 0 {
		e.Assumptions = []string{"Every target for the role is met: the readiness that remains is hard requirements and the evidence to show for it."}
	}
	return e
}
