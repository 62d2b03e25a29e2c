package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// TestSecondProcessIsToldWhoHasTheSession: while one secpath has a
// session open in the full-screen interface, a second one resuming it
// (full-screen or accessible) is refused, told which process has it and
// how to read it meanwhile, and changes nothing; once the first has left,
// the session opens again.
func TestSecondProcessIsToldWhoHasTheSession(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	tm := idleTerm(t)
	dir := filepath.Join(tm.state, "secpath", "sessions")
	f, err := storage.ReadAnswers("../../questions/testdata/personas/soc-lead.toml", b)
	if err != nil {
		t.Fatal(err)
	}
	f.Session = storage.Session{ID: "20261201-090000-abcd"}
	delete(f.Answers.Items, "years-security") // unfinished: the quiz opens on it
	path, err := storage.SaveSession(dir, b, f)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	tm.start(100, 30, "resume", f.Session.ID)
	tm.waitFor("How many years have you worked in information security?")

	for _, args := range [][]string{{"resume", f.Session.ID}, {"--accessible", "resume", f.Session.ID}} {
		cmd := exec.Command(binary, args...)
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+tm.state)
		cmd.Stdin = strings.NewReader("7\n")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
			t.Errorf("%v: %v, want exit 1", args, err)
		}
		msg := errb.String()
		if !strings.Contains(msg, "is open in another secpath (pid ") || !strings.Contains(msg, "secpath score "+path) {
			t.Errorf("%v: stderr %q", args, msg)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("the second process changed the session")
	}
	tm.keys("C-c")
	screen := tm.waitFor("Leave")
	_ = screen
	tm.keys("y")
	tm.waitFor("EXIT=")
	cmd := exec.Command(binary, "--accessible", "resume", f.Session.ID)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+tm.state)
	cmd.Stdin = strings.NewReader("7\nq\n")
	if out, err := cmd.CombinedOutput(); err != nil || strings.Contains(string(out), "open in another") {
		t.Errorf("after the first left: %v\n%s", err, out)
	}
}
