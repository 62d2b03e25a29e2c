package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
)

// Destinations and messages between screens and the root. Screens never
// switch screens themselves: they return a Next naming a destination, and
// the root opens it.

// startRequest asks the root to begin (or resume) the assessment, in
// Next.Start.
type startRequest struct {
	resume bool
	mode   assess.Mode
	target string
	name   string
	role   string
	// answers are answers given on the welcome (the organisation's size).
	answers map[string]assess.Answer
	// mentor turns mentor mode on; mentorName is the mentor's name.
	mentor     bool
	mentorName string
}

// gotoQuestionMsg opens the quiz at a question index of the mode. restart
// begins the questionnaire on the session anew, at its saved position
// (index is then ignored).
type gotoQuestionMsg struct {
	index   int
	restart bool
}

// overviewMsg opens the section overview.
type overviewMsg struct{}

// resultsMsg opens the results, scored afresh.
type resultsMsg struct{}

// backMsg returns from a detail screen to the results as they were.
type backMsg struct{}

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

// saveDialogMsg opens the export screen, planning for a role ("" for the
// recommended next step).
type saveDialogMsg struct{ role string }

// reviewMsg opens the review of a mentee's file.
type reviewMsg struct{}

func (gotoQuestionMsg) Target() screenID { return screenQuiz }
func (overviewMsg) Target() screenID     { return screenOverview }
func (resultsMsg) Target() screenID      { return screenResults }
func (backMsg) Target() screenID         { return screenResults }
func (gapMsg) Target() screenID          { return screenGap }
func (gapReviewMsg) Target() screenID    { return screenGapReview }
func (compareMsg) Target() screenID      { return screenCompare }
func (saveDialogMsg) Target() screenID   { return screenSave }
func (reviewMsg) Target() screenID       { return screenReview }

// savedMsg reports the end of an autosave write holding answered
// questions answered or skipped, or an answers file that could not be
// encoded (wrote false: nothing was written).
type savedMsg struct {
	path     string
	err      error
	answered int
	skipped  int
	wrote    bool
}

// exportedMsg reports the end of a save to a chosen file; it goes to the
// export screen whichever screen is on show.
type exportedMsg struct {
	path string
	err  error
}

func (exportedMsg) To() screenID { return screenSave }

// statusMsg shows a short message in the footer.
type statusMsg string

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
