package main

import (
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// TestSignalsEndTheQuiz sends SIGINT, SIGTERM and SIGHUP to the real
// binary in the middle of the full-screen quiz. Each ends it with the exit
// status a shell gives a process stopped by that signal, the terminal
// back on its normal screen, and the answer given before it on disk.
func TestSignalsEndTheQuiz(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("finds the process through /proc")
	}
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	qs := b.QuestionsFor(assess.Quick)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}, {syscall.SIGHUP, 129}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			tm, raw := newShellTerm(t, 100, 30, "BINARY")
			tm.waitFor("Start the assessment")
			tm.keys("Right", "Enter") // quick
			tm.waitFor("Saved · 0 answered")
			tm.keys(answerKeys(qs[0], 0)...)
			tm.waitFor("Saved · 1 answered")
			if err := syscall.Kill(tm.appPID(), c.sig); err != nil {
				t.Fatal(err)
			}
			screen := tm.waitFor(fmt.Sprintf("EXIT=%d", c.code))
			if strings.Contains(screen, "Saved · 1 answered") {
				t.Errorf("the quiz is still on screen after it ended:\n%s", screen)
			}
			// The alternate screen was left: its exit sequence follows the
			// last frame.
			out := raw()
			if i, j := strings.LastIndex(out, "\x1b[?1049h"), strings.LastIndex(out, "\x1b[?1049l"); j < i {
				t.Errorf("the alternate screen is still on (enter at %d, leave at %d)", i, j)
			}
			files := tm.sessionFiles()
			if len(files) != 1 {
				t.Fatalf("sessions: %v", files)
			}
			f, err := storage.ReadAnswers(files[0], b)
			if err != nil {
				t.Fatal(err)
			}
			checkAnswer(t, qs[0], 0, f.Answers.Items[qs[0].ID])
		})
	}
}
