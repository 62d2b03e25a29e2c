package assess

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// CalibrationGap is the difference, in levels, between a self-rating and
// the scenario evidence for the same competency at which secpath flags it.
const CalibrationGap = 2.0

// ScenarioShare is the part of a competency's level that comes from the
// scenario answers when there are also answers about what the person has
// done. Scenarios show judgement (knowing what a seasoned leader would do),
// which is real evidence but weaker than having done it, so they count for
// a third and the person's record for two thirds.
const ScenarioShare = 1.0 / 3

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
	// Level is the weighted mean of the answers' levels, 0–5.
	Level float64 `json:"level"`
	// Confidence is the share of this competency's question weight that was
	// answered, 0–1.
	Confidence float64 `json:"confidence"`
	Answered   int     `json:"answered"`
	Asked      int     `json:"asked"`
	// Self and Scenario are the means of the rating and scenario answers
	// alone, when there were any.
	Self     *float64 `json:"self,omitempty"`
	Scenario *float64 `json:"scenario,omitempty"`
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
}

// Blocker is a hard requirement of a role that is not met. Blockers do not
// lower readiness; they are reported beside it.
type Blocker struct {
	Kind    string `json:"kind"` // experience | certification
	Message string `json:"message"`
}

// RoleFit is how ready a person is for one role.
type RoleFit struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Track     string  `json:"track"`
	Seniority int     `json:"seniority"`
	Readiness float64 `json:"readiness"`
	// Met counts the targets reached.
	Met      int             `json:"met"`
	Targets  int             `json:"targets"`
	Gaps     []Gap           `json:"gaps"`
	Blockers []Blocker       `json:"blockers"`
	Profile  DimensionScores `json:"target_profile"`
}

// Recommendation is the suggested path.
type Recommendation struct {
	Position     string   `json:"position"`
	NextRole     string   `json:"next_role"`
	LongTermRole string   `json:"long_term_role"`
	Rationale    []string `json:"rationale"`
}

// Calibration flags a competency where self-rating and scenario evidence
// disagree.
type Calibration struct {
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	Self       float64 `json:"self"`
	Evidence   float64 `json:"evidence"`
	Message    string  `json:"message"`
}

// BankRef names the bank a result was computed with.
type BankRef struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Result is everything the engine derives from one set of answers.
type Result struct {
	SchemaVersion  int                `json:"schema_version"`
	Bank           BankRef            `json:"bank"`
	Mode           Mode               `json:"mode"`
	Asked          int                `json:"asked"`
	Answered       int                `json:"answered"`
	Notes          []string           `json:"notes,omitempty"`
	Facts          map[string]float64 `json:"facts"`
	Held           []HeldCert         `json:"held"`
	Competencies   []CompetencyScore  `json:"competencies"`
	Dimensions     DimensionScores    `json:"dimensions"`
	Roles          []RoleFit          `json:"roles"`
	Recommendation Recommendation     `json:"recommendation"`
	Calibration    []Calibration      `json:"calibration"`
	Certifications []CertStatus       `json:"certifications"`
	// Assumptions are the what-ifs the result was computed under.
	Assumptions []Assumption `json:"assumptions,omitempty"`
	// Basis says whose ratings the levels rest on: self or mentor.
	Basis Basis `json:"basis"`
	// MentorDifferences lists competencies where mentor and mentee differ
	// by a level or more.
	MentorDifferences []MentorDifference `json:"mentor_differences,omitempty"`

	levels map[string]float64
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
	res := &Result{
		SchemaVersion: SchemaVersion,
		Bank:          BankRef{Name: b.Meta.Name, Version: b.Meta.Version},
		Mode:          mode,
		Facts:         map[string]float64{},
		Held:          []HeldCert{},
		levels:        map[string]float64{},
	}
	type acc struct {
		doneSum, doneW    float64 // ratings and experience: what was done
		rateSum, rateW    float64 // ratings alone, for calibration
		scenSum, scenW    float64 // scenarios: judgement
		askedW, answeredW float64
		asked, answered   int
		contributions     []Contribution
	}
	accs := make(map[string]*acc, len(b.Competencies))
	for _, c := range b.Competencies {
		accs[c.ID] = &acc{}
	}
	for _, q := range b.QuestionsFor(mode) {
		res.Asked++
		ans, ok := a.Items[q.ID]
		given := ok && ans.Given(q.Kind)
		if given {
			res.Answered++
		}
		for comp, w := range q.Measures {
			if c := accs[comp]; c != nil {
				c.asked++
				c.askedW += w
			}
		}
		if !given {
			continue
		}
		recordFact(b, res, q, ans)
		for comp, w := range q.Measures {
			c := accs[comp]
			if c == nil {
				continue
			}
			level, ok := answerLevel(q, ans, comp)
			if !ok {
				continue
			}
			c.answered++
			c.answeredW += w
			ew := w * ans.Confidence.factor()
			if q.Kind == KindScenario {
				c.scenSum += ew * level
				c.scenW += ew
			} else {
				c.doneSum += ew * level
				c.doneW += ew
			}
			if q.Kind == KindRating {
				c.rateSum += ew * level
				c.rateW += ew
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
		}
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
	for _, comp := range b.Competencies {
		c := accs[comp.ID]
		cs := CompetencyScore{ID: comp.ID, Name: comp.Name, Dimension: comp.Dimension, Asked: c.asked, Answered: c.answered, Contributions: c.contributions}
		cs.Level = blend(c.doneSum, c.doneW, c.scenSum, c.scenW)
		if c.askedW > 0 {
			cs.Confidence = round(c.answeredW/c.askedW, 2)
		}
		if c.rateW > 0 {
			v := round(c.rateSum/c.rateW, 2)
			cs.Self = &v
		}
		if c.scenW > 0 {
			v := round(c.scenSum/c.scenW, 2)
			cs.Scenario = &v
		}
		if m, ok := mentor[comp.ID]; ok {
			mv := round(m, 2)
			cs.Mentor = &mv
			own := cs.Level
			if differs(own, m) {
				res.MentorDifferences = append(res.MentorDifferences, mentorDifference(cs, own, m, mentorName))
			}
			if res.Basis == BasisMentor {
				cs.Level = m
			}
		}
		for _, as := range assume {
			if as.Kind == AssumeLevel && as.ID == comp.ID {
				cs.Level = as.Value
			}
		}
		res.levels[comp.ID] = cs.Level
		cs.Level = round(cs.Level, 2)
		res.Competencies = append(res.Competencies, cs)
		if cs.Self != nil && cs.Scenario != nil && math.Abs(*cs.Self-*cs.Scenario) >= CalibrationGap {
			res.Calibration = append(res.Calibration, calibrationFlag(cs))
		}
	}
	if res.Calibration == nil {
		res.Calibration = []Calibration{}
	}
	res.Assumptions = assume
	res.Dimensions = placement(b, func(id string) (float64, bool) {
		return res.levels[id], accs[id].asked > 0 || res.levels[id] > 0
	})
	for i := range b.Roles {
		res.Roles = append(res.Roles, fitRole(b, &b.Roles[i], res))
	}
	// Highest readiness first; ties by seniority (lower first, the nearer
	// step) and then bank order, which the stable sort keeps.
	sort.SliceStable(res.Roles, func(i, j int) bool {
		if res.Roles[i].Readiness != res.Roles[j].Readiness {
			return res.Roles[i].Readiness > res.Roles[j].Readiness
		}
		return res.Roles[i].Seniority < res.Roles[j].Seniority
	})
	if res.Answered == 0 {
		res.Notes = append(res.Notes, "Nothing was answered yet: every level and readiness is 0. Answer the questions (secpath, or fill in the answers file) to see where you stand.")
	}
	res.Recommendation = recommend(b, a, res)
	res.Certifications = certificationStatus(b, res)
	return res
}

// blend combines the weighted mean of what was done with the weighted mean
// of the scenario answers, ScenarioShare to the scenarios; when only one
// kind of evidence exists, it alone decides.
func blend(doneSum, doneW, scenSum, scenW float64) float64 {
	switch {
	case doneW > 0 && scenW > 0:
		return (1-ScenarioShare)*doneSum/doneW + ScenarioShare*scenSum/scenW
	case doneW > 0:
		return doneSum / doneW
	case scenW > 0:
		return scenSum / scenW
	}
	return 0
}

// answerLevel is the level an answer gives one measured competency.
func answerLevel(q *Question, ans Answer, comp string) (float64, bool) {
	switch q.Kind {
	case KindRating, KindScenario:
		if ans.Choice < 1 || ans.Choice > len(q.Options) {
			return 0, false
		}
		l, ok := q.Options[ans.Choice-1].LevelFor(comp)
		return float64(l), ok
	case KindNumber:
		if ans.Number == nil || len(q.Bands) == 0 {
			return 0, false
		}
		l := 0
		for _, t := range q.Bands {
			if *ans.Number >= t {
				l++
			}
		}
		return float64(min(l, MaxLevel)), true
	case KindYesNo:
		if ans.Bool == nil || q.YesLevel == nil || q.NoLevel == nil {
			return 0, false
		}
		if *ans.Bool {
			return float64(*q.YesLevel), true
		}
		return float64(*q.NoLevel), true
	}
	return 0, false
}

// recordFact stores the experience facts and certifications an answer
// gives. When two questions record the same fact the larger value wins.
func recordFact(b *Bank, res *Result, q *Question, ans Answer) {
	switch q.Kind {
	case KindNumber:
		if q.Fact != "" && ans.Number != nil {
			if old, ok := res.Facts[q.Fact]; !ok || *ans.Number > old {
				res.Facts[q.Fact] = *ans.Number
			}
		}
	case KindYesNo:
		if q.Fact != "" && ans.Bool != nil {
			v := 0.0
			if *ans.Bool {
				v = 1
			}
			res.Facts[q.Fact] = max(res.Facts[q.Fact], v)
		}
	case KindCertifications:
		for _, h := range ans.Held {
			// The bank's id, not the answer's: a result must not keep
			// the answers file's text alive (see canonical).
			if c := b.Certification(h.ID); c != nil && !slices.ContainsFunc(res.Held, func(x HeldCert) bool { return x.ID == h.ID }) {
				res.Held = append(res.Held, HeldCert{ID: c.ID, Year: h.Year})
			}
		}
	}
}

func calibrationFlag(cs CompetencyScore) Calibration {
	c := Calibration{Competency: cs.ID, Name: cs.Name, Self: *cs.Self, Evidence: *cs.Scenario}
	if c.Self > c.Evidence {
		c.Message = fmt.Sprintf("You rated yourself %.1f in %s, but your scenario answers point to %.1f. Bring a concrete example to your mentor: which is closer to what you have done?", c.Self, cs.Name, c.Evidence)
	} else {
		c.Message = fmt.Sprintf("Your scenario choices in %s (%.1f) are ahead of the experience you rated (%.1f): you know what good looks like. Look for a chance to do it, or note evidence you may have underrated.", cs.Name, c.Evidence, c.Self)
	}
	return c
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

// fitRole computes readiness, gaps and blockers for one role.
//
// Readiness = 100 × Σ w·min(level, target) / Σ w·target over the role's
// targets: a competency above its target earns no extra credit.
func fitRole(b *Bank, ro *Role, res *Result) RoleFit {
	fit := RoleFit{ID: ro.ID, Title: ro.Title, Track: ro.Track, Seniority: ro.Seniority, Targets: len(ro.Targets), Gaps: []Gap{}, Blockers: []Blocker{}}
	var got, want float64
	targetLevels := map[string]float64{}
	for _, t := range ro.Targets {
		l := res.levels[t.Competency]
		got += t.Weight * math.Min(l, float64(t.Level))
		want += t.Weight * float64(t.Level)
		targetLevels[t.Competency] = float64(t.Level)
		if l >= float64(t.Level)-GapTolerance {
			fit.Met++
			continue
		}
		name := t.Competency
		if c := b.Competency(t.Competency); c != nil {
			name = c.Name
		}
		fit.Gaps = append(fit.Gaps, Gap{
			Competency: t.Competency, Name: name, Current: round(l, 2), Target: t.Level,
			Weight: t.Weight, Priority: round(t.Weight*(float64(t.Level)-l), 2),
		})
	}
	if want > 0 {
		fit.Readiness = round(100*got/want, 1)
	}
	sort.SliceStable(fit.Gaps, func(i, j int) bool {
		gi, gj := fit.Gaps[i], fit.Gaps[j]
		if gi.Priority != gj.Priority {
			return gi.Priority > gj.Priority
		}
		return gi.Weight > gj.Weight
	})
	fit.Profile = placement(b, func(id string) (float64, bool) { return targetLevels[id], true })
	fit.Blockers = blockers(b, ro, res)
	return fit
}

func blockers(b *Bank, ro *Role, res *Result) []Blocker {
	out := []Blocker{}
	for _, fact := range sortedKeys(ro.Experience) {
		need := ro.Experience[fact]
		have, ok := res.Facts[fact]
		if ok && have >= need {
			continue
		}
		out = append(out, Blocker{Kind: "experience", Message: experienceShortfall(b, fact, need, have, ok)})
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
			out = append(out, Blocker{Kind: "certification", Message: fmt.Sprintf("Employers usually expect one of %s; none is recorded.", certList(b, ro.ExpectsOneOf))})
		}
	}
	return out
}

func (r *Result) holds(id string) bool {
	return slices.ContainsFunc(r.Held, func(h HeldCert) bool { return h.ID == id })
}
