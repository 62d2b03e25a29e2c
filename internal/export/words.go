package export

import (
	"fmt"
	"strings"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// The plan is data; these helpers word it the same way in every format.
// They return plain text: each format escapes it its own way.

// percent formats a readiness or fit figure.
func percent(x float64) string { return fmt.Sprintf("%.0f%%", x) }

// claimedText is the readiness a role's unverified self-ratings would
// give, when it shows higher than the readiness, or "".
func claimedText(r assess.PlanRole) string {
	if r.ReadinessClaimed == nil || percent(*r.ReadinessClaimed) == percent(r.Readiness) || *r.ReadinessClaimed < r.Readiness {
		return ""
	}
	return percent(*r.ReadinessClaimed) + " if your unverified self-ratings hold"
}

// readinessText is a role's readiness, with the figure its unverified
// self-ratings would give when that is higher.
func readinessText(r assess.PlanRole) string {
	if c := claimedText(r); c != "" {
		return percent(r.Readiness) + " (" + c + ")"
	}
	return percent(r.Readiness)
}

// roleStanding is readiness and fit in one phrase.
func roleStanding(r assess.PlanRole) string {
	s := "readiness " + percent(r.Readiness)
	if c := claimedText(r); c != "" {
		s += ", or " + c + ";"
	} else {
		s += ","
	}
	return s + " fit " + percent(r.Fit)
}

// blockedUntil is the first day every dated experience requirement of the
// planned role is met, or "" when none is dated.
func blockedUntil(p *assess.Plan) string {
	var last *assess.Date
	for i := range p.Blockers {
		if e := p.Blockers[i].Earliest; e != nil && (last == nil || e.After(last.Time)) {
			last = e
		}
	}
	if last == nil {
		return ""
	}
	return last.String()
}

// blockedText says how long the planned role is blocked, or "".
func blockedText(p *assess.Plan) string {
	if !p.Role.Blocked {
		return ""
	}
	if until := blockedUntil(p); until != "" {
		return fmt.Sprintf("until %s at the earliest (%d months of experience to gain)", until, p.Role.BlockedMonths)
	}
	return "by an experience requirement not answered yet"
}

// blockerText is a blocker's message with its earliest date.
func blockerText(bl assess.PlanBlocker) string {
	if bl.Earliest == nil {
		return bl.Message
	}
	return fmt.Sprintf("%s Earliest: %s.", bl.Message, bl.Earliest)
}

// judgementText is the overall scenario score, or "".
func judgementText(j *assess.Judgement) string {
	if j == nil || j.Scenarios == 0 {
		return ""
	}
	return wording.Judgement(j)
}

// levelText is a goal competency's level today, with the unverified claim.
func levelText(g assess.Goal) string {
	s := fmt.Sprintf("%.1f", g.Current)
	if g.Unverified && g.Claimed != nil {
		s += fmt.Sprintf(" (you rated %.1f: unverified until a mentor has seen the work)", *g.Claimed)
	}
	return s
}

// goalJudgement is the goal competency's scenario score in words.
func goalJudgement(g assess.Goal) string {
	if g.Judgement == nil {
		return "no scenario answered for it"
	}
	return fmt.Sprintf("%.1f in its scenarios", *g.Judgement)
}

// stepText writes a level step as "2 → 3".
func stepText(from, to int) string { return fmt.Sprintf("%d → %d", from, to) }

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

// laterText lists the goal's later steps with their dates and the target
// they reach, or says the goal reaches the target.
func laterText(p *assess.Plan, g assess.Goal) string {
	if len(g.Later) == 0 {
		return fmt.Sprintf("%d, the target for %s, reached by this goal", g.Target, roleTitle(p, g.Role))
	}
	var parts []string
	for _, s := range g.Later {
		parts = append(parts, fmt.Sprintf("%s by %s", stepText(s.From, s.To), s.Due))
	}
	return fmt.Sprintf("%s, reaching the target of %d for %s", strings.Join(parts, ", "), g.Target, roleTitle(p, g.Role))
}

// dueText is a goal's due date, saying when it was agreed.
func dueText(g assess.Goal) string {
	if g.Agreed {
		return g.Due.String() + ", as agreed with your mentor"
	}
	return g.Due.String()
}

// actionTitle is the action's title, "Contribute to: …" when someone more
// senior leads it.
func actionTitle(a assess.PlanAction) string {
	if a.Reach == assess.ReachContribute {
		return "Contribute to: " + a.Title
	}
	return a.Title
}

// ledBy says who leads an action the person contributes to, or "".
func ledBy(a assess.PlanAction) string {
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

// ledByText is ledBy as the detail's first sentence, or "".
func ledByText(a assess.PlanAction) string {
	s := ledBy(a)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:] + ": take a part in it and keep the evidence of your part."
}

// actionDetail is the bank's detail, after who leads the action.
func actionDetail(a assess.PlanAction) string {
	return strings.TrimSpace(ledByText(a) + " " + a.Detail)
}

// itemText words a timeline item, without its date.
func itemText(it assess.TimelineItem) string {
	switch it.Kind {
	case assess.ItemStart:
		title := it.Title
		if it.Reach == assess.ReachContribute {
			title = "Contribute to: " + title
		}
		return fmt.Sprintf("start \"%s\" (goal %d, step %s, %s)", title, it.Goal, it.Step, it.Category)
	case assess.ItemGoal:
		return fmt.Sprintf("goal %d due: %s at level %s", it.Goal, it.Name, stepEnd(it.Step))
	case assess.ItemStep:
		return fmt.Sprintf("goal %d, step %s due: %s at level %s", it.Goal, it.Step, it.Name, stepEnd(it.Step))
	case assess.ItemCertification:
		return fmt.Sprintf("%s experience rule should be met (%s)", it.Name, it.Rule)
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

// monthsRange is the time to readiness in words.
func monthsRange(e assess.Estimate) string {
	switch {
	case e.MaxMonths == 0:
		return "ready now on competencies"
	case e.MinMonths == e.MaxMonths:
		return fmt.Sprintf("%d months", e.MinMonths)
	}
	return fmt.Sprintf("%d to %d months", e.MinMonths, e.MaxMonths)
}
