package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

const personaDir = "../../questions/testdata/personas"

// twoVersions writes the SOC lead persona and a later version of it into
// dir: budget answers raised to the top (her budget gap for IT Security
// Manager closes) and CISM added. It returns the two paths.
func twoVersions(t *testing.T, dir string) (string, string) {
	t.Helper()
	text := readFile(t, filepath.Join(personaDir, "soc-lead.toml"))
	oldPath, newPath := filepath.Join(dir, "priya-2025.toml"), filepath.Join(dir, "priya-2026.toml")
	if err := os.WriteFile(oldPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for id, answer := range map[string]string{"budget-planning": "6", "budget-business-case": "6", "budget-owned": "1500"} {
		re := regexp.MustCompile(`(?m)^(\[answers\.` + regexp.QuoteMeta(id) + `\]\nanswer = )\S+$`)
		if !re.MatchString(text) {
			t.Fatalf("persona has no answer to %s", id)
		}
		text = re.ReplaceAllString(text, "${1}"+answer)
	}
	re := regexp.MustCompile(`(?m)^(\[answers\.certs-held\]\nanswer = \[.*)\]$`)
	if !re.MatchString(text) {
		t.Fatal("persona has no certifications answer")
	}
	text = re.ReplaceAllString(text, `${1}, { id = "cism", year = 2026 }]`)
	if err := os.WriteFile(newPath, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return oldPath, newPath
}

// section returns the lines of the text output under a heading, up to the
// next blank line.
func section(out, heading string) []string {
	_, rest, ok := strings.Cut(out, "\n"+heading)
	if !ok {
		return nil
	}
	lines := strings.Split(rest, "\n")[1:]
	for i, l := range lines {
		if l == "" {
			return lines[:i]
		}
	}
	return lines
}

func TestCompareText(t *testing.T) {
	oldPath, newPath := twoVersions(t, t.TempDir())
	out, stderr, code := run(t, "compare", oldPath, newPath)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(out, "Priya Raman: what changed\n  Old: "+oldPath+"\n  New: "+newPath+"\n") {
		t.Errorf("heading:\n%s", out)
	}
	if !strings.Contains(out, "  Readiness for IT Security Manager: ") || !strings.Contains(out, "1 gap closed, 0 opened.") {
		t.Errorf("summary lines missing:\n%s", out)
	}

	// Readiness per role: old → new with a signed delta, highest rise
	// first, and fit the same way; IT Security Manager rises.
	roles := section(out, "Readiness by role")
	if len(roles) > 0 && strings.Fields(roles[0])[0] == "readiness" {
		roles = roles[1:]
	}
	re := regexp.MustCompile(`^  (.+?) +(\d+)% → (\d+)% +([+-]\d+\.\d) +(\d+)% → (\d+)% +([+-]\d+\.\d)$`)
	prev := 1000.0
	var ism float64
	for _, l := range roles {
		m := re.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("readiness line %q", l)
			continue
		}
		o, _ := strconv.ParseFloat(m[2], 64)
		n, _ := strconv.ParseFloat(m[3], 64)
		d, _ := strconv.ParseFloat(m[4], 64)
		if d > prev+1e-9 {
			t.Errorf("%s (%+.1f) comes after a smaller rise (%+.1f)", m[1], d, prev)
		}
		if diff := n - o - d; diff > 1 || diff < -1 { // whole per cent shown
			t.Errorf("%s: %.1f → %.1f is not %+.1f", m[1], o, n, d)
		}
		prev = d
		if m[1] == "IT Security Manager" {
			ism = d
		}
	}
	if len(roles) != 16 || ism <= 0 {
		t.Errorf("%d roles; IT Security Manager %+.1f, want a rise:\n%s", len(roles), ism, strings.Join(roles, "\n"))
	}

	// Only competencies that moved 0.1 or more: here only the budget.
	comps := section(out, "Competency levels")
	if len(comps) != 1 || !regexp.MustCompile(`^  Budget and resource allocation +\d\.\d\d → \d\.\d\d +\+\d\.\d\d( +judgement \d\.\d → \d\.\d)?( +unverified)?$`).MatchString(comps[0]) {
		t.Errorf("competency changes:\n%s", strings.Join(comps, "\n"))
	}
	if !strings.Contains(out, "\nJudgement (scenario answers, 0-5): ") || !strings.Contains(out, "\nBlocked by experience: ") {
		t.Errorf("judgement or blocked counts missing:\n%s", out)
	}
	if !strings.Contains(out, "\nNew certifications: CISM\n") {
		t.Errorf("new certification missing:\n%s", out)
	}
	gaps := section(out, "Gaps for IT Security Manager")
	if len(gaps) != 2 || !strings.HasPrefix(gaps[0], "  Closed: Budget and resource allocation ") || gaps[1] != "  Opened: none" {
		t.Errorf("gaps:\n%s", strings.Join(gaps, "\n"))
	}
	if cal := section(out, "Calibration"); len(cal) != 2 || !strings.HasPrefix(cal[0], "  Improved: ") || !strings.HasPrefix(cal[1], "  Worsened: ") {
		t.Errorf("calibration:\n%s", strings.Join(cal, "\n"))
	}

	// The other way round, the gap opens and nothing is new.
	out, _, _ = run(t, "compare", newPath, oldPath)
	if gaps := section(out, "Gaps for IT Security Manager"); len(gaps) != 2 || gaps[0] != "  Closed: none" || !strings.HasPrefix(gaps[1], "  Opened: Budget and resource allocation ") {
		t.Errorf("reversed gaps:\n%s", strings.Join(gaps, "\n"))
	}
	if !strings.Contains(out, "\nNew certifications: none\n") || !strings.Contains(section(out, "Competency levels")[0], " -") {
		t.Errorf("reversed:\n%s", out)
	}
}

func TestCompareJSON(t *testing.T) {
	oldPath, newPath := twoVersions(t, t.TempDir())
	out, _, code := run(t, "compare", oldPath, newPath, "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"role", "role_title", "roles", "competencies", "new_certifications", "gaps_closed", "gaps_opened", "calibration_improved", "calibration_worsened", "old_next_role", "new_next_role", "summary", "judgement", "old_blocked", "new_blocked", "old_unverified", "new_unverified"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("--json lacks %q", k)
		}
	}
	var c assess.Comparison
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c.Role != "it-security-manager" || len(c.Roles) != 16 || len(c.Summary) == 0 {
		t.Errorf("comparison: role %q, %d roles, summary %v", c.Role, len(c.Roles), c.Summary)
	}
	for _, r := range c.Roles {
		if r.ID == "it-security-manager" && (r.Delta <= 0 || r.NewFit <= 0 || r.Relation == "") {
			t.Errorf("IT Security Manager readiness %v → %v, fit %v → %v (%s), want a rise", r.Old, r.New, r.OldFit, r.NewFit, r.Relation)
		}
	}
	if c.Judgement.New == nil || c.Judgement.Old == nil {
		t.Errorf("judgement %+v", c.Judgement)
	}
	closed := []string{}
	for _, g := range c.GapsClosed {
		closed = append(closed, g.Competency)
	}
	if !slices.Equal(closed, []string{"budget-finance"}) || len(c.GapsOpened) != 0 || !slices.Equal(c.NewCertifications, []string{"CISM"}) {
		t.Errorf("closed %v, opened %v, new certs %v", closed, c.GapsOpened, c.NewCertifications)
	}
}

func TestCompareDifferentPeople(t *testing.T) {
	out, stderr, code := run(t, "compare", filepath.Join(personaDir, "soc-lead.toml"), filepath.Join(personaDir, "new-analyst.toml"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "warning") || !strings.Contains(lines[0], `"Priya Raman"`) || !strings.Contains(lines[0], `"Tom Brennan"`) {
		t.Errorf("warning: %q", stderr)
	}
	if !strings.HasPrefix(out, "Priya Raman → Tom Brennan: what changed") {
		t.Errorf("heading: %s", out[:min(len(out), 80)])
	}
}

func TestCompareSessions(t *testing.T) {
	state := t.TempDir()
	dir := filepath.Join(state, "secpath", "sessions")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	oldPath, newPath := twoVersions(t, t.TempDir())
	for id, p := range map[string]string{"20250301-090000-aaaa": oldPath, "20260301-090000-bbbb": newPath} {
		if err := os.WriteFile(filepath.Join(dir, id+".toml"), []byte(readFile(t, p)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// A full id and a prefix; a file beside a session id.
	out, stderr, code := runIn(t, state, "", "compare", "20250301-090000-aaaa", "20260301")
	if code != 0 || !strings.Contains(out, "  Old: session 20250301-090000-aaaa\n  New: session 20260301-090000-bbbb\n") || !strings.Contains(out, "New certifications: CISM") {
		t.Errorf("sessions: exit %d %s\n%s", code, stderr, out)
	}
	out, _, code = runIn(t, state, "", "compare", oldPath, "20260301-090000-bbbb", "--json")
	if code != 0 || !strings.Contains(out, `"new_certifications": [`) {
		t.Errorf("file and session: exit %d\n%s", code, out)
	}
}

func TestCompareErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(personaDir, "soc-lead.toml")
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("mode = \"full\"\n[answers.risk-register]\nanswer = 99\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		args   []string
		code   int
		stderr string
	}{
		"no args":        {[]string{"compare"}, 2, "compare needs two answers files or session ids"},
		"one arg":        {[]string{"compare", good}, 2, "compare needs two answers files or session ids"},
		"three args":     {[]string{"compare", good, good, good}, 2, "compare needs two"},
		"unknown flag":   {[]string{"compare", good, good, "--jsn"}, 2, "unknown flag: --jsn"},
		"bad new file":   {[]string{"compare", good, bad}, 1, bad + ":3:"},
		"bad old file":   {[]string{"compare", bad, good}, 1, bad + ":3:"},
		"neither":        {[]string{"compare", good, "no-such.toml"}, 1, "no-such.toml: no such file, and no saved session has that id"},
		"directory":      {[]string{"compare", dir, good}, 1, "is a directory"},
		"truncated file": {[]string{"compare", good, filepath.Join(cohortDir, cohortCorrupt)}, 1, cohortCorrupt + ":"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			out, stderr, code := runIn(t, t.TempDir(), "", c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, stderr)
			}
			if !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, c.stderr)
			}
			if out != "" {
				t.Errorf("stdout on error: %q", out)
			}
		})
	}
}

// TestSessionsByPerson checks `secpath sessions` groups the list by person,
// each person's sessions newest first, the person seen last on top.
func TestSessionsByPerson(t *testing.T) {
	b, _, err := questions.LoadDir(miniBank)
	if err != nil {
		t.Fatal(err)
	}
	state := t.TempDir()
	dir := filepath.Join(state, "secpath", "sessions")
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, s := range []struct {
		id, name string
		updated  int // days after day
	}{
		{"20260301-090000-0001", "ada", 0},
		{"20260401-090000-0002", "Grace", 31},
		{"20260501-090000-0003", " Ada ", 61}, // the same person; the newest spelling heads the group
		{"20260601-090000-0004", "", 92},
		{"20260201-090000-0005", "Grace", 10},
	} {
		a := assess.NewAnswers(b, assess.Full)
		a.Profile.Name = s.name
		up := day.AddDate(0, 0, s.updated)
		if _, err := storage.SaveSession(dir, b, &storage.File{Answers: a, Session: storage.Session{ID: s.id, Started: up, Updated: up}}); err != nil {
			t.Fatal(err)
		}
	}
	// A file that parses but does not fit the bank is listed as unreadable
	// (one that does not parse at all is moved aside: see crash_test.go).
	if err := os.WriteFile(filepath.Join(dir, "20260102-090000-0006.toml"), []byte("[answers.nope]\nanswer = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runIn(t, state, "", "--questions", miniBank, "sessions")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var order []string
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 0 && regexp.MustCompile(`^\d{8}-\d{6}-\d{4}$`).MatchString(f[0]) {
			order = append(order, f[0][len(f[0])-4:])
		} else if l != "" && !strings.HasPrefix(l, "ID ") && !strings.HasPrefix(l, "Resume one with") {
			order = append(order, l)
		}
	}
	want := []string{"- (1 session)", "0004", "Ada (2 sessions, newest first)", "0003", "0001", "Grace (2 sessions, newest first)", "0002", "0005", "Unreadable (1 session)", "0006"}
	if !slices.Equal(order, want) {
		t.Errorf("order:\n%s\nwant:\n%s\n\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"), out)
	}
	if !strings.HasPrefix(out, "ID                    NAME               MODE   ANSWERED  UPDATED           STATUS\n") || !strings.Contains(out, "\nResume one with: secpath resume ID") {
		t.Errorf("columns or resume line missing:\n%s", out)
	}
}
