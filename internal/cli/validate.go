package cli

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
	"github.com/secpath/secpath/questions"
)

// validateJSON is the `validate --json` document.
type validateJSON struct {
	OK       bool                `json:"ok"`
	Bank     *assess.BankRef     `json:"bank,omitempty"`
	Counts   map[string]int      `json:"counts"`
	Errors   []assess.Diagnostic `json:"errors"`
	Warnings []assess.Diagnostic `json:"warnings"`
}

func newValidateCmd(env Env, opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a question bank: syntax, references and content rules",
		Long: `Check a question bank directory (or, with no DIR, the --questions bank or the
embedded one). Errors name the file, line and column; content rules are reported
as warnings. Exits 1 when there are errors.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := opts.questionsDir
			if len(args) == 1 {
				dir = args[0]
			}
			var (
				b   *assess.Bank
				rep assess.Report
				err error
			)
			if dir == "" {
				b, rep, err = questions.DefaultWithPositions()
			} else {
				b, rep, err = questions.LoadDir(dir)
			}
			if b != nil {
				rep.Warnings = append(rep.Warnings, b.Freshness(env.Today())...)
			}
			var inv *assess.InvalidError
			if err != nil && !errors.As(err, &inv) {
				if asJSON {
					out := validateJSON{Counts: map[string]int{}, Errors: []assess.Diagnostic{{File: dir, Message: err.Error()}}, Warnings: []assess.Diagnostic{}}
					if e := writeJSON(env.Stdout, out); e != nil {
						return e
					}
					return silent{err}
				}
				return err
			}
			if asJSON {
				out := validateJSON{OK: err == nil, Counts: counts(b), Errors: nonNil(rep.Errors), Warnings: nonNil(rep.Warnings)}
				if b != nil {
					out.Bank = &assess.BankRef{Name: b.Meta.Name, Version: b.Meta.Version}
				}
				if e := writeJSON(env.Stdout, out); e != nil {
					return e
				}
				if err != nil {
					return silent{err}
				}
				return nil
			}
			for _, d := range rep.Warnings {
				fmt.Fprintf(env.Stdout, "warning: %s\n", d.Error())
			}
			if err != nil {
				return err // each error is printed on stderr with its position
			}
			c := counts(b)
			fmt.Fprintf(env.Stdout, "ok: %s %s: %d roles, %d competencies, %d questions (%d in quick mode), %d certifications, %d actions",
				b.Meta.Name, b.Meta.Version, c["roles"], c["competencies"], c["questions"], c["quick_questions"], c["certifications"], c["actions"])
			if n := len(rep.Warnings); n > 0 {
				fmt.Fprintf(env.Stdout, ", %s", wording.Count(n, "warning", "warnings"))
			}
			fmt.Fprintln(env.Stdout)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}

// silent is an error whose message was already shown; it only sets the
// exit code, unless it carries a message worth a last line on stderr.
type silent struct{ err error }

func (s silent) Error() string { return s.err.Error() }

func counts(b *assess.Bank) map[string]int {
	if b == nil {
		return map[string]int{}
	}
	quick := 0
	for i := range b.Questions {
		if b.Questions[i].Quick {
			quick++
		}
	}
	scenarios := 0
	for i := range b.Questions {
		if b.Questions[i].Kind == assess.KindScenario {
			scenarios++
		}
	}
	return map[string]int{
		"roles": len(b.Roles), "competencies": len(b.Competencies), "questions": len(b.Questions),
		"quick_questions": quick, "scenarios": scenarios, "certifications": len(b.Certifications),
		"actions": len(b.Actions), "sections": len(b.Sections), "facts": len(b.Facts),
	}
}

func nonNil(d []assess.Diagnostic) []assess.Diagnostic {
	if d == nil {
		return []assess.Diagnostic{}
	}
	return d
}

func writeJSON(w interface{ Write([]byte) (int, error) }, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}
