package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
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
				return writeJSON(env.Stdout, res)
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

func writeScore(w io.Writer, b *assess.Bank, a *assess.Answers, res *assess.Result, explain bool) error {
	lw := &lineWriter{w: w}
	who := a.Profile.Name
	if who == "" {
		who = "Assessment"
	}
	lw.line(fmt.Sprintf("%s · %s %s · %s mode · %d of %d questions answered", who, res.Bank.Name, res.Bank.Version, res.Mode, res.Answered, res.Asked))
	for _, n := range res.Notes {
		lw.wrapped("Note: ", n)
	}

	lw.line("")
	lw.line("Readiness by role")
	for _, r := range res.Roles {
		extra := ""
		if n := len(r.Blockers); n > 0 {
			extra = fmt.Sprintf("  %d blocker(s)", n)
		}
		lw.line(fmt.Sprintf("  %-42s %s %5.1f%%%s", truncate(r.Title, 42), bar(r.Readiness/100, 20), r.Readiness, extra))
	}

	rec := res.Recommendation
	lw.line("")
	lw.line("Recommendation")
	if ro := b.Role(rec.NextRole); ro != nil {
		lw.line("  Next step:  " + ro.Title)
	}
	if ro := b.Role(rec.LongTermRole); ro != nil {
		lw.line("  Long-term:  " + ro.Title)
	}
	for _, l := range rec.Rationale {
		lw.wrapped("  - ", l)
	}

	d := res.Dimensions
	lw.line("")
	lw.line(fmt.Sprintf("Placement: technical depth %.1f · strategic breadth %.1f · leadership %.1f (0-5)", d.TechnicalDepth, d.StrategicBreadth, d.Leadership))

	if next := res.RoleFit(rec.NextRole); next != nil {
		lw.line("")
		lw.line(fmt.Sprintf("Gaps for %s, highest priority first (priority = weight x shortfall)", next.Title))
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
				lw.wrapped("  - ", bl.Message)
			}
		}
	}

	if len(res.Calibration) > 0 {
		lw.line("")
		lw.line("Calibration (self-rating vs scenario answers differ by 2 levels or more)")
		for _, c := range res.Calibration {
			lw.wrapped("  - ", c.Message)
		}
	}

	if len(res.Certifications) > 0 {
		lw.line("")
		lw.line("Certifications (from the published rules; never a statement of eligibility)")
		for _, c := range res.Certifications {
			lw.wrapped(fmt.Sprintf("  %-10s %-11s ", truncate(c.Abbr, 10), c.Status), c.Message)
		}
	}

	lw.line("")
	lw.line("Competencies (level 0-5, share of its questions answered)")
	for _, c := range res.Competencies {
		lw.line(fmt.Sprintf("  %-40s %s %.1f  %3.0f%%  %s", truncate(c.Name, 40), bar(c.Level/5, 10), c.Level, c.Confidence*100, c.Dimension))
		if explain {
			for _, ct := range c.Contributions {
				conf := string(ct.Confidence)
				if conf == "" {
					conf = "unset"
				}
				lw.line(fmt.Sprintf("      %-30s %-8s level %.0f  weight %.2f (confidence %s)", truncate(ct.Question, 30), ct.Kind, ct.Level, ct.Weight, conf))
			}
		}
	}
	if explain {
		lw.line("")
		for _, l := range explainText {
			lw.wrapped("", l)
		}
	}
	return lw.err
}

var explainText = []string{
	"How the numbers are made:",
	"- Level of a competency = sum(weight x level) / sum(weight) over its answered questions; weight = the question's weight for the competency x the answer's confidence (high 1.0, medium or unset 0.8, low 0.5).",
	"- Share answered = the question weight answered / the question weight asked for that competency.",
	"- Readiness for a role = 100 x sum(w x min(level, target)) / sum(w x target) over the role's targets: being above a target earns nothing extra.",
	"- Gap priority = weight x (target - level). Blockers (years, expected certifications) are reported beside readiness, never inside it.",
	"- Technical depth = mean of your three highest technical levels; strategic breadth and leadership = means over all competencies of those dimensions.",
	"- Calibration: flagged where your self-ratings and your scenario answers for one competency differ by 2 levels or more.",
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
