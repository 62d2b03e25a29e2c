package cli

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
)

func newPlanCmd(env Env, opts *options) *cobra.Command {
	var (
		format, out, role, start string
		force                    bool
		assume                   []string
	)
	cmd := &cobra.Command{
		Use:   "plan ANSWERS",
		Short: "Write a development plan: SMART goals, 70-20-10 actions, timeline, certifications, check-ins",
		Long: `Write a personal development plan from an answers file, for the recommended next
role or the one given with --role. Dates follow from --start (default today), so the
same answers and start give the same plan. --assume answers "what if": cert=cism,
risk-management=4, years-managing=3 (repeatable). Without -o the plan goes to stdout.
Files are written atomically with mode 0600 and never replace a file without --force.`,
		Args: exactArgs(1, "plan needs the answers file: secpath plan ANSWERS"),
		RunE: func(_ *cobra.Command, args []string) error {
			f, err := export.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			day := env.Today()
			if start != "" {
				day, err = time.Parse("2006-01-02", start)
				if err != nil {
					return usagef("--start %q: use a date as YYYY-MM-DD", start)
				}
				// A plan runs for years from its start: within ten years of
				// today either way, every date in it is a date people and
				// the plan's schema read as one.
				today := env.Today()
				if lo, hi := today.AddDate(-MaxStartYears, 0, 0), today.AddDate(MaxStartYears, 0, 0); day.Before(lo) || day.After(hi) {
					return usagef("--start %s: give a date from %s to %s, within %d years of today", start, lo.Format("2006-01-02"), hi.Format("2006-01-02"), MaxStartYears)
				}
			}
			b, err := loadBank(opts)
			if err != nil {
				return err
			}
			var asm []assess.Assumption
			for _, s := range assume {
				a, err := assess.ParseAssumption(b, s)
				if err != nil {
					return usageError{err}
				}
				asm = append(asm, a)
			}
			file, err := storage.ReadAnswers(args[0], b)
			if err != nil {
				return err
			}
			p, err := assess.BuildPlan(b, file.Answers, assess.PlanOptions{Role: role, Start: day, Assumptions: asm})
			if errors.Is(err, assess.ErrNothingToPlan) {
				return fmt.Errorf("%s: %w: answer the questions, or name a role with --role", args[0], err)
			}
			if err != nil {
				return usagef("--role: %v", err)
			}
			var buf bytes.Buffer
			if err := export.Write(&buf, f, b, p); err != nil {
				return err
			}
			return writeOutput(env, out, buf.Bytes(), force, fmt.Sprintf("(%s plan for %s)", f, p.Role.Title))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "md", "md, json, html or csv")
	fl.StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists")
	fl.StringVar(&role, "role", "", "plan for this role `ID` (see secpath roles) instead of the recommended next step")
	fl.StringVar(&start, "start", "", "first day of the plan, `YYYY-MM-DD` (default today)")
	fl.StringArrayVar(&assume, "assume", nil, "what-if, e.g. cert=cism, risk-management=4, years-managing=3 (repeatable)")
	return cmd
}

// MaxStartYears is how far from today a plan may start.
const MaxStartYears = 10
