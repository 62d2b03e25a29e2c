package assess

// The plan's timeline, certification roadmap, check-ins and estimate, as
// data: kinds with their numbers, dates, ids and titles. The formats word
// them (internal/wording); the text fields here are left empty by the
// domain and filled by the JSON writer, for readers that want the words.

// Phase is one stretch of the timeline.
type Phase struct {
	// Months is how far from the start the phase reaches; 0 for the last
	// phase, which holds whatever falls after TimelineMonths.
	Months int `json:"months"`
	// Name is the phase in words, written by the formats from Months; the
	// domain leaves it empty.
	Name  string         `json:"name"`
	From  Date           `json:"from"`
	To    Date           `json:"to"`
	Items []TimelineItem `json:"items"`
}

// Later reports whether the phase is the last one, after the dated ones.
func (ph Phase) Later() bool { return ph.Months == 0 }

// TimelineKind says what a dated item is.
type TimelineKind string

// Kinds of timeline item.
const (
	ItemStart         TimelineKind = "start"         // an action starts
	ItemGoal          TimelineKind = "goal"          // a goal's step is due
	ItemStep          TimelineKind = "step"          // a later step is due
	ItemCertification TimelineKind = "certification" // a certification's experience rule should be met
	ItemRequirement   TimelineKind = "requirement"   // a role's experience minimum is met at the earliest
)

// TimelineItem is one dated event of the plan, as data: the formats word
// it.
type TimelineItem struct {
	Date Date         `json:"date"`
	Kind TimelineKind `json:"kind"`
	// Goal is the goal's number for start, goal and step items.
	Goal int `json:"goal,omitempty"`
	// Name is the competency's name (goal, step), the certification's
	// abbreviation or the experience fact's name.
	Name string `json:"name,omitempty"`
	// Step is the level step, e.g. "3→4", for start, goal and step items.
	Step string `json:"step,omitempty"`
	// Title, Category and Reach describe the action that starts.
	Title    string   `json:"title,omitempty"`
	Category Category `json:"category,omitempty"`
	Reach    Reach    `json:"reach,omitempty"`
	// Rule is the certification rule's version.
	Rule string `json:"rule,omitempty"`
	// Role, Need and Unit describe a requirement: the role's minimum.
	Role string  `json:"role,omitempty"`
	Need float64 `json:"need,omitempty"`
	Unit string  `json:"unit,omitempty"`
}

// CertReasonKind says why a certification is on the roadmap.
type CertReasonKind string

// Reasons for a certification on the roadmap.
const (
	// ReasonExpected: employers usually expect one of the role's listed
	// certifications.
	ReasonExpected CertReasonKind = "expected"
	// ReasonUseful: the role lists it as commonly asked for or useful.
	ReasonUseful CertReasonKind = "useful"
)

// CertReason is why a certification is on the roadmap, as data.
type CertReason struct {
	Kind CertReasonKind `json:"kind"`
	// Role is the planned role's title.
	Role string `json:"role"`
	// OneOf lists the certifications the role expects one of, by
	// abbreviation, for ReasonExpected.
	OneOf []string `json:"one_of,omitempty"`
}

// StudyDomain is an exam domain that covers one of the plan's gaps.
type StudyDomain struct {
	Name string `json:"name"`
	// Weight is the domain's share of the exam in per cent; 0 when the
	// body publishes none.
	Weight float64 `json:"weight,omitempty"`
}

// CertStep is a certification on the roadmap.
type CertStep struct {
	CertStatus
	Reason CertReason `json:"reason"`
	// Why is Reason in words, written by the formats; the domain leaves it
	// empty.
	Why string `json:"why"`
	// From is when the experience rule should be met, given the years
	// recorded; empty when it is met already or held.
	From *Date `json:"from,omitempty"`
	// StudyDomains are the exam's domains that cover the plan's gaps, and
	// Study the same in words, written by the formats.
	StudyDomains []StudyDomain `json:"study_domains"`
	Study        []string      `json:"study"`
}

// CheckPointKind says what a check-in reviews.
type CheckPointKind string

// What a check-in reviews.
const (
	// PointCompare: assess again and compare with the plan (Role).
	PointCompare CheckPointKind = "compare"
	// PointAgree: agree the next quarter's priorities and dates.
	PointAgree CheckPointKind = "agree"
	// PointRefresh: refresh the plan's goals and certification roadmap.
	PointRefresh CheckPointKind = "refresh"
	// PointActionDue: an action falls due (Goal, Title, Due, Evidence).
	PointActionDue CheckPointKind = "action-due"
	// PointInFlight: no action falls due; review those in flight.
	PointInFlight CheckPointKind = "in-flight"
)

// CheckPoint is one thing a check-in reviews, as data.
type CheckPoint struct {
	Kind CheckPointKind `json:"kind"`
	// Role is the planned role's title, for PointCompare.
	Role string `json:"role,omitempty"`
	// Goal, Title, Due and Evidence describe the action of PointActionDue.
	Goal     int    `json:"goal,omitempty"`
	Title    string `json:"title,omitempty"`
	Due      *Date  `json:"due,omitempty"`
	Evidence string `json:"evidence,omitempty"`
	// Agreed and Owner mark an action agreed with the mentor, which has
	// no evidence from the bank.
	Agreed bool   `json:"agreed,omitempty"`
	Owner  string `json:"owner,omitempty"`
}

// CheckIn is a dated review.
type CheckIn struct {
	Date   Date         `json:"date"`
	Kind   string       `json:"kind"` // monthly | quarterly
	Points []CheckPoint `json:"points"`
	// Review is Points in words, written by the formats; the domain
	// leaves it empty.
	Review []string `json:"review"`
}

// Estimate bounds: what sets the low end of the time to readiness.
const (
	BoundNone       = "none"       // nothing to close
	BoundLevels     = "levels"     // the level steps
	BoundExperience = "experience" // the longest experience requirement
)

// PremiseKind says what an estimate rests on.
type PremiseKind string

// What an estimate rests on.
const (
	// PremiseAllMet: every target is met; hard requirements remain.
	PremiseAllMet PremiseKind = "all-met"
	// PremiseSteps: Steps level steps across Gaps gaps, Longest at most
	// in one.
	PremiseSteps PremiseKind = "level-steps"
	// PremisePace: a level step takes Low to High months.
	PremisePace PremiseKind = "pace"
	// PremiseParallel: up to Goals goals at once.
	PremiseParallel PremiseKind = "parallel"
	// PremiseReadyAt: ready is Low percent of the role with every
	// essential target met; Gaps gaps get there, Rest are growth beyond.
	PremiseReadyAt PremiseKind = "ready-at"
	// PremiseAlreadyReady: readiness is Low percent or more with every
	// essential target met already; the Rest gaps are growth in the role.
	PremiseAlreadyReady PremiseKind = "already-ready"
	// PremiseLaterGaps: the plan's Goals goals take the largest gaps;
	// Rest more follow, so readiness comes after the goals' dates.
	PremiseLaterGaps PremiseKind = "later-gaps"
	// PremiseNotKnown: an experience requirement left out as its fact is
	// not known (Blocker).
	PremiseNotKnown PremiseKind = "experience-not-known"
	// PremiseCalendar: an experience requirement runs on calendar time
	// (Blocker).
	PremiseCalendar PremiseKind = "experience-calendar"
	// PremiseExperienceSets: the longest experience requirement (Fact,
	// Months) sets the estimate's start.
	PremiseExperienceSets PremiseKind = "experience-sets-start"
	// PremiseExperienceWithin: the level steps take at least as long as
	// the longest experience requirement (Fact, Months).
	PremiseExperienceWithin PremiseKind = "experience-within"
)

// Premise is one thing the estimate rests on, as data.
type Premise struct {
	Kind    PremiseKind `json:"kind"`
	Steps   int         `json:"steps,omitempty"`
	Gaps    int         `json:"gaps,omitempty"`
	Longest int         `json:"longest,omitempty"`
	Low     int         `json:"low,omitempty"`
	High    int         `json:"high,omitempty"`
	Goals   int         `json:"goals,omitempty"`
	Rest    int         `json:"rest,omitempty"`
	Months  int         `json:"months,omitempty"`
	// Fact is the experience fact's name, as the bank gives it.
	Fact string `json:"fact,omitempty"`
	// Blocker is the experience requirement the premise is about.
	Blocker *PlanBlocker `json:"blocker,omitempty"`
}

// Estimate is the time to readiness as a range, with its assumptions.
type Estimate struct {
	MinMonths int `json:"min_months"`
	MaxMonths int `json:"max_months"`
	// LevelSteps counts the whole level steps across the role's gaps;
	// LongestSteps is the most in one gap, taken one after another.
	LevelSteps   int `json:"level_steps"`
	LongestSteps int `json:"longest_steps"`
	// ExperienceMonths is the calendar time the role's longest experience
	// requirement needs at the earliest: the estimate is never shorter.
	ExperienceMonths int `json:"experience_months"`
	// Bound says what sets MinMonths: none, levels or experience.
	Bound    string    `json:"bound"`
	Premises []Premise `json:"premises"`
	// Assumptions are Premises in words, written by the formats; the
	// domain leaves them empty.
	Assumptions []string `json:"assumptions"`
}
