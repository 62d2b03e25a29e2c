package tui

import (
	"io"
	"os"
	"slices"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// startupProfile returns the colour profile lipgloss detected for the
// standard output when the program started (lipgloss.Writer), when Run
// draws there with the process's own environment: Bubble Tea would detect
// the same profile again, and detection reads the terminfo database and,
// inside tmux, runs `tmux info`, which costs more than the rest of
// secpath's start-up.
func startupProfile(out io.Writer, environ []string) (colorprofile.Profile, bool) {
	if f, ok := out.(*os.File); !ok || f != os.Stdout || lipgloss.Writer == nil || !slices.Equal(environ, os.Environ()) {
		return 0, false
	}
	return lipgloss.Writer.Profile, true
}
