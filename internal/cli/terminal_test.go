package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestUseAccessible: whatever is not a terminal, on either side, and
// TERM=dumb get the numbered prompts; two terminals get the full-screen
// interface. Whether a stream is a terminal is the Env's to say (main asks
// the process), so no test here needs one. (That a real terminal gets the
// full-screen interface is shown end to end in cmd/secpath.)
func TestUseAccessible(t *testing.T) {
	env := func(vars ...string) func(string) string {
		return func(k string) string {
			for _, v := range vars {
				if name, value, _ := strings.Cut(v, "="); name == k {
					return value
				}
			}
			return ""
		}
	}
	cases := map[string]Env{
		"neither a terminal":      {Getenv: env()},
		"stdin not a terminal":    {StdoutTTY: true, Getenv: env()},
		"stdout not a terminal":   {StdinTTY: true, Getenv: env()},
		"stderr only a terminal":  {StderrTTY: true, Getenv: env()},
		"TERM=dumb":               {StdinTTY: true, StdoutTTY: true, Getenv: env("TERM=dumb")},
		"ACCESSIBLE=1":            {StdinTTY: true, StdoutTTY: true, Getenv: env("ACCESSIBLE=1")},
		"ACCESSIBLE=0, not a tty": {Getenv: env("ACCESSIBLE=0")},
	}
	for name, e := range cases {
		if !useAccessible(e, &options{}) {
			t.Errorf("%s: the full-screen interface was chosen", name)
		}
	}
	terminals := Env{StdinTTY: true, StdoutTTY: true, Getenv: env("ACCESSIBLE=0", "TERM=xterm-256color")}
	if useAccessible(terminals, &options{}) {
		t.Error("two terminals got the numbered prompts")
	}
	if !useAccessible(terminals, &options{accessible: true}) {
		t.Error("--accessible was ignored")
	}
}

// TestDumbTerminalGetsPlainText: with TERM=dumb the whole run is plain
// text, without one escape code.
func TestDumbTerminalGetsPlainText(t *testing.T) {
	var out, errb bytes.Buffer
	e := Env{Stdin: strings.NewReader("2\n1\nAda\n1\n6\nq\n"), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		switch k {
		case "TERM":
			return "dumb"
		case "XDG_STATE_HOME":
			return t.TempDir()
		}
		return ""
	}}
	if code := Run(t.Context(), []string{"--questions", miniBank}, e); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Question 1 of 8") {
		t.Errorf("no prompts:\n%s", out.String())
	}
	if strings.ContainsRune(out.String()+errb.String(), 0x1b) {
		t.Errorf("an escape code in the output: %q", out.String())
	}
}
