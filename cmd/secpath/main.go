// Command secpath assesses a security professional against the
// competencies of security leadership roles and writes a development plan.
// See README.md for the commands.
package main

import (
	"context"
	"os"

	"github.com/secpath/secpath/internal/cli"
	"github.com/secpath/secpath/internal/prewarm" // initialised early: see the package
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Bank:   prewarm.Bank().Default,
	}))
}
