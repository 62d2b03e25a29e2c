package cli

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

func newScoreCmd(env Env, opts *options) *cobra.Command {
	var asJSON, explain bool
	cmd := &cobra.Command{
		Use:   "score ANSWERS",
		Short: "Score an answers file: readiness per role, gaps, blockers, path, certifications",
		Args:  exactArgs(1, "score needs the answers file: secpath score ANSWERS"),
		RunE: func(_ *cobra.Command, args []string) error {
			b, err := loadBank(opts)
			if err != nil {
				return err
			}
			f, err := storage.ReadAnswers(args[0], b)
			if err != nil {
				return err
			}
			res := assess.Score(b, f.Answers)
			if asJSON {
				if !explain {
					for i := range res.Competencies {
						res.Competencies[i].Contributions = nil
					}
				}
				return writeJSON(env.Stdout, export.WordResult(res))
			}
			return writeScore(env.Stdout, b, f.Answers, res, explain)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	cmd.Flags().BoolVar(&explain, "explain", false, "show the answers behind every level and the formulas")
	return cmd
}

// exactArgs is cobra.ExactArgs with a message that says what to type.
func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s", msg)
		}
		return nil
	}
}

// bar draws a 0–1 fraction as a fixed-width bar.
func bar(frac float64, width int) string {
	frac = max(0, min(1, frac))
	full := int(frac*float64(width) + 0.5)
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// Widths of the role table of `score`: the relation column and the
// figures, which leave the title up to scoreTitleW cells in 78 columns.
const (
	scoreTitleW = 36
	scoreRangeW = 8 // " 99–100%"; the title gives up the extra cells
)

func writeScore(w io.Writer, b *assess.Bank, a *assess.Answers, res *assess.Result, explain bool) error {
	lw := &lineWriter{w: w}
	who := a.Profile.Name
	if who == "" {
		who = "Assessment"
	}
	lw.wrapped("", fmt.Sprintf("%s · %s %s · %s mode · %d of %d questions answered", who, res.Bank.Name, res.Bank.Version, res.Mode, res.Answered, res.Asked))
	lw.line("Judgement: " + wording.Judgement(res.Judgement))
	for _, n := range res.Notes {
		lw.wrapped("Note: ", wording.ResultNote(n))
	}

	rec := res.Recommendation
	lw.line("")
	lw.line("Roles: where you stand, ahead, sideways, other fields, outgrown")
	readW := 5
	if wording.AnyRange(res) {
		readW = scoreRangeW
	}
	titleW := scoreTitleW
	if readW > 5 {
		titleW-- // the range takes three cells more; two come from the gap before "blocked"
	}
	lw.line(strings.Repeat(" ", 2+titleW+1+wording.RelationWidth+readW-len("readiness")) + "readiness" + fmt.Sprintf("%5s", "fit"))
	for i := range res.Roles {
		f := &res.Roles[i]
		mark := " "
		if f.ID == rec.NextRole {
			mark = "→"
		}
		row := fmt.Sprintf("%s %-*s %-*s%*s%5s", mark, titleW, roleTitle(b, f, titleW), wording.RelationWidth, wording.Relation(f.Relation), readW, wording.ReadinessFigure(f), wording.Percent(f.Fit))
		if m := wording.Blocked(f, true); m != "" {
			row += "  " + m
		}
		lw.line(strings.TrimRight(row, " "))
	}
	lw.line("  → the recommended next step")
	lw.wrapped("  ", wording.ReadinessMeaning)
	lw.wrapped("  ", wording.FitMeaning+" "+wording.FitDetail)
	if wording.AnyRange(res) {
		lw.wrapped("  ", wording.RangeMeaning)
	}
	var blocked []*assess.RoleFit
	for i := range res.Roles {
		if f := &res.Roles[i]; f.Blocked && f.Relation != assess.RelOutgrown {
			blocked = append(blocked, f)
		}
	}
	if len(blocked) > 0 {
		lw.line("")
		lw.line("Blocked roles (experience minimums, reported beside readiness, not in it)")
		for _, f := range blocked {
			lw.wrapped("  - ", f.Title+": "+wording.BlockedBy(b, f))
		}
	}

	lw.line("")
	lw.line("Recommendation")
	if ro := b.Role(rec.NextRole); ro != nil {
		lw.wrapped("  Next step:  ", wording.NextStep(b, rec)+" · "+wording.Figures(res.RoleFit(ro.ID)))
	}
	if ro := b.Role(wording.Towards(rec)); ro != nil {
		lw.wrapped("  Towards:    ", ro.Title+" · "+wording.Figures(res.RoleFit(ro.ID)))
	}
	if ro := b.Role(rec.LongTermRole); ro != nil {
		lw.wrapped("  Long-term:  ", ro.Title+" · "+wording.Figures(res.RoleFit(ro.ID)))
	}
	for _, l := range wording.Rationale(rec.Reasons) {
		lw.wrapped("  - ", l)
	}
	if res.Answered > 0 {
		lw.wrapped("  - ", wording.OrgSize(res.OrgSize))
	}

	d := res.Dimensions
	lw.line("")
	lw.line(fmt.Sprintf("Placement: technical depth %.1f · strategic breadth %.1f · leadership %.1f (0-5)", d.TechnicalDepth, d.StrategicBreadth, d.Leadership))

	// The gaps of the role the plan is drawn for: the next step, or the
	// step growing in place prepares for.
	gapsFor := rec.WorkTowards
	if gapsFor == "" {
		gapsFor = rec.NextRole
	}
	if next := res.RoleFit(gapsFor); next != nil {
		lw.line("")
		lw.wrapped("", fmt.Sprintf("Gaps for %s (%s), highest priority first (priority = weight x shortfall)", next.Title, wording.Figures(next)))
		if len(next.Gaps) == 0 {
			lw.line("  none: every target is met")
		}
		for i, g := range next.Gaps {
			lw.line(fmt.Sprintf("  %2d. %-38s %.1f -> %d   weight %g   priority %.1f", i+1, truncate(g.Name, 38), g.Current, g.Target, g.Weight, g.Priority))
		}
		if len(next.Blockers) > 0 {
			lw.line("")
			lw.line("Blockers (hard requirements, reported apart from readiness)")
			for _, bl := range next.Blockers {
				lw.wrapped("  - ", wording.BlockerMessage(bl))
			}
		}
	}

	if len(res.Calibration) > 0 {
		lw.line("")
		lw.wrapped("", fmt.Sprintf("Calibration (a self-rating %g levels or more from your scenario answers, or well above what your experience supports)", assess.CalibrationGap))
		for _, c := range res.Calibration {
			lw.wrapped("  - ", wording.Calibration(c))
		}
	}

	if len(res.Certifications) > 0 {
		lw.line("")
		lw.line("Certifications (from the published rules; never a statement of eligibility)")
		for _, c := range res.Certifications {
			abbr := c.Abbr
			if cert := b.Certification(c.ID); cert != nil && len(abbr) > 10 {
				abbr = cert.ShortLabel()
			}
			lw.wrapped(fmt.Sprintf("  %-10s %-17s ", truncate(abbr, 10), wording.CertStatusText(c.Status)), wording.CertMessage(c))
			if explain {
				lw.wrapped("             rule: ", wording.CertRule(c))
			}
		}
	}

	lw.line("")
	lw.line("Competencies (level 0-5 from what you have done; judgement from the scenarios)")
	lw.line(fmt.Sprintf("    %-34s %-10s %5s %10s %10s", "", "", "level", "judgement", "confidence"))
	dim := assess.Dimension("")
	for _, c := range res.Competencies {
		if c.Dimension != dim {
			dim = c.Dimension
			lw.line("  " + strings.ToUpper(string(dim[:1])) + string(dim[1:]))
		}
		judgement := "-"
		if c.Judgement != nil {
			judgement = fmt.Sprintf("%.1f", *c.Judgement)
		}
		// Confidence is the share answered, halved when unverified.
		lw.line(fmt.Sprintf("    %-34s %s %5.1f %10s %9.0f%%", truncate(c.Name, 34), bar(c.Level/5, 10), c.Level, judgement, c.Confidence*100))
		if c.Unverified {
			lw.wrapped("      ", unverifiedNote(c))
		}
		if c.NotPartOfWork {
			lw.wrapped("      ", "Not part of your work so far (rather than not yet): new ground for a role that asks for it.")
		}
		if explain {
			for _, ct := range c.Contributions {
				conf := string(ct.Confidence)
				if conf == "" {
					conf = "not given: medium"
				}
				lw.line(fmt.Sprintf("      %-30s %-8s level %.0f  weight %.2f (confidence %s)", truncate(ct.Question, 30), ct.Kind, ct.Level, ct.Weight, conf))
			}
		}
	}
	lw.wrapped("", wording.JudgementMeaning)
	if explain {
		lw.line("")
		for _, l := range explainText() {
			lw.wrapped("", l)
		}
	}
	return lw.err
}

// unverifiedNote says why a level is capped and at what.
func unverifiedNote(c assess.CompetencyScore) string {
	s := wording.Unverified(c) + ": "
	if c.Self != nil {
		s += fmt.Sprintf("the self-rating of %.1f sits above what the scenario answers or experience support, ", *c.Self)
	} else {
		s += "the self-rating sits above what the scenario answers or experience support, "
	}
	return s + fmt.Sprintf("so the level counts at %.1f until a mentor has seen the work.", c.Level)
}

// explainText is how the numbers are made, with the model's constants;
// assess/README.md is the whole method.
func explainText() []string {
	return []string{
		"How the numbers are made (the whole method: assess/README.md):",
		"- Weight of an answer = the question's weight for the competency x the answer's confidence (high 1.0, medium or unset 0.8, low 0.5).",
		fmt.Sprintf("- Level of a competency: the evidence of work is the self-rating (the weighted mean of its rating answers); without ratings, the levels of certifications held that attest work (weight %g); without those, the experience facts (team, budget, incidents, board exposure). Judgement moves it %.2g of the way towards the scenarios' level, by at most +%g or -%g. With no evidence of work the level is 0, whatever the scenarios say.", assess.CertEvidenceWeight, assess.JudgementShare, assess.JudgementUp, assess.JudgementDown),
		fmt.Sprintf("- Unverified: the level is capped at %g x the competency's judgement (where its scenarios carry a weight of %g or more) and at the facts' level + %g; a capped level is unverified, its confidence x %g, and readiness shows the uncapped figure as the top of a range.", assess.ClaimRatio, assess.MinJudgementWeight, assess.FactSlack, assess.UnverifiedConfidence),
		"- Share answered = the question weight answered / the question weight asked for that competency.",
		"- Readiness for a role = 100 x sum(w x min(level, target)) / sum(w x target) over the role's targets the mode assessed, on verified levels: being above a target earns nothing extra.",
		fmt.Sprintf("- Fit = 100 x (1 - sum(w x (shortfall + %g x excess)) / sum(w x target)), x %g for a role in another field than yours: someone far above a role is not its profile.", assess.OverShare, assess.OtherFamilyFit),
		"- Roles are listed where you stand first, then the roles ahead in your field (nearest first), sideways, other fields, and last the roles below where you stand.",
		"- Gap priority = weight x (target - level). Blockers (years, expected certifications) are reported beside readiness, never inside it; a role whose experience minimum is not met is blocked, with the months it needs at the earliest.",
		"- Technical depth = mean of your three highest technical levels; strategic breadth and leadership = means over all competencies of those dimensions.",
		fmt.Sprintf("- Calibration: flagged where a self-rating and the scenario answers for one competency differ by %g levels or more, or a self-rating sits more than %g above what the experience facts give.", assess.CalibrationGap, assess.FactSlack),
	}
}

// truncate shortens s to n cells at a word, marking the cut with an
// ellipsis (see wording.Shorten).
func truncate(s string, n int) string { return wording.Shorten(s, n) }

// roleTitle is a role's title in n cells: in full where it fits, else the
// bank's short form, else cut at a word.
func roleTitle(b *assess.Bank, f *assess.RoleFit, n int) string {
	if ansi.StringWidth(f.Title) <= n {
		return f.Title
	}
	if ro := b.Role(f.ID); ro != nil && ansi.StringWidth(ro.ShortTitle()) <= n {
		return ro.ShortTitle()
	}
	return truncate(f.Title, n)
}
