// Command secpath assesses a security professional against the
// competencies of security leadership roles and writes a development plan.
// See README.md for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	xterm "github.com/charmbracelet/x/term"

	"github.com/secpath/secpath/internal/cli"
	"github.com/secpath/secpath/internal/perf/prewarm" // initialised early: see the package
)

func main() {
	ctx, stop := withSignals()
	code := cli.Run(ctx, os.Args[1:], processEnv())
	stop()
	os.Exit(code)
}

// SignalGrace is how long a command has to finish after SIGINT, SIGTERM
// or SIGHUP: the interfaces stop at once, saving as they go and putting
// the terminal back; a command that cannot stop midway (a cohort of
// thousands) is ended after it, having written nothing partial.
const SignalGrace = 2 * time.Second

// withSignals cancels the context on SIGINT, SIGTERM or SIGHUP, with the
// signal as its cause (the exit status comes from it: 130, 143, 129).
func withSignals() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			se := &cli.SignalError{Signal: s}
			cancel(se)
			select {
			case <-time.After(SignalGrace):
				os.Exit(se.ExitCode())
			case <-done:
			}
		case <-done:
		}
	}()
	return ctx, func() { signal.Stop(sigs); close(done) }
}

// processEnv is the one place secpath reads its streams, environment,
// directories and clock from the process; every command gets them from
// the Env.
func processEnv() cli.Env {
	// Without a working or home directory secpath still runs: the
	// interface then saves exports where it is told, and the sessions
	// directory comes from XDG_STATE_HOME or is reported missing.
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	return cli.Env{
		Stdin:     os.Stdin,
		Stdout:    os.Stdout,
		Stderr:    os.Stderr,
		StdinTTY:  xterm.IsTerminal(os.Stdin.Fd()),
		StdoutTTY: xterm.IsTerminal(os.Stdout.Fd()),
		StderrTTY: xterm.IsTerminal(os.Stderr.Fd()),
		Environ:   os.Environ(),
		Getenv:    os.Getenv,
		WorkDir:   wd,
		HomeDir:   home,
		Now:       time.Now,
		Bank:      prewarm.Bank().Default,
	}
}
