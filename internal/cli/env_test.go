package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// TestCommandsHonourTheirEnv runs a whole assessment with an environment
// that differs from the process's: the sessions go under the Env's
// XDG_STATE_HOME (not the process's), the session is dated by the Env's
// clock, and `sessions` then finds it there.
func TestCommandsHonourTheirEnv(t *testing.T) {
	processState, envState := t.TempDir(), t.TempDir()
	t.Setenv("XDG_STATE_HOME", processState)
	t.Setenv("ACCESSIBLE", "")
	clock := time.Date(2031, 5, 6, 7, 8, 9, 0, time.Local)
	var out, errb bytes.Buffer
	env := Env{
		Stdin:   strings.NewReader(strings.Join([]string{"2", "1", "Ada", "1", "6", "1", "1:2020", "3", "2", "2", "10", "1"}, "\n") + "\n"),
		Stdout:  &out,
		Stderr:  &errb,
		Environ: []string{"XDG_STATE_HOME=" + envState, "TERM=xterm"},
		Now:     func() time.Time { return clock },
	}
	if code := Run(t.Context(), []string{"--questions", miniBank}, env); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, errb.String(), out.String())
	}
	sessions := filepath.Join(envState, "secpath", "sessions")
	files, err := filepath.Glob(filepath.Join(sessions, "*.toml"))
	if err != nil || len(files) != 1 {
		t.Fatalf("sessions under the Env's XDG_STATE_HOME: %v %v", files, err)
	}
	if id := strings.TrimSuffix(filepath.Base(files[0]), ".toml"); !strings.HasPrefix(id, "20310506-070809-") {
		t.Errorf("session id %s is not dated by the Env's clock", id)
	}
	if _, err := os.Stat(filepath.Join(processState, "secpath")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("something was written under the process's XDG_STATE_HOME: %v", err)
	}

	out.Reset()
	env.Stdin = strings.NewReader("")
	if code := Run(t.Context(), []string{"--questions", miniBank, "sessions"}, env); code != 0 {
		t.Fatalf("sessions: exit %d\n%s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Ada") || !strings.Contains(out.String(), sessions) {
		t.Errorf("sessions did not list the Env's sessions directory:\n%s", out.String())
	}
}

// TestSessionsDirFromEnv: the home and state directories come from the
// Env's fields first, then its variables, never from the process.
func TestSessionsDirFromEnv(t *testing.T) {
	t.Setenv("HOME", "/process/home")
	t.Setenv("XDG_STATE_HOME", "/process/state")
	cases := []struct {
		name string
		env  Env
		want string
	}{
		{"StateHome field", Env{StateHome: "/field/state", Environ: []string{"XDG_STATE_HOME=/var/state"}}, "/field/state/secpath/sessions"},
		{"XDG_STATE_HOME variable", Env{HomeDir: "/field/home", Environ: []string{"XDG_STATE_HOME=/var/state"}}, "/var/state/secpath/sessions"},
		{"relative XDG_STATE_HOME ignored", Env{HomeDir: "/field/home", Environ: []string{"XDG_STATE_HOME=state"}}, "/field/home/.local/state/secpath/sessions"},
		{"HOME variable", Env{Environ: []string{"HOME=/var/home"}}, "/var/home/.local/state/secpath/sessions"},
		{"Getenv over Environ", Env{Getenv: func(k string) string { return map[string]string{"HOME": "/lookup/home"}[k] }, Environ: []string{"HOME=/var/home"}}, "/lookup/home/.local/state/secpath/sessions"},
	}
	for _, c := range cases {
		got, err := c.env.complete().sessionsDir()
		if err != nil || got != filepath.FromSlash(c.want) {
			t.Errorf("%s: %q %v, want %q", c.name, got, err, c.want)
		}
	}
	_, err := Env{}.complete().sessionsDir()
	if !errors.Is(err, storage.ErrNoHome) || !strings.Contains(err.Error(), "set XDG_STATE_HOME or HOME") {
		t.Errorf("an empty Env found a sessions directory: %v", err)
	}
}

// TestCommandLineWordsTheFix: storage says what is wrong; the command line
// adds the command or option that fixes it, on the problem's own line.
func TestCommandLineWordsTheFix(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.toml")
	other := filepath.Join(dir, "other.toml")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("schema = 1\nbank = \"another\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		empty: empty + ": the file is empty; write a blank one with `secpath template -o FILE`\n",
		other: other + ":2:1: this answers file is for the bank \"another\", but the bank in use is \"secpath-default\"; pass --questions with the bank it was made for\n",
	} {
		_, stderr, code := run(t, "score", file)
		if code != ExitInvalid || !strings.Contains(stderr, "secpath: "+want) {
			t.Errorf("score %s: exit %d, stderr %q, want a line %q", filepath.Base(file), code, stderr, want)
		}
	}
	plan := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(plan, []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "plan", "../../questions/testdata/personas/soc-lead.toml", "-o", plan)
	if code != ExitInvalid || !strings.Contains(stderr, plan+": file already exists (use --force to replace it)") {
		t.Errorf("plan over a file: exit %d, %q", code, stderr)
	}
}

// TestConcurrentRunsKeepToTheirEnv: many commands at once, as a server
// with many people connected runs them, share one embedded bank and each
// keep to their own Env: every assessment is saved under its own state
// directory, and every score printed is the same.
func TestConcurrentRunsKeepToTheirEnv(t *testing.T) {
	bank, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	shared := func() (*assess.Bank, assess.Report, error) { return bank, assess.Report{}, nil }
	const people = 16
	persona := "../../questions/testdata/personas/soc-lead.toml"
	var (
		wg     sync.WaitGroup
		scores [people]string
		states [people]string
		errs   [people]string
	)
	for i := range people {
		states[i] = t.TempDir()
		wg.Go(func() {
			var out, errb bytes.Buffer
			env := Env{Stdout: &out, Stderr: &errb, Environ: []string{"XDG_STATE_HOME=" + states[i]}, Now: testToday, Bank: shared}
			if code := Run(t.Context(), []string{"score", persona, "--json"}, env); code != 0 {
				errs[i] = fmt.Sprintf("score: exit %d: %s", code, errb.String())
				return
			}
			scores[i] = out.String()
			out.Reset()
			env.Stdin = strings.NewReader("2\n1\nAda\n1\n6\nq\n")
			if code := Run(t.Context(), []string{"--questions", miniBank}, env); code != 0 && code != ExitAborted {
				errs[i] = fmt.Sprintf("assessment: exit %d: %s", code, errb.String())
			}
		})
	}
	wg.Wait()
	for i := range people {
		if errs[i] != "" {
			t.Errorf("person %d: %s", i, errs[i])
			continue
		}
		if scores[i] == "" || scores[i] != scores[0] {
			t.Errorf("person %d scored differently:\n%.200s\nagainst\n%.200s", i, scores[i], scores[0])
		}
		files, _ := filepath.Glob(filepath.Join(states[i], "secpath", "sessions", "*.toml"))
		if len(files) != 1 {
			t.Errorf("person %d: %d sessions in their own state directory, want 1", i, len(files))
		}
	}
}
