package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
)

// Messages between screens and the root. Screens never switch screens
// themselves: they return a command that yields one of these.

// startMsg asks to begin (or resume) the assessment.
type startMsg struct {
	resume bool
	mode   assess.Mode
	target string
	name   string
	role   string
	// mentor turns mentor mode on; mentorName is the mentor's name.
	mentor     bool
	mentorName string
}

// answeredMsg reports that the session changed and should be saved.
type answeredMsg struct{}

// gotoQuestionMsg opens the quiz at a question index of the mode.
type gotoQuestionMsg struct{ index int }

// overviewMsg opens the section overview.
type overviewMsg struct{}

// resultsMsg opens the results.
type resultsMsg struct{}

// gapMsg opens the detail of one gap for a role.
type gapMsg struct {
	role       string
	competency string
}

// gapReviewMsg starts the mentor's walk through a role's ranked gaps, at
// the gap with this index.
type gapReviewMsg struct {
	role  string
	index int
}

// compareMsg opens the comparison with the earlier assessment; role is the
// role whose gaps are compared.
type compareMsg struct{ role string }

// backMsg returns from a detail screen to the results.
type backMsg struct{}

// saveDialogMsg opens the export screen, planning for a role ("" for the
// recommended next step).
type saveDialogMsg struct{ role string }

// savedMsg reports the end of an autosave: of snapshot seq, holding
// answered questions answered or skipped. stale is set when a newer
// snapshot was already on disk, so this one was not written.
type savedMsg struct {
	path     string
	err      error
	seq      uint64
	answered int
	stale    bool
}

// exportedMsg reports the end of a save to a chosen file.
type exportedMsg struct {
	path string
	err  error
}

// statusMsg shows a short message in the footer.
type statusMsg string

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// emit queues a message for the root to handle as soon as the current
// Update returns, in the same update. Navigation goes this way rather than
// through a command so that keys typed quickly after enter reach the new
// screen, never the old one.
func (c *Common) emit(msg tea.Msg) tea.Cmd {
	c.pending = append(c.pending, msg)
	return nil
}
