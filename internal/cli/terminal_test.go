package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestUseAccessible: whatever is not a terminal, on either side, and
// TERM=dumb get the numbered prompts. (That a terminal gets the full-screen
// interface is shown end to end in cmd/secpath.)
func TestUseAccessible(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	file, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
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
		"buffers":                 {Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Getenv: env()},
		"stdin a pipe":            {Stdin: r, Stdout: os.Stdout, Getenv: env()},
		"stdout a file":           {Stdin: os.Stdin, Stdout: file, Getenv: env()},
		"stdout a pipe":           {Stdin: os.Stdin, Stdout: w, Getenv: env()},
		"TERM=dumb":               {Stdin: os.Stdin, Stdout: os.Stdout, Getenv: env("TERM=dumb")},
		"ACCESSIBLE=1":            {Stdin: os.Stdin, Stdout: os.Stdout, Getenv: env("ACCESSIBLE=1")},
		"ACCESSIBLE=0, not a tty": {Stdin: r, Stdout: w, Getenv: env("ACCESSIBLE=0")},
	}
	for name, e := range cases {
		if !useAccessible(e, &options{}) {
			t.Errorf("%s: the full-screen interface was chosen", name)
		}
	}
	if !useAccessible(Env{Stdin: os.Stdin, Stdout: os.Stdout, Getenv: env()}, &options{accessible: true}) {
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
