package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/questions"
)

// These tests drive the real binary in tmux, as a person would: start the
// quiz, answer, leave, resume, finish. They are skipped where tmux is not
// installed, and with -short.

var binary string

func TestMain(m *testing.M) {
	code := func() int {
		dir, err := os.MkdirTemp("", "secpath-e2e")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		binary = filepath.Join(dir, "secpath")
		if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "building secpath: %v\n%s", err, out)
			return 1
		}
		return m.Run()
	}()
	os.Exit(code)
}

type term struct {
	t      *testing.T
	socket string
	state  string
}

func newTerm(t *testing.T, w, h int, args ...string) *term {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tm := &term{t: t, socket: fmt.Sprintf("secpath-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), state: t.TempDir()}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	tm.start(w, h, args...)
	return tm
}

func (tm *term) start(w, h int, args ...string) {
	tm.t.Helper()
	// A killed program leaves the terminal raw; stty sane gives the
	// shell its line endings back so EXIT= lands on a line of its own.
	cmd := strings.Join(append([]string{binary}, args...), " ") + "; s=$?; stty sane 2>/dev/null; echo; echo EXIT=$s; sleep 30"
	c := exec.Command("tmux", "-L", tm.socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e",
		"-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"-e", "XDG_STATE_HOME="+tm.state, "-e", "TERM=xterm-256color", "-e", "NO_COLOR=", "sh", "-c", cmd)
	if out, err := c.CombinedOutput(); err != nil {
		tm.t.Fatalf("tmux: %v %s", err, out)
	}
}

func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if out, err := exec.Command("tmux", "-L", tm.socket, "send-keys", "-t", "e2e", k).CombinedOutput(); err != nil {
			tm.t.Fatalf("send-keys %q: %v %s", k, err, out)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

func (tm *term) screen() string {
	out, _ := exec.Command("tmux", "-L", tm.socket, "capture-pane", "-p", "-t", "e2e").Output()
	return string(out)
}

// waitFor polls the screen until it shows text, failing after 10 seconds.
func (tm *term) waitFor(text string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", text, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// quickQuestions are the questions of the quick mode, in order.
func quickQuestions(t *testing.T) []*assess.Question {
	t.Helper()
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b.QuestionsFor(assess.Quick)
}

func (tm *term) sessionFiles() []string {
	files, _ := filepath.Glob(filepath.Join(tm.state, "secpath", "sessions", "*.toml"))
	return files
}

func TestQuizLeaveResumeFinish(t *testing.T) {
	tm := newTerm(t, 80, 24)
	tm.waitFor("Start the assessment")
	tm.keys("Right", "Enter") // quick mode
	qs := quickQuestions(t)
	of := func(i int) string { return fmt.Sprintf("%d of %d", i, len(qs)) }
	tm.waitFor(of(1))
	// The experience facts and the certifications come first.
	i := 0
	for ; qs[i].Kind != assess.KindRating; i++ {
		tm.keys(answerKeys(qs[i], i)...)
		tm.waitFor(of(i + 2))
	}
	rating := qs[i]
	tm.keys("Down", "Down", "Enter")
	tm.waitFor(of(i + 2))
	// Go back and change the answer: option 3 becomes option 4.
	tm.keys("b")
	tm.waitFor(of(i + 1))
	tm.keys("Down", "Enter")
	tm.waitFor(of(i + 2))
	tm.keys("q")
	tm.waitFor("Leave secpath?")
	tm.keys("y")
	s := tm.waitFor("EXIT=0")
	if !strings.Contains(s, "Resume with: secpath resume") {
		t.Fatalf("no resume hint:\n%s", s)
	}
	files := tm.sessionFiles()
	if len(files) != 1 {
		t.Fatalf("sessions: %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"answer = 9", "answer = 8", `{ id = "cissp", year = 2018 }`, "[answers." + rating.ID + "]\nanswer = 4\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("saved session lacks %q", want)
		}
	}
	if st, _ := os.Stat(files[0]); st.Mode().Perm() != 0o600 {
		t.Errorf("session mode %v", st.Mode())
	}

	// Start again: the welcome screen offers the unfinished session. A new
	// tmux server (its own socket) avoids racing the old one's shutdown.
	_ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run()
	tm.socket += "-2"
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	tm.start(100, 30)
	s = tm.waitFor("Resume")
	if want := fmt.Sprintf("%d of %d answered", i+1, len(qs)); !strings.Contains(s, want) {
		t.Fatalf("no resume offer %q:\n%s", want, s)
	}
	tm.keys("Enter")
	tm.waitFor(of(i + 2))
	// Resize while answering; the screen redraws to the new size.
	_ = exec.Command("tmux", "-L", tm.socket, "resize-window", "-t", "e2e", "-x", "80", "-y", "24").Run()
	time.Sleep(200 * time.Millisecond)
	for range qs[i+1:] { // the rest are ratings and scenarios
		tm.keys("Down", "Enter")
	}
	s = tm.waitFor("1 Readiness")
	for _, want := range []string{"Next step", "Long-term", "%"} {
		if !strings.Contains(s, want) {
			t.Errorf("results lack %q:\n%s", want, s)
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if len([]rune(line)) > 80 {
			t.Errorf("line wider than the terminal: %q", line)
		}
	}
	tm.keys("q", "y")
	s = tm.waitFor("EXIT=0")
	if !strings.Contains(s, "See the full report with: secpath score") {
		t.Errorf("finished session not reported:\n%s", s)
	}
}

func TestTooSmallTerminal(t *testing.T) {
	tm := newTerm(t, 50, 15)
	s := tm.waitFor("Terminal too small")
	if !strings.Contains(strings.Join(strings.Fields(s), " "), "needs 60×18, this is 50×15") {
		t.Errorf("small terminal:\n%s", s)
	}
	tm.keys("q")
	tm.waitFor("EXIT=0")
}

// TestMentorReviewThenExport: a mentor reviews a mentee's finished session
// file (a rating with notes, an agreed gap, the sign-off); the mentee's
// answers stay as they were, and the exported plan carries both views.
func TestMentorReviewThenExport(t *testing.T) {
	dir := t.TempDir()
	mentee := filepath.Join(dir, "mentee.toml")
	original, err := os.ReadFile("../../questions/testdata/personas/new-analyst.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mentee, original, 0o600); err != nil {
		t.Fatal(err)
	}
	tm := newTerm(t, 100, 30, "review", mentee)
	tm.waitFor("Mentor's name")
	tm.keys("D", "a", "n", "a", "Enter")
	tm.waitFor("1 Readiness")
	tm.keys("o")
	tm.waitFor("Sections")
	tm.keys("Down", "Down", "Down", "Enter")
	tm.waitFor("Risk management  mentee 1")
	tm.keys("2", "Enter", "Helped with the PCI risk assessment", "Enter")
	tm.keys("o")
	tm.waitFor("Sections")
	tm.keys("r")
	tm.waitFor("1 Readiness")
	tm.keys("4", "g")
	tm.waitFor("Gap 1 of")
	tm.keys("Right", "Tab", "1", "Tab", "Tab", "2027-04-30", "Tab", "2027-01-15", "Tab", "Right", "Tab", "Pair with Sam on the payments design")
	for i := 0; i < 40 && !strings.Contains(tm.screen(), "Sign off the plan"); i++ {
		tm.keys("NPage")
	}
	tm.waitFor("Sign off the plan")
	tm.keys("Tab", "Tab", "Tab", "Enter")
	tm.waitFor("1 Readiness")
	tm.keys("q", "y")
	s := tm.waitFor("EXIT=0")
	if !strings.Contains(s, "The review is saved in") {
		t.Errorf("no review message:\n%s", s)
	}
	data, err := os.ReadFile(mentee)
	if err != nil {
		t.Fatal(err)
	}
	// Each answer as its table's lines, without comments: saving writes the
	// file in the bank's order, so the answers are compared by question.
	answers := func(text string) map[string]string {
		out := map[string]string{}
		id := ""
		for _, l := range strings.Split(text, "\n") {
			l, _, _ = strings.Cut(l, "  #")
			l = strings.TrimSpace(l)
			switch {
			case strings.HasPrefix(l, "[answers."):
				id = l
			case strings.HasPrefix(l, "["):
				id = ""
			case id != "" && (strings.HasPrefix(l, "answer =") || strings.HasPrefix(l, "evidence =")):
				out[id] += l + "\n"
			}
		}
		return out
	}
	if got, want := answers(string(data)), answers(string(original)); !reflect.DeepEqual(got, want) {
		t.Errorf("the review changed the mentee's answers: %d answers now, %d before", len(got), len(want))
	}
	for _, want := range []string{"[mentor.ratings.risk-register]\nlevel = 2\nnotes = \"Helped with the PCI risk assessment\"", "due = 2027-04-30", "mentee = \"Tom Brennan\"\nmentor = \"Dana\""} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %q", want)
		}
	}
	// The plan from the reviewed file shows both views and the sign-off.
	out, err := exec.Command(binary, "plan", mentee, "--start", "2026-12-01").CombinedOutput()
	if err != nil {
		t.Fatalf("plan: %v\n%s", err, out)
	}
	for _, want := range []string{"## Reviewed with Dana", "Risk management: Dana sees 2.0 where your answers give ", " | yes | Tom Brennan | 2027-04-30 | 2027-01-15 |", "Agreed by Tom Brennan (mentee) and Dana (mentor)"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the plan lacks %q:\n%s", want, out)
		}
	}
	// The mentee opens the file again and sees the mentor's view.
	_ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run()
	tm.socket += "-mentee"
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	tm.start(100, 30, "resume", mentee)
	tm.waitFor("1 Readiness")
	tm.keys("m")
	tm.waitFor("mentor's view")
	tm.keys("q", "y")
	tm.waitFor("EXIT=0")
}
