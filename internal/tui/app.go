package tui

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// screen is the screen on show.
type screen int

const (
	screenWelcome screen = iota
	screenQuiz
	screenOverview
	screenResults
	screenGap
	screenSave
	screenReview
	screenGapReview
	screenCompare
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

	pending []tea.Msg
}

// State is the assessment in progress. Screens change it in Update; the
// root saves it with a command after every change.
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

	// SavedAnswered is how many questions (answered or skipped) the last
	// completed save holds: the status line shows it, so what it reports is
	// on disk.
	SavedAnswered int

	dirty    bool
	seq      uint64      // snapshot number, counted in Update
	savedSeq uint64      // newest snapshot whose save has been reported
	saveMu   *sync.Mutex // serialises writes made by save commands
	written  *uint64     // newest snapshot on disk, guarded by saveMu
}

// Questions returns the questions of the session's mode.
func (s *State) Questions(b *assess.Bank) []*assess.Question {
	return b.QuestionsAsked(s.File.Answers.Mode, s.File.Answers)
}

// writeMentor applies a change to the mentor's view, creating it on the
// first write, and stamps it. The caller emits answeredMsg to save.
func (s *State) writeMentor(change func(m *assess.MentorView)) {
	a := s.File.Answers
	if a.Mentor == nil {
		a.Mentor = &assess.MentorView{Name: s.MentorName}
	}
	if a.Mentor.Ratings == nil {
		a.Mentor.Ratings = map[string]assess.MentorRating{}
	}
	change(a.Mentor)
	a.Mentor.Updated = s.Now()
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
	screen  screen
	help    help.Model
	confirm bool // the leave dialog is open
	full    bool // full help is open
	status  string
	outcome Outcome
	static  bool

	previousByName map[string]*storage.File
	offerFile      *storage.File

	welcome  welcomeScreen
	quiz     quizScreen
	overview overviewScreen
	results  resultsScreen
	gap      gapScreen
	save     saveScreen
	review   reviewScreen
	agree    gapReviewScreen
	compare  compareScreen
}

// New builds the root model.
func New(opts Options) *App {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	c := &Common{
		Layout: ComputeLayout(80, 24),
		Styles: NewStyles(true),
		Keys:   DefaultKeyMap(),
		Bank:   opts.Bank,
		State:  &State{Dir: opts.Dir, Now: now, Mentor: opts.Mentor || opts.ReviewPath != "", saveMu: &sync.Mutex{}, written: new(uint64)},
	}
	a := &App{c: c, help: help.New(), static: opts.StaticCursor}
	a.help.Styles = help.DefaultStyles(true)
	a.welcome = newWelcome(c, opts.Offer)
	a.quiz = newQuiz(c, opts.StaticCursor)
	a.overview = newOverview(c)
	a.results = newResults(c, opts.Previous != nil)
	a.gap = newGap(c)
	a.save = newSave(c, opts.WorkDir, opts.StaticCursor)
	a.review = newReview(c, opts.StaticCursor)
	a.agree = newGapReview(c, opts.StaticCursor)
	a.compare = newCompare(c, opts.Previous)
	a.previousByName, a.offerFile = opts.PreviousByName, opts.OfferFile
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
	if a.compare.previous != nil || f == nil || a.previousByName == nil {
		return
	}
	if prev := a.previousByName[strings.ToLower(strings.TrimSpace(f.Answers.Profile.Name))]; prev != nil && prev.Session.ID != f.Session.ID {
		a.compare.previous = prev
		a.results.previous = true
	}
}

// openReview makes a mentee's file current for review: the answers are
// read-only and every save goes back to the file itself.
func (a *App) openReview(f *storage.File, path string) {
	st := a.c.State
	st.File, st.Started, st.ReadOnly, st.Mentor = f, true, true, true
	st.Path, st.Dir = path, filepath.Dir(path)
	a.outcome = Outcome{SessionID: f.Session.ID, Path: path, Started: true, Review: true}
	a.quiz.open(a.quiz.begin(), false)
	a.review.open()
	a.screen = screenReview
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
	a.quiz.open(a.quiz.begin(), fresh)
	a.screen = screenQuiz
	// A finished assessment opens on its results; the quiz is one key away.
	if !fresh && unanswered(a.c.Bank, f) == 0 {
		a.results.refresh()
		a.screen = screenResults
	}
}

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
// window size.
func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.quiz.blinkCmd())
}

// saveCmd writes the session in the background. The answers are encoded
// here, in Update, so the command works on a snapshot.
func (a *App) saveCmd() tea.Cmd {
	st := a.c.State
	if st.File == nil || st.Path == "" {
		return nil
	}
	st.File.Session.Updated = st.Now()
	var buf bytes.Buffer
	if err := storage.WriteAnswers(&buf, a.c.Bank, st.File); err != nil {
		return send(savedMsg{err: err})
	}
	st.seq++
	dir, path, data, seq, mu, written := st.Dir, st.Path, buf.Bytes(), st.seq, st.saveMu, st.written
	answered := len(st.Questions(a.c.Bank)) - unanswered(a.c.Bank, st.File)
	return func() tea.Msg {
		// Saves may run concurrently; an older snapshot must never land
		// after a newer one.
		mu.Lock()
		defer mu.Unlock()
		if seq <= *written {
			return savedMsg{path: path, seq: seq, stale: true}
		}
		if err := mkdirPrivate(dir); err != nil {
			return savedMsg{path: path, seq: seq, err: err}
		}
		if err := storage.WriteFileAtomic(path, data, true); err != nil {
			return savedMsg{path: path, seq: seq, err: err}
		}
		*written = seq
		return savedMsg{path: path, seq: seq, answered: answered}
	}
}

// Update routes messages to the screen on show, then handles the messages
// the screens emitted on the way.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := a.update(msg)
	cmds := []tea.Cmd{cmd}
	for len(a.c.pending) > 0 {
		next := a.c.pending[0]
		a.c.pending = a.c.pending[1:]
		_, c := a.update(next)
		cmds = append(cmds, c)
	}
	if a.c.State.dirty {
		a.c.State.dirty = false
		cmds = append(cmds, a.saveCmd())
	}
	return a, tea.Batch(cmds...)
}

func (a *App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return a, nil
	case tea.BackgroundColorMsg:
		a.c.Styles = NewStyles(msg.IsDark())
		a.help.Styles = help.DefaultStyles(msg.IsDark())
		a.quiz.restyle()
		a.save.restyle()
		a.welcome.restyle()
		a.review.restyle()
		a.agree.restyle()
		return a, nil
	case savedMsg:
		st := a.c.State
		// Reports may arrive out of order; only the newest snapshot's
		// counts. A stale one was never written: a newer one was.
		if msg.stale || (msg.seq != 0 && msg.seq <= st.savedSeq) {
			return a, nil
		}
		st.savedSeq = max(st.savedSeq, msg.seq)
		st.SaveErr = msg.err
		st.Saved = msg.err == nil
		if msg.err != nil {
			a.status = "Could not save: " + msg.err.Error()
			return a, nil
		}
		st.SavedAnswered = msg.answered
		return a, nil
	case statusMsg:
		a.status = string(msg)
		return a, nil
	case startMsg:
		return a, a.start(msg)
	case answeredMsg:
		a.c.State.dirty = true
		return a, nil
	case gotoQuestionMsg:
		a.quiz.open(msg.index, false)
		a.screen = screenQuiz
		return a, nil
	case overviewMsg:
		a.overview.refresh()
		a.screen = screenOverview
		return a, nil
	case resultsMsg:
		a.results.refresh()
		a.screen = screenResults
		return a, nil
	case gapMsg:
		a.gap.open(msg.role, msg.competency, a.results.result)
		a.screen = screenGap
		return a, nil
	case backMsg:
		a.screen = screenResults
		return a, nil
	case gapReviewMsg:
		a.agree.open(msg.role, msg.index, a.results.result)
		a.screen = screenGapReview
		return a, nil
	case compareMsg:
		if !a.compare.available() {
			a.status = "There is no earlier assessment of this person to compare with."
			return a, nil
		}
		a.compare.open(msg.role)
		a.screen = screenCompare
		return a, nil
	case saveDialogMsg:
		a.save.open(msg.role)
		a.screen = screenSave
		return a, nil
	case exportedMsg:
		a.save.done(msg)
		if msg.err == nil {
			a.status = "Saved " + msg.path
			a.screen = screenResults
		}
		return a, nil
	case tea.KeyPressMsg:
		if cmd, done := a.globalKey(msg); done {
			return a, cmd
		}
	}
	var cmd tea.Cmd
	switch a.screen {
	case screenWelcome:
		a.welcome, cmd = a.welcome.Update(msg)
	case screenQuiz:
		a.quiz, cmd = a.quiz.Update(msg)
	case screenOverview:
		a.overview, cmd = a.overview.Update(msg)
	case screenResults:
		a.results, cmd = a.results.Update(msg)
	case screenGap:
		a.gap, cmd = a.gap.Update(msg)
	case screenSave:
		a.save, cmd = a.save.Update(msg)
	case screenReview:
		a.review, cmd = a.review.Update(msg)
	case screenGapReview:
		a.agree, cmd = a.agree.Update(msg)
	case screenCompare:
		a.compare, cmd = a.compare.Update(msg)
	}
	return a, cmd
}

// globalKey handles the leave dialog, help and quitting.
func (a *App) globalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.c.Keys
	if a.confirm {
		switch {
		case msg.String() == "ctrl+c" || keyIs(msg, k.Yes):
			a.confirm = false
			a.flush()
			return tea.Sequence(a.saveCmd(), tea.Quit), true
		case keyIs(msg, k.No) || keyIs(msg, k.Back):
			a.confirm = false
		}
		return nil, true
	}
	if a.full {
		a.full = false
		return nil, true
	}
	typing := a.typing()
	switch {
	case msg.String() == "ctrl+c" || (!typing && keyIs(msg, k.Quit)):
		if !a.c.State.Started {
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

// flush stores what is typed but not yet committed on the screen on show,
// so leaving never loses a note.
func (a *App) flush() {
	switch a.screen {
	case screenQuiz:
		if !a.quiz.empty() {
			a.quiz.commitExtras()
			a.quiz.commitMentorNotes()
		}
	case screenGapReview:
		a.agree.commit()
	default:
		// The other screens hold nothing typed.
	}
}

// typing reports whether the focus is in a text field, where letters are
// text rather than commands.
func (a *App) typing() bool {
	switch a.screen {
	case screenWelcome:
		return a.welcome.typing()
	case screenQuiz:
		return a.quiz.typing()
	case screenSave, screenReview:
		return true
	case screenGapReview:
		return a.agree.typing()
	default:
		return false
	}
}

func (a *App) start(msg startMsg) tea.Cmd {
	st := a.c.State
	st.Mentor = msg.mentor
	st.MentorName = msg.mentorName
	if msg.resume && a.welcome.offer != nil {
		if a.offerFile == nil {
			a.status = "Could not resume: the session could not be read."
			return nil
		}
		a.begin(a.offerFile, false)
		a.nameMentor()
		return a.saveCmd()
	}
	ans := assess.NewAnswers(a.c.Bank, msg.mode)
	ans.Target = msg.target
	ans.Profile.Name = msg.name
	ans.Profile.CurrentRole = msg.role
	a.begin(&storage.File{Answers: ans}, true)
	a.nameMentor()
	return a.saveCmd()
}

// nameMentor records the mentor's name from the welcome screen: typing it
// is the mentor's first write.
func (a *App) nameMentor() {
	st := a.c.State
	if !st.Mentor || st.MentorName == "" {
		return
	}
	if m := st.mentorView(); m != nil && m.Name == st.MentorName {
		return
	}
	st.writeMentor(func(m *assess.MentorView) { m.Name = st.MentorName })
}

func (a *App) resize(w, h int) {
	a.c.Layout = ComputeLayout(w, h)
	a.help.SetWidth(max(0, w-2))
	a.quiz.resize()
	a.save.resize()
	a.welcome.resize()
	a.review.resize()
	a.agree.resize()
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
