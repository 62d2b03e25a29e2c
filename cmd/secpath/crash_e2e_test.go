package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// TestKillDuringQuiz kills the real binary with SIGKILL at random points
// of a scripted quiz: after a random number of answers the next answer is
// typed and the process killed a random moment later, while it types,
// saves or writes. Every answer the screen reported as saved before the
// kill must be in the session file, which must still parse; and secpath
// must then offer to resume it. The seed is fixed, so a failure repeats.
func TestKillDuringQuiz(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("finds the process through /proc")
	}
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	qs := b.QuestionsFor(assess.Quick)
	r := rand.New(rand.NewPCG(20261122, 7))
	for round := 1; round <= 4; round++ {
		answers := 1 + r.IntN(8)                              // reported saved before the kill
		delay := time.Duration(r.IntN(60)) * time.Millisecond // after the next answer's keys
		t.Run(fmt.Sprintf("round %d: %d answers, kill %v into the next", round, answers, delay), func(t *testing.T) {
			tm := newTerm(t, 100, 30)
			tm.waitFor("Start the assessment")
			tm.keys("Right", "Enter") // quick
			tm.waitFor("Saved · 0 answered")
			for i := 0; i < answers; i++ {
				tm.keys(answerKeys(qs[i], i)...)
				tm.waitFor(fmt.Sprintf("Saved · %d answered", i+1))
			}
			// The next answer, all keys at once, then the kill.
			next := append([]string{"send-keys", "-t", "e2e"}, answerKeys(qs[answers], answers)...)
			if out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, next...)...).CombinedOutput(); err != nil {
				t.Fatalf("send-keys: %v %s", err, out)
			}
			time.Sleep(delay)
			reported := savedOnScreen(tm.screen())
			pid := tm.appPID()
			if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			tm.waitFor("EXIT=137")
			if reported < answers {
				t.Fatalf("the screen said %d saved, fewer than the %d seen before", reported, answers)
			}

			files := tm.sessionFiles()
			if len(files) != 1 {
				t.Fatalf("sessions after the kill: %v", files)
			}
			f, err := storage.ReadAnswers(files[0], b)
			if err != nil {
				t.Fatalf("the session no longer parses after the kill: %v", err)
			}
			for i := 0; i < reported; i++ {
				checkAnswer(t, qs[i], i, f.Answers.Items[qs[i].ID])
			}
			onDisk := 0
			for _, q := range qs {
				if a, ok := f.Answers.Items[q.ID]; ok && a.Given(q.Kind) {
					onDisk++
				}
			}
			if onDisk < reported || onDisk > answers+1 {
				t.Errorf("%d answers on disk; the screen reported %d, and %d were given", onDisk, reported, answers+1)
			}

			// secpath picks the session up again.
			_ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run()
			tm.socket += "-again"
			t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
			tm.start(100, 30)
			s := tm.waitFor("Resume")
			if want := fmt.Sprintf("%d of %d answered", onDisk, len(qs)); !strings.Contains(s, want) {
				t.Errorf("no offer to resume %q:\n%s", want, s)
			}
			tm.keys("q")
			tm.waitFor("Leave secpath?")
			tm.keys("y")
			tm.waitFor("EXIT=0")
		})
	}
}

// answerKeys are the keys that answer question i of the quick mode.
func answerKeys(q *assess.Question, i int) []string {
	switch q.Kind {
	case assess.KindNumber:
		return []string{strconv.Itoa(numberAnswer(q, i)), "Enter"}
	case assess.KindCertifications:
		return []string{"c", "i", "s", "s", "p", "Space", "2", "0", "1", "8", "Enter", "Enter"}
	case assess.KindRating, assess.KindScenario, assess.KindYesNo:
	}
	return []string{"Down", "Enter"} // option 2 (no, for a yes/no question)
}

// numberAnswer is the number typed for question i: small, positive and
// different from its neighbours', within every number question's range.
// The years in IT overall are the most of all, as they include the others,
// so the quiz never stops to ask whether a figure is meant.
func numberAnswer(q *assess.Question, i int) int {
	if q.Fact == "years_it" {
		return 40 - i%8
	}
	return 9 - i%8
}

func checkAnswer(t *testing.T, q *assess.Question, i int, a assess.Answer) {
	t.Helper()
	ok := a.Given(q.Kind)
	switch q.Kind {
	case assess.KindNumber:
		ok = ok && a.Number != nil && *a.Number == float64(numberAnswer(q, i))
	case assess.KindCertifications:
		ok = ok && len(a.Held) == 1 && a.Held[0] == assess.HeldCert{ID: "cissp", Year: 2018}
	case assess.KindYesNo:
		ok = ok && a.Bool != nil && !*a.Bool // option 2 is No
	default:
		ok = ok && a.Choice == 2
	}
	if !ok {
		t.Errorf("answer %d (%s), reported saved, is not on disk as given: %+v", i+1, q.ID, a)
	}
}

var savedRe = regexp.MustCompile(`Saved · (\d+) answered`)

// savedOnScreen is the count the status line reports; -1 if none.
func savedOnScreen(s string) int {
	m := savedRe.FindStringSubmatch(s)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// appPID finds secpath: the child of the pane's shell.
func (tm *term) appPID() int {
	tm.t.Helper()
	out, err := exec.Command("tmux", "-L", tm.socket, "display", "-p", "-t", "e2e", "#{pane_pid}").Output()
	if err != nil {
		tm.t.Fatalf("pane pid: %v", err)
	}
	shell := strings.TrimSpace(string(out))
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		s := string(data)
		open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || close < open {
			continue
		}
		fields := strings.Fields(s[close+1:])
		if len(fields) > 1 && fields[1] == shell && s[open+1:close] == "secpath" {
			pid, _ := strconv.Atoi(strings.TrimSpace(s[:open]))
			return pid
		}
	}
	tm.t.Fatalf("no secpath process under the pane's shell %s", shell)
	return 0
}

// TestCorruptSessionMovedAside: a session file that no longer parses is
// moved aside when secpath starts, the status line and stderr say where,
// and a new assessment starts as usual.
func TestCorruptSessionMovedAside(t *testing.T) {
	tm := idleTerm(t)
	dir := filepath.Join(tm.state, "secpath", "sessions")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	corrupt := filepath.Join(dir, "20261122-101500-dead.toml")
	if err := os.WriteFile(corrupt, []byte("schema = 1\n[answers.years-sec"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm.start(120, 30)
	s := tm.waitFor("Start the assessment")
	if !strings.Contains(s, "moved aside to") {
		t.Errorf("the status line does not say the file was moved:\n%s", s)
	}
	if strings.Contains(s, "Resume") {
		t.Errorf("the corrupt session is offered:\n%s", s)
	}
	tm.keys("Right", "Enter")
	tm.waitFor("Saved · 0 answered")
	tm.keys("C-c", "y")
	s = tm.waitFor("EXIT=0")
	moved, _ := filepath.Glob(corrupt + ".corrupt-*")
	if len(moved) != 1 {
		t.Fatalf("moved aside: %v", moved)
	}
	if data, _ := os.ReadFile(moved[0]); string(data) != "schema = 1\n[answers.years-sec" {
		t.Errorf("the moved file changed: %q", data)
	}
	if flat := strings.Join(strings.Fields(s), ""); !strings.Contains(flat, "movedasideto"+moved[0]) {
		t.Errorf("stderr does not say where it went:\n%s", s)
	}
	if files := tm.sessionFiles(); len(files) != 1 || strings.Contains(files[0], "dead") {
		t.Errorf("sessions: %v", files)
	}
}
