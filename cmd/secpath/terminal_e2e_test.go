package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Terminals: a window too small, a very large one, resizes while running,
// no terminal on input or output, NO_COLOR and TERM=dumb, with the real
// binary.

// newShellTerm starts the binary in tmux behind a shell prefix (tmux sets
// TERM itself, so variables such as TERM=dumb go on the command line) and
// records every byte the pane's program writes, from the first one.
func newShellTerm(t *testing.T, w, h int, line string) (tm *term, raw func() string) {
	t.Helper()
	tm = idleTerm(t)
	dir := t.TempDir()
	gate, out := filepath.Join(dir, "go"), filepath.Join(dir, "raw")
	cmd := fmt.Sprintf("while [ ! -e %s ]; do sleep 0.02; done; %s; s=$?; stty sane 2>/dev/null; echo; echo EXIT=$s; sleep 30", gate, strings.ReplaceAll(line, "BINARY", binary))
	c := exec.Command("tmux", "-L", tm.socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e",
		"-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-e", "XDG_STATE_HOME="+tm.state, "sh", "-c", cmd)
	if b, err := c.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, b)
	}
	if b, err := exec.Command("tmux", "-L", tm.socket, "pipe-pane", "-t", "e2e", "-o", "cat >> "+out).CombinedOutput(); err != nil {
		t.Fatalf("pipe-pane: %v %s", err, b)
	}
	if err := os.WriteFile(gate, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return tm, func() string {
		b, _ := os.ReadFile(out)
		return string(b)
	}
}

// idleTerm is a term with its state directory and tmux socket, before
// anything is started.
func idleTerm(t *testing.T) *term {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tm := &term{t: t, socket: fmt.Sprintf("secpath-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), state: t.TempDir()}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

// screenEscapes is the screen with its attributes as escape codes.
func (tm *term) screenEscapes() string {
	out, _ := exec.Command("tmux", "-L", tm.socket, "capture-pane", "-p", "-e", "-t", "e2e").Output()
	return string(out)
}

func (tm *term) resize(w, h int) {
	tm.t.Helper()
	if out, err := exec.Command("tmux", "-L", tm.socket, "resize-window", "-t", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)).CombinedOutput(); err != nil {
		tm.t.Fatalf("resize-window: %v %s", err, out)
	}
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourCodes lists the SGR sequences that set a colour: 30-38, 40-48,
// 90-97, 100-107 (38;5 and 38;2 among them). 39 and 49, back to the
// default colours, are not colours.
func colourCodes(s string) []string {
	var out []string
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			var n int
			if _, err := fmt.Sscan(p, &n); err != nil {
				continue
			}
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				out = append(out, fmt.Sprintf("%q", m[0]))
				break
			}
		}
	}
	return out
}

// checkScreen: the captured screen is h lines, none wider than w.
func checkScreen(t *testing.T, s string, w, h int) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) != h {
		t.Errorf("%d lines on a screen of %d", len(lines), h)
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > w {
			t.Errorf("line %d is %d wide on a screen of %d: %q", i+1, n, w, l)
		}
	}
	return lines
}

func TestTinyTerminal20x5(t *testing.T) {
	tm := newTerm(t, 20, 5)
	s := tm.waitFor("too small")
	checkScreen(t, s, 20, 5)
	text := strings.Join(strings.Fields(s), " ")
	for _, want := range []string{"needs 60×18", "20×5."} {
		if !strings.Contains(text, want) {
			t.Errorf("the message lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "…") {
		t.Errorf("the message is cut:\n%s", s)
	}
	tm.keys("q")
	tm.waitFor("EXIT=0")
}

// TestHugeTerminalAndResizes: at 300x100 the full layout (title at the
// top, status and keys at the bottom); then a storm of resizes while
// answering, through too small and back, and nothing is lost.
func TestHugeTerminalAndResizes(t *testing.T) {
	tm := newTerm(t, 300, 100)
	tm.waitFor("Start the assessment")
	tm.keys("Right", "Enter")
	s := tm.waitFor("Saved · 0 answered")
	lines := checkScreen(t, s, 300, 100)
	n := len(quickQuestions(t))
	if !strings.Contains(lines[0], "secpath") || !strings.Contains(lines[0], fmt.Sprintf("1 of %d", n)) {
		t.Errorf("no title line at the top: %q", lines[0])
	}
	if !strings.Contains(lines[98], "Saved · 0 answered") || !strings.Contains(lines[99], "quit") {
		t.Errorf("no status and keys at the bottom:\n%q\n%q", lines[98], lines[99])
	}
	tm.keys("9", "Enter")
	tm.waitFor("Saved · 1 answered")
	for _, sz := range [][2]int{{20, 5}, {300, 100}, {60, 18}, {59, 17}, {200, 50}, {20, 5}, {80, 24}, {300, 100}, {100, 30}} {
		tm.resize(sz[0], sz[1])
		time.Sleep(20 * time.Millisecond)
	}
	s = tm.waitFor(fmt.Sprintf("2 of %d", n))
	checkScreen(t, s, 100, 30)
	tm.keys("3", "Enter")
	tm.waitFor("Saved · 2 answered")
	tm.resize(20, 5)
	s = tm.waitFor("too small")
	checkScreen(t, s, 20, 5)
	tm.resize(80, 24)
	s = tm.waitFor(fmt.Sprintf("3 of %d", n))
	checkScreen(t, s, 80, 24)
	tm.keys("C-c", "y")
	tm.waitFor("EXIT=0")
	files := tm.sessionFiles()
	if len(files) != 1 {
		t.Fatalf("sessions: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	for _, want := range []string{"[answers.years-security]\nanswer = 9\n", "[answers.years-managing]\nanswer = 3\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the session lacks %q", want)
		}
	}
}

// TestNoTerminal: input or output that is not a terminal gets the numbered
// prompts, with no escape code at all.
func TestNoTerminal(t *testing.T) {
	t.Run("neither", func(t *testing.T) {
		cmd := exec.Command(binary)
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir(), "TERM=xterm-256color")
		cmd.Stdin = strings.NewReader("1\nq\n")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v\n%s", err, errb.String())
		}
		checkAccessible(t, out.String())
	})
	t.Run("stdin", func(t *testing.T) {
		tm, raw := newShellTerm(t, 100, 30, "printf '1\\nq\\n' | BINARY")
		tm.waitFor("EXIT=0")
		checkAccessible(t, raw())
	})
	t.Run("stdout", func(t *testing.T) {
		tm, raw := newShellTerm(t, 100, 30, "BINARY | cat")
		tm.waitFor("Assessment (1-2")
		tm.keys("1", "Enter")
		tm.waitFor("Target role")
		tm.keys("q", "Enter")
		tm.waitFor("EXIT=0")
		checkAccessible(t, raw())
	})
}

func checkAccessible(t *testing.T, out string) {
	t.Helper()
	// Left at the target role, before any answer: nothing is kept, and
	// nothing is said to be saved.
	for _, want := range []string{"How long an assessment would you like?", "1. Quick", "Target role (1-", "Nothing was answered, so nothing was saved."} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		t.Errorf("an escape code in the output: %q", out[max(0, i-20):min(len(out), i+20)])
	}
}

// TestNoColor: NO_COLOR=1 leaves no colour in the interface (bold and
// reverse remain); without it the same screens are in colour.
func TestNoColor(t *testing.T) {
	for _, c := range []struct {
		env    string
		colour bool
	}{{"NO_COLOR=1", false}, {"NO_COLOR=", true}} {
		t.Run(c.env, func(t *testing.T) {
			tm, raw := newShellTerm(t, 100, 30, "TERM=xterm-256color COLORTERM=truecolor "+c.env+" BINARY")
			tm.waitFor("Start the assessment")
			screens := tm.screenEscapes()
			tm.keys("Right", "Enter")
			tm.waitFor("Saved · 0 answered")
			screens += tm.screenEscapes()
			tm.keys("9", "Enter", "6", "Enter", "C-s") // two numbers, skip the third
			tm.waitFor("Saved · 2 answered, 1 skipped")
			screens += tm.screenEscapes()
			tm.keys("Escape") // the sections: ? is typed into a number field
			tm.waitFor("Sections")
			tm.keys("?")
			tm.waitFor("Keys on this screen")
			screens += tm.screenEscapes()
			tm.keys("x") // any key closes the help
			all := screens + raw()
			codes := colourCodes(all)
			if c.colour && len(codes) == 0 {
				t.Error("no colour at all without NO_COLOR: the check sees nothing")
			}
			if !c.colour && len(codes) > 0 {
				t.Errorf("colour codes with NO_COLOR=1: %v", codes[:min(5, len(codes))])
			}
			if !strings.Contains(screens, "\x1b[1m") && !strings.Contains(screens, ";1m") {
				t.Error("no bold text: the capture carries no attributes")
			}
			tm.keys("q", "y")
			tm.waitFor("EXIT=0")
		})
	}
}

// TestTermDumb: TERM=dumb gets the numbered prompts and no escape code at
// all, on a real terminal.
func TestTermDumb(t *testing.T) {
	tm, raw := newShellTerm(t, 100, 30, "TERM=dumb BINARY")
	tm.waitFor("Assessment (1-2")
	tm.keys("1", "Enter")
	tm.waitFor("Target role")
	tm.keys("q", "Enter")
	tm.waitFor("EXIT=0")
	checkAccessible(t, raw())
}
