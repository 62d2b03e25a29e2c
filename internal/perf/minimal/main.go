// Command minimal is the smallest Bubble Tea v2 program: one view in the
// alternate screen, which quits on the first key press (or, with -now, as
// soon as its first frame is drawn). .ci/bench times its start-up to the
// first frame against secpath's, the same way in a real pseudo-terminal.
package main

import (
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct{ now bool }

func (m model) Init() tea.Cmd {
	if m.now {
		return tea.Quit // the final frame is drawn on the way out
	}
	return nil
}

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return m, tea.Quit
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView("minimal bubbletea v2 program\n\npress any key to quit\n")
	v.AltScreen = true
	v.WindowTitle = "minimal"
	return v
}

func main() {
	now := flag.Bool("now", false, "quit as soon as the first frame is drawn, without waiting for a key")
	flag.Parse()
	if _, err := tea.NewProgram(model{now: *now}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "minimal:", err)
		os.Exit(1)
	}
}
