package wording

import (
	"fmt"
	"strings"

	"github.com/secpath/secpath/assess"
)

// The development plan in words. assess.BuildPlan returns the plan as
// data (kinds, numbers, dates, ids and titles); every sentence a format
// prints of it is written here, once, so the Markdown, the HTML page, the
// CSV and the JSON's text fields read alike. Each function returns plain
// text: every format escapes it its own way.

// dateLong writes a date as the goal statements do: "1 August 2027".
const dateLong = "2 January 2006"

// lowerFirst lowers a phrase's first letter for use inside a sentence.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// orList joins names as "A, B or C".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// PlanClaimed is the readiness a role's unverified self-ratings would
// give, when it shows higher than the readiness, or "".
func PlanClaimed(r assess.PlanRole) string {
	if r.ReadinessClaimed == nil || Percent(*r.ReadinessClaimed) == Percent(r.Readiness) || *r.ReadinessClaimed < r.Readiness {
		return ""
	}
	return Percent(*r.ReadinessClaimed) + " if your unverified self-ratings hold"
}

// PlanReadiness is a planned role's readiness, with the figure its
// unverified self-ratings would give when that is higher: "40% (55% if
// your unverified self-ratings hold)".
func PlanReadiness(r assess.PlanRole) string {
	if c := PlanClaimed(r); c != "" {
		return Percent(r.Readiness) + " (" + c + ")"
	}
	return Percent(r.Readiness)
}

// RoleStanding is readiness and fit in one phrase: "readiness 40%, fit
// 52%", or "readiness 40%, or 55% if your unverified self-ratings hold;
// fit 52%".
func RoleStanding(r assess.PlanRole) string {
	s := "readiness " + Percent(r.Readiness)
	if c := PlanClaimed(r); c != "" {
		s += ", or " + c + ";"
	} else {
		s += ","
	}
	return s + " fit " + Percent(r.Fit)
}

// PlanBlocked says how long the planned role is blocked, or "" when it is
// not.
func PlanBlocked(p *assess.Plan) string {
	if !p.Role.Blocked {
		return ""
	}
	if until := p.BlockedUntil(); until != nil {
		return fmt.Sprintf("until %s at the earliest (%s of experience to gain)", until, Count(p.Role.BlockedMonths, "month", "months"))
	}
	return "by an experience requirement not answered yet"
}

// PlanBlocker is a blocker's message with its earliest date.
func PlanBlocker(bl assess.PlanBlocker) string {
	if bl.Earliest == nil {
		return BlockerMessage(bl.Blocker)
	}
	return fmt.Sprintf("%s Earliest: %s.", BlockerMessage(bl.Blocker), bl.Earliest)
}

// PlanJudgement is the overall scenario score, or "" when no scenario
// was answered.
func PlanJudgement(j *assess.Judgement) string {
	if j == nil || j.Scenarios == 0 {
		return ""
	}
	return Judgement(j)
}

// MentorBasis says the levels rest on the mentor's ratings; name is the
// mentor's, empty when not given.
func MentorBasis(name string) string {
	if name == "" {
		name = "your mentor"
	}
	return fmt.Sprintf("Levels use %s's ratings wherever %s gave one, and your answers elsewhere.", name, name)
}

// PlanBasis is MentorBasis for a plan that rests on the mentor's
// ratings, or "".
func PlanBasis(p *assess.Plan) string {
	if p.Basis != assess.BasisMentor {
		return ""
	}
	name := ""
	if p.Mentor != nil {
		name = p.Mentor.Name
	}
	return MentorBasis(name)
}

// Strength is a competency at target with its level: "Risk management
// (3.5)".
func Strength(s assess.Strength) string { return fmt.Sprintf("%s (%.1f)", s.Name, s.Level) }

// Strengths words every strength of the plan, strongest first.
func Strengths(xs []assess.Strength) []string {
	out := make([]string, 0, len(xs))
	for _, s := range xs {
		out = append(out, Strength(s))
	}
	return out
}

// GoalLevel is a goal competency's level today, with the unverified
// claim.
func GoalLevel(g assess.Goal) string {
	s := fmt.Sprintf("%.1f", g.Current)
	if g.Unverified && g.Claimed != nil {
		s += fmt.Sprintf(" (you rated %.1f: unverified until a mentor has seen the work)", *g.Claimed)
	}
	return s
}

// GoalJudgement is the goal competency's scenario score in words.
func GoalJudgement(g assess.Goal) string {
	if g.Judgement == nil {
		return "no scenario answered for it"
	}
	return fmt.Sprintf("%.1f in its scenarios", *g.Judgement)
}

// Step writes a level step as "2 → 3".
func Step(from, to int) string { return fmt.Sprintf("%d → %d", from, to) }

// roleTitle finds a role's title among the plan's roles.
func roleTitle(p *assess.Plan, id string) string {
	for _, r := range p.Roles {
		if r.ID == id {
			return r.Title
		}
	}
	if id == p.Role.ID {
		return p.Role.Title
	}
	return id
}

// GoalLater lists the goal's later steps with their dates and the target
// they reach, or says the goal reaches the target.
func GoalLater(p *assess.Plan, g assess.Goal) string {
	if len(g.Later) == 0 {
		return fmt.Sprintf("%d, the target for %s, reached by this goal", g.Target, roleTitle(p, g.Role))
	}
	var parts []string
	for _, s := range g.Later {
		parts = append(parts, fmt.Sprintf("%s by %s", Step(s.From, s.To), s.Due))
	}
	return fmt.Sprintf("%s, reaching the target of %d for %s", strings.Join(parts, ", "), g.Target, roleTitle(p, g.Role))
}

// GoalDue is a goal's due date, saying when it was agreed.
func GoalDue(g assess.Goal) string {
	if g.Agreed {
		return g.Due.String() + ", as agreed with your mentor"
	}
	return g.Due.String()
}

// firstStep lists the actions of the goal's own step.
func firstStep(g assess.Goal) []assess.PlanAction {
	var out []assess.PlanAction
	step := fmt.Sprintf("%d→%d", g.From, g.To)
	for _, a := range g.Actions {
		if a.Step == step {
			out = append(out, a)
		}
	}
	return out
}

// GoalStatement writes the goal in SMART form: the step it asks for (from
// the level today to the next whole level), by when, and the on-the-job
// work of that step that shows it: "By 1 August 2027, raise Risk
// management from 2.0 to 3 (a strategic competency, weight 3): run the
// risk register, then contribute to the board report."
func GoalStatement(g assess.Goal) string {
	var doing []string
	for _, a := range firstStep(g) {
		if a.Category == assess.Experience {
			t := lowerFirst(strings.TrimSuffix(a.Title, "."))
			if a.Reach == assess.ReachContribute {
				t = "contribute to " + t
			}
			doing = append(doing, t)
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
		g.Due.Format(dateLong), g.Name, g.Current, g.To, g.Dimension, g.Weight, what)
}

// GoalMeasure is the evidence that shows the goal is met: the on-the-job
// evidence of its step (else any of the step's evidence) and a mentor's
// agreement.
func GoalMeasure(g assess.Goal) string {
	acts := firstStep(g)
	var ev []string
	for _, a := range acts {
		if a.Category == assess.Experience {
			ev = append(ev, strings.TrimSuffix(ActionEvidence(a), "."))
		}
	}
	if len(ev) == 0 {
		for _, a := range acts {
			ev = append(ev, strings.TrimSuffix(ActionEvidence(a), "."))
		}
	}
	if len(ev) == 0 {
		return fmt.Sprintf("A mentor agrees that the work matches level %d of %s.", g.To, g.Name)
	}
	return strings.Join(ev, "; ") + fmt.Sprintf("; and a mentor agrees the work matches level %d.", g.To)
}

// agreedEvidence is the evidence of an action agreed with the mentor.
func agreedEvidence(owner string) string {
	if owner == "" {
		return "As agreed with your mentor."
	}
	return "As agreed with your mentor; owner " + owner + "."
}

// ActionEvidence is the evidence an action leaves: the bank's, or for an
// action agreed with the mentor, that it was agreed and who owns it.
func ActionEvidence(a assess.PlanAction) string {
	if a.Agreed {
		return agreedEvidence(a.Owner)
	}
	return a.Evidence
}

// ActionTitle is the action's title, "Contribute to: …" when someone more
// senior leads it.
func ActionTitle(a assess.PlanAction) string { return contributeTitle(a.Title, a.Reach) }

func contributeTitle(title string, r assess.Reach) string {
	if r == assess.ReachContribute {
		return "Contribute to: " + title
	}
	return title
}

// LedBy says who leads an action the person contributes to, or "".
func LedBy(a assess.PlanAction) string {
	if a.Reach != assess.ReachContribute {
		return ""
	}
	var parts []string
	if a.MinSeniority > 0 {
		if a.LedBy != "" {
			parts = append(parts, "led by the "+a.LedBy+" or someone more senior")
		} else {
			parts = append(parts, "led by someone in a more senior role")
		}
	}
	if len(a.Needs) > 0 {
		parts = append(parts, "it needs "+strings.ToLower(strings.Join(a.Needs, " and "))+", which your answers do not show yet: do it alongside someone who has them")
	}
	return strings.Join(parts, "; ")
}

// LedByText is LedBy as a sentence of its own, or "".
func LedByText(a assess.PlanAction) string {
	s := LedBy(a)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:] + ": take a part in it and keep the evidence of your part."
}

// ActionDetail is the bank's detail, after who leads the action.
func ActionDetail(a assess.PlanAction) string {
	return strings.TrimSpace(LedByText(a) + " " + a.Detail)
}

// Effort says how much work an action is: "12h over 6w"; an action agreed
// with a mentor has no estimate of its own: "agreed, over 34w".
func Effort(a assess.PlanAction) string {
	if a.EffortHours == 0 {
		return fmt.Sprintf("agreed, over %dw", a.DurationWeeks)
	}
	return fmt.Sprintf("%dh over %dw", a.EffortHours, a.DurationWeeks)
}

// PhaseName names a stretch of the timeline by how far it reaches.
func PhaseName(ph assess.Phase) string {
	switch {
	case ph.Later():
		return "Later"
	case ph.Months == 3:
		return "First 90 days"
	}
	return fmt.Sprintf("By %d months", ph.Months)
}

// TimelineItem words a timeline item, without its date.
func TimelineItem(it assess.TimelineItem) string {
	switch it.Kind {
	case assess.ItemStart:
		return fmt.Sprintf("start \"%s\" (goal %d, step %s, %s)", contributeTitle(it.Title, it.Reach), it.Goal, it.Step, it.Category)
	case assess.ItemGoal:
		return fmt.Sprintf("goal %d due: %s at level %s", it.Goal, it.Name, stepEnd(it.Step))
	case assess.ItemStep:
		return fmt.Sprintf("goal %d, step %s due: %s at level %s", it.Goal, it.Step, it.Name, stepEnd(it.Step))
	case assess.ItemCertification:
		return fmt.Sprintf("%s experience rule should be met", it.Name)
	case assess.ItemRequirement:
		need := fmt.Sprintf("%g", it.Need)
		if it.Unit != "" {
			need += " " + it.Unit
		}
		return fmt.Sprintf("%s reaches %s, the minimum for %s, at the earliest", it.Name, need, it.Role)
	}
	return string(it.Kind)
}

// stepEnd is the level a step such as "2→3" reaches.
func stepEnd(step string) string {
	_, to, _ := strings.Cut(step, "→")
	return to
}

// CertReason says why a certification is on the roadmap.
func CertReason(r assess.CertReason) string {
	if r.Kind == assess.ReasonExpected {
		return fmt.Sprintf("Employers usually expect one of %s for %s.", orList(r.OneOf), r.Role)
	}
	return fmt.Sprintf("Commonly asked for or useful for %s.", r.Role)
}

// StudyDomain is an exam domain to study, with its share of the exam:
// "Security risk management (30% of the exam)".
func StudyDomain(d assess.StudyDomain) string {
	if d.Weight > 0 {
		return fmt.Sprintf("%s (%g%% of the exam)", d.Name, d.Weight)
	}
	return d.Name
}

// StudyDomains words every domain to study.
func StudyDomains(ds []assess.StudyDomain) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		out = append(out, StudyDomain(d))
	}
	return out
}

// CheckPoint words one thing a check-in reviews.
func CheckPoint(pt assess.CheckPoint) string {
	switch pt.Kind {
	case assess.PointCompare:
		return "Re-run secpath and compare with this plan: readiness for " + pt.Role + ", gaps closed and opened, evidence gathered."
	case assess.PointAgree:
		return "Agree the next quarter's priorities and dates with your mentor."
	case assess.PointRefresh:
		return "Refresh the plan: new goals for the gaps that remain, and the certification roadmap."
	case assess.PointActionDue:
		ev := pt.Evidence
		if pt.Agreed {
			ev = agreedEvidence(pt.Owner)
		}
		return fmt.Sprintf("\"%s\" due %s: is the evidence ready (%s)?", pt.Title, pt.Due, strings.TrimSuffix(ev, "."))
	case assess.PointInFlight:
		return "Progress on the actions in flight; what got in the way; what help you need."
	}
	return string(pt.Kind)
}

// CheckPoints words every point of a check-in.
func CheckPoints(pts []assess.CheckPoint) []string {
	out := make([]string, 0, len(pts))
	for _, pt := range pts {
		out = append(out, CheckPoint(pt))
	}
	return out
}

// CheckPointsBrief words a check-in's points for paper, where each
// goal's table already gives its actions and their evidence: the actions
// falling due become one sentence naming their goals and dates ("Is the
// evidence ready for goal 1's action due 2027-01-26 and goal 2's due
// 2027-01-27?"); the other points shortly, as the plan on screen and the
// Markdown say them in full.
func CheckPointsBrief(pts []assess.CheckPoint) []string {
	var out, due []string
	at := -1
	for _, pt := range pts {
		switch pt.Kind {
		case assess.PointCompare:
			out = append(out, "Re-run secpath and compare with this plan.")
			continue
		case assess.PointAgree:
			out = append(out, "Agree the next quarter with your mentor.")
			continue
		case assess.PointRefresh:
			out = append(out, "Refresh the goals and the certification roadmap.")
			continue
		case assess.PointInFlight:
			out = append(out, "Progress, obstacles and help needed on the actions in flight.")
			continue
		case assess.PointActionDue:
		}
		if at < 0 {
			at = len(out)
			out = append(out, "")
		}
		d := ""
		if pt.Due != nil {
			d = " due " + pt.Due.String()
		}
		if pt.Goal > 0 {
			due = append(due, fmt.Sprintf("goal %d's action%s", pt.Goal, d))
		} else {
			due = append(due, fmt.Sprintf("\"%s\"%s", pt.Title, d))
		}
	}
	if at >= 0 {
		out[at] = "Is the evidence ready for " + andList(due) + "?"
	}
	return out
}

// andList joins phrases as a sentence lists them: "a", "a and b", "a, b
// and c".
func andList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// MonthsRange is the time to readiness in words: "9 to 18 months".
func MonthsRange(e assess.Estimate) string {
	switch {
	case e.MaxMonths == 0:
		return "ready now on competencies"
	case e.MinMonths == e.MaxMonths:
		return Count(e.MinMonths, "month", "months")
	}
	return fmt.Sprintf("%d to %d months", e.MinMonths, e.MaxMonths)
}

// Premise words one thing the time to readiness rests on.
func Premise(pr assess.Premise) string {
	message := ""
	if pr.Blocker != nil {
		message = BlockerMessage(pr.Blocker.Blocker)
	}
	switch pr.Kind {
	case assess.PremiseAllMet:
		return "Every target for the role is met: the readiness that remains is hard requirements and the evidence to show for it."
	case assess.PremiseReadyAt:
		if pr.Rest == 0 {
			return fmt.Sprintf("Ready means %d%% of the role with every essential target met, as secpath reads someone already doing it: that takes closing every one of the %s.", pr.Low, Count(pr.Gaps, "gap", "gaps"))
		}
		return fmt.Sprintf("Ready means %d%% of the role with every essential target met, as secpath reads someone already doing it: closing %s gets there; the other %s growth in the role, not readiness for it.", pr.Low, Count(pr.Gaps, "gap", "gaps"), Count(pr.Rest, "gap is", "gaps are"))
	case assess.PremiseAlreadyReady:
		return fmt.Sprintf("You already meet %d%% of the role with every essential target met, as secpath reads someone doing it: the %s left %s growth in the role, not readiness for it.", pr.Low, Count(pr.Rest, "gap", "gaps"), Plural(pr.Rest, "is", "are"))
	case assess.PremiseSteps:
		return fmt.Sprintf("%s to take across %s, one level at a time (the most in one gap is %d, one after another).", Count(pr.Steps, "level step", "level steps"), Count(pr.Gaps, "gap", "gaps"), pr.Longest)
	case assess.PremisePace:
		return fmt.Sprintf("One level step takes %d to %d months of deliberate practice alongside a full-time job.", pr.Low, pr.High)
	case assess.PremiseParallel:
		return fmt.Sprintf("You work on up to %s at once.", Count(pr.Goals, "goal", "goals"))
	case assess.PremiseLaterGaps:
		return fmt.Sprintf("This plan's %s the largest gaps first; %s when they are done, so readiness comes later than the goals' dates.", Count(pr.Goals, "goal takes", "goals take"), restFollow(pr.Rest))
	case assess.PremiseNotKnown:
		return "Not counted, as it is not known: " + message
	case assess.PremiseCalendar:
		return "Experience requirements run on calendar time and are not shortened by the plan: " + message
	case assess.PremiseExperienceSets:
		return fmt.Sprintf("So the estimate starts at %s, when the longest of them (%s) can be met, however quickly the level steps go.", Count(pr.Months, "month", "months"), lowerFirst(pr.Fact))
	case assess.PremiseExperienceWithin:
		return fmt.Sprintf("The level steps take at least as long as the longest experience requirement (%s, %s).", lowerFirst(pr.Fact), Count(pr.Months, "month", "months"))
	}
	return string(pr.Kind)
}

// Premises words everything the estimate rests on, in order.
func Premises(prs []assess.Premise) []string {
	out := make([]string, 0, len(prs))
	for _, pr := range prs {
		out = append(out, Premise(pr))
	}
	return out
}

// The plan's fixed sentences and labels, shared by the Markdown and the
// HTML page. A label is printed in bold, followed by its sentence.
const (
	// WhatIfLabel heads the note of a plan built on what-if assumptions.
	WhatIfLabel = "What-if."
	// StrengthsLabel heads the strengths.
	StrengthsLabel = "Strengths to build on:"
	// NotYetMetLabel heads the blockers, and NotYetMetNote says how they
	// weigh.
	NotYetMetLabel = "Not yet met"
	NotYetMetNote  = "(reported beside readiness, not in it; experience minimums are hard requirements, a certification employers expect is not, but it weighs in hiring):"
	// NothingDated fills a timeline phase with nothing in it.
	NothingDated = "Nothing dated: keep the actions in flight going."
	// CertsChecked says what the certification roadmap is and is not.
	CertsChecked = "Checked against each awarding body's published rule. This is never a statement of eligibility: the awarding body decides."
	// StudyFirst heads a certification's study domains.
	StudyFirst = "Study first, for your gaps:"
)

// WhatIf says what a what-if plan assumes, after WhatIfLabel: "This plan
// assumes: cert=cism; risk-management=4. Your answers say otherwise; the
// figures show what would change."
func WhatIf(assumed []string) string {
	return "This plan assumes: " + strings.Join(assumed, "; ") + ". Your answers say otherwise; the figures show what would change."
}

// AllMet says a plan has no goals because every target of the role is met.
func AllMet(role string) string {
	return fmt.Sprintf("Every target for %s is met. Keep the evidence current and look at the long-term role.", role)
}

// NoCertifications says the role lists no certification.
func NoCertifications(role string) string {
	return fmt.Sprintf("No certification is listed for %s.", role)
}

// GoalPriority is a goal's priority with what it is made of: "6.0 (weight
// 3 × shortfall 2.0)".
func GoalPriority(g assess.Goal) string {
	return fmt.Sprintf("%.1f (weight %g × shortfall %.1f)", g.Priority, g.Weight, float64(g.Target)-g.Current)
}

// MentorNote is a mentor's note on a question: the question, the
// mentor's rating when given, and the note: "Which comes closest to …?
// (mentor's rating: 3): runs the register".
func MentorNote(n assess.PlanNote) string {
	line := n.Text
	if n.Level != nil {
		line += fmt.Sprintf(" (mentor's rating: %d)", *n.Level)
	}
	if len(n.Levels) > 0 {
		var parts []string
		for _, l := range n.Levels {
			parts = append(parts, fmt.Sprintf("%s %d", l.Name, l.Level))
		}
		line += " (mentor's ratings: " + strings.Join(parts, ", ") + ")"
	}
	if n.Notes != "" {
		line += ": " + n.Notes
	}
	return line
}

// RuleMetAround says when a certification's experience rule should be met
// on the years recorded; date is the day as the format writes it.
func RuleMetAround(date string) string {
	return "On the years recorded, the experience rule should be met around " + date + "."
}

// WrittenFor closes a plan: who wrote it, for which start, and when to
// look again; date is the start as the format writes it.
func WrittenFor(date string) string {
	return "Written by secpath for a plan starting " + date + ". Re-run the assessment each quarter and compare."
}

// restFollow is "the other gap follows" or "the other 3 gaps follow".
func restFollow(n int) string {
	if n == 1 {
		return "the other gap follows"
	}
	return fmt.Sprintf("the other %d gaps follow", n)
}
