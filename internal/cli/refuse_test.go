package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// copyBankDir copies the embedded bank's files, changing one file's text.
func copyBankDir(t *testing.T, file, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../../questions/bank")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("../../questions/bank", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == file {
			if !strings.Contains(string(data), old) {
				t.Fatalf("%s has no %q", file, old)
			}
			data = []byte(strings.Replace(string(data), old, new, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runWithin runs a command and fails the test if it takes more than ten
// seconds: a pipe opened for reading would block it for ever.
func runWithin(t *testing.T, env Env, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env.Stdin, env.Stdout, env.Stderr, env.Now = strings.NewReader(""), &out, &errb, testToday
	done := make(chan int, 1)
	go func() { done <- Run(context.Background(), args, env) }()
	select {
	case code = <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%v blocked", args)
	}
	return out.String(), errb.String(), code
}

// TestRefusedThroughTheCommands: what secpath refuses to read or write,
// each through the command a person runs, with the message they see.
func TestRefusedThroughTheCommands(t *testing.T) {
	dir := t.TempDir()
	persona := "../../questions/testdata/personas/soc-lead.toml"
	team := filepath.Join(dir, "team")
	state := filepath.Join(dir, "state")
	sessions := filepath.Join(state, "secpath", "sessions")
	for _, d := range []string{team, sessions} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := os.ReadFile(persona)
	os.WriteFile(filepath.Join(team, "a.toml"), data, 0o600)
	if err := syscall.Mkfifo(filepath.Join(team, "pipe.toml"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	syscall.Mkfifo(filepath.Join(sessions, "20261130-100000-abcd.toml"), 0o600)
	pipeBank := copyBankDir(t, "scale.toml", "", "")
	syscall.Mkfifo(filepath.Join(pipeBank, "zz.toml"), 0o600)
	infBank := copyBankDir(t, "roles.toml", "{ competency = \"network-infrastructure\", level = 3, weight = 3 }", "{ competency = \"network-infrastructure\", level = 3, weight = inf }")
	openDir := filepath.Join(dir, "open-state")
	os.MkdirAll(filepath.Join(openDir, "secpath", "sessions"), 0o700)
	os.Chmod(filepath.Join(openDir, "secpath", "sessions"), 0o777)
	link := filepath.Join(dir, "out.md")
	os.Symlink("/proc/self/fd/1", link)
	answers := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("schema = 1\nbank = \"secpath-default\"\nmode = \"full\"\n"+body), 0o600)
		return p
	}
	quoted := answers("quoted.toml", "\n[mentor]\nname = \"M\"\nupdated = \"2026-11-30\"\n")
	inline := answers("inline.toml", "\n[answers]\nyears-security = { answer = 4 }\nyears-security.confidence = \"high\"\n")
	nextYear := answers("next.toml", fmt.Sprintf("\n[answers.certs-held]\nanswer = [{ id = \"cissp\", year = %d }]\n", time.Now().Year()+1)) // the reader's clock
	noTable := answers("20261129-100000-abce.toml", "")
	os.Rename(noTable, filepath.Join(sessions, "20261129-100000-abce.toml"))

	cases := []struct {
		name  string
		env   Env
		args  []string
		code  int
		want  string
		where string // "out" or "err"
	}{
		{"cohort skips a pipe", Env{}, []string{"cohort", team}, 0, "skipped " + filepath.Join(team, "pipe.toml") + ": is not a regular file (a named pipe)", "err"},
		{"sessions lists a pipe", Env{StateHome: state}, []string{"sessions"}, 0, "is not a regular file (a named pipe)", "out"},
		{"bank with a pipe", Env{}, []string{"--questions", pipeBank, "validate"}, 1, "zz.toml: is not a regular file (a named pipe)", "err"},
		{"bank with an inf weight", Env{}, []string{"--questions", infBank, "validate"}, 1, `roles.toml:45:55: role "security-engineer": weight for "network-infrastructure" is +Inf; weights must be greater than 0`, "err"},
		{"export onto a device", Env{}, []string{"plan", persona, "-o", "/dev/null", "--force"}, 1, "/dev/null: is not a regular file (a device)", "err"},
		{"export onto a link", Env{}, []string{"plan", persona, "-o", link, "--force"}, 1, link + ": is not a regular file but a symbolic link", "err"},
		{"sessions open to others", Env{StateHome: openDir}, []string{"sessions"}, 1, "the sessions directory is not private: others can write to it (mode 0777)", "err"},
		{"a date far away", Env{}, []string{"plan", persona, "--start", "9999-12-01"}, 2, "within 10 years of today", "err"},
		{"a quoted date", Env{}, []string{"score", quoted}, 1, "quoted.toml:7:12: wrong value for \"mentor.updated\": a date is written without quotes", "err"},
		{"an inline table extended", Env{}, []string{"score", inline}, 1, "inline.toml:7:1: \"answers.years-security.confidence\" adds to the inline table", "err"},
		{"a certificate from next year", Env{}, []string{"score", nextYear}, 1, fmt.Sprintf("next.toml:6:1: question \"certs-held\": the year for \"cissp\" must be a year from 1970 to %d", time.Now().Year()), "err"},
		{"a session without its table", Env{StateHome: state}, []string{"sessions"}, 0, "20261129-100000-abce", "out"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runWithin(t, c.env, c.args...)
			got := errs
			if c.where == "out" {
				got = out
			}
			if code != c.code || !strings.Contains(got, c.want) {
				t.Errorf("exit %d, want %d; want %q in\nstdout: %s\nstderr: %s", code, c.code, c.want, out, errs)
			}
			if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic") {
				t.Errorf("a stack trace: %s", errs)
			}
		})
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
}

// TestHostileBankText: a bank's own text (a role's title) with control
// codes comes out inert from the commands that print it.
func TestHostileBankText(t *testing.T) {
	bank := copyBankDir(t, "roles.toml", `title = "Chief Information Security Officer"`, `title = "Chief Information Security Officer\u001b]52;c;ZXZpbA==\u0007\u009b2J\u202e"`)
	for _, args := range [][]string{
		{"--questions", bank, "roles"},
		{"--questions", bank, "score", "../../questions/testdata/personas/soc-lead.toml"},
		{"--questions", bank, "plan", "../../questions/testdata/personas/soc-lead.toml", "--role", "ciso"},
	} {
		out, errs, code := runWithin(t, Env{}, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if strings.ContainsAny(out+errs, controls) {
			t.Errorf("%v: a control code reached the output", args)
		}
		if !strings.Contains(out, `Chief Information Security Officer\x1b`) {
			t.Errorf("%v: the title is not shown with its code visible", args)
		}
	}
}
