package tui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

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
}

// Outcome is what the person did, for the message printed after exit.
type Outcome struct {
	SessionID string
	Path      string
	Started   bool
	Finished  bool
	SaveErr   error
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

	dirty   bool
	seq     uint64      // snapshot number, counted in Update
	saveMu  *sync.Mutex // serialises writes made by save commands
	written *uint64     // newest snapshot on disk, guarded by saveMu
}

// Questions returns the questions of the session's mode.
func (s *State) Questions(b *assess.Bank) []*assess.Question {
	return b.QuestionsFor(s.File.Answers.Mode)
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

	welcome  welcomeScreen
	quiz     quizScreen
	overview overviewScreen
	results  resultsScreen
	gap      gapScreen
	save     saveScreen
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
		State:  &State{Dir: opts.Dir, Now: now, saveMu: &sync.Mutex{}, written: new(uint64)},
	}
	a := &App{c: c, help: help.New(), static: opts.StaticCursor}
	a.help.Styles = help.DefaultStyles(true)
	a.welcome = newWelcome(c, opts.Offer)
	a.quiz = newQuiz(c, opts.StaticCursor)
	a.overview = newOverview(c)
	a.results = newResults(c)
	a.gap = newGap(c)
	a.save = newSave(c, opts.WorkDir, opts.StaticCursor)
	if opts.Resume != nil {
		a.begin(opts.Resume, false)
	}
	return a
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
	if st.Dir != "" {
		st.Path = storage.SessionPath(st.Dir, f.Session.ID)
	}
	a.outcome.SessionID, a.outcome.Path, a.outcome.Started = f.Session.ID, st.Path, true
	a.quiz.open(a.quiz.startIndex(), fresh)
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
	for _, q := range b.QuestionsFor(f.Answers.Mode) {
		if ans, ok := f.Answers.Items[q.ID]; !ok || !(ans.Skipped || ans.Given(q.Kind)) {
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
	if st.File == nil || st.Dir == "" {
		return nil
	}
	st.File.Session.Updated = st.Now()
	var buf bytes.Buffer
	if err := storage.WriteAnswers(&buf, a.c.Bank, st.File); err != nil {
		return send(savedMsg{err: err})
	}
	st.seq++
	dir, path, data, seq, mu, written := st.Dir, st.Path, buf.Bytes(), st.seq, st.saveMu, st.written
	return func() tea.Msg {
		// Saves may run concurrently; an older snapshot must never land
		// after a newer one.
		mu.Lock()
		defer mu.Unlock()
		if seq <= *written {
			return savedMsg{path: path}
		}
		if err := mkdirPrivate(dir); err != nil {
			return savedMsg{path: path, err: err}
		}
		if err := storage.WriteFileAtomic(path, data, true); err != nil {
			return savedMsg{path: path, err: err}
		}
		*written = seq
		return savedMsg{path: path}
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
		return a, nil
	case savedMsg:
		a.c.State.SaveErr = msg.err
		a.c.State.Saved = msg.err == nil
		if msg.err != nil {
			a.status = "Could not save: " + msg.err.Error()
		}
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

// typing reports whether the focus is in a text field, where letters are
// text rather than commands.
func (a *App) typing() bool {
	switch a.screen {
	case screenWelcome:
		return a.welcome.typing()
	case screenQuiz:
		return a.quiz.typing()
	case screenSave:
		return true
	}
	return false
}

func (a *App) start(msg startMsg) tea.Cmd {
	if msg.resume && a.welcome.offer != nil {
		f, _, err := storage.LoadSession(a.c.State.Dir, a.welcome.offer.ID, a.c.Bank)
		if err != nil {
			a.status = "Could not resume: " + err.Error()
			return nil
		}
		a.begin(f, false)
		return nil
	}
	ans := assess.NewAnswers(a.c.Bank, msg.mode)
	ans.Target = msg.target
	ans.Profile.Name = msg.name
	ans.Profile.CurrentRole = msg.role
	a.begin(&storage.File{Answers: ans}, true)
	return a.saveCmd()
}

func (a *App) resize(w, h int) {
	a.c.Layout = ComputeLayout(w, h)
	a.help.SetWidth(max(0, w-2))
	a.quiz.resize()
	a.save.resize()
	a.welcome.resize()
}

// View draws the whole window: header, the screen's body, footer.
func (a *App) View() tea.View {
	v := tea.NewView(a.Render())
	v.AltScreen = true
	v.WindowTitle = "secpath"
	return v
}

// Render returns the frame as a string, exactly Height lines of at most
// Width cells.
func (a *App) Render() string {
	l := a.c.Layout
	s := a.c.Styles
	if l.TooSmall {
		msg := fmt.Sprintf("Terminal too small: secpath needs %d×%d, this is %d×%d. Enlarge the window, or run secpath --accessible.", MinWidth, MinHeight, l.Width, l.Height)
		var lines []string
		for _, line := range wrap(msg, max(10, l.Width-1)) {
			lines = append(lines, s.Warn.Render(line))
		}
		return fitBlock(strings.Join(lines, "\n"), l.Width, l.Height)
	}
	title, right, progress := a.headerParts()
	var b strings.Builder
	b.WriteString(joinEnds(s.Title.Render(" secpath")+s.Header.Render("  "+title), s.Header.Render(right+" "), l.Width))
	b.WriteByte('\n')
	b.WriteString(progress)
	b.WriteByte('\n')
	if !l.Compact {
		b.WriteByte('\n')
	}
	var body string
	switch {
	case a.confirm:
		body = a.confirmView()
	case a.full:
		body = a.fullHelpView()
	default:
		body = a.screenView()
	}
	b.WriteString(fitBlock(indent(body, l.Margin), l.Width, l.Body))
	b.WriteByte('\n')
	b.WriteString(fitLine(" "+s.Status.Render(a.statusLine()), l.Width))
	b.WriteByte('\n')
	b.WriteString(fitLine(" "+a.help.View(a.helpKeys()), l.Width))
	return b.String()
}

func (a *App) screenView() string {
	switch a.screen {
	case screenWelcome:
		return a.welcome.View()
	case screenQuiz:
		return a.quiz.View()
	case screenOverview:
		return a.overview.View()
	case screenResults:
		return a.results.View()
	case screenGap:
		return a.gap.View()
	case screenSave:
		return a.save.View()
	}
	return ""
}

func (a *App) headerParts() (title, right, progress string) {
	l := a.c.Layout
	switch a.screen {
	case screenWelcome:
		return "security leadership self-assessment", "", ""
	case screenQuiz:
		return a.quiz.header(l.Width)
	case screenOverview:
		return "sections", "", ""
	case screenResults:
		return "results", a.results.header(), ""
	case screenGap:
		return "gap", "", ""
	case screenSave:
		return "export", "", ""
	}
	return "", "", ""
}

func (a *App) statusLine() string {
	switch {
	case a.status != "":
		return a.status
	case a.c.State.SaveErr != nil:
		return "Not saved: " + a.c.State.SaveErr.Error()
	case a.c.State.Started && a.c.State.Saved:
		return "Saved automatically · session " + a.c.State.File.Session.ID
	}
	return "Everything stays on this machine."
}

func (a *App) helpKeys() help.KeyMap {
	k := a.c.Keys
	if a.confirm {
		return helpKeys{short: []key.Binding{k.Yes, withHelp(k.No, "n/esc", "stay")}}
	}
	if a.full {
		return helpKeys{short: []key.Binding{withHelp(k.Back, "any key", "close")}}
	}
	return a.screenKeys()
}

// screenKeys returns the keys of the screen on show, with the global ones.
func (a *App) screenKeys() helpKeys {
	k := a.c.Keys
	var hk helpKeys
	switch a.screen {
	case screenWelcome:
		hk = a.welcome.keys()
	case screenQuiz:
		hk = a.quiz.keys()
	case screenOverview:
		hk = a.overview.keys()
	case screenResults:
		hk = a.results.keys()
	case screenGap:
		hk = a.gap.keys()
	case screenSave:
		hk = a.save.keys()
	}
	if !a.typing() {
		hk.short = append(hk.short, k.Help, k.Quit)
	} else {
		hk.short = append(hk.short, k.TextQuit)
	}
	return hk
}

func (a *App) confirmView() string {
	s := a.c.Styles
	msg := "Leave secpath?"
	if a.c.State.Started {
		msg += "\n\nYour answers are saved. Resume any time with\n" + s.Strong.Render("secpath resume "+a.c.State.File.Session.ID)
	}
	msg += "\n\n" + s.Accent.Render("y") + " leave   " + s.Accent.Render("n") + " stay"
	return "\n" + s.Box.Render(msg)
}

func (a *App) fullHelpView() string {
	s := a.c.Styles
	hk := a.screenKeys()
	var b strings.Builder
	b.WriteString(s.Section.Render("Keys on this screen") + "\n\n")
	seen := map[string]bool{}
	for _, group := range append([][]key.Binding{hk.ShortHelp()}, hk.FullHelp()...) {
		for _, kb := range group {
			h := kb.Help()
			if h.Key == "" || seen[h.Key+h.Desc] || !kb.Enabled() {
				continue
			}
			seen[h.Key+h.Desc] = true
			fmt.Fprintf(&b, "  %s  %s\n", s.Accent.Render(fmt.Sprintf("%-12s", h.Key)), s.Text.Render(h.Desc))
		}
	}
	b.WriteString("\n" + s.Muted.Render("ctrl+c or q asks before leaving; answers are saved after each one."))
	return b.String()
}

// Run starts the interface on a terminal and returns how it ended.
func Run(ctx context.Context, opts Options, in io.Reader, out io.Writer, environ []string) (Outcome, error) {
	app := New(opts)
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out), tea.WithEnvironment(environ)}
	if noColor(environ) {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
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

// fitLine truncates a line to width cells.
func fitLine(s string, width int) string {
	if strings.Contains(s, "\n") {
		s = s[:strings.IndexByte(s, '\n')]
	}
	return ansi.Truncate(s, width, "…")
}

// fitBlock makes text exactly height lines, each at most width cells.
func fitBlock(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, "…")
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func indent(s string, n int) string {
	if n <= 0 {
		return s
	}
	pad := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// joinEnds puts left and right text on one line of the given width.
func joinEnds(left, right string, width int) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return fitLine(left, width)
	}
	return left + strings.Repeat(" ", gap) + right
}
