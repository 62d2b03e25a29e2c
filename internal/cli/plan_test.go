package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const persona = "../../questions/testdata/personas/soc-lead.toml"

func TestPlanCommand(t *testing.T) {
	out, stderr, code := run(t, "plan", persona, "--start", "2026-12-01")
	if code != 0 || !strings.HasPrefix(out, "# Development plan: ") || !strings.Contains(out, "| Starts | 2026-12-01 |") {
		t.Fatalf("plan: %d %s\n%s", code, stderr, out)
	}
	again, _, _ := run(t, "plan", persona, "--start", "2026-12-01")
	if again != out {
		t.Error("the same answers and start gave different plans")
	}
	out, _, _ = run(t, "plan", persona, "--start", "2026-12-01", "--role", "ciso", "--assume", "cert=cism", "--assume", "years-managing=6")
	if !strings.Contains(out, "**Chief Information Security Officer**") || !strings.Contains(out, "This plan assumes: you hold CISM; Years managing security work: 6 years") {
		t.Errorf("what-if plan:\n%s", out[:min(len(out), 1500)])
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.csv")
	if _, stderr, code := run(t, "plan", persona, "--format", "csv", "-o", file); code != 0 {
		t.Fatalf("csv: %d %s", code, stderr)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("plan file: %v %v", st, err)
	}
	if _, stderr, code := run(t, "plan", persona, "--format", "csv", "-o", file); code != 1 || !strings.Contains(stderr, "already exists (use --force to replace it)") {
		t.Errorf("overwrite: %d %s", code, stderr)
	}
	if _, _, code := run(t, "plan", persona, "--format", "csv", "-o", file, "--force"); code != 0 {
		t.Errorf("--force: %d", code)
	}
	// An unwritable place fails clearly and leaves nothing behind.
	_, stderr, code = run(t, "plan", persona, "-o", filepath.Join(dir, "missing", "plan.md"))
	if code != 1 || !strings.Contains(stderr, "cannot write here") {
		t.Errorf("unwritable: %d %s", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestPlanUsageErrors(t *testing.T) {
	cases := map[string]struct {
		args []string
		want string
	}{
		"format":  {[]string{"plan", persona, "--format", "pdf"}, `unknown format "pdf": use md, html, json or csv`},
		"start":   {[]string{"plan", persona, "--start", "1/12/2026"}, `--start "1/12/2026": use a date as YYYY-MM-DD`},
		"assume":  {[]string{"plan", persona, "--assume", "cert=cismm"}, `unknown certification "cismm" (did you mean "cism"?)`},
		"role":    {[]string{"plan", persona, "--role", "cisoo"}, `unknown role "cisoo" (did you mean "ciso"?)`},
		"no file": {[]string{"plan"}, "plan needs the answers file"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, stderr, code := run(t, c.args...)
			if code != ExitUsage || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q, want 2 and %q", code, stderr, c.want)
			}
		})
	}
}

// TestPlanOfNothingAnswered: with nothing answered there is no
// recommendation, so a plan without --role is refused with a clear
// message and exit 1, and a plan for a named role still works.
func TestPlanOfNothingAnswered(t *testing.T) {
	blank := "../../questions/testdata/panel/blank.toml"
	_, stderr, code := run(t, "plan", blank)
	if code != 1 || !strings.Contains(stderr, "nothing is answered yet") || !strings.Contains(stderr, "--role") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	stdout, stderr, code := run(t, "plan", blank, "--role", "ciso", "--start", "2026-12-01")
	if code != 0 || !strings.Contains(stdout, "Chief Information Security Officer") {
		t.Errorf("exit %d: %s %s", code, stdout, stderr)
	}
}
