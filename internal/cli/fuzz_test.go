package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/questions"
)

// FuzzScoreAndPlan feeds arbitrary answers files through the commands that
// read them: whatever the input, secpath answers with exit 0 or 1 and one
// clear message, never a panic.
func FuzzScoreAndPlan(f *testing.F) {
	for _, name := range []string{"soc-lead", "privacy-counsel"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "questions", "testdata", "personas", name+".toml"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("[answers.certs-held]\nanswer = [{ id = \"cism\", year = 2021 }, \"cissp\"]\n[mentor.ratings.risk-register]\nlevel = 3\n")
	f.Add("schema = 1\n[answers.years-security]\nanswer = 1e308\n")
	dir := f.TempDir()
	bank, _, err := questions.Default()
	if err != nil {
		f.Fatal(err)
	}
	// One bank for every run, so the fuzzer does not pay for the bank each
	// time: the commands only read it.
	shared := func() (*assess.Bank, assess.Report, error) { return bank, assess.Report{}, nil }
	f.Fuzz(func(t *testing.T, text string) {
		file := filepath.Join(dir, "answers.toml")
		if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"score", file, "--json"},
			{"plan", file, "--format", "md", "--start", "2026-12-01"},
			{"plan", file, "--format", "html", "--start", "2026-12-01", "--assume", "cert=cism"},
		} {
			var out, errb bytes.Buffer
			code := Run(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Bank: shared})
			stderr := errb.String()
			if code != ExitOK && code != ExitInvalid {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
				t.Fatalf("%v: %s", args, stderr)
			}
			if code == ExitInvalid && !strings.Contains(stderr, file) {
				t.Fatalf("%v: the error does not name the file: %s", args, stderr)
			}
		}
	})
}
