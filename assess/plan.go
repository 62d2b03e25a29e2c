package assess

import (
	"errors"
	"fmt"
	"sort"
	"time"
)

// PlanSchemaVersion versions the plan's JSON form. Version 2: a goal is
// one level step with the later steps sequenced after it, actions carry
// the step they serve and whether the person can lead them, the timeline
// has dated items and a fifth phase for what falls after 24 months, roles
// carry fit and blockers their earliest date, and the plan carries the
// levels, placement and judgement it was drawn from, so that every format
// can be rebuilt from the JSON alone. Within a version fields are only
// added: the data behind a sentence (a phase's months, a check-in's
// points, the estimate's premises, a certification's reason and study
// domains, the strengths' levels) came beside the sentence, which the
// formats still write for readers that want the words.
const PlanSchemaVersion = 2

// Plan sizes and pacing. They are written into the plan's assumptions so a
// reader can see what the dates rest on.
const (
	MinGoals = 3
	MaxGoals = 5
	// MonthsPerLevelLow and High bound how long one level step takes with
	// deliberate practice alongside a full-time job. Every step of a plan,
	// the goal's and the later ones, is due within them from its start:
	// evidence of a new level takes a few months to gather, and more than
	// half a year for one step means the work is not stretching enough.
	MonthsPerLevelLow  = 3
	MonthsPerLevelHigh = 6
	// ParallelGoals is how many goals a person works on at once.
	ParallelGoals = 3
	// TimelineMonths is how far the timeline's dated phases reach; anything
	// later goes in its last phase, "Later".
	TimelineMonths = 24
	// goalStagger spaces the start of goals so they do not all begin at once.
	goalStagger = 30 * 24 * time.Hour
	// practiceLead is how long after a goal's learning starts its
	// on-the-job work starts, when the step leaves room for it.
	practiceLead = 14 * 24 * time.Hour
)

// Reach says whether the person can do an action themselves.
type Reach string

// ReachContribute marks an action that needs a more senior role than the
// person's position: the plan offers it as one to contribute to, led by
// someone in that role. The empty Reach means the person leads it.
const ReachContribute Reach = "contribute"

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
	// Undecided marks a gap reviewed without agreeing whether it
	// matters; Matters is then false.
	Undecided bool   `json:"undecided,omitempty"`
	Priority  int    `json:"priority,omitempty"`
	Owner     string `json:"owner,omitempty"`
	Due       *Date  `json:"due,omitempty"`
	CheckIn   *Date  `json:"check_in,omitempty"`
	Action    string `json:"action,omitempty"`
	Notes     string `json:"notes,omitempty"`
}

// PlanNote is a mentor's note on one question. Level is the mentor's
// rating when it is one level for everything the question measures;
// Levels lists the ratings per competency when they differ or cover only
// some of them.
type PlanNote struct {
	Question string          `json:"question"`
	Text     string          `json:"text"`
	Level    *int            `json:"level,omitempty"`
	Levels   []PlanNoteLevel `json:"levels,omitempty"`
	Notes    string          `json:"notes,omitempty"`
}

// PlanNoteLevel is a mentor's level for one competency of a question.
type PlanNoteLevel struct {
	Competency string `json:"competency"`
	Name       string `json:"name"`
	Level      int    `json:"level"`
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
	ID         string `json:"id"`
	Goal       int    `json:"goal"`
	Competency string `json:"competency"`
	// Step is the level step of the goal the action serves, e.g. "2→3":
	// its dates lie within that step's.
	Step          string   `json:"step"`
	Category      Category `json:"category"`
	Title         string   `json:"title"`
	Detail        string   `json:"detail,omitempty"`
	EffortHours   int      `json:"effort_hours"`
	DurationWeeks int      `json:"duration_weeks"`
	Evidence      string   `json:"evidence"`
	Start         Date     `json:"start"`
	Due           Date     `json:"due"`
	// Reach is ReachContribute when the action needs a more senior role
	// than the person's (MinSeniority), and LedBy names the role that
	// would lead it.
	Reach        Reach  `json:"reach,omitempty"`
	MinSeniority int    `json:"min_seniority,omitempty"`
	LedBy        string `json:"led_by,omitempty"`
	// Needs names the facts the action asks for that the person lacks
	// (e.g. "People reporting to you"), when that is why they contribute.
	Needs []string `json:"needs,omitempty"`
	// Agreed marks the action agreed with the mentor, and Owner who owns
	// it; such an action has no evidence from the bank, so the formats
	// word its evidence from these.
	Agreed bool   `json:"agreed,omitempty"`
	Owner  string `json:"owner,omitempty"`
}

// GoalStep is one level step of a goal, dated.
type GoalStep struct {
	From  int  `json:"from"`
	To    int  `json:"to"`
	Start Date `json:"start"`
	Due   Date `json:"due"`
}

// Goal is one SMART development goal drawn from a gap. A goal is the next
// level step only (From → To, one level); the steps from To up to the
// role's Target follow in Later, each starting when the one before is due.
type Goal struct {
	N          int       `json:"n"`
	Competency string    `json:"competency"`
	Name       string    `json:"name"`
	Dimension  Dimension `json:"dimension"`
	// Role is the role whose target the goal serves: the planned role, or
	// the long-term role when the planned role has too few gaps.
	Role string `json:"role"`
	// Current is the level today; Claimed the self-rated level when it is
	// higher and unverified; Judgement the competency's scenario score.
	Current    float64  `json:"current"`
	Claimed    *float64 `json:"claimed,omitempty"`
	Unverified bool     `json:"unverified,omitempty"`
	Judgement  *float64 `json:"judgement,omitempty"`
	Target     int      `json:"target"`
	Weight     float64  `json:"weight"`
	Priority   float64  `json:"priority"`
	// From, To, Start and Due are the goal's own step.
	From  int  `json:"from"`
	To    int  `json:"to"`
	Start Date `json:"start"`
	Due   Date `json:"due"`
	// Agreed says the due date is the one agreed with the mentor.
	Agreed bool `json:"agreed,omitempty"`
	// Later are the remaining steps to Target, in order.
	Later []GoalStep `json:"later"`
	// Statement is the goal in SMART form (specific action, measure,
	// date) and Measure the evidence that shows it is met, in words. The
	// formats write them from the goal's data when they write the plan;
	// the domain leaves them empty.
	Statement string       `json:"statement"`
	Measure   string       `json:"measure"`
	NextLevel string       `json:"next_level"`
	Actions   []PlanAction `json:"actions"`
}

// Steps returns the goal's own step followed by the later ones.
func (g Goal) Steps() []GoalStep {
	return append([]GoalStep{{From: g.From, To: g.To, Start: g.Start, Due: g.Due}}, g.Later...)
}

// Balance counts actions and hours per 70-20-10 category.
type Balance struct {
	Category Category `json:"category"`
	Actions  int      `json:"actions"`
	Hours    int      `json:"hours"`
	Percent  float64  `json:"percent"`
}

// PlanRole is a role with the person's standing against it.
type PlanRole struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Seniority int      `json:"seniority"`
	Relation  Relation `json:"relation,omitempty"`
	Readiness float64  `json:"readiness"`
	// ReadinessClaimed is the readiness if the unverified self-ratings
	// held, when it is higher.
	ReadinessClaimed *float64 `json:"readiness_claimed,omitempty"`
	Fit              float64  `json:"fit"`
	Blocked          bool     `json:"blocked"`
	BlockedMonths    int      `json:"blocked_months,omitempty"`
	// Profile places the role's targets on the three axes.
	Profile DimensionScores `json:"profile"`
}

// PlanBlocker is a hard requirement of the planned role not yet met.
type PlanBlocker struct {
	Blocker
	// Earliest is the plan's start plus Months: the first day an
	// experience requirement can be met. Empty when not known.
	Earliest *Date `json:"earliest,omitempty"`
}

// Strength is a competency of the planned role at or above its target.
type Strength struct {
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	Level      float64 `json:"level"`
	Weight     float64 `json:"weight"`
}

// PlanLevel is the person's level against one target of the planned role.
type PlanLevel struct {
	Competency string    `json:"competency"`
	Name       string    `json:"name"`
	Dimension  Dimension `json:"dimension"`
	Level      float64   `json:"level"`
	Claimed    *float64  `json:"claimed,omitempty"`
	Unverified bool      `json:"unverified,omitempty"`
	Judgement  *float64  `json:"judgement,omitempty"`
	Target     int       `json:"target"`
	Weight     float64   `json:"weight"`
	// Assessed says the mode asked about it; readiness leaves it out when not.
	Assessed bool `json:"assessed"`
}

// Plan is a personal development plan: data only; package export formats it.
type Plan struct {
	SchemaVersion int     `json:"schema_version"`
	Bank          BankRef `json:"bank"`
	Name          string  `json:"name"`
	CurrentRole   string  `json:"current_role"`
	Start         Date    `json:"start"`
	// Role is the role planned for; Position where the person stands;
	// LongTerm where the path leads; Roles every role, as the person sees
	// them (see Result.Roles).
	Role      PlanRole   `json:"role"`
	Position  PlanRole   `json:"position"`
	LongTerm  PlanRole   `json:"long_term"`
	Roles     []PlanRole `json:"roles"`
	Assumed   []string   `json:"assumed"`
	Reasons   []Reason   `json:"reasons"` // the recommendation's, as data; Rationale holds them in words, written by the formats
	Rationale []string   `json:"rationale"`
	// Strong are the role's competencies already at target, strongest
	// first; Strengths the same in words, written by the formats.
	Strong    []Strength `json:"strong"`
	Strengths []string   `json:"strengths"`
	// Levels are the person's levels against the planned role's targets,
	// Dimensions their placement and Judgement their overall scenario
	// score, when scenarios were answered.
	Levels         []PlanLevel     `json:"levels"`
	Dimensions     DimensionScores `json:"dimensions"`
	Judgement      *Judgement      `json:"judgement,omitempty"`
	Goals          []Goal          `json:"goals"`
	Balance        []Balance       `json:"balance"`
	Timeline       []Phase         `json:"timeline"`
	Certifications []CertStep      `json:"certifications"`
	CheckIns       []CheckIn       `json:"check_ins"`
	Estimate       Estimate        `json:"estimate"`
	Blockers       []PlanBlocker   `json:"blockers"`
	// Basis says whose ratings the levels rest on: self or mentor;
	// BasisNote says so in words when it is the mentor's, written by the
	// formats.
	Basis     Basis  `json:"basis"`
	BasisNote string `json:"basis_note,omitempty"`
	// OrgSize is the size of organisation the role targets were read for.
	OrgSize OrgSize `json:"org_size"`
	// Mentor holds the mentor's agreed gaps, notes and the sign-off, when
	// the assessment was reviewed.
	Mentor *PlanMentor `json:"mentor,omitempty"`
	// Result is the scored assessment the plan was drawn from; it is not
	// written with the plan, which carries what its formats show.
	Result *Result `json:"-"`
}

// BlockedUntil is the first day every dated experience requirement of the
// planned role is met, or nil when none is dated.
func (p *Plan) BlockedUntil() *Date {
	var last *Date
	for i := range p.Blockers {
		if e := p.Blockers[i].Earliest; e != nil && (last == nil || e.After(last.Time)) {
			last = e
		}
	}
	return last
}

// Date is a calendar day that marshals as YYYY-MM-DD.
type Date struct{ time.Time }

// MarshalText writes the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.Format("2006-01-02")), nil }

// MarshalJSON writes the date as a "YYYY-MM-DD" string.
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.Format("2006-01-02") + `"`), nil }

// UnmarshalText reads a YYYY-MM-DD date, so a plan read back from its JSON
// gives the same plan.
func (d *Date) UnmarshalText(b []byte) error {
	t, err := time.Parse("2006-01-02", string(b))
	if err != nil {
		return fmt.Errorf("date %q: use YYYY-MM-DD", b)
	}
	d.Time = t
	return nil
}

// UnmarshalJSON reads a "YYYY-MM-DD" string.
func (d *Date) UnmarshalJSON(b []byte) error {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return fmt.Errorf("date %s: use a \"YYYY-MM-DD\" string", b)
	}
	return d.UnmarshalText(b[1 : len(b)-1])
}

// String formats the date as YYYY-MM-DD.
func (d Date) String() string { return d.Format("2006-01-02") }

func day(t time.Time) Date {
	y, m, dd := t.Date()
	return Date{time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)}
}

// monthsUntil is the number of whole calendar months from start until d
// is reached, rounded up.
func monthsUntil(start, d Date) int {
	m := 0
	for start.AddDate(0, m, 0).Before(d.Time) {
		m++
	}
	return m
}

// ErrNothingToPlan is returned for a plan with no role named when nothing
// is answered: there is no recommendation to plan for. Each face says how
// to name a role its own way.
var ErrNothingToPlan = errors.New("nothing is answered yet, so there is no recommendation to plan for")

// BuildPlan draws a development plan from answers. Dates follow from
// opts.Start alone, so the same answers and start give the same plan.
func BuildPlan(b *Bank, a *Answers, opts PlanOptions) (*Plan, error) {
	basis := opts.Basis
	if basis == "" {
		basis = BasisMentor // falls back to self when the mentor rated nothing
	}
	res := ScoreOpts(b, a, ScoreOptions{Assume: opts.Assumptions, Basis: basis})
	b = b.Sized(res.OrgSize.Size) // the targets the result was scored against
	rec := res.Recommendation
	roleID := opts.Role
	if roleID == "" {
		roleID = rec.WorkTowards
	}
	if roleID == "" {
		return nil, ErrNothingToPlan
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
		Role:          planRole(fit),
		Position:      planRole(res.RoleFit(rec.Position)),
		LongTerm:      planRole(res.RoleFit(rec.LongTermRole)),
		Roles:         []PlanRole{},
		Reasons:       rec.Reasons,
		Levels:        planLevels(b, role, res),
		Dimensions:    res.Dimensions,
		Judgement:     res.Judgement,
		Blockers:      planBlockers(fit, start),
		Result:        res,
		Assumed:       []string{},
	}
	for i := range res.Roles {
		p.Roles = append(p.Roles, planRole(&res.Roles[i]))
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
	p.OrgSize = res.OrgSize
	if a.Mentor != nil {
		p.Mentor = planMentor(b, a, role, res)
	}
	p.Strong = strengths(b, role, res)
	p.Strengths = []string{}
	p.Goals = goals(b, role, res, start, a.Mentor)
	p.Balance = balance(p.Goals)
	p.Certifications = certRoadmap(b, role, res, start)
	p.Timeline = timeline(b, p, start)
	p.CheckIns = checkIns(p, start)
	p.Estimate = estimate(b, res, fit, p.Goals, start)
	return p, nil
}

// planRole copies what the plan shows of a role fit; the zero PlanRole
// when there is none.
func planRole(f *RoleFit) PlanRole {
	if f == nil {
		return PlanRole{}
	}
	return PlanRole{
		ID: f.ID, Title: f.Title, Seniority: f.Seniority, Relation: f.Relation,
		Readiness: f.Readiness, ReadinessClaimed: f.ReadinessClaimed, Fit: f.Fit,
		Blocked: f.Blocked, BlockedMonths: f.BlockedMonths, Profile: f.Profile,
	}
}

// planBlockers dates the role's blockers from the plan's start.
func planBlockers(f *RoleFit, start Date) []PlanBlocker {
	out := []PlanBlocker{}
	for _, bl := range f.Blockers {
		pb := PlanBlocker{Blocker: bl}
		if bl.Kind == "experience" && bl.Months > 0 {
			d := day(start.AddDate(0, bl.Months, 0))
			pb.Earliest = &d
		}
		out = append(out, pb)
	}
	return out
}

// planLevels lists the person's level against every target of the role,
// in the bank's competency order (technical, strategic, leadership), then
// any target whose competency the bank lacks.
func planLevels(b *Bank, role *Role, res *Result) []PlanLevel {
	scores := map[string]*CompetencyScore{}
	for i := range res.Competencies {
		scores[res.Competencies[i].ID] = &res.Competencies[i]
	}
	targets := map[string]Target{}
	for _, t := range role.Targets {
		if _, ok := targets[t.Competency]; !ok {
			targets[t.Competency] = t
		}
	}
	out := []PlanLevel{}
	seen := map[string]bool{}
	add := func(id string) {
		t, ok := targets[id]
		if !ok || seen[id] {
			return
		}
		seen[id] = true
		pl := PlanLevel{Competency: id, Name: id, Target: t.Level, Weight: t.Weight}
		if cs := scores[id]; cs != nil {
			pl.Name, pl.Dimension, pl.Level = cs.Name, cs.Dimension, cs.Level
			pl.Claimed, pl.Unverified, pl.Judgement, pl.Assessed = cs.Claimed, cs.Unverified, cs.Judgement, cs.Assessed
		}
		out = append(out, pl)
	}
	for _, c := range b.Competencies {
		add(c.ID)
	}
	for _, t := range role.Targets {
		add(t.Competency)
	}
	return out
}

func roleIDs(b *Bank) []string {
	out := make([]string, len(b.Roles))
	for i, r := range b.Roles {
		out[i] = r.ID
	}
	return out
}

// strengths lists the role's essential and important competencies already
// at or above target, the strongest first.
func strengths(b *Bank, role *Role, res *Result) []Strength {
	xs := []Strength{}
	for _, t := range role.Targets {
		if l := res.Level(t.Competency); l >= float64(t.Level)-GapTolerance && t.Weight >= 2 {
			xs = append(xs, Strength{Competency: t.Competency, Name: b.Competency(t.Competency).Name, Level: round(l, 2), Weight: t.Weight})
		}
	}
	// The strongest first: a strength is what someone does best, and the
	// weight breaks ties.
	sort.SliceStable(xs, func(i, j int) bool {
		if xs[i].Level != xs[j].Level {
			return xs[i].Level > xs[j].Level
		}
		return xs[i].Weight > xs[j].Weight
	})
	return xs[:min(len(xs), 5)]
}
