package tui

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
	"github.com/secpath/secpath/questions"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 22, 10, 15, 0, 0, time.UTC) }

const testSession = "20261122-101500-abcd"

func defaultBank(t testing.TB) *assess.Bank {
	t.Helper()
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type testApp struct {
	*App
	t   testing.TB
	dir string
}

func newTestApp(t testing.TB, w, h int, opts Options) *testApp {
	t.Helper()
	if opts.Bank == nil {
		opts.Bank = defaultBank(t)
	}
	dir := t.TempDir()
	opts.Dir = filepath.Join(dir, "sessions")
	opts.Now = fixedNow
	opts.StaticCursor = true
	if opts.WorkDir == "" {
		opts.WorkDir = dir
	}
	a := &testApp{App: New(opts), t: t, dir: dir}
	a.send(tea.WindowSizeMsg{Width: w, Height: h})
	a.send(tea.BackgroundColorMsg{Color: color.Black})
	return a
}

// send delivers a message and runs the commands it returns, feeding their
// messages back, as the program would. It reports whether a quit came.
func (a *testApp) send(msg tea.Msg) (quit bool) {
	_, cmd := a.Update(msg)
	return a.run(cmd)
}

func (a *testApp) run(cmd tea.Cmd) (quit bool) {
	if cmd == nil {
		return false
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
		return false
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range m {
			quit = a.run(c) || quit
		}
		return quit
	case savedMsg, exportedMsg, statusMsg:
		_, next := a.Update(m)
		return a.run(next)
	}
	// tea.Sequence yields an unexported slice of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice {
		for i := 0; i < v.Len(); i++ {
			if c, ok := v.Index(i).Interface().(tea.Cmd); ok {
				quit = a.run(c) || quit
			}
		}
	}
	return quit
}

var keyCodes = map[string]tea.Key{
	"enter": {Code: tea.KeyEnter}, "tab": {Code: tea.KeyTab}, "esc": {Code: tea.KeyEscape},
	"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
	"space": {Code: tea.KeySpace, Text: " "}, "pgdown": {Code: tea.KeyPgDown}, "pgup": {Code: tea.KeyPgUp},
	"backspace": {Code: tea.KeyBackspace}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+s": {Code: 's', Mod: tea.ModCtrl},
}

// press sends named keys ("enter", "down") or, for anything else, types
// the text one rune at a time.
func (a *testApp) press(keys ...string) (quit bool) {
	for _, k := range keys {
		if code, ok := keyCodes[k]; ok {
			quit = a.send(tea.KeyPressMsg(code)) || quit
			continue
		}
		for _, r := range k {
			quit = a.send(tea.KeyPressMsg{Code: r, Text: string(r)}) || quit
		}
	}
	return quit
}

func (a *testApp) screenText() string { return ansi.Strip(a.Render()) }

// startQuick starts a quick assessment aiming for the CISO.
func (a *testApp) startQuick() {
	a.t.Helper()
	a.press("right", "down", "right", "enter") // quick; target: CISO
	if a.screen != screenQuiz {
		a.t.Fatalf("not in the quiz:\n%s", a.screenText())
	}
	a.c.State.File.Session.ID = testSession
	a.c.State.Path = storage.SessionPath(a.c.State.Dir, testSession)
	a.outcome.SessionID, a.outcome.Path = testSession, a.c.State.Path
}

// gotoQuestion opens the quiz at a question id.
func (a *testApp) gotoQuestion(id string) {
	a.t.Helper()
	for i, q := range a.c.State.Questions(a.c.Bank) {
		if q.ID == id {
			a.send(gotoQuestionMsg{index: i})
			return
		}
	}
	a.t.Fatalf("no question %s in this mode", id)
}

func (a *testApp) loadPersona(name string) {
	a.t.Helper()
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", name+".toml"), a.c.Bank)
	if err != nil {
		a.t.Fatal(err)
	}
	f.Session.ID = testSession
	a.begin(f, false)
}

func checkFrame(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Errorf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, n, w, ansi.Strip(l))
		}
	}
}

func TestWelcomeStartsAQuickAssessment(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	// A person is asked one of each regime scenario and its alternative.
	full := len(a.c.Bank.QuestionsAsked(assess.Full, nil))
	if want := fmt.Sprintf("Full: %s, %d questions", wording.Minutes(full), full); full >= len(a.c.Bank.Questions) || !strings.Contains(a.screenText(), want) {
		t.Fatalf("welcome lacks %q:\n%s", want, a.screenText())
	}
	quick := len(a.c.Bank.QuestionsFor(assess.Quick))
	a.press("right")
	if !strings.Contains(a.screenText(), fmt.Sprintf("Quick: %s, %d questions", wording.Minutes(quick), quick)) {
		t.Errorf("mode did not change:\n%s", a.screenText())
	}
	a.press("down", "right", "down", "Sam", "enter")
	ans := a.c.State.File.Answers
	if ans.Mode != assess.Quick || ans.Target != "it-security-manager" || ans.Profile.Name != "Sam" {
		t.Errorf("started with %+v", ans)
	}
	if a.screen != screenQuiz || !strings.Contains(a.screenText(), fmt.Sprintf("1 of %d", quick)) {
		t.Errorf("quiz did not open at question 1:\n%s", a.screenText())
	}
	// The new session was saved straight away.
	if _, err := os.Stat(a.c.State.Path); err != nil {
		t.Errorf("session not saved: %v", err)
	}
}

func TestQuizAnswersEveryKind(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	// years-security is required: enter on an empty field refuses.
	a.press("enter")
	if !strings.Contains(a.screenText(), "needed for the assessment") {
		t.Errorf("required number skipped:\n%s", a.screenText())
	}
	a.press("x")
	if !strings.Contains(a.screenText(), "Type digits only") {
		t.Errorf("letters reach the number field:\n%s", a.screenText())
	}
	a.press("99", "enter")
	if !strings.Contains(a.screenText(), "99 is out of range: enter a number from 0 to 50 years") {
		t.Errorf("out of range accepted:\n%s", a.screenText())
	}
	// A decimal comma would read ten times too large: refused, not
	// stripped.
	a.press("backspace", "backspace", "2,5", "enter")
	if !strings.Contains(a.screenText(), "Use a full stop for decimals") || a.c.State.File.Answers.Items["years-security"].Number != nil {
		t.Errorf("a decimal comma accepted:\n%s", a.screenText())
	}
	a.press("backspace", "backspace", "backspace", "12", "enter")
	items := a.c.State.File.Answers.Items
	if n := items["years-security"].Number; n == nil || *n != 12 {
		t.Fatalf("years-security: %+v", items["years-security"])
	}
	// A number typed and left with tab is kept; evidence and confidence too.
	a.press("4", "tab", "Led two analysts", "tab", "right", "right", "right", "enter")
	got := items["years-managing"]
	if got.Number == nil || *got.Number != 4 || got.Evidence != "Led two analysts" || got.Confidence != assess.ConfidenceHigh {
		t.Errorf("years-managing: %+v", got)
	}
	// Certifications: search, select with a year, select another, done.
	a.gotoQuestion("certs-held")
	a.press("cism", "space", "2021", "enter", "backspace", "backspace", "backspace", "backspace", "down", "space", "esc", "enter")
	held := items["certs-held"].Held
	if len(held) != 2 || held[0] != (assess.HeldCert{ID: "cism", Year: 2021}) || held[1].ID != "issmp" {
		t.Errorf("certifications: %+v", held)
	}
	// Rating: move down twice and choose; the next question opens.
	first := a.quiz().current().ID
	a.press("down", "down", "enter")
	if items[first].Choice != 3 || a.quiz().current().ID == first {
		t.Errorf("rating: %+v, now on %s", items[first], a.quiz().current().ID)
	}
	// Skip, then come back: the skip is recorded and shown.
	skipped := a.quiz().current().ID
	a.press("s", "b")
	if !items[skipped].Skipped || !strings.Contains(a.screenText(), "(skipped)") {
		t.Errorf("skip: %+v\n%s", items[skipped], a.screenText())
	}
	// Back again shows the chosen option marked.
	a.press("b")
	if !strings.Contains(a.screenText(), "(•)") {
		t.Errorf("chosen option not marked:\n%s", a.screenText())
	}
	// Everything given is on disk.
	f, err := storage.ReadAnswers(a.c.State.Path, a.c.Bank)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.Answers.Items, a.c.State.File.Answers.Items) {
		t.Errorf("saved answers differ:\n%+v\n%+v", f.Answers.Items, a.c.State.File.Answers.Items)
	}
}

func TestTargetsAreNeverShownWhileRating(t *testing.T) {
	a := newTestApp(t, 120, 40, Options{})
	a.startQuick()
	for i := 0; i < len(a.c.State.Questions(a.c.Bank)); i++ {
		a.send(gotoQuestionMsg{index: i})
		text := a.screenText()
		// Role targets appear only in the results: as "target for <role>",
		// "Target (level n)", readiness figures or the recommended path.
		for _, word := range []string{"target for", "Target (level", "readiness", "Readiness", "Next step", "Long-term"} {
			if strings.Contains(text, word) {
				t.Errorf("question %s shows %q:\n%s", a.quiz().current().ID, word, text)
			}
		}
	}
}

func TestOverviewJumpsToASection(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	a.press("12", "enter", "esc")
	if a.screen != screenOverview || !strings.Contains(a.screenText(), "Your experience") {
		t.Fatalf("overview:\n%s", a.screenText())
	}
	experience := 0
	for _, q := range a.c.State.Questions(a.c.Bank) {
		if q.Section == "experience" {
			experience++
		}
	}
	if !strings.Contains(a.screenText(), fmt.Sprintf("1/%d", experience)) {
		t.Errorf("completion not counted:\n%s", a.screenText())
	}
	a.press("down", "down", "enter")
	if a.screen != screenQuiz || a.quiz().current().Section != "operations" {
		t.Errorf("jumped to %s", a.quiz().current().Section)
	}
	a.press("esc")
	if a.screen != screenOverview {
		t.Errorf("esc does not go back to the sections")
	}
}

func TestQuitAsksSavesAndResumes(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	a.press("7", "enter")
	// A number field takes no letters: q asks before leaving, as anywhere,
	// and the field keeps what was typed.
	a.press("3", "q")
	if !a.confirm {
		t.Fatal("q in a number field did not ask before leaving")
	}
	a.press("n")
	if v := a.quiz().number.Value(); v != "3" {
		t.Fatalf("number field holds %q after q, want 3", v)
	}
	a.press("ctrl+s")
	a.gotoQuestion("risk-register")
	if a.press("q") {
		t.Fatal("q left without asking")
	}
	if !strings.Contains(a.screenText(), "Leave secpath?") || !strings.Contains(a.screenText(), "secpath resume "+testSession) {
		t.Fatalf("no leave dialog:\n%s", a.screenText())
	}
	a.press("n")
	if a.confirm || a.screen != screenQuiz {
		t.Fatal("n did not stay")
	}
	if a.press("ctrl+c") || !a.confirm {
		t.Fatal("ctrl+c did not ask")
	}
	if !a.press("y") {
		t.Fatal("y did not quit")
	}
	out := a.Outcome()
	if out.SessionID != testSession || out.Finished || out.SaveErr != nil {
		t.Errorf("outcome: %+v", out)
	}
	// Resume: a new interface on the saved file opens where it stopped.
	f, _, err := storage.LoadSession(a.c.State.Dir, testSession, a.c.Bank)
	if err != nil {
		t.Fatal(err)
	}
	b := newTestApp(t, 80, 24, Options{Resume: f})
	if b.screen != screenQuiz || b.quiz().current().ID != "risk-register" || !b.c.State.File.Answers.Items["years-managing"].Skipped {
		t.Errorf("resumed at %s", b.quiz().current().ID)
	}
}

func TestWelcomeOffersToResume(t *testing.T) {
	offer := &storage.SessionInfo{ID: testSession, Name: "Sam", Started: fixedNow(), Answered: 7, Asked: 22}
	a := newTestApp(t, 80, 24, Options{Offer: offer})
	text := a.screenText()
	if !strings.Contains(text, "Resume") || !strings.Contains(text, "7 of 22 answered") || !strings.Contains(text, "Sun 22 Nov") {
		t.Errorf("no resume offer:\n%s", text)
	}
}

func TestResultsAndGapDetail(t *testing.T) {
	a := newTestApp(t, 100, 30, Options{})
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	text := a.screenText()
	for range 3 { // the reasons follow the roles and what blocks them
		a.press("pgdown")
		text += a.screenText()
	}
	for _, want := range []string{"Next step   IT Security Manager", "Long-term   Chief Information Security Officer", "Blocked", "Why"} {
		if !strings.Contains(text, want) {
			t.Errorf("results lack %q:\n%s", want, text)
		}
	}
	a.press("4") // gaps page
	if !strings.Contains(a.screenText(), "1. Risk management") {
		t.Fatalf("gaps:\n%s", a.screenText())
	}
	a.press("enter")
	if a.screen != screenGap || !strings.Contains(a.screenText(), "Where you are (level ") || !strings.Contains(a.screenText(), "What to do") {
		t.Fatalf("gap detail:\n%s", a.screenText())
	}
	a.press("esc", "tab")
	if !strings.Contains(a.screenText(), "comparing with Chief Information Security Officer") {
		t.Errorf("tab does not switch the role:\n%s", a.screenText())
	}
}

func TestExportNeverOverwritesSilently(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.loadPersona("new-analyst")
	a.send(resultsMsg{})
	a.press("e")
	if a.screen != screenSave {
		t.Fatal("e does not open the export screen")
	}
	text := a.screenText()
	for _, want := range []string{"Format  Markdown", "secpath-plan-" + testSession + ".md", "Role    ‹ Security Engineer / Analyst", "preview", "# Development plan"} {
		if !strings.Contains(text, want) {
			t.Errorf("export screen lacks %q:\n%s", want, text)
		}
	}
	name := filepath.Join(a.dir, "secpath-plan-"+testSession+".md")
	if err := os.WriteFile(name, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	a.press("enter")
	if !strings.Contains(a.screenText(), "already exists") {
		t.Fatalf("no overwrite warning:\n%s", a.screenText())
	}
	if data, _ := os.ReadFile(name); string(data) != "keep me" {
		t.Fatal("file replaced without confirmation")
	}
	a.press("enter")
	data, _ := os.ReadFile(name)
	if !strings.Contains(string(data), "## Goals") || a.screen != screenResults {
		t.Errorf("second enter did not replace the file (screen %d)", a.screen)
	}
	if st, _ := os.Stat(name); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode())
	}
	// The answers file is one of the formats; its name follows the format.
	a.press("e", "tab", "left")
	if !strings.Contains(a.screenText(), "secpath-answers-"+testSession+".toml") {
		t.Fatalf("answers format:\n%s", a.screenText())
	}
	a.press("enter")
	f, err := storage.ReadAnswers(filepath.Join(a.dir, "secpath-answers-"+testSession+".toml"), a.c.Bank)
	if err != nil || len(f.Answers.Items) != len(a.c.State.File.Answers.Items) {
		t.Errorf("answers export: %v", err)
	}
}

func TestResizeNeverOverflows(t *testing.T) {
	sizes := [][2]int{{60, 18}, {80, 24}, {100, 30}, {120, 40}, {200, 60}, {61, 19}}
	a := newTestApp(t, 80, 24, Options{})
	a.loadPersona("privacy-counsel")
	screens := []func(){
		func() { a.send(gotoQuestionMsg{index: 40}) },
		func() { a.send(gotoQuestionMsg{index: 14}) }, // certifications
		func() { a.send(overviewMsg{}) },
		func() { a.send(resultsMsg{}) },
		func() { a.send(resultsMsg{}); a.press("2") },
		func() { a.send(resultsMsg{}); a.press("3") },
		func() { a.send(resultsMsg{}); a.press("4", "enter") },
		func() { a.send(resultsMsg{}); a.press("5") },
		func() { a.send(saveDialogMsg{}) },
	}
	for _, open := range screens {
		open()
		for _, sz := range sizes {
			a.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, a.Render(), sz[0], sz[1])
		}
		a.confirm = false
	}
	a.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	if !strings.Contains(strings.Join(strings.Fields(a.screenText()), " "), "Terminal too small: secpath needs 60×18, this is 40×10") {
		t.Errorf("small terminal:\n%s", a.screenText())
	}
	checkFrame(t, a.Render(), 40, 10)
}

// TestGoldenFrames pins whole frames at 80x24 and 120x40.
func TestGoldenFrames(t *testing.T) {
	frames := map[string]func(a *testApp){
		"welcome":  func(a *testApp) {},
		"rating":   func(a *testApp) { a.startQuick(); a.gotoQuestion("risk-register") },
		"scenario": func(a *testApp) { a.startQuick(); a.gotoQuestion("ransomware-2am"); a.press("down") },
		"certs":    func(a *testApp) { a.startQuick(); a.gotoQuestion("certs-held"); a.press("space", "2019") },
		"evidence": func(a *testApp) {
			a.startQuick()
			a.gotoQuestion("risk-register")
			a.press("tab", "Ran the quarterly review")
		},
		"overview":   func(a *testApp) { a.loadPersona("grc-lead"); a.send(overviewMsg{}) },
		"readiness":  func(a *testApp) { a.loadPersona("soc-lead"); a.send(resultsMsg{}) },
		"placement":  func(a *testApp) { a.loadPersona("soc-lead"); a.send(resultsMsg{}); a.press("2") },
		"competency": func(a *testApp) { a.loadPersona("soc-lead"); a.send(resultsMsg{}); a.press("3") },
		// Every self-rating at the top: readiness ranges and unverified levels.
		"readiness-claims":  func(a *testApp) { a.loadClaimingPersona("soc-lead"); a.send(resultsMsg{}) },
		"competency-claims": func(a *testApp) { a.loadClaimingPersona("soc-lead"); a.send(resultsMsg{}); a.press("3") },
		"gap-claims":        func(a *testApp) { a.loadClaimingPersona("soc-lead"); a.send(resultsMsg{}); a.press("4", "enter") },
		"gaps":              func(a *testApp) { a.loadPersona("soc-lead"); a.send(resultsMsg{}); a.press("4", "down") },
		"gap-detail":        func(a *testApp) { a.loadPersona("soc-lead"); a.send(resultsMsg{}); a.press("4", "enter") },
		"certificate":       func(a *testApp) { a.loadPersona("it-manager"); a.send(resultsMsg{}); a.press("5") },
		"leave":             func(a *testApp) { a.startQuick(); a.press("q") },
		"export":            openExportFrame,
		"help":              func(a *testApp) { a.startQuick(); a.gotoQuestion("risk-register"); a.press("?") },
		// A number question, its definition, and the help over it.
		"number":      func(a *testApp) { a.startQuick(); a.gotoQuestion("years-security"); a.press("8") },
		"number-help": func(a *testApp) { a.startQuick(); a.gotoQuestion("years-security"); a.press("8", "?") },
		"number-check": func(a *testApp) {
			a.startQuick()
			a.gotoQuestion("years-security")
			a.press("8", "enter")
			a.gotoQuestion("years-managing")
			a.press("12", "enter")
		},
		// The bottom of the certification picker and of the gaps page.
		"certs-end": func(a *testApp) {
			a.startQuick()
			a.gotoQuestion("certs-held")
			for range len(a.c.Bank.Certifications) - 1 {
				a.press("down")
			}
		},
		"certs-definition": func(a *testApp) { a.startQuick(); a.gotoQuestion("certs-held"); a.press("?") },
		"gaps-end": func(a *testApp) {
			a.loadPersona("soc-lead")
			a.send(resultsMsg{})
			a.press("4")
			for a.results().compared().ID != "ciso" {
				a.press("tab")
			}
			for range 60 {
				a.press("down")
			}
		},
		"gap-detail-end": func(a *testApp) {
			a.loadPersona("soc-lead")
			a.send(resultsMsg{})
			a.press("4", "enter")
			for range 60 {
				a.press("down")
			}
		},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for name, setup := range frames {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				a := newTestApp(t, size[0], size[1], Options{})
				setup(a)
				frame := a.Render()
				checkFrame(t, frame, size[0], size[1])
				golden.RequireEqual(t, ansi.Strip(frame))
			})
		}
	}
}

// TestColourFrames keeps one frame with its colours, on a light and on a
// dark background, downsampled to 256 colours as a terminal would get it:
// the semantic tokens must give different, readable palettes.
func TestColourFrames(t *testing.T) {
	for name, bg := range map[string]color.Color{"light": color.White, "dark": color.Black} {
		t.Run(name, func(t *testing.T) {
			a := newTestApp(t, 80, 24, Options{})
			a.send(tea.BackgroundColorMsg{Color: bg})
			if a.c.Styles.IsDark != (name == "dark") {
				t.Fatalf("background %s read as dark=%v", name, a.c.Styles.IsDark)
			}
			a.startQuick()
			a.gotoQuestion("risk-register")
			var buf bytes.Buffer
			w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI256}
			if _, err := w.Write([]byte(a.Render())); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), "\x1b[") {
				t.Fatal("no colour in the frame")
			}
			golden.RequireEqual(t, buf.String())
		})
	}
}

// TestRegimeAnswerBringsItsScenarios checks that the yes/no answer about
// the SEC's rules decides which of a regime scenario and its alternative
// the quiz asks, both ways, as the person answers.
func TestRegimeAnswerBringsItsScenarios(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.loadPersona("soc-lead")
	asked := func() map[string]bool {
		out := map[string]bool{}
		for _, q := range a.c.State.Questions(a.c.Bank) {
			out[q.ID] = true
		}
		return out
	}
	for _, c := range []struct {
		yes        bool
		cursor     int // Yes is the first option, No the second
		with, miss string
	}{
		{true, 0, "sec-8k-materiality", "incident-materiality-private"},
		{false, 1, "incident-materiality-private", "sec-8k-materiality"},
	} {
		a.gotoQuestion("regime-us-listed")
		for i := 0; i < 3 && a.quiz().cursor != c.cursor; i++ {
			a.press("down")
		}
		a.press("enter")
		if got := a.c.State.File.Answers.Items["regime-us-listed"].Bool; got == nil || *got != c.yes {
			t.Fatalf("yes=%v: regime-us-listed = %v\n%s", c.yes, got, a.screenText())
		}
		q := asked()
		if !q[c.with] || q[c.miss] {
			t.Errorf("yes=%v: asks %s %v, %s %v", c.yes, c.with, q[c.with], c.miss, q[c.miss])
		}
		a.gotoQuestion(c.with)
		if a.quiz().current().ID != c.with {
			t.Errorf("yes=%v: cannot open %s", c.yes, c.with)
		}
		if shown := strings.Contains(a.screenText(), "set under SEC rules"); shown != c.yes {
			t.Errorf("yes=%v: regime shown %v:\n%s", c.yes, shown, a.screenText())
		}
	}
}

// The screens, typed, for tests that look inside one.
func (a *App) quiz() *quizScreen       { return a.screens[screenQuiz].(*quizScreen) }
func (a *App) results() *resultsScreen { return a.screens[screenResults].(*resultsScreen) }
func (a *App) compare() *compareScreen { return a.screens[screenCompare].(*compareScreen) }
func (a *App) agree() *gapReviewScreen { return a.screens[screenGapReview].(*gapReviewScreen) }
