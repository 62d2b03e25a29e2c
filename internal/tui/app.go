package tui

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// Options configure the interface.
type Options struct {
	Bank *assess.Bank
	// Dir is where sessions are saved.
	Dir string
	// Resume, when set, opens this session straight in the quiz.
	Resume *storage.File
	// Offer is an unfinished session the welcome screen offers to resume.
	Offer *storage.SessionInfo
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// StaticCursor stops cursor blinking, for golden tests.
	StaticCursor bool
	// WorkDir is where exported files go by default.
	WorkDir string
	// Mentor turns mentor mode on: every question shows the mentor panel
	// (prompt, the mentor's rating, notes), and the results offer the gap
	// review and the self/mentor basis. The welcome screen can still turn it
	// off.
	Mentor bool
	// ReviewPath opens a mentee's answers file for review (mentor mode is
	// implied). The file is loaded from Resume when set, else read from this
	// path; saves go back to this path, not to Dir. The mentee's answers are
	// read-only: only the mentor's view is written.
	ReviewPath string
	// Previous is an earlier assessment of the same person, for the compare
	// screen; nil when there is none.
	Previous *storage.File
	// PreviousByName offers, for a session without Previous, the latest
	// earlier assessment of a person by lower-cased name, so a new
	// assessment can be compared as soon as it is finished.
	PreviousByName map[string]*storage.File
	// OfferFile is the session Offer describes, already read, so resuming
	// it needs no file access inside Update.
	OfferFile *storage.File
	// SavePath, when set, is where a resumed session is saved (a session
	// file opened from outside the sessions directory).
	SavePath string
	// Notice is shown on the status line until the first key, e.g. that a
	// corrupt session file was moved aside.
	Notice string
	// NoFiles is for a person who does not own the machine (a workshop
	// server's participant): the export dialog, which writes files where
	// the person names, is switched off. Sessions still save to Dir.
	NoFiles bool
	// Privacy replaces what the welcome screen says about where answers
	// are kept, and PrivacyStatus the status line's short form, for a
	// host where they are not kept on the person's own machine; "" keeps
	// "Everything stays on this machine".
	Privacy, PrivacyStatus string
	// ResumeHint replaces the leave dialog's "Resume any time with secpath
	// resume ID" where that command is not how the person comes back.
	ResumeHint string
}

// Outcome is what the person did, for the message printed after exit.
type Outcome struct {
	SessionID string
	Path      string
	Started   bool
	Finished  bool
	SaveErr   error
	// Review is set when a mentee's file was reviewed; Path is that file.
	Review bool
}

// Common is shared by every screen: the layout, styles, keys and the
// session being filled in.
type Common struct {
	Layout Layout
	Styles *Styles
	Keys   KeyMap
	Bank   *assess.Bank
	State  *State
	// Result is the scored session the results screen shows; the gap
	// detail and the gap review open on it.
	Result *assess.Result
	// Previous is the earlier assessment of the same person to compare
	// with, or nil.
	Previous *storage.File
	// Static stops cursor blinking, for golden tests.
	Static bool
	// Privacy, PrivacyStatus and ResumeHint are Options' (see there).
	Privacy, PrivacyStatus, ResumeHint string
}

// canCompare reports whether there is an earlier assessment to compare.
func (c *Common) canCompare() bool {
	return c.Previous != nil && c.Previous.Answers != nil && c.State.File != nil
}

// State is the assessment in progress. Screens change it in Update and
// say so in the Next they return; the root's autosaver then writes it in
// a command.
type State struct {
	File    *storage.File
	Dir     string
	Path    string
	Now     func() time.Time
	Started bool
	SaveErr error
	Saved   bool
	// Mentor is mentor mode: the mentor panel shows on every question.
	Mentor bool
	// ReadOnly is review mode: the mentee's answers cannot change; only the
	// mentor's view (State.File.Answers.Mentor) is written.
	ReadOnly bool
	// MentorName is the name given on the welcome screen, used when the
	// mentor's view is created.
	MentorName string

	// SavedAnswered is how many questions the last completed save holds an
	// answer to, skipped ones apart: the status line shows it, so what it
	// reports is on disk.
	SavedAnswered int
	// SavedSkipped is how many of the questions it held were skipped.
	SavedSkipped int
}

// Questions returns the questions of the session's mode.
func (s *State) Questions(b *assess.Bank) []*assess.Question {
	return b.QuestionsAsked(s.File.Answers.Mode, s.File.Answers)
}

// mentorView returns the mentor's view, or nil before the first write.
func (s *State) mentorView() *assess.MentorView {
	if s.File == nil {
		return nil
	}
	return s.File.Answers.Mentor
}

// App is the root model.
type App struct {
	c       *Common
	screens []Screen // by screenID, built from screenList
	screen  screenID // the screen on show
	saver   autosaver
	help    help.Model
	confirm bool // the leave dialog is open
	full    bool // full help is open
	leaving bool // quitting once the last save is done
	status  string
	outcome Outcome

	previousByName map[string]*storage.File
	offerFile      *storage.File
	offer          bool // the welcome screen offers a session to resume
}

// New builds the root model.
func New(opts Options) *App {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	c := &Common{
		Layout:   ComputeLayout(80, 24),
		Styles:   NewStyles(true),
		Keys:     DefaultKeyMap(),
		Bank:     opts.Bank,
		State:    &State{Dir: opts.Dir, Now: now, Mentor: opts.Mentor || opts.ReviewPath != ""},
		Previous: opts.Previous,
		Static:   opts.StaticCursor,
		Privacy:  opts.Privacy, PrivacyStatus: opts.PrivacyStatus, ResumeHint: opts.ResumeHint,
	}
	if opts.NoFiles {
		c.Keys.Export.SetEnabled(false)
	}
	a := &App{c: c, help: help.New()}
	a.saver.snapshot = a.snapshot
	a.help.Styles = help.DefaultStyles(true)
	for _, build := range screenList {
		a.screens = append(a.screens, build(c, opts))
	}
	a.previousByName, a.offerFile, a.offer = opts.PreviousByName, opts.OfferFile, opts.Offer != nil
	a.status = opts.Notice
	switch {
	case opts.ReviewPath != "":
		f := opts.Resume
		if f == nil {
			var err error
			if f, err = storage.ReadAnswers(opts.ReviewPath, opts.Bank); err != nil {
				a.status = "Could not open the file to review: " + err.Error()
				c.State.Mentor = opts.Mentor
				return a
			}
		}
		a.openReview(f, opts.ReviewPath)
	case opts.Resume != nil:
		a.begin(opts.Resume, false)
		if opts.SavePath != "" {
			c.State.Path, c.State.Dir = opts.SavePath, filepath.Dir(opts.SavePath)
			a.outcome.Path = opts.SavePath
		}
	}
	return a
}

// findPrevious gives the compare screen the person's earlier assessment
// when the CLI did not name one.
func (a *App) findPrevious() {
	f := a.c.State.File
	if a.c.Previous != nil || f == nil || a.previousByName == nil {
		return
	}
	if prev := a.previousByName[strings.ToLower(strings.TrimSpace(f.Answers.Profile.Name))]; prev != nil && prev.Session.ID != f.Session.ID {
		a.c.Previous = prev
	}
}

// openReview makes a mentee's file current for review: the answers are
// read-only and every save goes back to the file itself.
func (a *App) openReview(f *storage.File, path string) {
	st := a.c.State
	st.File, st.Started, st.ReadOnly, st.Mentor = f, true, true, true
	st.Path, st.Dir = path, filepath.Dir(path)
	a.outcome = Outcome{SessionID: f.Session.ID, Path: path, Started: true, Review: true}
	a.open(gotoQuestionMsg{restart: true})
	a.open(reviewMsg{})
}

// begin makes a session current and opens the quiz at its position.
func (a *App) begin(f *storage.File, fresh bool) {
	st := a.c.State
	st.File = f
	st.Started = true
	now := st.Now()
	if f.Session.ID == "" {
		f.Session.ID = storage.NewSessionID(now)
	}
	if f.Session.Started.IsZero() {
		f.Session.Started = now
	}
	if st.Dir != "" && !st.ReadOnly {
		st.Path = storage.SessionPath(st.Dir, f.Session.ID)
	}
	a.outcome.SessionID, a.outcome.Path, a.outcome.Started = f.Session.ID, st.Path, true
	a.findPrevious()
	a.open(gotoQuestionMsg{restart: true})
	// A finished assessment opens on its results; the quiz is one key away.
	if !fresh && unanswered(a.c.Bank, f) == 0 {
		a.open(resultsMsg{})
	}
}

// open shows a destination's screen, prepared for it.
func (a *App) open(d Destination) {
	a.screen = d.Target()
	a.current().Open(d)
}

// current is the screen on show.
func (a *App) current() Screen { return a.screens[a.screen] }

// Outcome reports how the run ended.
func (a *App) Outcome() Outcome {
	a.outcome.SaveErr = a.c.State.SaveErr
	if f := a.c.State.File; f != nil {
		a.outcome.Finished = unanswered(a.c.Bank, f) == 0
	}
	return a.outcome
}

// unanswered counts the questions of the mode not yet answered or skipped.
func unanswered(b *assess.Bank, f *storage.File) int {
	n := 0
	for _, q := range b.QuestionsAsked(f.Answers.Mode, f.Answers) {
		if !f.Answers.Done(q) {
			n++
		}
	}
	return n
}

// Init asks for the background colour (for light or dark styles) and the
// window size, and starts the screens' cursors.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	for _, sc := range a.screens {
		cmds = append(cmds, sc.Init())
	}
	return tea.Batch(cmds...)
}

// Update handles the root's own messages and hands the rest to the screen
// on show (or to the screen a reply is addressed to), then acts on what
// that screen asked for.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return a, nil
	case tea.BackgroundColorMsg:
		a.c.Styles = NewStyles(msg.IsDark())
		a.help.Styles = help.DefaultStyles(msg.IsDark())
		for _, sc := range a.screens {
			sc.SetStyles(a.c.Styles)
		}
		return a, nil
	case savedMsg:
		return a, a.saved(msg)
	case statusMsg:
		a.status = string(msg)
		return a, nil
	case Destination:
		a.open(msg)
		return a, nil
	case addressed:
		return a, a.act(a.screens[msg.To()].Update(msg))
	case tea.KeyPressMsg:
		if cmd, done := a.globalKey(msg); done {
			return a, cmd
		}
	}
	return a, a.act(a.current().Update(msg))
}

// act does what a screen's update asked for: save, show a status, start
// the assessment, open another screen.
func (a *App) act(n Next) tea.Cmd {
	cmds := []tea.Cmd{n.Cmd}
	if n.Start != nil {
		n.Changed = a.start(*n.Start) || n.Changed
	}
	if n.Open != nil {
		a.open(n.Open)
	}
	if n.Status != "" {
		a.status = n.Status
	}
	if n.Changed {
		cmds = append(cmds, a.saver.changed())
	}
	return tea.Batch(cmds...)
}

// saved takes an autosave's report. The status says saved only for a
// write that returned without error, so what it reports is on disk.
func (a *App) saved(msg savedMsg) tea.Cmd {
	st := a.c.State
	next := a.saver.done(msg)
	st.SaveErr = msg.err
	st.Saved = msg.err == nil
	if msg.err != nil {
		a.status = "Could not save: " + msg.err.Error()
	} else {
		st.SavedAnswered, st.SavedSkipped = msg.answered, msg.skipped
	}
	if a.leaving && a.saver.idle() {
		return tea.Quit
	}
	return next
}

// leave commits what is typed on the screen on show, saves, and quits
// once the newest state is written, so leaving never loses a note.
func (a *App) leave() tea.Cmd {
	a.current().Commit()
	a.leaving = true
	if cmd := a.saver.changed(); cmd != nil || !a.saver.idle() {
		// A write, or the report of one in flight, ends in saved, which
		// quits when nothing is left to write.
		return cmd
	}
	return tea.Quit
}

// Leave commits what is on screen, saves and quits once it is written, as
// confirming the leave dialog does: for a host that ends the program
// itself (a server closing, a timeout). Call it from Update.
func (a *App) Leave() tea.Cmd { return a.leave() }

// Progress reports the session in progress: its id and the name given
// ("" before one starts), how many of its questions are answered or
// skipped, and how many it asks. Call it from Update or View.
func (a *App) Progress() (id, name string, done, total int) {
	f := a.c.State.File
	if f == nil {
		return "", "", 0, 0
	}
	total = len(a.c.State.Questions(a.c.Bank))
	return f.Session.ID, f.Answers.Profile.Name, total - unanswered(a.c.Bank, f), total
}

// globalKey handles the leave dialog, help and quitting.
func (a *App) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.c.Keys
	if a.confirm {
		switch {
		case msg.String() == "ctrl+c" || keyIs(msg, k.Yes):
			a.confirm = false
			return a.leave(), true
		case keyIs(msg, k.No) || keyIs(msg, k.Back):
			a.confirm = false
		}
		return nil, true
	}
	if a.full {
		a.full = false
		return nil, true
	}
	typing := a.current().Typing()
	switch {
	case msg.String() == "ctrl+c" || (!typing && keyIs(msg, k.Quit)):
		// Before anything is started the welcome asks too, as help
		// says, unless the window is too small to show the question.
		if !a.c.State.Started && a.c.Layout.TooSmall {
			return tea.Quit, true
		}
		a.confirm = true
		return nil, true
	case !typing && keyIs(msg, k.Help):
		a.full = true
		return nil, true
	}
	a.status = ""
	return nil, false
}

// start begins the assessment the welcome screen set up, or resumes the
// one it offered; it reports whether a session began, to be saved.
func (a *App) start(msg startRequest) bool {
	st := a.c.State
	st.Mentor = msg.mentor
	st.MentorName = msg.mentorName
	if msg.resume && a.offer {
		if a.offerFile == nil {
			a.status = "Could not resume: the session could not be read."
			return false
		}
		a.begin(a.offerFile, false)
		a.nameMentor()
		return true
	}
	ans := assess.NewAnswers(a.c.Bank, msg.mode)
	ans.Target = msg.target
	ans.Profile.Name = msg.name
	ans.Profile.CurrentRole = msg.role
	for id, v := range msg.answers {
		ans.Items[id] = v
	}
	a.begin(&storage.File{Answers: ans}, true)
	a.nameMentor()
	return true
}

// nameMentor records the mentor's name from the welcome screen: typing it
// is the mentor's first write.
func (a *App) nameMentor() {
	st := a.c.State
	if !st.Mentor || st.MentorName == "" {
		return
	}
	a.c.mentor().SetName(st.MentorName)
}

func (a *App) resize(w, h int) {
	a.c.Layout = ComputeLayout(w, h)
	a.help.SetWidth(max(0, w-2))
	for _, sc := range a.screens {
		sc.SetSize(a.c.Layout)
	}
}

// Run starts the interface on a terminal and returns how it ended.
func Run(ctx context.Context, opts Options, in io.Reader, out io.Writer, environ []string) (Outcome, error) {
	app := New(opts)
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out), tea.WithEnvironment(environ)}
	if noColor(environ) {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	} else if p, ok := startupProfile(out, environ); ok {
		popts = append(popts, tea.WithColorProfile(p))
	}
	_, err := tea.NewProgram(app, popts...).Run()
	return app.Outcome(), err
}

// noColor treats any non-empty NO_COLOR as a request for no colour, as
// no-color.org asks (colorprofile alone accepts only true-like values).
func noColor(environ []string) bool {
	for _, e := range environ {
		if v, ok := strings.CutPrefix(e, "NO_COLOR="); ok && v != "" {
			return true
		}
	}
	return false
}
