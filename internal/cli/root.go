package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
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
	err := root.ExecuteContext(ctx)
	if err != nil {
		if isCobraUsage(err) {
			err = usageError{err}
		}
		reportError(env.Stderr, err)
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
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return interactive(cmd.Context(), env, opts, launch{})
		},
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&opts.questionsDir, "questions", "", "use the bank in `DIR` instead of the embedded one")
	pf.BoolVar(&opts.accessible, "accessible", false, "numbered line prompts instead of the full-screen interface")
	pf.BoolVar(&opts.mentor, "mentor", false, "mentor mode")
	root.AddCommand(
		newValidateCmd(env, opts),
		newRolesCmd(env, opts),
		newTemplateCmd(env, opts),
		newScoreCmd(env, opts),
		newPlanCmd(env, opts),
		newCompareCmd(env, opts),
		newCohortCmd(env, opts),
		newSessionsCmd(env, opts),
		newResumeCmd(env, opts),
		newReviewCmd(env, opts),
		newVersionCmd(env),
	)
	return root
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

func newVersionCmd(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of secpath and of its embedded bank",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			bankName, bankVersion := "unavailable", ""
			if b, _, err := env.defaultBank(); err == nil {
				bankName, bankVersion = b.Meta.Name, b.Meta.Version
			}
			fmt.Fprintf(env.Stdout, "secpath %s\nembedded bank %s %s (schema %d)\n", version(), bankName, bankVersion, assess.SchemaVersion)
			return nil
		},
	}
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// forceHint adds the option that allows replacing a file to the error
// that says one is in the way.
func forceHint(err error) error {
	if errors.Is(err, storage.ErrExists) {
		return fmt.Errorf("%w (use --force to replace it)", err)
	}
	return err
}
