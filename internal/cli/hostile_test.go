package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// hostile is free text written to take over a terminal: OSC 52 to write
// the clipboard, ESC c to reset it, an 8-bit CSI to clear the screen, a
// bell, a carriage return to overwrite the line, and a bidirectional
// override to make what follows read backwards.
const hostile = "Eve\x1b]52;c;ZXZpbA==\x07\x1bc\u009b2J\r\u202etxt.exe"

// controls lists what must never reach a terminal from a file.
const controls = "\x1b\x07\r\u009b\u009d\u202e"

// hostileFile writes an answers file whose every free-text field, the
// mentor's view included, carries hostile text.
func hostileFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := storage.ReadAnswers("../../questions/testdata/personas/soc-lead.toml", b)
	if err != nil {
		t.Fatal(err)
	}
	a := f.Answers
	a.Profile = assess.Profile{Name: hostile, CurrentRole: hostile, Organisation: hostile}
	for id, ans := range a.Items {
		ans.Evidence = hostile
		a.Items[id] = ans
	}
	level := 3
	a.Mentor = &assess.MentorView{
		Name:    hostile,
		Updated: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC),
		Ratings: map[string]assess.MentorRating{"risk-register": {Levels: map[string]int{"risk-management": level}, Notes: hostile}},
		Gaps:    []assess.AgreedGap{{Role: "it-security-manager", Competency: "risk-management", Matters: true, Priority: 1, Owner: hostile, Action: hostile, Notes: hostile}},
		SignOff: assess.SignOff{Mentee: hostile, Mentor: hostile},
	}
	f.Session = storage.Session{}
	var buf bytes.Buffer
	if err := storage.WriteAnswers(&buf, b, f); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHostileTextNeverReachesTheTerminal runs every command and format
// that prints a person's free text and checks that no control code comes
// out on standard output or standard error, and that the text is still
// shown (escaped), not dropped.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	dir := t.TempDir()
	file := hostileFile(t, dir, "eve.toml")
	older := hostileFile(t, dir, "eve-before.toml")
	cohort := filepath.Join(dir, "team")
	if err := os.Mkdir(cohort, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.toml", "b.toml"} {
		data, _ := os.ReadFile(file)
		os.WriteFile(filepath.Join(cohort, name), data, 0o600)
	}
	// A file named to attack the terminal when it is reported as skipped.
	os.WriteFile(filepath.Join(cohort, "x\x1b]0;pwned\x07.toml"), []byte("not = [toml"), 0o600)

	// A saved session with the same text, for `sessions` and `resume`.
	state := filepath.Join(dir, "state")
	b, _, _ := questions.Default()
	sf, err := storage.ReadAnswers(file, b)
	if err != nil {
		t.Fatal(err)
	}
	sf.Session = storage.Session{ID: "20261130-100000-abcd", Started: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	if _, err := storage.SaveSession(filepath.Join(state, "secpath", "sessions"), b, sf); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"sessions"},
		{"score", "20261130-100000-abcd"},
		{"score", file},
		{"score", file, "--explain"},
		{"score", file, "--json"},
		{"plan", file},
		{"plan", file, "--format", "md"},
		{"plan", file, "--format", "csv"},
		{"plan", file, "--format", "json"},
		{"plan", file, "--format", "html"},
		{"compare", older, file},
		{"cohort", cohort},
		{"cohort", cohort, "--format", "md"},
		{"cohort", cohort, "--format", "csv"},
		{"cohort", cohort, "--json"},
		{"score", filepath.Join(cohort, "x\x1b]0;pwned\x07.toml")},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			Run(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: testToday, StateHome: state})
			for stream, text := range map[string]string{"stdout": out.String(), "stderr": errb.String()} {
				if i := strings.IndexAny(text, controls); i >= 0 {
					lo := max(0, i-40)
					t.Errorf("%s carries a control code at byte %d: %q", stream, i, text[lo:min(len(text), i+40)])
				}
			}
			if out.Len()+errb.Len() == 0 {
				t.Errorf("nothing printed")
			}
		})
	}
	// The cohort written to a file, too.
	cpath := filepath.Join(dir, "team.md")
	if code := Run(context.Background(), []string{"cohort", cohort, "--format", "md", "-o", cpath}, Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Now: testToday}); code != 0 {
		t.Fatalf("cohort -o: exit %d", code)
	}
	if data, _ := os.ReadFile(cpath); strings.ContainsAny(string(data), controls) || !strings.Contains(string(data), "Eve") {
		t.Errorf("%s: a control code, or the name is missing", cpath)
	}
	// Written to files, Markdown and CSV are as safe to cat.
	for _, format := range []string{"md", "csv", "json", "html"} {
		path := filepath.Join(dir, "plan."+format)
		var out, errb bytes.Buffer
		if code := Run(context.Background(), []string{"plan", file, "--format", format, "-o", path}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: testToday}); code != 0 {
			t.Fatalf("plan -o %s: exit %d: %s", path, code, errb.String())
		}
		data, _ := os.ReadFile(path)
		if i := strings.IndexAny(string(data), controls); i >= 0 || !strings.Contains(string(data), "Eve") {
			t.Errorf("%s: a control code at byte %d, or the name is missing", path, i)
		}
	}
}

// TestAccessibleResumeOfAFileSavesItWhereItIs: a template (no session
// table yet) resumed in accessible mode becomes a session, is saved in
// place, and the resume hint names the file.
func TestAccessibleResumeOfAFileSavesItWhereItIs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "me.toml")
	env := func(in string, out, errb *bytes.Buffer) Env {
		return Env{Stdin: strings.NewReader(in), Stdout: out, Stderr: errb, Now: testToday, StateHome: filepath.Join(dir, "state")}
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"template", "--quick", "-o", file}, env("", &out, &errb)); code != 0 {
		t.Fatalf("template: %d %s", code, errb.String())
	}
	out.Reset()
	errb.Reset()
	code := Run(context.Background(), []string{"--accessible", "resume", file}, env("7\n", &out, &errb))
	if code != ExitAborted {
		t.Errorf("exit %d, want %d (input ended): %s", code, ExitAborted, errb.String())
	}
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), "[answers.years-security]\nanswer = 7\n") || !strings.Contains(string(data), "[session]\nid = ") {
		t.Errorf("the file was not saved in place:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "state")); !os.IsNotExist(err) {
		t.Errorf("a sessions directory was created: %v", err)
	}
	if !strings.Contains(out.String(), "Resume with: secpath resume "+file) || strings.Contains(errb.String(), "session has no id") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out.String(), errb.String())
	}
}
