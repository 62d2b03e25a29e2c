package assess

import (
	"math"
	"slices"
	"sort"
)

// CalibrationGap is the difference, in levels, between a self-rating and
// the judgement shown in the scenarios for the same competency at which
// secpath flags it.
const CalibrationGap = 2.0

// Judgement moves a level a third of the way towards the judgement score,
// by at most these amounts, and only where there is evidence of work to
// move: knowing what a seasoned leader would do is real but weaker
// evidence than having done it, and the best option of a scenario can
// sometimes be spotted, so good judgement adds at most a quarter of a
// level and poor judgement takes away at most half of one.
const (
	JudgementShare = 1.0 / 3
	JudgementUp    = 0.25
	JudgementDown  = 0.5
)

// A self-rated level is unverified where it sits well above what the rest
// of the evidence supports: more than ClaimRatio times the judgement shown
// in the competency's own scenarios, or more than FactSlack above the
// level the experience facts give (team size, budget owned, incidents led,
// board exposure). The verified level is capped there. The margin is a
// ratio because the scenarios give partial credit: a seasoned person who
// picks a sound second-best answer scores 4 where the textbook answer is
// 5, so a high judgement score understates them by up to a level, while a
// low one (options a seasoned leader would not choose) is a strong signal.
// The judgement caps only where it rests on MinJudgementWeight of question
// weight or more (one scenario where the competency is the main one, or two
// where it is secondary): one aside is too little to contradict a claim.
// Judgement in one competency says little about another, so the overall
// judgement caps nothing.
const (
	ClaimRatio         = 1.3
	FactSlack          = 3.0
	MinJudgementWeight = 2.0
)

// The allowance of ClaimRatio is for a few claims a little above the
// scenarios: it explains a seasoned person's sound second-best answers,
// not self-ratings above the scenarios nearly everywhere. When at least
// OverClaimPattern of the competencies whose claims the scenarios can
// check (and at least MinPatternCompetencies of them) sit above their
// ceiling, the pattern is the person's way of rating themselves, and the
// claims are capped at the judgement itself.
const (
	OverClaimPattern       = 0.5
	MinPatternCompetencies = 5
)

// CertEvidenceWeight is the weight of a held certification's evidence of
// work beside a rating answer's weight of 1: the award checked experience
// once, the rating says what the person does now.
const CertEvidenceWeight = 0.5

// UnverifiedConfidence is the factor applied to a competency's confidence
// when its level is unverified.
const UnverifiedConfidence = 0.5

// GapTolerance is the shortfall below which a target counts as met: a
// quarter of a level is within the precision of a questionnaire.
const GapTolerance = 0.25

// Contribution is one answer's part in a competency level, for --explain.
type Contribution struct {
	Question string       `json:"question"`
	Kind     QuestionKind `json:"kind"`
	Level    float64      `json:"level"`
	// Weight is the question's weight for the competency times the
	// answer's confidence factor.
	Weight     float64    `json:"weight"`
	Confidence Confidence `json:"confidence,omitempty"`
}

// CompetencyScore is the level reached in one competency.
type CompetencyScore struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Dimension Dimension `json:"dimension"`
	// Level is built from the evidence of work (ratings, experience facts,
	// certifications held), moved by judgement within JudgementUp and
	// JudgementDown, and capped where the claims are unverified: the level
	// readiness and fit rest on. 0–5.
	Level float64 `json:"level"`
	// Claimed is the level before the cap, when the cap lowered it.
	Claimed *float64 `json:"claimed,omitempty"`
	// Unverified says the self-rating sits above what the judgement or the
	// facts support, so the level was capped and its confidence lowered.
	Unverified bool `json:"unverified,omitempty"`
	// Evidenced says there is evidence of work for the competency; without
	// it the level is 0 whatever the scenarios show.
	Evidenced bool `json:"evidenced"`
	// Assessed says the mode asked a question that gives evidence of work
	// for it; roles' readiness and fit leave out targets not assessed.
	Assessed bool `json:"assessed"`
	// Confidence is the share of this competency's question weight that was
	// answered, 0–1, halved when the level is unverified.
	Confidence float64 `json:"confidence"`
	Answered   int     `json:"answered"`
	Asked      int     `json:"asked"`
	// Self is the mean of the rating answers, Facts the highest level the
	// experience facts give, and Judgement the mean of the scenario answers,
	// when there were any.
	Self      *float64 `json:"self,omitempty"`
	Facts     *float64 `json:"facts,omitempty"`
	Judgement *float64 `json:"judgement,omitempty"`
	// NotPartOfWork says every rating answer for it chose "not part of my
	// work" rather than "not yet": the level is 0 either way, but a mentor
	// reads the gap as new ground, not as a shortfall in the current job.
	NotPartOfWork bool `json:"not_part_of_work,omitempty"`
	// Mentor is the mentor's rating of this competency, when there is one.
	Mentor        *float64       `json:"mentor,omitempty"`
	Contributions []Contribution `json:"contributions,omitempty"`
}

// DimensionScores places a person (or a role's targets) on the three axes.
type DimensionScores struct {
	TechnicalDepth   float64 `json:"technical_depth"`
	StrategicBreadth float64 `json:"strategic_breadth"`
	Leadership       float64 `json:"leadership"`
}

// Gap is a competency where the person is below a role's target.
type Gap struct {
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	Current    float64 `json:"current"`
	Target     int     `json:"target"`
	Weight     float64 `json:"weight"`
	// Priority is Weight × (Target − Current).
	Priority float64 `json:"priority"`
	// NotAnswered says no answer shows the work either way (its rating
	// skipped or left open): Current is 0 by default, and the gap is
	// ranked after those the answers show.
	NotAnswered bool `json:"not_answered,omitempty"`
	// Review is what a mentor's gap review agreed, which orders the gaps
	// (see OrderByReview); nil when the gap was not reviewed.
	Review *GapReview `json:"review,omitempty"`
}

// Blocker is a hard requirement of a role that is not met. Blockers do not
// lower readiness; they are reported beside it, and a role with an
// experience blocker is shown as blocked.
//
// A blocker is data; the faces word it (internal/wording). Message is
// left empty by the domain and filled by the JSON writers, for readers
// that want the words.
type Blocker struct {
	Kind    string `json:"kind"` // experience | certification
	Message string `json:"message"`
	// Fact, Need and Have describe an experience blocker; Name and Unit
	// are the fact's, from the bank, so the blocker words without it.
	Fact string  `json:"fact,omitempty"`
	Name string  `json:"name,omitempty"`
	Unit string  `json:"unit,omitempty"`
	Need float64 `json:"need,omitempty"`
	Have float64 `json:"have,omitempty"`
	// Months is the calendar time an experience blocker needs at the
	// earliest (0 when unknown, as when the question was not answered).
	Months int `json:"months,omitempty"`
	// NotAnswered says the fact's question was skipped; NotAsked that the
	// mode did not ask it (quick mode).
	NotAnswered bool `json:"not_answered,omitempty"`
	NotAsked    bool `json:"not_asked,omitempty"`
	// OneOf names, by abbreviation, the certifications of which employers
	// usually expect one, for a certification blocker.
	OneOf []string `json:"one_of,omitempty"`
}

// Relation places a role relative to where the person stands.
type Relation string

// Relations, in the order roles are shown.
const (
	RelCurrent  Relation = "current"  // where the person stands
	RelAhead    Relation = "ahead"    // more senior, in the person's family
	RelLateral  Relation = "lateral"  // as senior, in the person's family
	RelOther    Relation = "other"    // another family
	RelOutgrown Relation = "outgrown" // less senior, in the person's family
)

// RoleFit is how ready a person is for one role.
type RoleFit struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Track     string `json:"track"`
	Family    string `json:"family"`
	Seniority int    `json:"seniority"`
	// Readiness is the share of the role's target levels met, 0–100, on
	// verified levels, over the targets the mode assessed.
	Readiness float64 `json:"readiness"`
	// ReadinessClaimed is the readiness if every unverified claim held,
	// when it is higher.
	ReadinessClaimed *float64 `json:"readiness_claimed,omitempty"`
	// Fit is how closely the person's profile matches the role's, 0–100:
	// shortfalls, over-qualification and another family lower it.
	Fit float64 `json:"fit"`
	// Relation places the role against the person's position.
	Relation Relation `json:"relation"`
	// Blocked says an experience minimum is not met; BlockedMonths is the
	// calendar time the longest one needs.
	Blocked       bool `json:"blocked"`
	BlockedMonths int  `json:"blocked_months,omitempty"`
	// Met counts the targets reached; Assessed the targets the mode asked
	// about, of Targets in all.
	Met      int             `json:"met"`
	Assessed int             `json:"assessed"`
	Targets  int             `json:"targets"`
	Gaps     []Gap           `json:"gaps"`
	Blockers []Blocker       `json:"blockers"`
	Profile  DimensionScores `json:"target_profile"`
}

// Recommendation is the suggested path.
type Recommendation struct {
	Position     string `json:"position"`
	NextRole     string `json:"next_role"`
	LongTermRole string `json:"long_term_role"`
	// WorkTowards is the role whose gaps to work on now: the next role,
	// or, when the person grows in place because the move ahead is blocked
	// for longer than the plan's horizon, that move. Plans are drawn for it.
	WorkTowards string `json:"work_towards"`
	// Reasons explain the recommendation, as data; Rationale is the same
	// in words, left empty by the domain and filled by the JSON writers.
	Reasons   []Reason `json:"reasons"`
	Rationale []string `json:"rationale"`
}

// Calibration flags a competency where a self-rating and other evidence
// disagree.
type Calibration struct {
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	Self       float64 `json:"self"`
	// Evidence is the judgement score or the facts' level, as Against says.
	Evidence float64 `json:"evidence"`
	// Against is "judgement" or "facts".
	Against string `json:"against"`
	// Over says the self-rating is the higher of the two.
	Over bool `json:"over"`
	// Message is the flag in words: left empty by the domain, which
	// returns the flag as data, and filled by the JSON writers.
	Message string `json:"message"`
}

// Judgement is the overall situational-judgement score: the mean, over the
// scenarios answered, of the chosen option's levels weighted by what the
// question measures.
type Judgement struct {
	Score     float64 `json:"score"`
	Scenarios int     `json:"scenarios"`
}

// BankRef names the bank a result was computed with.
type BankRef struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// NoteCode names something a reader of a result should know before
// reading it.
type NoteCode string

// The notes on a result.
const (
	// NoteNothingAnswered: no question was answered, so every level and
	// readiness is 0.
	NoteNothingAnswered NoteCode = "nothing-answered"
)

// Note is one note on a result; Message is written by the renderers
// (empty in the domain).
type Note struct {
	Code    NoteCode `json:"code"`
	Message string   `json:"message,omitempty"`
}

// Result is everything the engine derives from one set of answers.
type Result struct {
	SchemaVersion  int                `json:"schema_version"`
	Bank           BankRef            `json:"bank"`
	Mode           Mode               `json:"mode"`
	Asked          int                `json:"asked"`
	Answered       int                `json:"answered"`
	Notes          []Note             `json:"notes,omitempty"`
	Facts          map[string]float64 `json:"facts"`
	Held           []HeldCert         `json:"held"`
	Competencies   []CompetencyScore  `json:"competencies"`
	Dimensions     DimensionScores    `json:"dimensions"`
	Roles          []RoleFit          `json:"roles"`
	Recommendation Recommendation     `json:"recommendation"`
	Calibration    []Calibration      `json:"calibration"`
	Certifications []CertStatus       `json:"certifications"`
	// Judgement is the overall scenario score, when scenarios were
	// answered.
	Judgement *Judgement `json:"judgement,omitempty"`
	// Family is the profession the person is in: security, it or privacy.
	Family string `json:"family"`
	// OrgSize is the size of organisation the roles were read for.
	OrgSize OrgSize `json:"org_size"`
	// Assumptions are the what-ifs the result was computed under.
	Assumptions []Assumption `json:"assumptions,omitempty"`
	// Basis says whose ratings the levels rest on: self or mentor.
	Basis Basis `json:"basis"`
	// MentorDifferences lists competencies where mentor and mentee differ
	// by a level or more.
	MentorDifferences []MentorDifference `json:"mentor_differences,omitempty"`
	// OverClaimPattern says the self-ratings sat above the scenarios'
	// allowance in most competencies, so claims were capped at the
	// judgement itself (see OverClaimPattern).
	OverClaimPattern bool `json:"over_claim_pattern,omitempty"`

	levels  map[string]float64
	claimed map[string]float64
	// assessed marks the competencies the mode gave evidence of work for.
	assessed map[string]bool
	// unknown marks the assessed competencies no answer shows either way
	// (their rating skipped or left open): level 0 by default, not by
	// evidence.
	unknown map[string]bool
}

// Level returns the computed level of a competency (0 when unknown).
func (r *Result) Level(id string) float64 { return r.levels[id] }

// RoleFit returns the fit for a role, or nil.
func (r *Result) RoleFit(id string) *RoleFit {
	for i := range r.Roles {
		if r.Roles[i].ID == id {
			return &r.Roles[i]
		}
	}
	return nil
}

// Score computes a Result from a bank and answers. Answers to questions the
// bank does not have are ignored here; the answers-file reader rejects
// them with a position before this point.
func Score(b *Bank, a *Answers) *Result { return ScoreWith(b, a, nil) }

// ScoreWith scores answers under what-if assumptions: a certification held,
// a competency at a level, a fact with a value. The assumptions replace
// what the answers say, so a mentor can ask "what if you had CISM?".
func ScoreWith(b *Bank, a *Answers, assume []Assumption) *Result {
	return ScoreOpts(b, a, ScoreOptions{Assume: assume})
}

// ScoreOptions choose the what-ifs and whose ratings the levels rest on.
type ScoreOptions struct {
	Assume []Assumption
	// Basis is BasisSelf (the default) or BasisMentor.
	Basis Basis
}

// ScoreOpts scores answers with options. Whatever the basis, a mentor's
// view (when there is one) is reported beside the mentee's for every
// competency, with the differences of a level or more.
func ScoreOpts(b *Bank, a *Answers, opts ScoreOptions) *Result {
	assume := opts.Assume
	if a == nil {
		a = NewAnswers(b, Full)
	}
	mode := a.Mode
	if mode == "" {
		mode = Full
	}
	size := OrgSizeOf(b, a)
	b = b.Sized(size.Size)
	res := &Result{
		OrgSize:       size,
		SchemaVersion: ResultSchemaVersion,
		Bank:          BankRef{Name: b.Meta.Name, Version: b.Meta.Version},
		Mode:          mode,
		Facts:         map[string]float64{},
		Held:          []HeldCert{},
		levels:        map[string]float64{},
	}
	accs := make(map[string]*evidence, len(b.Competencies))
	for _, c := range b.Competencies {
		accs[c.ID] = &evidence{}
	}
	var judgeSum float64
	var judgeN int
	for _, q := range b.QuestionsAsked(mode, a) {
		res.Asked++
		ans, ok := a.Items[q.ID]
		def := q.Def()
		given := ok && ans.Given(q.Kind)
		if given {
			res.Answered++
		}
		for comp, w := range q.Measures {
			if c := accs[comp]; c != nil {
				c.asked++
				c.askedW += w
				if def.Evidence != EvidenceJudgement {
					c.assessed = true
				}
			}
		}
		if def.Evidence == EvidenceCertificates {
			// Held certifications that attest work can evidence any
			// competency they name, so the question assesses those.
			for i := range b.Certifications {
				for comp := range b.Certifications[i].Evidence {
					if c := accs[comp]; c != nil {
						c.assessed = true
					}
				}
			}
		}
		if !given {
			continue
		}
		def.record(b, res, q, ans)
		if def.Evidence == EvidenceJudgement {
			if js, ok := questionJudgement(q, ans); ok {
				judgeSum += js
				judgeN++
			}
		}
		for comp, w := range q.Measures {
			c := accs[comp]
			if c == nil {
				continue
			}
			level, ok := def.level(q, ans, comp)
			if !ok {
				continue
			}
			c.answered++
			c.answeredW += w
			if def.Evidence == EvidenceClaim {
				c.ratings++
				if ans.Choice > 0 && ans.Choice <= len(q.Options) && q.Options[ans.Choice-1].NotRelevant {
					c.notRelevant++
				}
			}
			ew := w * ans.Confidence.factor()
			c.add(def.Evidence, level, ew)
			if def.Evidence == EvidenceJudgement {
				c.scenAsked += w
			}
			c.contributions = append(c.contributions, Contribution{Question: q.ID, Kind: q.Kind, Level: level, Weight: round(ew, 3), Confidence: ans.Confidence.canonical()})
		}
	}
	for _, as := range assume {
		switch as.Kind {
		case AssumeFact:
			res.Facts[as.ID] = as.Value
		case AssumeCert:
			if !res.holds(as.ID) {
				res.Held = append(res.Held, HeldCert{ID: as.ID})
			}
		case AssumeLevel:
			// Applied to the competency's level below, once it is built.
		}
	}
	// Certifications held that attest work count as evidence of it.
	for _, h := range res.Held {
		c := b.Certification(h.ID)
		if c == nil {
			continue
		}
		for _, comp := range sortedKeys(c.Evidence) {
			if e := accs[comp]; e != nil {
				l := float64(c.Evidence[comp])
				e.certSum += CertEvidenceWeight * l
				e.certW += CertEvidenceWeight
				e.contributions = append(e.contributions, Contribution{Question: "cert:" + c.ID, Kind: KindCertifications, Level: l, Weight: CertEvidenceWeight})
			}
		}
	}
	if judgeN > 0 {
		res.Judgement = &Judgement{Score: round(judgeSum/float64(judgeN), 2), Scenarios: judgeN}
	}
	mentor := map[string]float64{}
	mentorName := ""
	if a.Mentor != nil {
		mentor = mentorLevels(b, a.Mentor)
		mentorName = a.Mentor.Name
	}
	if opts.Basis == BasisMentor && len(mentor) > 0 {
		res.Basis = BasisMentor
	} else {
		res.Basis = BasisSelf
	}
	res.claimed = map[string]float64{}
	res.assessed = map[string]bool{}
	res.unknown = map[string]bool{}
	ratio := ClaimRatio
	if overClaimPattern(b, accs) {
		res.OverClaimPattern = true
		ratio = 1
	}
	for _, comp := range b.Competencies {
		c := accs[comp.ID]
		cs := CompetencyScore{ID: comp.ID, Name: comp.Name, Dimension: comp.Dimension, Asked: c.asked, Answered: c.answered, Contributions: c.contributions}
		cs.Assessed = c.assessed || c.evidenced()
		cs.Evidenced = c.evidenced()
		cs.NotPartOfWork = c.ratings > 0 && c.notRelevant == c.ratings
		if c.askedW > 0 {
			cs.Confidence = c.answeredW / c.askedW
		}
		if c.rateW > 0 {
			v := round(c.rateSum/c.rateW, 2)
			cs.Self = &v
		}
		if c.factSeen {
			v := c.factLevel
			cs.Facts = &v
		}
		if c.scenW > 0 {
			v := round(c.scenSum/c.scenW, 2)
			cs.Judgement = &v
		}
		claimed := c.level()
		verified := math.Min(claimed, c.ceiling(ratio))
		if m, ok := mentor[comp.ID]; ok {
			mv := round(m, 2)
			cs.Mentor = &mv
			if differs(verified, m) {
				res.MentorDifferences = append(res.MentorDifferences, mentorDifference(cs, verified, m, mentorName))
			}
			if res.Basis == BasisMentor {
				// The mentor has seen the work: their rating settles it.
				claimed, verified = m, m
			}
		}
		for _, as := range assume {
			if as.Kind == AssumeLevel && as.ID == comp.ID {
				claimed, verified = as.Value, as.Value
				cs.Assessed = true
			}
		}
		if verified < claimed-0.005 {
			cs.Unverified = true
			cv := round(claimed, 2)
			cs.Claimed = &cv
			cs.Confidence *= UnverifiedConfidence
		}
		cs.Confidence = round(cs.Confidence, 2)
		res.levels[comp.ID] = verified
		res.claimed[comp.ID] = claimed
		res.assessed[comp.ID] = cs.Assessed
		res.unknown[comp.ID] = cs.Assessed && !cs.Evidenced && verified == 0
		cs.Level = round(verified, 2)
		res.Competencies = append(res.Competencies, cs)
		res.Calibration = append(res.Calibration, calibrationFlags(cs)...)
	}
	if res.Calibration == nil {
		res.Calibration = []Calibration{}
	}
	res.Assumptions = assume
	res.Dimensions = placement(b, func(id string) (float64, bool) {
		return res.levels[id], res.assessed[id]
	})
	res.Family = personFamily(b, a, res)
	for i := range b.Roles {
		res.Roles = append(res.Roles, fitRole(b, &b.Roles[i], res))
	}
	orderRolesByReview(res, a.Mentor)
	if res.Answered == 0 {
		res.Notes = append(res.Notes, Note{Code: NoteNothingAnswered})
	}
	res.Recommendation = recommend(b, a, res)
	orderRoles(b, res)
	res.Certifications = certificationStatus(b, res)
	return res
}

// evidence gathers the answers for one competency.
type evidence struct {
	rateSum, rateW    float64 // ratings: the self-rating of work done
	certSum, certW    float64 // certifications held that attest work
	factSum, factW    float64 // facts: team size, budget, incidents, board
	scenSum, scenW    float64 // scenarios: judgement
	scenAsked         float64 // the scenarios' question weight answered, before confidence
	factLevel         float64 // the highest level a fact answer gives
	factSeen          bool
	askedW, answeredW float64
	asked, answered   int
	assessed          bool
	ratings           int // rating answers given
	notRelevant       int // of which said the work is not part of the job
	contributions     []Contribution
}

func (e *evidence) add(kind Evidence, level, w float64) {
	switch kind {
	case EvidenceJudgement:
		e.scenSum += w * level
		e.scenW += w
		return
	case EvidenceClaim:
		e.rateSum += w * level
		e.rateW += w
	case EvidenceFact:
		if !e.factSeen || level > e.factLevel {
			e.factLevel = level
		}
		e.factSeen = true
		e.factSum += w * level
		e.factW += w
	case EvidenceCertificates:
		// Certifications held count through their evidence, not here.
	case EvidenceNone:
	}
}

// evidenced reports whether there is any evidence of work.
func (e *evidence) evidenced() bool { return e.rateW > 0 || e.certW > 0 || e.factW > 0 }

// level is the competency's level before any cap: the weighted mean of the
// ratings, moved a third of the way towards the judgement score, by at
// most JudgementUp or JudgementDown. Without ratings, the certifications
// held that attest the work stand in, and without those the facts. The
// facts say how much scope someone has (a team of 35, a board briefed) and
// a certification what was checked once, not how well someone works now,
// so beside ratings they do not average in: the facts bound the claim (see
// ceiling). With no evidence of work the level is 0: a scenario alone
// never makes a level.
func (e *evidence) level() float64 {
	var done float64
	switch {
	case e.rateW > 0:
		done = e.rateSum / e.rateW
	case e.certW > 0:
		done = e.certSum / e.certW
	case e.factW > 0:
		done = e.factSum / e.factW
	default:
		return 0
	}
	if e.scenW == 0 {
		return done
	}
	move := JudgementShare * (e.scenSum/e.scenW - done)
	// Judgement refines practice; it does not replace it: the room to
	// move up grows from nothing at level 1 (aware) to JudgementUp at
	// level 2 (practising).
	up := JudgementUp * math.Max(0, math.Min(1, done-1))
	return done + math.Max(-JudgementDown, math.Min(up, move))
}

// ceiling is the highest level the evidence other than the self-rating
// supports: ClaimRatio times the competency's judgement, FactSlack above
// the facts. No ceiling applies where there is nothing to check against.
func (e *evidence) ceiling(ratio float64) float64 {
	c := float64(MaxLevel)
	if e.judgementChecks() {
		c = math.Min(c, ratio*e.scenSum/e.scenW)
	}
	if e.factSeen {
		c = math.Min(c, e.factLevel+FactSlack)
	}
	return c
}

// judgementChecks reports whether the competency's scenarios rest on
// enough question weight to check its claims.
func (e *evidence) judgementChecks() bool { return e.scenW > 0 && e.scenAsked >= MinJudgementWeight }

// overClaimPattern reports whether the self-ratings sit above the
// judgement's allowance in so many of the competencies the scenarios can
// check that the allowance no longer applies (see OverClaimPattern).
func overClaimPattern(b *Bank, accs map[string]*evidence) bool {
	checked, above := 0, 0
	for _, comp := range b.Competencies {
		e := accs[comp.ID]
		if e == nil || e.rateW == 0 || !e.judgementChecks() {
			continue
		}
		checked++
		if e.level() > e.ceiling(ClaimRatio)+0.005 {
			above++
		}
	}
	return checked >= MinPatternCompetencies && float64(above) >= OverClaimPattern*float64(checked)
}

// questionJudgement is the judgement one scenario answer shows: the chosen
// option's levels averaged with the question's weights.
func questionJudgement(q *Question, ans Answer) (float64, bool) {
	var sum, w float64
	for _, comp := range sortedKeys(q.Measures) {
		if l, ok := q.Def().level(q, ans, comp); ok {
			sum += q.Measures[comp] * l
			w += q.Measures[comp]
		}
	}
	if w == 0 {
		return 0, false
	}
	return sum / w, true
}

// calibrationFlags lists where the self-rating and the other evidence
// disagree: by CalibrationGap or more against the judgement score (either
// way), or by more than FactSlack above what the facts give.
func calibrationFlags(cs CompetencyScore) []Calibration {
	var out []Calibration
	if cs.Self == nil {
		return out
	}
	self := *cs.Self
	if cs.Judgement != nil && math.Abs(self-*cs.Judgement) >= CalibrationGap {
		out = append(out, Calibration{Competency: cs.ID, Name: cs.Name, Self: self, Evidence: *cs.Judgement, Against: "judgement", Over: self > *cs.Judgement})
	}
	if cs.Facts != nil && self > *cs.Facts+FactSlack {
		out = append(out, Calibration{Competency: cs.ID, Name: cs.Name, Self: self, Evidence: *cs.Facts, Against: "facts", Over: true})
	}
	return out
}

// placement computes the three axes from a level lookup. Technical depth
// is the mean of the three highest technical levels (depth is about a few
// specialisms); strategic breadth and leadership are the means over every
// competency of their dimension (breadth is about coverage). Competencies
// not in play (ok false) are left out.
func placement(b *Bank, level func(id string) (float64, bool)) DimensionScores {
	var tech, strat, lead []float64
	for _, c := range b.Competencies {
		l, ok := level(c.ID)
		if !ok {
			continue
		}
		switch c.Dimension {
		case Technical:
			tech = append(tech, l)
		case Strategic:
			strat = append(strat, l)
		case Leadership:
			lead = append(lead, l)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(tech)))
	return DimensionScores{
		TechnicalDepth:   round(mean(tech[:min(3, len(tech))]), 2),
		StrategicBreadth: round(mean(strat), 2),
		Leadership:       round(mean(lead), 2),
	}
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

// Fit: a level above a target counts OverShare of a level short against
// the profile (someone far above a role is not the role's profile), and a
// role in another family than the person's keeps OtherFamilyFit of it.
const (
	OverShare      = 0.5
	OtherFamilyFit = 0.75
)

// fitRole computes readiness, fit, gaps and blockers for one role, over the
// targets whose competency the mode assessed.
//
// Readiness = 100 × Σ w·min(level, target) / Σ w·target: a competency
// above its target earns no extra credit. Fit = 100 × (1 − Σ w·(short +
// OverShare·over) / Σ w·target), at least 0, × OtherFamilyFit for another
// family.
func fitRole(b *Bank, ro *Role, res *Result) RoleFit {
	fit := RoleFit{ID: ro.ID, Title: ro.Title, Track: ro.Track, Family: ro.FamilyName(), Seniority: ro.Seniority, Targets: len(ro.Targets), Gaps: []Gap{}, Blockers: []Blocker{}}
	var got, gotClaimed, want, miss float64
	targetLevels := map[string]float64{}
	for _, t := range ro.Targets {
		targetLevels[t.Competency] = float64(t.Level)
		if !res.assessed[t.Competency] {
			continue
		}
		fit.Assessed++
		l, target := res.levels[t.Competency], float64(t.Level)
		got += t.Weight * math.Min(l, target)
		gotClaimed += t.Weight * math.Min(res.claimed[t.Competency], target)
		want += t.Weight * target
		miss += t.Weight * (math.Max(0, target-l) + OverShare*math.Max(0, l-target))
		if l >= target-GapTolerance {
			fit.Met++
			continue
		}
		name := t.Competency
		if c := b.Competency(t.Competency); c != nil {
			name = c.Name
		}
		fit.Gaps = append(fit.Gaps, Gap{
			Competency: t.Competency, Name: name, Current: round(l, 2), Target: t.Level,
			Weight: t.Weight, Priority: round(t.Weight*(target-l), 2), NotAnswered: res.unknown[t.Competency],
		})
	}
	if want > 0 {
		fit.Readiness = round(100*got/want, 1)
		if c := round(100*gotClaimed/want, 1); c > fit.Readiness {
			fit.ReadinessClaimed = &c
		}
		f := math.Max(0, 1-miss/want)
		if ro.FamilyName() != res.Family {
			f *= OtherFamilyFit
		}
		fit.Fit = round(100*f, 1)
	}
	// A gap no answer shows comes after those the answers show, whatever
	// its priority: answering it comes before planning around it.
	sort.SliceStable(fit.Gaps, func(i, j int) bool {
		gi, gj := fit.Gaps[i], fit.Gaps[j]
		if gi.NotAnswered != gj.NotAnswered {
			return !gi.NotAnswered
		}
		if gi.Priority != gj.Priority {
			return gi.Priority > gj.Priority
		}
		return gi.Weight > gj.Weight
	})
	fit.Profile = placement(b, func(id string) (float64, bool) { return targetLevels[id], true })
	fit.Blockers = blockers(b, ro, res)
	for _, bl := range fit.Blockers {
		if bl.Kind == "experience" {
			fit.Blocked = true
			fit.BlockedMonths = max(fit.BlockedMonths, bl.Months)
		}
	}
	return fit
}

func blockers(b *Bank, ro *Role, res *Result) []Blocker {
	out := []Blocker{}
	for _, fact := range sortedKeys(ro.Experience) {
		if bl, short := experienceBlocker(b, res, fact, ro.Experience[fact]); short {
			out = append(out, bl)
		}
	}
	if len(ro.ExpectsOneOf) > 0 {
		held := false
		for _, id := range ro.ExpectsOneOf {
			if res.holds(id) {
				held = true
				break
			}
		}
		if !held {
			out = append(out, Blocker{Kind: "certification", OneOf: certLabels(b, ro.ExpectsOneOf)})
		}
	}
	return out
}

// experienceBlocker checks one experience minimum against the facts: when
// it is not met, the blocker says by how much and how many months it needs
// at the earliest, or that its question was not answered or not asked.
// Role requirements and certification rules share it.
func experienceBlocker(b *Bank, res *Result, fact string, need float64) (Blocker, bool) {
	have, ok := res.Facts[fact]
	if ok && have >= need {
		return Blocker{}, false
	}
	bl := Blocker{Kind: "experience", Fact: fact, Name: fact, Need: need, Have: have}
	if f := b.Fact(fact); f != nil {
		bl.Name, bl.Unit = f.Name, f.Unit
	}
	switch {
	case ok:
		bl.Months = int(math.Ceil((need - have) * 12))
	case !factAsked(b, res.Mode, fact):
		bl.NotAsked = true
	default:
		bl.NotAnswered = true
	}
	return bl, true
}

// factAsked reports whether the mode asks a question that records the fact.
func factAsked(b *Bank, mode Mode, fact string) bool {
	for _, q := range b.QuestionsFor(mode) {
		if q.Fact == fact {
			return true
		}
	}
	return false
}

func (r *Result) holds(id string) bool {
	return slices.ContainsFunc(r.Held, func(h HeldCert) bool { return h.ID == id })
}
