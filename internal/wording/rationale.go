package wording

import (
	"fmt"
	"strings"

	"github.com/secpath/secpath/assess"
)

// Rationale words the reasons of a recommendation, one sentence or two
// a reason, in order.
func Rationale(rs []assess.Reason) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, Reason(r))
	}
	return out
}

// Reason words one reason of a recommendation.
func Reason(r assess.Reason) string {
	switch r.Kind {
	case assess.ReasonNothing:
		return "No recommendation yet: nothing is answered. Answer the questions and secpath will say where you stand and what to do next."
	case assess.ReasonStartNamed, assess.ReasonStartPerforming, assess.ReasonStartOther, assess.ReasonStartBest:
		return startingPoint(r)
	case assess.ReasonUnknownTarget:
		return fmt.Sprintf("The target %q is not a role in this bank, so it was ignored.", r.Target)
	case assess.ReasonGrowPathEnd:
		return fmt.Sprintf("Next step: grow in %s (readiness %.0f%%, fit %.0f%%): it is already where your path leads.", r.Role, r.Readiness, r.Fit)
	case assess.ReasonGrowBelowMove:
		return fmt.Sprintf("Next step: grow in %s first: you meet %.0f%% of it, and secpath suggests a move from %.0f%%.", r.Role, r.Readiness, assess.MoveReadiness)
	case assess.ReasonGrowUnverified:
		return fmt.Sprintf("Next step: grow in %s (readiness %.0f%%) until a mentor has seen the work: its essential targets in %s rest on self-ratings your scenario answers or experience do not support.", r.Role, r.Readiness, strings.Join(r.Names, ", "))
	case assess.ReasonGrowTop:
		return fmt.Sprintf("Next step: grow in %s (readiness %.0f%%): it is at the top of its path.", r.Role, r.Readiness)
	case assess.ReasonGrowBeyond:
		return fmt.Sprintf("Next step: grow in %s (readiness %.0f%%) and work towards %s, the next role on your path: it needs about %d more %s of experience (%s), beyond this plan's %d months.",
			r.Role, r.Readiness, r.Towards, r.Months, Plural(r.Months, "month", "months"), blockerMessages(r.Blockers), assess.PlanHorizonMonths)
	case assess.ReasonFieldStart:
		return fmt.Sprintf("Next step: %s, readiness %.0f%%, fit %.0f%%: no path on the role map leads from %s to %s, and %s is where the %s path starts.",
			r.Role, r.Readiness, r.Fit, r.From, r.Towards, r.Role, r.RoleFamily)
	case assess.ReasonMove:
		return move(r)
	case assess.ReasonCloseFirst:
		names := make([]string, 0, len(r.Gaps))
		for _, g := range r.Gaps {
			names = append(names, fmt.Sprintf("%s %.1f of %d", g.Name, g.Current, g.Target))
		}
		return fmt.Sprintf("Close first: %s.", strings.Join(names, "; "))
	case assess.ReasonLongTerm:
		return longTerm(r)
	case assess.ReasonLongBlocked:
		return fmt.Sprintf("%s is blocked for now: %s", r.Role, blockerMessages(r.Blockers))
	case assess.ReasonPlacement:
		return placement(r)
	case assess.ReasonBefore:
		return fmt.Sprintf("Before %s: %s", r.Role, blockerMessages(r.Blockers))
	case assess.ReasonUnverified:
		what := fmt.Sprintf("%d of your self-ratings sit", r.Count)
		if r.Count == 1 {
			what = "One of your self-ratings sits"
		}
		if r.Pattern {
			return what + " above what your scenario answers or experience support. That is most of the ratings your scenarios check, so the figures count each at what your scenario answers show, without the allowance for a sound second-best answer, until a mentor has seen the work."
		}
		return what + " above what your scenario answers or experience support; the figures count them at the supported level until a mentor has seen the work."
	}
	return ""
}

// startingPoint words where the person starts and why there.
func startingPoint(r assess.Reason) string {
	if r.Kind == assess.ReasonStartNamed {
		how := "your current role"
		if r.Named != "" {
			how = fmt.Sprintf("your current role %q", r.Named)
		}
		return fmt.Sprintf("Starting point: %s, %s (readiness %.0f%%, fit %.0f%%).", r.Role, how, r.Readiness, r.Fit)
	}
	note := ""
	if r.Unmatched != "" {
		note = fmt.Sprintf(" (your current role %q names none of the bank's roles)", r.Unmatched)
	}
	field := ""
	if r.Family != "" {
		field = familyLabel(r.Family) + " "
	}
	switch r.Kind {
	case assess.ReasonStartPerforming:
		return fmt.Sprintf("Starting point: %s%s, the most senior %srole you appear to work at: readiness %.0f%% (from %.0f%%), no essential target a level short, experience minimums met.",
			r.Role, note, field, r.Readiness, assess.PerformingReadiness)
	case assess.ReasonStartOther:
		return fmt.Sprintf("Starting point: %s%s: no %srole is open to you yet on experience, and %s is where the %s path starts (readiness %.0f%%, fit %.0f%%).", r.Role, note, field, r.Role, r.RoleFamily, r.Readiness, r.Fit)
	default:
		// ReasonStartBest; other kinds are worded elsewhere (see Reason).
	}
	return fmt.Sprintf("Starting point: %s%s, the %srole that fits you best to start from (readiness %.0f%%, fit %.0f%%).", r.Role, note, field, r.Readiness, r.Fit)
}

// move words a move to the next role.
func move(r assess.Reason) string {
	line := fmt.Sprintf("Next step: %s, readiness %.0f%%, fit %.0f%% (you meet %.0f%% of %s today)", r.Role, r.Readiness, r.Fit, r.FromReadiness, r.From)
	if r.OnPath {
		line += fmt.Sprintf(", on the path from %s to %s", r.From, r.Towards)
	} else {
		line += fmt.Sprintf("; no path on the role map leads from %s to %s", r.From, r.Towards)
	}
	if len(r.Open) > 0 {
		others := make([]string, 0, len(r.Open))
		for _, o := range r.Open {
			others = append(others, fmt.Sprintf("%s %.0f%%", o.Title, o.Readiness))
		}
		line += fmt.Sprintf(" (also open: %s)", strings.Join(others, ", "))
	}
	return line + "."
}

// longTerm words the long-term role, a move into another field when the
// person chose a target there, and its largest gap.
func longTerm(r assess.Reason) string {
	line := fmt.Sprintf("Long-term: %s, readiness %.0f%% and fit %.0f%% today", r.Role, r.Readiness, r.Fit)
	if r.YourTarget {
		line = fmt.Sprintf("Long-term: %s, your target, readiness %.0f%% and fit %.0f%% today", r.Role, r.Readiness, r.Fit)
		if r.RoleFamily != r.Family {
			line += fmt.Sprintf(" (a move into %s from the %s field you are in today)", familyLabel(r.RoleFamily), familyLabel(r.Family))
		}
	}
	if len(r.Gaps) > 0 {
		g := r.Gaps[0]
		line += fmt.Sprintf("; its largest gap is %s (%.1f against a target of %d, weight %g)", g.Name, g.Current, g.Target, g.Weight)
	}
	return line + "."
}

// placement words the person's placement against the long-term role's.
func placement(r assess.Reason) string {
	var you, role assess.DimensionScores
	if r.You != nil {
		you = *r.You
	}
	if r.Profile != nil {
		role = *r.Profile
	}
	shape := "depth and breadth are balanced"
	switch r.Shape {
	case assess.ShapeDepth:
		shape = "your strength is technical depth"
	case assess.ShapeBreadth:
		shape = "your strength is strategic breadth"
	}
	return fmt.Sprintf("Placement: technical depth %.1f, strategic breadth %.1f, leadership %.1f: %s; %s asks for %.1f, %.1f and %.1f.",
		you.TechnicalDepth, you.StrategicBreadth, you.Leadership, shape, r.Role, role.TechnicalDepth, role.StrategicBreadth, role.Leadership)
}

// blockerMessages words blockers one after another.
func blockerMessages(bls []assess.Blocker) string {
	msgs := make([]string, 0, len(bls))
	for _, bl := range bls {
		msgs = append(msgs, BlockerMessage(bl))
	}
	return strings.Join(msgs, " ")
}

// familyLabel writes a field's id as a reader expects it: "it" is IT.
func familyLabel(f string) string {
	if f == "it" {
		return "IT"
	}
	return f
}
