package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=v1.2.3".
// The linker writes it before the program starts; no code assigns it, so
// it is constant for the life of the process.
var Version = ""

// options are the global flags, and the embedded bank's loader.
type options struct {
	embedded     func() (*assess.Bank, assess.Report, error)
	questionsDir string
	accessible   bool
	mentor       bool
}

// Run executes secpath with the given arguments and returns the exit code.
// It never panics on user input: a panic deep inside is turned into an
// error message rather than a stack trace.
func Run(ctx context.Context, args []string, env Env) (code int) {
	env = env.complete()
	// Everything a command prints passes through the sanitiser, so no
	// text from a file (a name, a note, a file name, a bank's titles)
	// reaches the terminal as a control code; only the full-screen
	// interface, which draws with escape sequences, gets the raw output.
	env.terminal = env.Stdout
	out, errs := safetext.NewWriter(env.Stdout), safetext.NewWriter(env.Stderr)
	env.Stdout, env.Stderr = out, errs
	defer out.Flush()
	defer errs.Flush()
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(env.Stderr, "secpath: internal error: %v\nPlease report this with the command you ran.\n", r)
			code = ExitInvalid
		}
	}()
	root := newRoot(env)
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if err != nil {
		if isCobraUsage(err) {
			err = usageError{err}
		}
		// A mistake in how a command was called points to that command's
		// own help, which lists its flags and examples.
		reportError(env.Stderr, err, cmd.CommandPath())
	}
	return exitCode(err)
}

// isCobraUsage recognises cobra's own errors about commands and arguments.
func isCobraUsage(err error) bool {
	var ue usageError
	if errors.As(err, &ue) {
		return false
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "requires at most", "flag needs an argument", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

func newRoot(env Env) *cobra.Command {
	opts := &options{embedded: env.defaultBank}
	root := &cobra.Command{
		Use:   "secpath",
		Short: "How far you stand from IT Security Manager or CISO, why, and what to do about it",
		Long: `secpath assesses a security professional against the competencies of security
leadership roles (IT Security Manager, CISO and the roles around them), recommends
a path with a ranked list of gaps, and writes a development plan. Everything stays
on this machine.`,
		Version:       buildVersion(readBuildInfo),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          unknownCommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return interactive(cmd.Context(), env, opts, launch{})
		},
	}
	root.SetVersionTemplate("secpath {{.Version}}\n")
	root.SuggestionsMinimumDistance = 2
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	var (
		validate = newValidateCmd(env, opts)
		roles    = newRolesCmd(env, opts)
		template = newTemplateCmd(env, opts)
		score    = newScoreCmd(env, opts)
		plan     = newPlanCmd(env, opts)
		compare  = newCompareCmd(env, opts)
		cohort   = newCohortCmd(env, opts)
		sessions = newSessionsCmd(env, opts)
		resume   = newResumeCmd(env, opts)
		review   = newReviewCmd(env, opts)
	)
	// Each flag sits on the commands it changes, so a command's help lists
	// only what it takes and a flag that would do nothing is refused: the
	// bank on every command that reads one, the interface's flags on the
	// commands that open it. The root's own flags are local too, yet
	// `secpath --questions DIR score FILE` still works, because cobra parses
	// all the flags with the subcommand's set.
	for _, c := range []*cobra.Command{root, validate, roles, template, score, plan, compare, cohort, sessions, resume, review} {
		c.Flags().StringVar(&opts.questionsDir, "questions", "", "use the bank in `DIR` instead of the embedded one")
	}
	for _, c := range []*cobra.Command{root, resume, review} {
		c.Flags().BoolVar(&opts.accessible, "accessible", false, "numbered line prompts instead of the full-screen interface")
	}
	for _, c := range []*cobra.Command{root, resume} {
		c.Flags().BoolVar(&opts.mentor, "mentor", false, "mentor mode: a mentor panel on every question, gap review, sign-off")
	}
	root.AddCommand(validate, roles, template, score, plan, compare, cohort, sessions, resume, review,
		newVersionCmd(env),
		newCompletionCmd(),
		newManCmd(env),
	)
	addExamples(root)
	completeFlags(env, opts, root, plan, cohort, compare)
	return root
}

// unknownCommand refuses arguments to the root, which takes none: the
// first is a mistyped command, and the nearest commands are suggested
// (cobra does this only for a root without its own Args).
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return usagef("%s", msg)
}

// loadBank loads the bank the flags select.
func loadBank(opts *options) (*assess.Bank, error) {
	var (
		b   *assess.Bank
		err error
	)
	if opts.questionsDir != "" {
		b, _, err = questions.LoadDir(opts.questionsDir)
	} else if opts.embedded != nil {
		b, _, err = opts.embedded()
	} else {
		b, _, err = questions.Default()
	}
	return b, err
}

// loadBankAndSessions loads the bank and opens the sessions store.
func loadBankAndSessions(env Env, opts *options) (*assess.Bank, *storage.FileStore, error) {
	b, err := loadBank(opts)
	if err != nil {
		return nil, nil, err
	}
	store, err := env.sessions()
	if err != nil {
		return nil, nil, err
	}
	return b, store, nil
}

// loadSession reads a saved session by id. A session whose file does not
// parse is moved aside there and then (the store's Repair step), so it is
// not offered again, and the error says where it went.
func loadSession(store storage.Store, id string, b *assess.Bank) (*storage.File, error) {
	f, path, err := store.Load(id, b)
	if errors.Is(err, storage.ErrCorrupt) && path != "" {
		if r := store.Repair([]storage.SessionInfo{{Path: path, Err: err}}); len(r) == 1 {
			return nil, r[0].Err
		}
	}
	return f, err
}

// writeOutput writes a command's result to stdout, or atomically to a
// file that it never replaces without force, then says what it wrote.
func writeOutput(env Env, out string, data []byte, force bool, what string) error {
	if out == "" || out == "-" {
		_, err := env.Stdout.Write(data)
		return err
	}
	// A file is shown with cat or less as often as it is opened in an
	// editor: its text is made safe as the terminal's is.
	data = []byte(safetext.Text(string(data)))
	if err := storage.WriteFileAtomic(out, data, force); err != nil {
		return forceHint(err)
	}
	fmt.Fprintf(env.Stderr, "Wrote %s %s\n", out, what)
	return nil
}

// forceHint adds the option that allows replacing a file to the error
// that says one is in the way.
func forceHint(err error) error {
	if errors.Is(err, storage.ErrExists) {
		return fmt.Errorf("%w (use --force to replace it)", err)
	}
	return err
}
