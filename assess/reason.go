package assess

// The recommendation's reasons as data: a kind with the titles, figures,
// gaps and blockers it rests on. The faces word them (internal/wording);
// Recommendation.Rationale and Plan.Rationale are left empty by the
// domain and filled by the JSON writers, for readers that want the words.

// ReasonKind says what a reason of the recommendation explains.
type ReasonKind string

// Reasons of a recommendation, in the order they are given.
const (
	// ReasonNothing: nothing is answered, so nothing is recommended.
	ReasonNothing ReasonKind = "nothing-answered"

	// Where the person starts, on Role (Readiness, Fit). ReasonStartNamed:
	// the current role names it (Named is the current role as given, when
	// it is not the role's id). The others are inferred, Unmatched being a
	// current role that names none of the bank's roles, Family the
	// person's field: ReasonStartPerforming, the most senior role of the
	// field they appear to work at; ReasonStartOther, no role of their
	// field is open yet, and Role is where the RoleFamily path starts;
	// ReasonStartBest, the role of their field that fits best.
	ReasonStartNamed      ReasonKind = "start-named"
	ReasonStartPerforming ReasonKind = "start-performing"
	ReasonStartOther      ReasonKind = "start-other-field"
	ReasonStartBest       ReasonKind = "start-best-fit"

	// ReasonUnknownTarget: the Target given is not a role of the bank.
	ReasonUnknownTarget ReasonKind = "unknown-target"

	// The next step. Growing in Role, where the person stands: it is where
	// the path leads (ReasonGrowPathEnd), its readiness is under
	// MoveReadiness (ReasonGrowBelowMove), its essential targets in Names
	// rest on unverified self-ratings (ReasonGrowUnverified), it is the
	// top of its path (ReasonGrowTop), or every move, Towards first, is
	// blocked for Months beyond PlanHorizonMonths by Blockers
	// (ReasonGrowBeyond). ReasonFieldStart: no path leads From the
	// position to Towards, in another field, and Role is where the
	// RoleFamily path starts. ReasonMove: a move to Role From the position
	// (FromReadiness), OnPath to Towards or not, with the other roles Open.
	ReasonGrowPathEnd    ReasonKind = "grow-path-end"
	ReasonGrowBelowMove  ReasonKind = "grow-below-move"
	ReasonGrowUnverified ReasonKind = "grow-unverified"
	ReasonGrowTop        ReasonKind = "grow-top"
	ReasonGrowBeyond     ReasonKind = "grow-beyond-horizon"
	ReasonFieldStart     ReasonKind = "field-start"
	ReasonMove           ReasonKind = "move"

	// ReasonCloseFirst: the Gaps (up to three) to close first while
	// growing in place.
	ReasonCloseFirst ReasonKind = "close-first"
	// ReasonLongTerm: the long-term Role (Readiness, Fit), YourTarget when
	// the person chose it, a move from Family into RoleFamily, and its
	// largest gap in Gaps.
	ReasonLongTerm ReasonKind = "long-term"
	// ReasonLongBlocked: the long-term Role is blocked for now by
	// Blockers.
	ReasonLongBlocked ReasonKind = "long-term-blocked"
	// ReasonPlacement: the person's placement You, of Shape, against the
	// long-term Role's Profile.
	ReasonPlacement ReasonKind = "placement"
	// ReasonBefore: the next step Role has Blockers to clear.
	ReasonBefore ReasonKind = "before-next"
	// ReasonUnverified: Count self-ratings sit above what the evidence
	// supports; Pattern when they are most of those the scenarios check
	// (Result.OverClaimPattern).
	ReasonUnverified ReasonKind = "unverified"
)

// Shapes of a placement: which of depth and breadth is the stronger, by
// ShapeMargin or more, or neither.
const (
	ShapeDepth    = "depth"
	ShapeBreadth  = "breadth"
	ShapeBalanced = "balanced"
	ShapeMargin   = 0.75
)

// RoleReadiness is a role's title with its readiness.
type RoleReadiness struct {
	Title     string  `json:"title"`
	Readiness float64 `json:"readiness"`
}

// Reason is one reason of the recommendation, as data; which fields it
// uses depends on Kind (see the kinds).
type Reason struct {
	Kind ReasonKind `json:"kind"`
	// Role is the title of the role the reason is about.
	Role      string  `json:"role,omitempty"`
	Readiness float64 `json:"readiness,omitempty"`
	Fit       float64 `json:"fit,omitempty"`
	// From is the position's title and FromReadiness its readiness;
	// Towards the title of the role the path leads to.
	From          string  `json:"from,omitempty"`
	FromReadiness float64 `json:"from_readiness,omitempty"`
	Towards       string  `json:"towards,omitempty"`
	// Family is the person's field; RoleFamily the role's.
	Family     string `json:"family,omitempty"`
	RoleFamily string `json:"role_family,omitempty"`
	// Named is the current role as given when it names the role by more
	// than its id; Unmatched a current role that names none. Both, and
	// Target, are copies: a result keeps no answers' text alive.
	Named     string `json:"named,omitempty"`
	Unmatched string `json:"unmatched,omitempty"`
	// Target is a target that names no role; YourTarget says the role is
	// the target the person chose.
	Target     string `json:"target,omitempty"`
	YourTarget bool   `json:"your_target,omitempty"`
	OnPath     bool   `json:"on_path,omitempty"`
	Months     int    `json:"months,omitempty"`
	Count      int    `json:"count,omitempty"`
	Pattern    bool   `json:"pattern,omitempty"`
	// Names are competencies' names.
	Names    []string        `json:"names,omitempty"`
	Gaps     []Gap           `json:"gaps,omitempty"`
	Blockers []Blocker       `json:"blockers,omitempty"`
	Open     []RoleReadiness `json:"also_open,omitempty"`
	// You and Profile are the person's placement and the role's; Shape is
	// one of ShapeDepth, ShapeBreadth and ShapeBalanced.
	You     *DimensionScores `json:"you,omitempty"`
	Profile *DimensionScores `json:"profile,omitempty"`
	Shape   string           `json:"shape,omitempty"`
}
