package cli

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

// minCompetencyChange is the smallest level change compare lists.
const minCompetencyChange = 0.1

func newCompareCmd(env Env, opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "compare OLD NEW",
		Short: "What changed between two assessments: readiness, levels, gaps, certifications",
		Long: `Compare two assessments of one person, each an answers file or a saved session
id (see 'secpath sessions'; a unique prefix is enough). Both are scored with the
same bank. Gaps are compared for the newer assessment's recommended next role.
A warning is printed when the two name different people.`,
		Args: exactArgs(2, "compare needs two answers files or session ids: secpath compare OLD NEW"),
		RunE: func(_ *cobra.Command, args []string) error {
			b, err := loadBank(opts)
			if err != nil {
				return err
			}
			old, oldLabel, err := loadAssessment(env, b, args[0])
			if err != nil {
				return err
			}
			cur, curLabel, err := loadAssessment(env, b, args[1])
			if err != nil {
				return err
			}
			on, nn := strings.TrimSpace(old.Answers.Profile.Name), strings.TrimSpace(cur.Answers.Profile.Name)
			if on != "" && nn != "" && !strings.EqualFold(on, nn) {
				fmt.Fprintf(env.Stderr, "secpath: warning: comparing two people: %s names %q, %s names %q\n", oldLabel, on, curLabel, nn)
			}
			cmp := assess.Compare(b, assess.Score(b, old.Answers), assess.Score(b, cur.Answers))
			if asJSON {
				worded := *cmp
				worded.Summary = wording.CompareSummary(b, cmp)
				return writeJSON(env.Stdout, &worded)
			}
			who := nn
			if who == "" {
				who = on
			}
			if on != "" && nn != "" && !strings.EqualFold(on, nn) {
				who = on + " → " + nn
			}
			return writeComparison(env.Stdout, b, cmp, who, oldLabel, curLabel)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the comparison as JSON")
	return cmd
}

// loadAssessment reads an answers file, or, when no file has that name, a
// saved session by id. The label names it for messages.
func loadAssessment(env Env, b *assess.Bank, arg string) (*storage.File, string, error) {
	if isFileArg(arg) {
		f, err := storage.ReadAnswers(arg, b)
		return f, arg, err
	}
	store, err := env.sessions()
	if err != nil {
		return nil, "", err
	}
	f, err := loadSession(store, arg, b)
	if errors.Is(err, storage.ErrNoSession) {
		return nil, "", fmt.Errorf("%s: no such file, and no saved session has that id (see `secpath sessions`)", arg)
	}
	if err != nil {
		return nil, "", err
	}
	return f, "session " + f.Session.ID, nil
}

// judgementChange writes the overall judgement before and after.
func judgementChange(j assess.JudgementChange) string {
	switch {
	case j.Old != nil && j.New != nil:
		return fmt.Sprintf("%.1f → %.1f (%+.1f), over %d scenarios now", j.Old.Score, j.New.Score, j.Delta, j.New.Scenarios)
	case j.New != nil:
		return wording.Judgement(j.New) + " now; none answered then"
	case j.Old != nil:
		return wording.Judgement(j.Old) + " then; none answered now"
	}
	return "no scenario answered in either"
}

// writeComparison prints a comparison for a person.
func writeComparison(w io.Writer, b *assess.Bank, c *assess.Comparison, who, oldLabel, newLabel string) error {
	lw := &lineWriter{w: w}
	if who == "" {
		who = "Assessment"
	}
	lw.line(who + ": what changed")
	lw.wrapped("  Old: ", oldLabel)
	lw.wrapped("  New: ", newLabel)
	lw.line("")
	for _, s := range wording.CompareSummary(b, c) {
		lw.wrapped("  ", s)
	}

	lw.line("")
	lw.line("Readiness by role (old → new), highest rise first; fit beside it")
	lw.line(fmt.Sprintf("  %-32s %-19s    %s", "", "readiness", "fit"))
	for _, r := range c.Roles {
		lw.line(fmt.Sprintf("  %-32s %4s → %-4s %6s   %4s → %-4s %6s", truncate(r.Name, 32),
			wording.Percent(r.Old), wording.Percent(r.New), fmt.Sprintf("%+.1f", r.Delta),
			wording.Percent(r.OldFit), wording.Percent(r.NewFit), fmt.Sprintf("%+.1f", r.FitDelta)))
	}
	var now, opened []string
	for _, r := range c.Roles {
		switch {
		case r.NewBlocked && r.NewBlockedMonths > 0:
			now = append(now, fmt.Sprintf("%s (~%d months)", r.Name, r.NewBlockedMonths))
		case r.NewBlocked:
			now = append(now, r.Name)
		case r.OldBlocked:
			opened = append(opened, r.Name)
		}
	}
	lw.line("")
	lw.wrapped("Blocked by experience: ", fmt.Sprintf("%d roles then, %d now.", c.OldBlocked, c.NewBlocked))
	if len(now) > 0 {
		lw.wrapped("  blocked now: ", strings.Join(now, "; "))
	}
	if len(opened) > 0 {
		lw.wrapped("  no longer blocked: ", strings.Join(opened, "; "))
	}

	lw.line("")
	lw.line("Judgement (scenario answers, 0-5): " + judgementChange(c.Judgement))
	if c.OldUnverified+c.NewUnverified > 0 {
		lw.line(fmt.Sprintf("Unverified self-ratings: %d then, %d now", c.OldUnverified, c.NewUnverified))
	}

	lw.line("")
	lw.line(fmt.Sprintf("Competency levels (0-5) that moved %.1f or more, largest change first", minCompetencyChange))
	var moved []assess.CompetencyChange
	for _, ch := range c.Competencies {
		if math.Abs(ch.Delta) >= minCompetencyChange-1e-9 {
			moved = append(moved, ch)
		}
	}
	sort.SliceStable(moved, func(i, j int) bool { return math.Abs(moved[i].Delta) > math.Abs(moved[j].Delta) })
	if len(moved) == 0 {
		lw.line("  none")
	}
	for _, ch := range moved {
		row := fmt.Sprintf("  %-34s %4.2f → %4.2f  %+5.2f", truncate(ch.Name, 34), ch.Old, ch.New, ch.Delta)
		if ch.OldJudgement != nil && ch.NewJudgement != nil {
			row += fmt.Sprintf("  judgement %.1f → %.1f", *ch.OldJudgement, *ch.NewJudgement)
		}
		if ch.NewUnverified {
			row += "  unverified"
		}
		lw.line(row)
	}

	lw.line("")
	if len(c.NewCertifications) == 0 {
		lw.line("New certifications: none")
	} else {
		lw.wrapped("New certifications: ", strings.Join(c.NewCertifications, ", "))
	}

	lw.line("")
	role := c.RoleTitle
	if role == "" {
		role = c.Role
	}
	lw.line(fmt.Sprintf("Gaps for %s (the newer assessment's next step)", role))
	gaps := func(label string, gs []assess.GapChange) {
		if len(gs) == 0 {
			lw.line(fmt.Sprintf("  %s none", label))
			return
		}
		for _, g := range gs {
			lw.line(fmt.Sprintf("  %s %-40s %4.2f → %4.2f  (target %d)", label, truncate(g.Name, 40), g.Old, g.New, g.Target))
			label = strings.Repeat(" ", len(label))
		}
	}
	gaps("Closed:", c.GapsClosed)
	gaps("Opened:", c.GapsOpened)

	lw.line("")
	lw.line("Calibration: self-ratings against scenario answers, levels apart")
	cal := func(label string, cs []assess.CalibrationChange) {
		if len(cs) == 0 {
			lw.line(fmt.Sprintf("  %s none", label))
			return
		}
		for _, ch := range cs {
			lw.line(fmt.Sprintf("  %s %-40s %4.2f → %4.2f", label, truncate(ch.Name, 40), ch.OldSpread, ch.NewSpread))
			label = strings.Repeat(" ", len(label))
		}
	}
	cal("Improved:", c.CalibrationBetter)
	cal("Worsened:", c.CalibrationWorse)
	return lw.err
}
