package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
)

const miniBank = "../../questions/testdata/valid"

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Now: testToday})
	return out.String(), errb.String(), code
}

// testToday pins the clock `validate` checks rule freshness against, so the
// embedded bank's rules do not age out of the tests.
func testToday() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }

func TestExitCodes(t *testing.T) {
	cases := map[string]struct {
		args   []string
		code   int
		stderr string
	}{
		"validate embedded":    {[]string{"validate"}, 0, ""},
		"validate broken":      {[]string{"validate", "../../questions/testdata/broken/dangling_reference"}, 1, `model.toml:25:5: role "manager" names unknown competency "opps"`},
		"validate missing dir": {[]string{"validate", "no-such-dir"}, 1, "bank no-such-dir: no such file or directory"},
		"unknown command":      {[]string{"scroe"}, 2, `unknown command "scroe"`},
		"unknown flag":         {[]string{"roles", "--jsn"}, 2, "unknown flag: --jsn"},
		"score without file":   {[]string{"score"}, 2, "score needs the answers file"},
		"score missing file":   {[]string{"score", "nope.toml"}, 1, "nope.toml: no such file or directory"},
		"too many args":        {[]string{"validate", "a", "b"}, 2, "accepts at most 1 arg"},
		"start far away":       {[]string{"plan", "../../questions/testdata/personas/soc-lead.toml", "--start", "9999-12-01"}, 2, "--start 9999-12-01: give a date from 2016-12-01 to 2036-12-01, within 10 years of today"},
		"bad bank flag":        {[]string{"--questions", "../../questions/testdata/broken/syntax", "roles"}, 1, "model.toml:19:26: TOML syntax"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, stderr, code := run(t, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, stderr)
			}
			if !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr %q, want it to contain %q", stderr, c.stderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace on stderr: %s", stderr)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	out, _, code := run(t, "validate", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var v struct {
		OK       bool           `json:"ok"`
		Counts   map[string]int `json:"counts"`
		Errors   []any          `json:"errors"`
		Warnings []any          `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if !v.OK || v.Counts["roles"] < 8 || v.Counts["competencies"] < 20 || v.Counts["questions"] < 80 || v.Counts["certifications"] < 18 || v.Errors == nil || len(v.Warnings) != 0 {
		t.Errorf("validate --json: %s", out)
	}
	out, _, code = run(t, "validate", "--json", "../../questions/testdata/broken/unknown_key")
	if code != 1 || !strings.Contains(out, `"ok": false`) || !strings.Contains(out, `"line": 73`) {
		t.Errorf("broken --json: exit %d\n%s", code, out)
	}
}

func TestTemplateAndScore(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "answers.toml")
	if _, stderr, code := run(t, "--questions", miniBank, "template", "-o", file); code != 0 {
		t.Fatalf("template: %d %s", code, stderr)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("template file mode: %v %v", st, err)
	}
	// Never overwrite without --force.
	if _, stderr, code := run(t, "--questions", miniBank, "template", "-o", file); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second template: %d %s", code, stderr)
	}
	// A blank template scores cleanly.
	out, stderr, code := run(t, "--questions", miniBank, "score", file)
	if code != 0 || !strings.Contains(out, "Nothing was answered yet") {
		t.Errorf("blank score: %d %s %s", code, out, stderr)
	}
	filled := strings.Replace(readFile(t, file), "[answers.risk-rate]\n# answer = ", "[answers.risk-rate]\nanswer = 3", 1)
	filled = strings.Replace(filled, "[answers.years]\n# answer = ", "[answers.years]\nanswer = 6", 1)
	if err := os.WriteFile(file, []byte(filled), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, code = run(t, "--questions", miniBank, "score", file, "--json")
	if code != 0 {
		t.Fatalf("score --json: %d %s", code, stderr)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"schema_version", "bank", "competencies", "dimensions", "roles", "recommendation", "calibration", "certifications"} {
		if _, ok := res[key]; !ok {
			t.Errorf("score --json lacks %q", key)
		}
	}
	if v, _ := res["schema_version"].(float64); int(v) != assess.ResultSchemaVersion {
		t.Errorf("schema_version %v, want the result's own version %d", res["schema_version"], assess.ResultSchemaVersion)
	}
	roles := res["roles"].([]any)
	role := roles[0].(map[string]any)
	for _, key := range []string{"id", "title", "readiness", "fit", "relation", "blocked", "assessed", "targets", "gaps", "blockers"} {
		if _, ok := role[key]; !ok {
			t.Errorf("role lacks %q", key)
		}
	}
	// risk = 4 (option 3) against a target of 3, ops 0 against 2:
	// readiness = (2·3 + 1·0) / (2·3 + 1·2) = 75%.
	if role["id"] != "manager" || role["readiness"].(float64) != 75 {
		t.Errorf("role: %v", role)
	}
	if strings.Contains(out, "contributions") {
		t.Error("contributions shown without --explain")
	}
	out, _, _ = run(t, "--questions", miniBank, "score", file, "--explain")
	if !strings.Contains(out, "risk-rate") || !strings.Contains(out, "How the numbers are made") {
		t.Errorf("--explain output lacks the evidence:\n%s", out)
	}
}

func TestScoreRejectsBadAnswers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(file, []byte("[answers.risk-rate]\nanswer = 9\n\n[answers.nope]\nanswer = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "--questions", miniBank, "score", file)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{file + ":2:1: question \"risk-rate\": a rating question is answered with an option number from 1 to 4, not 9", file + ":4:1: unknown question \"nope\""} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestRolesText(t *testing.T) {
	out, _, code := run(t, "roles")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Chief Information Security Officer  [ciso]", "Leads to:", "Comes from:", "Essential (level 0-5):", "NICE OG-WRL-007", "Also called: CISO", "In a small organisation:", "Fact: "} {
		if !strings.Contains(out, want) {
			t.Errorf("roles lacks %q", want)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	out, _, _ = run(t, "roles", "--json")
	var roles []map[string]any
	if err := json.Unmarshal([]byte(out), &roles); err != nil || len(roles) < 15 {
		t.Fatalf("roles --json: %v %d", err, len(roles))
	}
	var ciso map[string]any
	for _, r := range roles {
		if r["id"] == "ciso" {
			ciso = r
		}
	}
	if ciso == nil {
		t.Fatal("roles --json has no ciso")
	}
	if a, _ := ciso["aliases"].([]any); len(a) == 0 {
		t.Error("roles --json: ciso has no aliases")
	}
	refs, _ := ciso["refs"].(map[string]any)
	if onet, _ := refs["onet"].([]any); len(onet) == 0 {
		t.Errorf("roles --json: ciso has no O*NET-SOC code: %v", refs)
	}
	if f, _ := ciso["facts"].([]any); len(f) == 0 {
		t.Error("roles --json: ciso has no facts")
	}
	sizes, _ := ciso["sizes"].(map[string]any)
	small, _ := sizes["small"].(map[string]any)
	if ts, _ := small["targets"].([]any); len(ts) == 0 {
		t.Errorf("roles --json: ciso has no small-organisation targets: %v", sizes)
	}
}

// TestValidateFreshness checks that `validate` warns about rules due a
// check once the clock passes a year after they were verified.
func TestValidateFreshness(t *testing.T) {
	var out, errb bytes.Buffer
	later := func() time.Time { return time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC) }
	Run(context.Background(), []string{"validate"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Now: later})
	if !strings.Contains(out.String(), "more than a year ago; check it again") {
		t.Errorf("validate in 2028 gave no freshness warning:\n%s", out.String())
	}
}

func TestVersion(t *testing.T) {
	out, _, code := run(t, "version")
	if code != 0 || !strings.Contains(out, "secpath ") || !strings.Contains(out, "embedded bank secpath-default") {
		t.Errorf("version: %d %q", code, out)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
