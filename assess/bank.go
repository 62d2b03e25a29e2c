package assess

import "time"

// SchemaVersion is the bank and answers-file schema this build understands.
const SchemaVersion = 1

// Level bounds of the proficiency scale.
const (
	MinLevel = 0
	MaxLevel = 5
)

// Dimension groups competencies for the depth/breadth placement.
type Dimension string

// The three dimensions a competency can belong to.
const (
	Technical  Dimension = "technical"
	Strategic  Dimension = "strategic"
	Leadership Dimension = "leadership"
)

// Dimensions lists the dimensions in display order.
var Dimensions = []Dimension{Technical, Strategic, Leadership}

// Pos is a line and column in a source file, both starting at 1.
type Pos struct {
	Line   int
	Column int
}

// Source says where an item of the bank was defined. Fields holds the
// positions of individual keys inside the item ("measures",
// "measures.risk-management"), so an error can point at the key at fault.
type Source struct {
	File   string
	Line   int
	Column int
	Fields map[string]Pos
}

// At returns the position of one key of the item, or the item's own
// position when the key was not recorded.
func (s Source) At(key string) Source {
	if p, ok := s.Fields[key]; ok && p.Line > 0 {
		return Source{File: s.File, Line: p.Line, Column: p.Column}
	}
	return Source{File: s.File, Line: s.Line, Column: s.Column}
}

// Meta names and versions a bank.
type Meta struct {
	Schema      int    `toml:"schema"`
	Name        string `toml:"name"`
	Title       string `toml:"title"`
	Version     string `toml:"version"`
	Description string `toml:"description"`
	Src         Source `toml:"-"`
}

// ScaleLevel describes one level of the 0–5 proficiency scale and its
// crosswalk to other frameworks.
type ScaleLevel struct {
	Level   int    `toml:"level"`
	Name    string `toml:"name"`
	Summary string `toml:"summary"`
	SFIA    string `toml:"sfia"`
	NIH     string `toml:"nih"`
	DoD8140 string `toml:"dod8140"`
	ECF     string `toml:"ecf"`
	CIISec  string `toml:"ciisec"`
	Src     Source `toml:"-"`
}

// Refs anchors a competency or a role to public frameworks.
type Refs struct {
	NICE  []string `toml:"nice" json:"nice,omitempty"`   // NICE work role or competency area ids
	ECSF  []string `toml:"ecsf" json:"ecsf,omitempty"`   // ENISA ECSF role profiles
	ECF   []string `toml:"ecf" json:"ecf,omitempty"`     // e-CF competence codes, e.g. "E.8"
	SFIA  []string `toml:"sfia" json:"sfia,omitempty"`   // SFIA skill codes, e.g. "SCTY"
	CSF   []string `toml:"csf" json:"csf,omitempty"`     // NIST CSF 2.0 functions or categories
	CISSP []string `toml:"cissp" json:"cissp,omitempty"` // CISSP domain numbers
	CISM  []string `toml:"cism" json:"cism,omitempty"`   // CISM job-practice domain numbers
	Other []string `toml:"other" json:"other,omitempty"` // anything else worth citing
	// Alignment keys for other systems: O*NET-SOC occupation codes
	// ("15-1212.00") and ESCO occupation or skill URIs.
	ONET []string `toml:"onet" json:"onet,omitempty"`
	ESCO []string `toml:"esco" json:"esco,omitempty"`
}

// Competency is one thing a role needs, described level by level.
type Competency struct {
	ID          string    `toml:"id"`
	Name        string    `toml:"name"`
	Dimension   Dimension `toml:"dimension"`
	Description string    `toml:"description"`
	// Indicators holds what someone at each level 0..5 has done; exactly six.
	Indicators []string `toml:"indicators"`
	Refs       Refs     `toml:"refs"`
	Src        Source   `toml:"-"`
}

// Indicator returns the behavioural indicator for a whole level, clamped to
// the scale.
func (c *Competency) Indicator(level int) string {
	level = max(MinLevel, min(MaxLevel, level))
	if level < len(c.Indicators) {
		return c.Indicators[level]
	}
	return ""
}

// Target is the level a role expects in one competency and how much that
// competency matters to the role (weight 1 = useful, 3 = essential).
type Target struct {
	Competency string  `toml:"competency"`
	Level      int     `toml:"level"`
	Weight     float64 `toml:"weight"`
	Src        Source  `toml:"-"`
}

// FamilyName returns the role's family, or its track when none is set.
func (r *Role) FamilyName() string {
	if r.Family != "" {
		return r.Family
	}
	return r.Track
}

// ShortTitle is the narrowest title of the role: its short form, else
// its title.
func (r *Role) ShortTitle() string {
	if r.Short != "" {
		return r.Short
	}
	return r.Title
}

// Role is a job on the career map.
type Role struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	// Short is the title as a narrow column or a header gives it ("CISO"
	// for Chief Information Security Officer); empty when the title is
	// short already. Faces use it where the whole title does not fit,
	// rather than cutting the title off mid-word.
	Short string `toml:"short"`
	// Aliases are the job titles people use for this role ("SOC lead",
	// "head of security", "DPO"): a current role given in words is matched
	// against the id, the title and these.
	Aliases []string `toml:"aliases"`
	Track   string   `toml:"track"` // technical | program | executive | it | privacy
	// Family groups roles of one profession (security, it, privacy): the
	// recommendation prefers a long-term role in the family the person is
	// in. Empty means the track.
	Family    string `toml:"family"`
	Seniority int    `toml:"seniority"`
	Summary   string `toml:"summary"`
	ReportsTo string `toml:"reports_to"`
	// Entry marks a common starting point on the map.
	Entry bool `toml:"entry"`
	// TitleOnly marks a way of working rather than a level (a fractional
	// CISO serving several clients): answers cannot tell it from the
	// in-house role at the same level, so a person is placed in it only
	// when their current role names it, never by inference.
	TitleOnly bool `toml:"title_only"`
	// Featured roles are offered first when a person chooses a target:
	// the roles most people come to the bank for.
	Featured bool `toml:"featured"`
	// LeadsTo are the path edges: roles this one commonly moves on to.
	LeadsTo []string `toml:"leads_to"`
	// Certifications that employers commonly ask for or that help.
	Certifications []string `toml:"certifications"`
	Refs           Refs     `toml:"refs"`
	Targets        []Target `toml:"targets"`
	// Experience holds hard minimums on facts, e.g. years_security = 10.
	Experience map[string]float64 `toml:"experience"`
	// ExpectsOneOf lists certifications of which employers expect at least one.
	ExpectsOneOf []string `toml:"expects_one_of"`
	// Facts are published figures about the role (reporting lines, typical
	// experience, certifications held), each with its year and source, so
	// a reader can weigh them.
	Facts []RoleFact `toml:"facts"`
	// Size adjusts the role for the size of the organisation ("small",
	// "large"): a target listed there replaces the role's target for that
	// competency (or adds one), an experience minimum replaces the role's.
	Size map[string]RoleSize `toml:"size"`
	Src  Source              `toml:"-"`
}

// RoleFact is one published figure about a role, with where it comes from.
type RoleFact struct {
	Text   string `toml:"text"`
	Year   int    `toml:"year"`
	Source string `toml:"source"`
	URL    string `toml:"url"`
	Src    Source `toml:"-"`
}

// RoleSize is how a role differs in an organisation of one size.
type RoleSize struct {
	Note       string             `toml:"note"`
	Targets    []Target           `toml:"targets"`
	Experience map[string]float64 `toml:"experience"`
	Src        Source             `toml:"-"`
}

// Domain is one part of a certification's body of knowledge.
type Domain struct {
	ID           string   `toml:"id"`
	Name         string   `toml:"name"`
	Weight       float64  `toml:"weight"` // share of the exam, per cent
	Competencies []string `toml:"competencies"`
	Src          Source   `toml:"-"`
}

// Waiver reduces the years a rule asks for.
type Waiver struct {
	Certification string  `toml:"certification"` // held certification that earns it
	Fact          string  `toml:"fact"`          // or a yes/no fact, e.g. degree_relevant
	Years         float64 `toml:"years"`
	Src           Source  `toml:"-"`
}

// Rule is a certification's published eligibility rule, as data, with the
// version and date it took effect so a reader can check it.
type Rule struct {
	Version string    `toml:"version"`
	Date    time.Time `toml:"date"`
	Source  string    `toml:"source"`
	// Experience holds minimums on facts, e.g. years_security = 5.
	Experience map[string]float64 `toml:"experience"`
	// MinDomains is how many of the certification's domains the experience
	// must span; AnyOfDomains, when set, must include at least one of them.
	MinDomains   int      `toml:"min_domains"`
	AnyOfDomains []string `toml:"any_of_domains"`
	// Waivers reduce the requirement on WaiverFact by up to WaiverMaxYears.
	Waivers        []Waiver `toml:"waivers"`
	WaiverFact     string   `toml:"waiver_fact"`
	WaiverMaxYears float64  `toml:"waiver_max_years"`
	// Routes are other ways to meet the rule, open to people with a yes/no
	// fact (official training taken, say): the first route that applies
	// replaces the rule's experience and domain minimums with its own.
	Routes []Route `toml:"routes"`
	// RequiresOneOf lists certifications of which one must be held before
	// this one can be awarded (AAISM asks for an active CISM or CISSP).
	RequiresOneOf []string `toml:"requires_one_of"`
	// Alternative describes another route, e.g. an associate status.
	Alternative string `toml:"alternative"`
	Note        string `toml:"note"`
	// LastVerified is the day someone last checked the rule against the
	// awarding body's own page; validate warns when it is a year old.
	LastVerified time.Time `toml:"last_verified"`
	// ChangesOn is the date of a change the body has announced, described
	// in Changes; validate warns once it has passed, as the rule is then
	// due to be checked again.
	ChangesOn time.Time `toml:"changes_on"`
	Changes   string    `toml:"changes"`
	Src       Source    `toml:"-"`
}

// Route is another way to meet a certification's rule, for people who
// have a yes/no fact. Experience and MinDomains, when set, replace the
// rule's.
type Route struct {
	When       string             `toml:"when"` // a yes/no fact
	Name       string             `toml:"name"`
	Experience map[string]float64 `toml:"experience"`
	MinDomains int                `toml:"min_domains"`
	Src        Source             `toml:"-"`
}

// Certification is a professional credential and its rule.
type Certification struct {
	ID   string `toml:"id"`
	Abbr string `toml:"abbr"`
	// Short is a narrower form of the abbreviation, for a column that has
	// no room for it ("27001 LI"); empty when the abbreviation is short.
	Short       string   `toml:"short"`
	Name        string   `toml:"name"`
	Body        string   `toml:"body"`
	Signal      string   `toml:"signal"` // technical | manager | executive | privacy | audit | project
	Gate        string   `toml:"gate"`   // exam-only | exam+experience
	URL         string   `toml:"url"`
	Maintenance string   `toml:"maintenance"`
	Domains     []Domain `toml:"domains"`
	Rule        Rule     `toml:"rule"`
	// Evidence is the level of work that holding the certification
	// attests in a competency. Only certifications whose award needs
	// verified experience in that work should carry it: an exam alone shows
	// knowledge, not what someone has done.
	Evidence map[string]int `toml:"evidence"`
	Src      Source         `toml:"-"`
}

// ShortLabel is the narrowest name of the certification: its short
// form, else its label.
func (c *Certification) ShortLabel() string {
	if c.Short != "" {
		return c.Short
	}
	return c.Label()
}

// Label is the short name used in lists.
func (c *Certification) Label() string {
	if c.Abbr != "" {
		return c.Abbr
	}
	return c.ID
}

// FactKind is the type of a fact.
type FactKind string

// Fact kinds.
const (
	FactNumber FactKind = "number"
	FactBool   FactKind = "bool"
)

// Fact is a piece of experience that rules and requirements test, such as
// years in security. Number and yes/no questions record facts.
type Fact struct {
	ID   string   `toml:"id"`
	Name string   `toml:"name"`
	Kind FactKind `toml:"kind"`
	Unit string   `toml:"unit"`
	Src  Source   `toml:"-"`
}

// Section groups questions in the quiz.
type Section struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
	Intro string `toml:"intro"`
	Src   Source `toml:"-"`
}

// QuestionKind names a kind of question; each is defined in a kind_*.go
// file and listed in kindDefs (see kind.go).
type QuestionKind string

// Option is one answer to a rating or scenario question. A rating option
// carries one Level for every competency the question measures; a scenario
// option carries a level per competency and an explanation a mentor can
// read out.
type Option struct {
	Text        string         `toml:"text"`
	Level       *int           `toml:"level"`
	Levels      map[string]int `toml:"levels"`
	Explanation string         `toml:"explanation"`
	// NotRelevant marks the level-0 rating option that says the work is not
	// part of the person's job, as against "not yet": it scores the same,
	// and the results and plans say which it was.
	NotRelevant bool   `toml:"not_relevant"`
	Src         Source `toml:"-"`
}

// LevelFor returns the level this option gives a competency.
func (o *Option) LevelFor(competency string) (int, bool) {
	if l, ok := o.Levels[competency]; ok {
		return l, true
	}
	if o.Level != nil {
		return *o.Level, true
	}
	return 0, false
}

// Question is one item of the quiz.
type Question struct {
	ID           string       `toml:"id"`
	Section      string       `toml:"section"`
	Kind         QuestionKind `toml:"kind"`
	Text         string       `toml:"text"`
	Help         string       `toml:"help"`
	MentorPrompt string       `toml:"mentor_prompt"`
	// Skippable defaults to true; set it to false for questions the
	// assessment cannot do without.
	Skippable *bool `toml:"skippable"`
	// Quick includes the question in the quick (about 10 minute) mode.
	Quick bool `toml:"quick"`
	// Measures maps competency ids to the weight of this question's evidence.
	Measures map[string]float64 `toml:"measures"`
	// Fact is the experience fact a number or yes/no question records.
	Fact    string   `toml:"fact"`
	Options []Option `toml:"option"`
	// Number questions: accepted range, unit, and Bands, the five ascending
	// thresholds at which the value reaches levels 1..5 of what it measures.
	Min   *float64  `toml:"min"`
	Max   *float64  `toml:"max"`
	Unit  string    `toml:"unit"`
	Bands []float64 `toml:"bands"`
	// Yes/no questions: the level a yes and a no give what it measures.
	YesLevel *int `toml:"yes_level"`
	NoLevel  *int `toml:"no_level"`
	// When and Unless make a question depend on a yes/no fact: with When it
	// is asked only to people for whom the fact is yes (a scenario under the
	// SEC's rules, say), with Unless only to the others (its alternative).
	// Regime names the rules such a question is set under, for display.
	When   string `toml:"when"`
	Unless string `toml:"unless"`
	Regime string `toml:"regime"`
	// SizeBands replaces Bands for an organisation of one size ("small",
	// "large"): a team of four is a whole security function in a firm of
	// two hundred people.
	SizeBands map[string][]float64 `toml:"size_bands"`
	Src       Source               `toml:"-"`
}

// IsSkippable reports whether the person may skip the question.
func (q *Question) IsSkippable() bool { return q.Skippable == nil || *q.Skippable }

// Category is the 70-20-10 class of a development action.
type Category string

// The 70-20-10 categories.
const (
	Experience Category = "experience" // on the job, about 70%
	Exposure   Category = "exposure"   // through others, about 20%
	Education  Category = "education"  // formal learning, about 10%
)

// Categories lists the categories in 70-20-10 order.
var Categories = []Category{Experience, Exposure, Education}

// Action is a development step for one competency, from one level towards
// another, that leaves evidence a mentor can review.
type Action struct {
	ID            string   `toml:"id"`
	Competency    string   `toml:"competency"`
	From          int      `toml:"from"`
	To            int      `toml:"to"`
	Category      Category `toml:"category"`
	Title         string   `toml:"title"`
	Detail        string   `toml:"detail"`
	EffortHours   int      `toml:"effort_hours"`
	DurationWeeks int      `toml:"duration_weeks"`
	Evidence      string   `toml:"evidence"`
	// MinSeniority is the seniority (1..7, as roles' seniority) of the
	// role an action needs: presenting to the board or owning the security
	// budget is done by whoever holds that job. 0 means anyone can do it.
	// A plan offers an action above the person's position as one to
	// contribute to, when no other action serves the step.
	MinSeniority int `toml:"min_seniority"`
	// Requires holds the facts an action needs to be one's own, e.g.
	// team_size = 1 to write development plans for direct reports: without
	// them a plan prefers another action, else offers it to contribute to.
	Requires map[string]float64 `toml:"requires"`
	Src      Source             `toml:"-"`
}

// Within reports whether someone at a role of the given seniority can do
// the action themselves.
func (a *Action) Within(seniority int) bool { return a.MinSeniority <= seniority }

// Covers reports whether the action helps with the step from level to
// level+1.
func (a *Action) Covers(level int) bool { return a.From <= level && level < a.To }

// Bank is a whole competency model: scale, competencies, roles,
// certifications, facts, sections, questions and actions.
type Bank struct {
	Meta           Meta
	Scale          []ScaleLevel
	Competencies   []Competency
	Roles          []Role
	Certifications []Certification
	Facts          []Fact
	Sections       []Section
	Questions      []Question
	Actions        []Action

	index *index
}
