package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

func personaPath(name string) string {
	return filepath.Join("..", "..", "questions", "testdata", "personas", name+".toml")
}

// reviewApp opens a copy of a persona's answers file for review.
func reviewApp(t *testing.T, w, h int, persona string) (*testApp, string) {
	t.Helper()
	data, err := os.ReadFile(personaPath(persona))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), persona+".toml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return newTestApp(t, w, h, Options{ReviewPath: path}), path
}

func readFile(t *testing.T, a *testApp, path string) *storage.File {
	t.Helper()
	f, err := storage.ReadAnswers(path, a.c.Bank)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// lineWith returns the first line of the screen that contains s.
func lineWith(a *testApp, s string) string {
	for _, l := range strings.Split(a.screenText(), "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// previousOf builds an earlier assessment from a persona: every rating
// question mainly about one competency answered lower, another higher,
// and a certification not yet held, so that levels, gaps and
// certifications all change.
func previousOf(t *testing.T, b *assess.Bank, persona, lower, higher, notHeld string) *storage.File {
	t.Helper()
	f, err := storage.ReadAnswers(personaPath(persona), b)
	if err != nil {
		t.Fatal(err)
	}
	items := f.Answers.Items
	changed := 0
	for i := range b.Questions {
		q := &b.Questions[i]
		ans, ok := items[q.ID]
		if q.Kind != assess.KindRating || !ok || ans.Choice == 0 {
			continue
		}
		switch measures(q)[0] {
		case lower:
			ans.Choice = 1
		case higher:
			ans.Choice = topOption(q)
		default:
			continue
		}
		items[q.ID] = ans
		changed++
	}
	certs := items["certs-held"]
	var held []assess.HeldCert
	for _, h := range certs.Held {
		if h.ID != notHeld {
			held = append(held, h)
		}
	}
	if changed < 2 || len(held) == len(certs.Held) {
		t.Fatalf("persona %s: changed %d answers, certifications %v", persona, changed, certs.Held)
	}
	certs.Held = held
	items["certs-held"] = certs
	f.Session.Updated = time.Date(2026, 5, 12, 12, 0, 0, 0, time.UTC)
	return f
}

func TestMentorPanelRecordsRatingAndNotes(t *testing.T) {
	a := newTestApp(t, 120, 40, Options{Mentor: true})
	a.startQuick()
	a.gotoQuestion("risk-register")
	q := a.c.Bank.Question("risk-register")
	text := a.screenText()
	for _, want := range []string{"Mentor", "Ask  " + strings.Fields(q.MentorPrompt)[0], "Mentee: not answered yet", "Risk management  not rated", "Notes"} {
		if !strings.Contains(text, want) {
			t.Errorf("panel lacks %q:\n%s", want, text)
		}
	}
	if a.c.State.File.Answers.Mentor != nil {
		t.Fatal("the mentor's view exists before the mentor wrote anything")
	}
	// The mentee answers; the mentor still can (live mentor mode).
	a.press("down", "space")
	if a.c.State.File.Answers.Items["risk-register"].Choice != 2 {
		t.Fatalf("answer not recorded: %+v", a.c.State.File.Answers.Items["risk-register"])
	}
	// tab: evidence, confidence, then the mentor's rating.
	a.press("tab", "tab", "tab")
	if a.quiz().zone != zoneMentorRating || !strings.Contains(a.help.View(a.helpKeys()), "rate") {
		t.Fatalf("zone %d, help %q", a.quiz().zone, a.help.View(a.helpKeys()))
	}
	a.press("3")
	m := a.c.State.File.Answers.Mentor
	if m == nil || m.Ratings["risk-register"].Levels["risk-management"] != 3 || !m.Updated.Equal(fixedNow()) {
		t.Fatalf("rating not recorded: %+v", m)
	}
	a.press("right")
	if l := m.Ratings["risk-register"].Levels["risk-management"]; l != 4 {
		t.Errorf("→ did not raise the rating: %d", l)
	}
	level, _ := q.Options[1].LevelFor("risk-management")
	if want := fmt.Sprintf("mentee %d  ◂ 4 Leading ▸", level); !strings.Contains(a.screenText(), want) {
		t.Errorf("no %q:\n%s", want, a.screenText())
	}
	if !strings.Contains(a.screenText(), "4 Leading") {
		t.Errorf("scale name not shown:\n%s", a.screenText())
	}
	// Notes: typed letters are text (q does not quit), enter goes on.
	a.press("tab", "quarterly review", "enter")
	if got := m.Ratings["risk-register"].Notes; got != "quarterly review" || a.confirm {
		t.Errorf("notes %q, leave dialog %v", got, a.confirm)
	}
	if a.quiz().current().ID == "risk-register" {
		t.Error("enter in the notes did not go to the next question")
	}
	// Both are on disk, beside the unchanged answer.
	f := readFile(t, a, a.c.State.Path)
	r := f.Answers.Mentor.Ratings["risk-register"]
	if r.Levels["risk-management"] != 4 || r.Notes != "quarterly review" || f.Answers.Items["risk-register"].Choice != 2 {
		t.Errorf("saved: %+v, answer %+v", r, f.Answers.Items["risk-register"])
	}
	// ← from 0 unsets the rating; an empty rating is dropped.
	a.gotoQuestion("risk-register")
	a.press("tab", "tab", "tab", "0", "left")
	if got := m.Ratings["risk-register"]; got.Rated() || got.Notes != "quarterly review" {
		t.Errorf("unset rating: %+v", got)
	}
}

func TestMentorPanelNotesOnlyForFacts(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{Mentor: true})
	a.startQuick()
	for _, id := range []string{"years-security", "certs-held"} {
		a.gotoQuestion(id)
		if strings.Contains(a.screenText(), "Rating") || strings.Contains(a.screenText(), "· Mentor:") {
			t.Errorf("%s offers a rating:\n%s", id, a.screenText())
		}
		if got := a.quiz().zones(); !reflect.DeepEqual(got, []zone{zoneAnswer, zoneEvidence, zoneConfidence, zoneMentorNotes}) {
			t.Errorf("%s: tab cycle %v", id, got)
		}
	}
	a.gotoQuestion("years-security")
	a.press("7", "enter")
	a.gotoQuestion("years-security")
	a.press("shift+tab", "ask about the move to security", "pgdown")
	m := a.c.State.File.Answers.Mentor
	if m == nil || m.Ratings["years-security"].Notes != "ask about the move to security" || m.Ratings["years-security"].Rated() {
		t.Fatalf("notes on a number question: %+v", m)
	}
	a.gotoQuestion("years-security")
	if !strings.Contains(a.screenText(), "Mentee answered: 7 years") {
		t.Errorf("mentee's number not shown:\n%s", a.screenText())
	}
}

func TestReviewKeepsAnswersReadOnly(t *testing.T) {
	a, path := reviewApp(t, 80, 24, "soc-lead")
	orig := readFile(t, a, path).Answers.Items
	text := a.screenText()
	for _, want := range []string{"Review of Priya Raman's assessment", "125 of 125 answered", "Mentor's name", "read-only"} {
		if !strings.Contains(text, want) {
			t.Errorf("review screen lacks %q:\n%s", want, text)
		}
	}
	a.press("Dana q", "enter") // q is typed: the name field has the keys
	if a.screen != screenResults || a.c.State.File.Answers.Mentor.Name != "Dana q" {
		t.Fatalf("screen %d, mentor %+v", a.screen, a.c.State.File.Answers.Mentor)
	}
	a.gotoQuestion("risk-register")
	if a.quiz().zone != zoneMentorRating || !strings.Contains(a.screenText(), "The mentee's answer, read-only.") {
		t.Fatalf("review opens zone %d:\n%s", a.quiz().zone, a.screenText())
	}
	// Every key that changes an answer elsewhere: none reaches it.
	a.press("up", "down", "space", "s")
	if !strings.Contains(a.screenText(), "Review: the mentee's answers stay as they are") {
		t.Errorf("skip not refused:\n%s", a.screenText())
	}
	for i := 0; i < 4; i++ {
		a.press("tab")
		if a.quiz().zone != zoneMentorRating && a.quiz().zone != zoneMentorNotes {
			t.Fatalf("tab reached zone %d in a review", a.quiz().zone)
		}
	}
	// Even with the focus forced onto the answer, nothing is written.
	a.quiz().zone = zoneAnswer
	a.press("down", "down", "space", "enter")
	a.gotoQuestion("risk-register")
	a.press("4", "tab", "Saw the register", "enter")
	// On a number question the digits go to the mentor's notes.
	a.gotoQuestion("years-security")
	a.press("12", "ctrl+s", "pgdown")
	if !reflect.DeepEqual(a.c.State.File.Answers.Items, orig) {
		t.Error("the review changed the mentee's answers")
	}
	m := a.c.State.File.Answers.Mentor
	if r := m.Ratings["risk-register"]; r.Levels["risk-management"] != 4 || r.Notes != "Saw the register" || m.Ratings["years-security"].Notes != "12" {
		t.Errorf("mentor's view: %+v", m.Ratings)
	}
	// Saved into the reviewed file, nowhere else.
	f := readFile(t, a, path)
	if !reflect.DeepEqual(f.Answers.Items, orig) || f.Answers.Mentor == nil || f.Answers.Mentor.Name != "Dana q" || f.Answers.Mentor.Ratings["risk-register"].Levels["risk-management"] != 4 {
		t.Errorf("file on disk: mentor %+v", f.Answers.Mentor)
	}
	if _, err := os.Stat(filepath.Join(a.dir, "sessions")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a review wrote to the sessions directory: %v", err)
	}
	if f.Session.ID != "" {
		t.Errorf("a review gave the mentee's file a session: %+v", f.Session)
	}
	if out := a.Outcome(); !out.Review || out.Path != path {
		t.Errorf("outcome %+v", out)
	}
	if !strings.Contains(a.statusLine(), "Review saved automatically to soc-lead.toml") {
		t.Errorf("status %q", a.statusLine())
	}
}

func TestReviewOfUnfinishedOpensSections(t *testing.T) {
	dir := t.TempDir()
	b := defaultBank(t)
	ans := assess.NewAnswers(b, assess.Quick)
	ans.Profile.Name = "Ada"
	var buf strings.Builder
	if err := storage.WriteAnswers(&buf, b, &storage.File{Answers: ans}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "ada.toml")
	if err := os.WriteFile(path, []byte(buf.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, 80, 24, Options{ReviewPath: path, Bank: b})
	if !strings.Contains(a.screenText(), fmt.Sprintf("0 of %d answered", len(b.QuestionsFor(assess.Quick)))) || !strings.Contains(a.screenText(), "on to the sections") {
		t.Errorf("review screen:\n%s", a.screenText())
	}
	a.press("enter")
	if a.screen != screenOverview || a.c.State.File.Answers.Mentor != nil {
		t.Errorf("screen %d; a mentor's view without a name: %+v", a.screen, a.c.State.File.Answers.Mentor)
	}
	// A file that does not read leaves the welcome screen with the error.
	bad := newTestApp(t, 80, 24, Options{ReviewPath: filepath.Join(dir, "missing.toml")})
	if bad.screen != screenWelcome || bad.c.State.ReadOnly || !strings.Contains(bad.screenText(), "Could not open the file to review") {
		t.Errorf("missing file:\n%s", bad.screenText())
	}
}

func TestWelcomeMentorMode(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{Mentor: true})
	if !strings.Contains(a.screenText(), "Mentor mode   on") || !strings.Contains(a.screenText(), "Mentor's name") || !strings.Contains(a.screenText(), "Mentee's name") {
		t.Fatalf("Options.Mentor does not preselect mentor mode:\n%s", a.screenText())
	}
	a.press("down", "down", "Sam", "down", "down", "down", "down", "Dana", "enter")
	st := a.c.State
	if !st.Mentor || st.File.Answers.Profile.Name != "Sam" || st.File.Answers.Mentor == nil || st.File.Answers.Mentor.Name != "Dana" {
		t.Fatalf("started with mentor %v, %+v", st.Mentor, st.File.Answers.Mentor)
	}
	if !strings.Contains(a.screenText(), "Mentor") || !strings.Contains(a.screenText(), "Ask ") {
		t.Errorf("no mentor panel:\n%s", a.screenText())
	}
	// Off: the name row goes, and no panel shows.
	b := newTestApp(t, 80, 24, Options{})
	b.press("down", "down", "down", "down", "down", "right")
	if !strings.Contains(b.screenText(), "Mentor's name") {
		t.Fatalf("mentor mode did not turn on:\n%s", b.screenText())
	}
	b.press("left")
	if strings.Contains(b.screenText(), "Mentor's name") {
		t.Errorf("name row shown with mentor mode off:\n%s", b.screenText())
	}
	b.press("down", "enter")
	if b.c.State.Mentor || strings.Contains(b.screenText(), "Ask ") {
		t.Errorf("mentor panel without mentor mode:\n%s", b.screenText())
	}
}

func TestGapReviewRecordsAndSignsOff(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{Mentor: true})
	a.loadPersona("soc-lead")
	a.c.State.Path = storage.SessionPath(a.c.State.Dir, testSession)
	a.send(resultsMsg{})
	a.press("4", "g")
	if a.screen != screenGapReview {
		t.Fatalf("g did not open the gap review:\n%s", a.screenText())
	}
	gaps := a.results().compared().Gaps
	first := gaps[0]
	text := a.screenText()
	for _, want := range []string{fmt.Sprintf("Gap 1 of %d for IT Security Manager", len(gaps)), first.Name, fmt.Sprintf("Next level (%d)", int(math.Floor(first.Current+assess.GapTolerance))+1), "Owner          Priya Raman", "e.g. "} {
		if !strings.Contains(text, want) {
			t.Errorf("gap review lacks %q:\n%s", want, text)
		}
	}
	if a.c.State.File.Answers.Mentor != nil {
		t.Fatal("opening the review wrote a record")
	}
	// An untouched gap is not decided, on screen as in the file.
	if !strings.Contains(text, "› Matters        ◂ not decided ▸") || !strings.Contains(text, "Nothing recorded yet: not decided") {
		t.Errorf("untouched gap:\n%s", text)
	}
	// →: not decided, yes, no, and round again.
	a.press("right")
	m := a.c.State.File.Answers.Mentor
	if m == nil || len(m.Gaps) != 1 || m.Gaps[0].Decision() != assess.Matters || m.Gaps[0].Role != "it-security-manager" || m.Gaps[0].Competency != first.Competency || m.Gaps[0].Owner != "Priya Raman" {
		t.Fatalf("matters: %+v", m)
	}
	a.press("right")
	if m.Gaps[0].Decision() != assess.DoesNotMatter || !strings.Contains(a.screenText(), "◂ no ▸") {
		t.Fatalf("does not matter: %+v\n%s", m.Gaps[0], a.screenText())
	}
	// Back to not decided: the record says nothing, so it goes.
	a.press("right")
	if len(m.Gaps) != 0 {
		t.Fatalf("taken back to not decided, still recorded: %+v", m.Gaps)
	}
	a.press("right", "tab", "2", "tab", "tab", "2027-13-01", "tab")
	if !strings.Contains(a.screenText(), `Due: "2027-13-01" is not a date`) || a.agree().field != fieldDue {
		t.Fatalf("bad date accepted (field %d):\n%s", a.agree().field, a.screenText())
	}
	for range 10 {
		a.press("backspace")
	}
	a.press("2027-03-31", "tab", "2027-01-15", "tab", "right", "tab", "start with exceptions", "enter")
	if a.agree().index != 1 {
		t.Fatalf("enter on the notes did not go to gap 2 (index %d)", a.agree().index)
	}
	step := stepFrom(first.Current)
	suggestion := StepActions(a.c.Bank, first.Competency, step, step+1)[step][0].Title
	g := m.Gap("it-security-manager", first.Competency)
	if g == nil || !g.Matters || g.Priority != 2 || formatDate(g.Due) != "2027-03-31" || formatDate(g.CheckIn) != "2027-01-15" || g.Action != suggestion || g.Notes != "start with exceptions" {
		t.Fatalf("stored gap: %+v", g)
	}
	// Back to gap 1: what was agreed shows; changing it updates the record.
	a.press("pgup")
	if !strings.Contains(a.screenText(), "Recorded in the mentor's view.") || !strings.Contains(a.screenText(), "2027-03-31") {
		t.Errorf("gap 1 again:\n%s", a.screenText())
	}
	a.press("tab", "1")
	if len(m.Gaps) != 1 || m.Gaps[0].Priority != 1 {
		t.Errorf("not upserted: %+v", m.Gaps)
	}
	// esc keeps what is valid and says what it dropped.
	a.press("tab", "tab")
	for range 10 {
		a.press("backspace")
	}
	a.press("31/03/2027", "esc")
	if a.screen != screenResults || !strings.Contains(a.status, "Not kept") || formatDate(m.Gaps[0].Due) != "2027-03-31" {
		t.Errorf("esc with a bad date: screen %d, status %q, due %v", a.screen, a.status, m.Gaps[0].Due)
	}
	// Walk to the end: the sign-off step.
	a.press("g")
	for range gaps {
		a.press("pgdown")
	}
	text = a.screenText()
	var undecided []string
	for _, g := range gaps[1:] {
		undecided = append(undecided, g.Name)
	}
	// Eighteen names do not fit in three lines at 80 columns: the first
	// ones, then how many more.
	notDecided := fmt.Sprintf("Not decided yet (%d of %d), left out of the agreement: %s, %s", len(gaps)-1, len(gaps), undecided[0], undecided[1])
	flat := strings.Join(strings.Fields(text), " ") // the undecided list wraps
	if !strings.Contains(flat, notDecided) || !strings.Contains(flat, " more.") {
		t.Errorf("sign-off lacks %q … more:\n%s", notDecided, text)
	}
	for _, want := range []string{"Sign-off", "Mentee         Priya Raman", "Date           2026-11-22", first.Name + " · priority 1 · due 2027-03-31 · Priya Raman"} {
		if !strings.Contains(text, want) {
			t.Errorf("sign-off lacks %q:\n%s", want, text)
		}
	}
	a.press("tab", "tab", "tab", "enter")
	if !strings.Contains(a.screenText(), "Both names are needed") || m.SignOff.Signed() {
		t.Fatalf("signed without a mentor:\n%s", a.screenText())
	}
	a.press("shift+tab", "shift+tab", "Dana", "tab")
	for range 10 {
		a.press("backspace")
	}
	a.press("2026-11-31", "tab", "enter")
	if !strings.Contains(a.screenText(), "is not a date") || m.SignOff.Signed() {
		t.Fatalf("signed on a bad date:\n%s", a.screenText())
	}
	a.press("shift+tab", "backspace", "0", "tab", "enter")
	want := assess.SignOff{Mentee: "Priya Raman", Mentor: "Dana", Date: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}
	if m.SignOff != want || m.Name != "Dana" || a.screen != screenResults || !strings.Contains(a.status, fmt.Sprintf("Signed off by Priya Raman and Dana on 2026-11-30. %d gaps undecided.", len(gaps)-1)) {
		t.Fatalf("sign-off %+v, name %q, screen %d, status %q", m.SignOff, m.Name, a.screen, a.status)
	}
	f := readFile(t, a, a.c.State.Path)
	if !f.Answers.Mentor.SignOff.Signed() || len(f.Answers.Mentor.Gaps) != 1 || f.Answers.Mentor.Gaps[0].Priority != 1 {
		t.Errorf("on disk: %+v", f.Answers.Mentor)
	}
}

func TestGapReviewNeedsMentorMode(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	a.press("4", "g")
	if a.screen != screenResults || !strings.Contains(a.screenText(), "part of mentor mode") {
		t.Errorf("g outside mentor mode:\n%s", a.screenText())
	}
}

func TestBasisToggle(t *testing.T) {
	a := newTestApp(t, 100, 30, Options{Mentor: true})
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	a.press("m")
	if !strings.Contains(a.screenText(), "No mentor ratings yet") || a.results().result.Basis != assess.BasisSelf {
		t.Fatalf("m without ratings:\n%s", a.screenText())
	}
	level := func() float64 {
		for _, c := range a.results().result.Competencies {
			if c.ID == "risk-management" {
				return c.Level
			}
		}
		t.Fatal("no risk-management")
		return 0
	}
	self := level()
	a.gotoQuestion("risk-register")
	a.press("tab", "tab", "tab", "5")
	a.send(resultsMsg{})
	a.press("3")
	if l := lineWith(a, "Risk management"); !strings.Contains(l, fmt.Sprintf(" %.1f / 4", self)) || !strings.Contains(l, "◆") || !strings.Contains(l, "mentor 5.0") {
		t.Errorf("self view line: %q", l)
	}
	if !strings.Contains(a.screenText(), "results · self view") {
		t.Errorf("header does not name the basis:\n%s", a.screenText())
	}
	a.press("m")
	if a.results().result.Basis != assess.BasisMentor || level() != 5 || self == 5 {
		t.Fatalf("basis %s, level %.2f (self %.2f)", a.results().result.Basis, level(), self)
	}
	if l := lineWith(a, "Risk management"); !strings.Contains(l, " 5.0 / 4") || !strings.Contains(l, fmt.Sprintf("self %.1f", self)) {
		t.Errorf("mentor view line: %q", l)
	}
	if !strings.Contains(a.screenText(), "results · mentor's view") || a.results().page != pageCompetencies {
		t.Errorf("after m:\n%s", a.screenText())
	}
	// The difference is listed on the certifications page.
	a.press("5")
	for range 10 {
		a.press("pgdown")
	}
	if !strings.Contains(a.screenText(), "Self and mentor") || !strings.Contains(a.screenText(), "Risk management: your mentor sees 5.0") {
		t.Errorf("no self and mentor list:\n%s", a.screenText())
	}
	a.press("m")
	if a.results().result.Basis != assess.BasisSelf || level() != self {
		t.Errorf("m again: basis %s, level %.2f", a.results().result.Basis, level())
	}
}

func TestCompareScreen(t *testing.T) {
	b := defaultBank(t)
	prev := previousOf(t, b, "soc-lead", "security-operations", "security-architecture", "cysa-plus")
	a := newTestApp(t, 100, 30, Options{Bank: b, Previous: prev})
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	if !strings.Contains(ansi.Strip(a.help.View(a.helpKeys())), "c compare") {
		t.Errorf("help does not offer c: %q", a.help.View(a.helpKeys()))
	}
	a.press("c")
	if a.screen != screenCompare {
		t.Fatalf("c did not open the comparison:\n%s", a.screenText())
	}
	all := strings.Join(a.compare().lines(200), "\n")
	all = ansi.Strip(all)
	for _, want := range []string{"12 May 2026", "Summary", "Readiness for IT Security Manager", "Readiness and fit by role", "New certifications", "CySA+", "Judgement", "fit",
		"Gaps for IT Security Manager", "closed  Security operations and monitoring", "opened  Security architecture", "Calibration"} {
		if !strings.Contains(all, want) {
			t.Errorf("comparison lacks %q:\n%s", want, all)
		}
	}
	// Levels: only changes of 0.1 or more, largest first.
	var deltas []float64
	for _, ch := range a.compare().cmp.Competencies {
		if ch.Delta <= -0.1 || ch.Delta >= 0.1 {
			deltas = append(deltas, ch.Delta)
		}
	}
	net := strings.Index(all, "Security operations and monitoring  ")
	arch := strings.Index(all, "Security architecture  ")
	if len(deltas) < 2 || net < 0 || arch < 0 {
		t.Fatalf("level changes %v:\n%s", deltas, all)
	}
	// Scrolling moves the window; esc goes back.
	top := a.screenText()
	a.press("pgdown")
	if a.screenText() == top || !strings.Contains(a.screenText(), "lines") {
		t.Error("pgdown did not scroll")
	}
	a.press("esc")
	if a.screen != screenResults {
		t.Error("esc did not go back")
	}
	// Another role compared with: its gaps are compared.
	a.press("tab", "c")
	if a.compare().role == nil || a.compare().role.ID == "it-security-manager" || a.compare().role.ID != a.results().compared().ID {
		t.Errorf("compared role %+v", a.compare().role)
	}
}

func TestCompareWithoutPrevious(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	if strings.Contains(a.help.View(a.helpKeys()), "compare") {
		t.Error("help offers compare with nothing to compare")
	}
	a.press("c")
	if a.screen != screenResults || !strings.Contains(a.screenText(), "There is no earlier assessment of this person") {
		t.Errorf("c without a previous assessment:\n%s", a.screenText())
	}
}

func TestMentorModeNeverShowsTargetsWhileRating(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		a := newTestApp(t, size[0], size[1], Options{Mentor: true})
		a.startQuick()
		r, _ := reviewApp(t, size[0], size[1], "soc-lead")
		r.press("enter")
		for _, x := range []*testApp{a, r} {
			for i := range x.c.State.Questions(x.c.Bank) {
				x.send(gotoQuestionMsg{index: i})
				for _, zone := range []string{"", "tab"} {
					x.press(zone)
					text := x.screenText()
					// "readiness" itself occurs in some options ("incident
					// readiness"), so the results' own wording is looked for.
					for _, word := range []string{"target for", "Target (level", "Readiness", "Next step", "Long-term", "% ready"} {
						if strings.Contains(text, word) {
							t.Errorf("%dx%d question %s shows %q:\n%s", size[0], size[1], x.quiz().current().ID, word, text)
						}
					}
				}
			}
		}
	}
}

// TestMentorRatesEachCompetency: on a scenario that evidences three
// competencies the mentor rates each one: the digit sets the focused row,
// = copies it to the others, ↓ moves on, ⌫ takes one back; the notes
// without the focus show their start.
func TestMentorRatesEachCompetency(t *testing.T) {
	a, path := reviewApp(t, 120, 40, "soc-lead")
	a.press("Dana", "enter")
	a.gotoQuestion("ransomware-2am")
	q := a.c.Bank.Question("ransomware-2am")
	if got := measures(q); !reflect.DeepEqual(got, []string{"crisis-leadership", "board-communication", "incident-response"}) {
		t.Fatalf("the bank changed: %v", got)
	}
	rating := func() string {
		r := a.c.State.File.Answers.Mentor.Ratings["ransomware-2am"]
		return fmt.Sprintf("%v", []any{r.Levels["crisis-leadership"], r.Levels["board-communication"], r.Levels["incident-response"], len(r.Levels)})
	}
	steps := []struct {
		keys []string
		want string // crisis, board, incident, how many rated
	}{
		{[]string{"4"}, "[4 0 0 1]"},
		{[]string{"="}, "[4 4 4 3]"},
		{[]string{"down", "2"}, "[4 2 4 3]"},
		{[]string{"down", "backspace"}, "[4 2 0 2]"},
		{[]string{"up", "right"}, "[4 3 0 2]"},
	}
	for _, s := range steps {
		a.press(s.keys...)
		if got := rating(); got != s.want {
			t.Errorf("after %v: %s, want %s", s.keys, got, s.want)
		}
	}
	text := a.screenText()
	for _, want := range []string{"Crisis leadership                  mentee 5  4 Leading", "› Executive and board communication  mentee 4  ◂ 3 Independent ▸", "Incident response                  mentee 4  not rated"} {
		if !strings.Contains(text, want) {
			t.Errorf("rows lack %q:\n%s", want, text)
		}
	}
	note := "Called the crisis team at once and kept the evidence; weaker on the board update, which came a day late and without options for the CEO"
	a.press("enter", "enter", note, "shift+tab")
	row := ""
	for _, l := range strings.Split(a.screenText(), "\n") {
		if strings.Contains(l, "Notes    ") {
			row = strings.TrimSpace(l)
		}
	}
	if !strings.HasPrefix(row, "Notes    Called the crisis team") || !strings.HasSuffix(row, "…") || strings.Contains(row, "for the CEO") {
		t.Errorf("unfocused notes: %q", row)
	}
	f := readFile(t, a, path)
	if r := f.Answers.Mentor.Ratings["ransomware-2am"]; len(r.Levels) != 2 || r.Levels["board-communication"] != 3 || r.Notes != note {
		t.Errorf("on disk: %+v", r)
	}
}

func TestStartOf(t *testing.T) {
	cases := map[string]struct {
		text  string
		width int
		want  string
	}{
		"fits":                       {"Saw the register", 20, "Saw the register"},
		"cut at a word":              {"Saw the register twice", 14, "Saw the…"},
		"punctuation before the cut": {"Saw it, then the register", 10, "Saw it…"},
		"one long word":              {"Supercalifragilistic", 8, "Superca…"},
		"spaces folded":              {"a   b\nc", 10, "a b c"},
	}
	for name, c := range cases {
		if got := startOf(c.text, c.width); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
