package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// WriteMarkdown writes the plan as GitHub-flavoured Markdown. It reads
// the plan alone, so a plan read back from its JSON writes the same bytes.
func WriteMarkdown(w io.Writer, b *assess.Bank, p *assess.Plan) error {
	m := &mdWriter{w: w}
	title := "Development plan"
	if p.Name != "" {
		title += ": " + p.Name
	}
	m.f("# %s\n\n", esc(title))
	m.f("| | |\n|---|---|\n")
	if p.CurrentRole != "" {
		m.f("| Current role | %s |\n", esc(p.CurrentRole))
	}
	m.f("| Plan for | **%s** |\n", esc(p.Role.Title))
	m.f("| Readiness | %s |\n", esc(wording.PlanReadiness(p.Role)))
	m.f("| Fit | %s |\n", wording.Percent(p.Role.Fit))
	if bl := wording.PlanBlocked(p); bl != "" {
		m.f("| Blocked | %s |\n", esc(bl))
	}
	if p.LongTerm.ID != "" && p.LongTerm.ID != p.Role.ID {
		m.f("| Long-term | %s (%s) |\n", esc(p.LongTerm.Title), esc(wording.RoleStanding(p.LongTerm)))
	}
	if j := wording.PlanJudgement(p.Judgement); j != "" {
		m.f("| Judgement | %s |\n", esc(j))
	}
	m.f("| Starts | %s |\n", p.Start)
	m.f("| Time to readiness | %s |\n", wording.MonthsRange(p.Estimate))
	m.f("| Bank | %s %s |\n\n", esc(p.Bank.Name), esc(p.Bank.Version))
	if len(p.Assumed) > 0 {
		m.f("> **%s** %s\n\n", wording.WhatIfLabel, esc(wording.WhatIf(p.Assumed)))
	}

	m.f("## Where you stand\n\n")
	if basis := wording.PlanBasis(p); basis != "" {
		m.f("- %s\n", esc(basis))
	}
	for _, r := range wording.Rationale(p.Reasons) {
		m.f("- %s\n", esc(r))
	}
	m.f("- %s\n", esc(wording.OrgSize(p.OrgSize)))
	if len(p.Strong) > 0 {
		m.f("\n**%s** %s.\n", wording.StrengthsLabel, esc(strings.Join(wording.Strengths(p.Strong), ", ")))
	}
	if len(p.Blockers) > 0 {
		m.f("\n**%s** %s\n\n", wording.NotYetMetLabel, esc(wording.NotYetMetNote))
		for _, bl := range p.Blockers {
			m.f("- %s\n", esc(wording.PlanBlocker(bl)))
		}
	}

	m.f("\n## Goals\n\n")
	if len(p.Goals) == 0 {
		m.f("%s\n", esc(wording.AllMet(p.Role.Title)))
	}
	if len(p.Goals) > 0 {
		m.f("Each goal is the next level step; the steps after it follow when it is due, %d to %d months each.\n\n", assess.MonthsPerLevelLow, assess.MonthsPerLevelHigh)
	}
	for _, g := range p.Goals {
		m.f("### %d. %s: %.1f → %d\n\n", g.N, esc(g.Name), g.Current, g.To)
		m.f("%s\n\n", esc(wording.GoalStatement(g)))
		m.f("- **Level today:** %s · **judgement** %s\n", esc(wording.GoalLevel(g)), esc(wording.GoalJudgement(g)))
		if len(g.Later) > 0 {
			m.f("- **Then:** %s\n", esc(wording.GoalLater(p, g)))
		} else {
			m.f("- **Target:** %s\n", esc(wording.GoalLater(p, g)))
		}
		m.f("- **Done when:** %s\n", esc(wording.GoalMeasure(g)))
		m.f("- **Next level looks like:** %s\n", esc(g.NextLevel))
		m.f("- **Priority:** %s · **due** %s\n\n", esc(wording.GoalPriority(g)), esc(wording.GoalDue(g)))
		if len(g.Actions) > 0 {
			m.f("| Start | Due | Step | Type | Action | Effort | Evidence |\n|---|---|---|---|---|---|---|\n")
			for _, a := range g.Actions {
				title := cell(wording.ActionTitle(a))
				if by := wording.LedBy(a); by != "" {
					title += " (" + cell(by) + ")"
				}
				m.f("| %s | %s | %s | %s | %s | %s | %s |\n", a.Start, a.Due, a.Step, a.Category, title, wording.Effort(a), cell(wording.ActionEvidence(a)))
			}
			m.f("\n")
		}
	}
	if len(p.Goals) > 0 {
		var parts []string
		for _, bal := range p.Balance {
			parts = append(parts, fmt.Sprintf("%s %s, %dh (%.0f%%)", bal.Category, wording.Count(bal.Actions, "action", "actions"), bal.Hours, bal.Percent))
		}
		m.f("**70-20-10 balance:** %s.\n\n", strings.Join(parts, " · "))
	}

	m.f("## Timeline\n\n")
	for _, ph := range p.Timeline {
		if ph.Later() && len(ph.Items) == 0 {
			continue // nothing falls after the dated phases
		}
		m.f("**%s** (%s to %s)\n\n", wording.PhaseName(ph), ph.From, ph.To)
		if len(ph.Items) == 0 {
			m.f("- %s\n", esc(wording.NothingDated))
		}
		for _, it := range ph.Items {
			m.f("- %s: %s\n", it.Date, esc(wording.TimelineItem(it)))
		}
		m.f("\n")
	}

	m.f("## Certifications\n\n")
	m.f("%s\n\n", esc(wording.CertsChecked))
	if len(p.Certifications) == 0 {
		m.f("%s\n\n", esc(wording.NoCertifications(p.Role.Title)))
	}
	for _, c := range p.Certifications {
		m.f("- **%s** (%s), %s. %s %s", esc(c.Abbr), esc(c.Body), wording.CertStatusText(c.Status), esc(wording.CertReason(c.Reason)), esc(wording.CertMessage(c.CertStatus)))
		if c.From != nil {
			m.f(" %s", wording.RuleMetAround(c.From.String()))
		}
		if len(c.StudyDomains) > 0 {
			m.f(" %s %s.", esc(wording.StudyFirst), esc(strings.Join(wording.StudyDomains(c.StudyDomains), "; ")))
		}
		m.f("\n")
	}

	m.f("\n## Check-ins\n\n")
	for _, c := range p.CheckIns {
		m.f("- **%s** (%s): %s\n", c.Date, c.Kind, esc(strings.Join(wording.CheckPoints(c.Points), " ")))
	}

	writeMentorMarkdown(m, p)

	m.f("\n## Time to readiness\n\n")
	if p.Estimate.MaxMonths == 0 {
		m.f("**Ready now** for %s on competencies:\n\n", esc(p.Role.Title))
	} else {
		m.f("About **%s** for %s, assuming:\n\n", wording.MonthsRange(p.Estimate), esc(p.Role.Title))
	}
	for _, a := range p.Estimate.Premises {
		m.f("- %s\n", esc(wording.Premise(a)))
	}
	m.f("\n---\n\n%s\n", wording.WrittenFor(p.Start.String()))
	return m.err
}

type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) f(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

// esc keeps user text from being read as Markdown markup.
func esc(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]", "\n", " ")
	return r.Replace(s)
}

// cell escapes text for a table cell.
func cell(s string) string { return strings.ReplaceAll(esc(s), "|", "\\|") }

// writeMentorMarkdown adds the mentor's part: basis, agreed gaps, notes,
// self-versus-mentor differences and the sign-off lines.
func writeMentorMarkdown(m *mdWriter, p *assess.Plan) {
	pm := p.Mentor
	if pm == nil {
		return
	}
	who := pm.Name
	if who == "" {
		who = "the mentor"
	}
	m.f("\n## Reviewed with %s\n\n", esc(who))
	if len(pm.Agreed) > 0 {
		m.f("**Agreed on the gaps**\n\n| Priority | Gap | Matters | Owner | Due | Next check-in | Agreed action | Notes |\n|---|---|---|---|---|---|---|---|\n")
		for _, a := range pm.Agreed {
			pr := "-"
			if a.Priority > 0 {
				pr = fmt.Sprint(a.Priority)
			}
			matters := "no"
			if a.Matters {
				matters = "yes"
			} else if a.Undecided {
				matters = "not decided"
			}
			m.f("| %s | %s | %s | %s | %s | %s | %s | %s |\n", pr, cell(a.Name), matters, cell(a.Owner), dateOrDash(a.Due), dateOrDash(a.CheckIn), cell(a.Action), cell(a.Notes))
		}
		m.f("\n")
	}
	if len(pm.Differences) > 0 {
		m.f("**Where the two views differ by a level or more**\n\n")
		for _, d := range pm.Differences {
			m.f("- %s\n", esc(wording.MentorDifference(d)))
		}
		m.f("\n")
	}
	if len(pm.Notes) > 0 {
		m.f("**Mentor's notes**\n\n")
		for _, n := range pm.Notes {
			m.f("- %s\n", esc(wording.MentorNote(n)))
		}
		m.f("\n")
	}
	m.f("**Sign-off**\n\n")
	if pm.SignOff.Signed {
		m.f("Agreed by %s (mentee) and %s (mentor) on %s.\n", esc(pm.SignOff.Mentee), esc(pm.SignOff.Mentor), pm.SignOff.Date)
	} else {
		m.f("Mentee: %s\n\nMentor: %s\n\nDate: %s\n", blankOr(pm.SignOff.Mentee), blankOr(pm.SignOff.Mentor), dateOrLine(pm.SignOff.Date))
	}
}

func dateOrDash(d *assess.Date) string {
	if d == nil {
		return "-"
	}
	return d.String()
}

func dateOrLine(d *assess.Date) string {
	if d == nil {
		return "____________"
	}
	return d.String()
}

func blankOr(s string) string {
	if s == "" {
		return "______________________"
	}
	return esc(s)
}
