package tui

import (
	tea "charm.land/bubbletea/v2"
)

// screenID names a screen; it indexes screenList and App.screens.
type screenID int

const (
	screenWelcome screenID = iota
	screenQuiz
	screenOverview
	screenResults
	screenGap
	screenSave
	screenReview
	screenGapReview
	screenCompare
)

// screenList builds every screen, by id. Adding a screen is its id above
// and one line here; the root does the rest through the Screen interface.
var screenList = []func(*Common, Options) Screen{
	screenWelcome:   newWelcome,
	screenQuiz:      newQuiz,
	screenOverview:  newOverview,
	screenResults:   newResults,
	screenGap:       newGap,
	screenSave:      newSave,
	screenReview:    newReview,
	screenGapReview: newGapReview,
	screenCompare:   newCompare,
}

// Screen is one page of the interface. The root holds every screen in a
// list and talks to the one on show through these methods only, so no
// part of the root knows a screen by its type.
type Screen interface {
	// Init returns the screen's first command (a cursor blink), or nil.
	Init() tea.Cmd
	// Open prepares the screen to show what a destination asks for, just
	// before it comes on show.
	Open(to Destination)
	// Update takes a message while the screen is on show, or a reply
	// addressed to it, and returns what the root should do next.
	Update(msg tea.Msg) Next
	// View draws the body between the header and the footer.
	View() string
	// Header returns the header's title, the text at its right end and
	// an optional progress line below it.
	Header(width int) (title, right, progress string)
	// SetSize and SetStyles follow a window resize and a change of
	// background. The root calls them on every screen, on show or not,
	// after putting the new layout and styles in Common, where View reads
	// them.
	SetSize(l Layout)
	SetStyles(s *Styles)
	// Keys are the keys that work now, for the help line.
	Keys() helpKeys
	// Typing reports whether the focus is in a text field, where letters
	// are text rather than commands.
	Typing() bool
	// Commit stores what is typed but not yet stored, before leaving the
	// program; the root saves the session after it.
	Commit()
}

// Destination is a screen to open, with what to show on it: a screen
// returns one in Next.Open, and a command or a test may send one as a
// message. The root opens Target and hands it the destination.
type Destination interface {
	Target() screenID
}

// Next is what one update of a screen asks of the root. The root acts on
// it before it takes the next message, so keys typed right after enter
// reach the screen enter opened, never the one it left.
type Next struct {
	// Cmd is an ordinary command: cursor blinks, an export's write.
	Cmd tea.Cmd
	// Changed reports that the session changed: the autosaver is told.
	Changed bool
	// Status, when not empty, is shown on the status line.
	Status string
	// Open is the screen to show next; nil stays.
	Open Destination
	// Start begins or resumes an assessment.
	Start *startRequest
}

// stay is a Next that keeps the screen on show and runs cmd.
func stay(cmd tea.Cmd) Next { return Next{Cmd: cmd} }

// changed is a Next that saves the session.
func changed() Next { return Next{Changed: true} }

// goTo is a Next that opens a destination.
func goTo(d Destination) Next { return Next{Open: d} }

// saving returns n with the session marked changed.
func (n Next) saving() Next {
	n.Changed = true
	return n
}

// addressed is a command's reply meant for one screen, whichever is on
// show when it arrives (an export finishing after esc).
type addressed interface {
	To() screenID
}

// screenBase gives a screen the methods most screens do nothing in; a
// screen embeds it and defines the ones it needs.
type screenBase struct{}

func (screenBase) Init() tea.Cmd     { return nil }
func (screenBase) Open(Destination)  {}
func (screenBase) SetSize(Layout)    {}
func (screenBase) SetStyles(*Styles) {}
func (screenBase) Typing() bool      { return false }
func (screenBase) Commit()           {}
