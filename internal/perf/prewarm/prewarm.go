// Package prewarm, imported for its side effect by cmd/secpath, gets the
// character-width table of go-runewidth ready in the background at
// start-up.
//
// Bubble Tea measures every character of a frame with it, and the first
// character outside ASCII and the Latin blocks builds its 2 MB lookup
// table: about a millisecond of page faults, which on secpath's first frame
// was a quarter of the difference from a minimal Bubble Tea program. This
// package has no dependency that waits on the terminal, so it is
// initialised early, before lipgloss, whose initialisation detects the
// terminal's colours (reading terminfo and, in tmux, running `tmux info`):
// the table is built while the main goroutine waits for that. Built later,
// in parallel with the interface's own start-up, it slowed that down as
// much as it saved. Only when the output is a terminal: a pipe never needs
// the table.
//
// It also starts building the embedded bank (see questions.Prebuild) at the
// same early moment, for main to hand to the commands.
package prewarm

import (
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-runewidth"

	"github.com/secpath/secpath/questions"
)

// embedded is the embedded bank being built in the background. It is
// assigned once, by its initialiser, and never again; what it points to
// hands its bank over through a channel, so any goroutine may ask it.
var embedded = questions.Prebuild()

// Bank returns the build of the embedded bank started at initialisation:
// main passes it to the commands, and the first of them to load the
// embedded bank takes it.
func Bank() *questions.Prebuilt { return embedded }

func init() {
	if term.IsTerminal(os.Stdout.Fd()) {
		go runewidth.RuneWidth('─') // sync.Once inside: safe to race with any reader
	}
}
