package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The file size limit (ulimit -f, in 512-byte blocks) makes every session
// save fail halfway, as a full disk does, for the real binary only: the
// shell that sets it is the binary's parent.
const tinyDisk = "ulimit -f 8; "

// TestFullDiskAccessible: in accessible mode on a "full disk", every
// failed save is said, nothing is reported saved, and the exit status is
// 1 with what is (not) on disk.
func TestFullDiskAccessible(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	state := t.TempDir()
	cmd := exec.Command("sh", "-c", tinyDisk+"exec "+binary+" --accessible")
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state)
	cmd.Stdin = strings.NewReader("1\n17\n\n1\n9\nq\n")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
		t.Fatalf("exit: %v\n%s\n%s", err, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "Could not save your answers") || strings.Contains(out.String(), "Saved.") || strings.Contains(out.String(), "answers are saved") {
		t.Errorf("stdout:\n%s", out.String())
	}
	if !strings.Contains(errb.String(), "nothing of this assessment is on disk") {
		t.Errorf("stderr: %s", errb.String())
	}
	if files, _ := filepath.Glob(filepath.Join(state, "secpath", "sessions", "*.toml")); len(files) != 0 {
		t.Errorf("a partial session was left: %v", files)
	}
}

// TestFullDiskFullScreen: the full-screen interface on a "full disk" says
// the answers are not saved on its status line and in its leave dialog,
// and exits 1.
func TestFullDiskFullScreen(t *testing.T) {
	tm, _ := newShellTerm(t, 100, 30, tinyDisk+"BINARY")
	tm.waitFor("Start the assessment")
	tm.keys("Right", "Enter") // quick
	tm.waitFor("How many years")
	tm.keys("9", "Enter")
	tm.waitFor("Could not save")
	tm.keys("C-c")
	screen := tm.waitFor("NOT on disk")
	if strings.Contains(screen, "answers are saved") {
		t.Errorf("the leave dialog says saved:\n%s", screen)
	}
	tm.keys("y")
	screen = tm.waitFor("EXIT=1")
	if !strings.Contains(screen, "nothing of this assessment is on disk") {
		t.Errorf("after leaving:\n%s", screen)
	}
	if files := tm.sessionFiles(); len(files) != 0 {
		t.Errorf("a partial session was left: %v", files)
	}
}
