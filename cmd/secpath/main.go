// Command secpath assesses a security professional against the
// competencies of security leadership roles and writes a development plan.
// See README.md for the commands.
package main

import (
	"context"
	"os"
	"time"

	xterm "github.com/charmbracelet/x/term"

	"github.com/secpath/secpath/internal/cli"
	"github.com/secpath/secpath/internal/perf/prewarm" // initialised early: see the package
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], processEnv()))
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
