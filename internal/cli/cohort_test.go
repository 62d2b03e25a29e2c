package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

const cohortDir = "../../questions/testdata/cohort"

// cohortExpect is what the committed fixtures give with the embedded bank:
// the people (every variant) and the member count.
func cohortExpect(t *testing.T) (*assess.Bank, *assess.Cohort) {
	t.Helper()
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	var members []assess.CohortMember
	paths, _ := filepath.Glob(filepath.Join(cohortDir, "*.toml"))
	for _, p := range paths {
		if filepath.Base(p) == cohortCorrupt {
			continue
		}
		f, err := storage.ReadAnswers(p, b)
		if err != nil {
			t.Fatalf("fixture %s: %v", p, err)
		}
		members = append(members, assess.CohortMember{Name: f.Answers.Profile.Name, Source: filepath.Base(p), Result: assess.Score(b, f.Answers)})
	}
	return b, assess.BuildCohort(b, members)
}

// TestCohortFixtures checks the committed files are what the generator
// describes: one per variant, full mode, every question answered, distinct
// names, plus the corrupt one.
func TestCohortFixtures(t *testing.T) {
	b, c := cohortExpect(t)
	paths, _ := filepath.Glob(filepath.Join(cohortDir, "*.toml"))
	if len(paths) != len(cohortVariants)+1 || len(c.People) != len(cohortVariants) || len(c.People) < 12 {
		t.Fatalf("%d files, %d people; want %d variants and the corrupt file", len(paths), len(c.People), len(cohortVariants))
	}
	seen := map[string]bool{}
	for _, v := range cohortVariants {
		f, err := storage.ReadAnswers(filepath.Join(cohortDir, v.File), b)
		if err != nil {
			t.Fatal(err)
		}
		res := assess.Score(b, f.Answers)
		if f.Answers.Mode != assess.Full || res.Answered != res.Asked || f.Answers.Profile.Name != v.Name || seen[v.Name] {
			t.Errorf("%s: mode %s, %d of %d answered, name %q", v.File, f.Answers.Mode, res.Answered, res.Asked, f.Answers.Profile.Name)
		}
		seen[v.Name] = true
	}
	if _, err := storage.ReadAnswers(filepath.Join(cohortDir, cohortCorrupt), b); err == nil {
		t.Errorf("%s reads without an error", cohortCorrupt)
	}
	// The group spans the career: several next roles.
	next := map[string]bool{}
	for _, p := range c.People {
		next[p.NextRole] = true
	}
	if len(next) < 5 {
		t.Errorf("the cohort aims at only %d next roles: %v", len(next), next)
	}
}

func TestCohortText(t *testing.T) {
	_, want := cohortExpect(t)
	out, stderr, code := run(t, "cohort", cohortDir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	// One line on stderr, naming the corrupt file and where it breaks.
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "secpath: skipped "+filepath.Join(cohortDir, cohortCorrupt)+": line ") {
		t.Errorf("stderr should be one line about %s, got:\n%s", cohortCorrupt, stderr)
	}
	for _, v := range cohortVariants {
		if !strings.Contains(out, v.Name) {
			t.Errorf("output lacks %s", v.Name)
		}
	}
	if !strings.Contains(out, "(1 file skipped)") {
		t.Errorf("the header does not count the skipped file:\n%s", out)
	}
	for i, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 100 {
			t.Errorf("line %d is %d columns wide: %q", i+1, n, l)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("escape codes in the text output")
	}

	// The heatmap: every cell is the shade of that person's shortfall.
	cells := parseHeatmap(t, out)
	cols := export.CohortColumns(want)
	if len(cells) != len(want.People) {
		t.Fatalf("heatmap has %d columns, want %d", len(cells), len(want.People))
	}
	shaded := 0
	for i, p := range want.People {
		got := cells[cols[i]]
		if len(got) != len(want.Competencies) {
			t.Fatalf("column %s has %d cells, want %d", cols[i], len(got), len(want.Competencies))
		}
		for k := range want.Competencies {
			if w := export.CohortShade(p.Shortfall[k]); got[k] != w {
				t.Errorf("%s × %s: cell %q, want %q (shortfall %.2f)", p.Name, want.Names[k], got[k], w, p.Shortfall[k])
			}
			if got[k] != " " {
				shaded++
			}
		}
	}
	if shaded == 0 {
		t.Error("the heatmap has no gaps at all")
	}
	// The legend maps every column to the full name.
	for i, p := range want.People {
		if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(cols[i]) + ` +` + regexp.QuoteMeta(p.Name) + ` `).MatchString(out) {
			t.Errorf("legend lacks %s → %s", cols[i], p.Name)
		}
	}

	// Each person's next role: readiness, fit, judgement, blocked.
	if !regexp.MustCompile(`(?m)^ +NAME +READINESS +FIT +JUDGEMENT +BLOCKED +NEXT ROLE$`).MatchString(out) {
		t.Errorf("no header over the people's figures:\n%s", out)
	}
	for _, p := range want.People {
		if !strings.Contains(out, export.CohortReadiness(p)+" "+fmt.Sprintf("%4s", fmt.Sprintf("%.0f%%", p.NextFit))) {
			t.Errorf("%s: readiness %s and fit %.0f%% missing", p.Name, export.CohortReadiness(p), p.NextFit)
		}
	}

	// Readiness per role: one row per role with its buckets adding up.
	for _, r := range want.Roles {
		row := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(r.Title) + ` +\d+ +\d+ +\d+ .*$`).FindString(out)
		f := strings.Fields(row)
		if len(f) < 8 {
			t.Errorf("no readiness row for %s", r.Title)
			continue
		}
		// The bands, then the count of people blocked.
		sum := 0
		for _, x := range f[len(f)-1-len(assess.BucketLabels) : len(f)-1] {
			n, _ := strconv.Atoi(x)
			sum += n
		}
		if sum != len(want.People) {
			t.Errorf("%s: buckets add up to %d, want %d: %q", r.Title, sum, len(want.People), row)
		}
		if f[len(f)-1] != strconv.Itoa(r.Blocked) {
			t.Errorf("%s: %s blocked, want %d: %q", r.Title, f[len(f)-1], r.Blocked, row)
		}
	}
	if !strings.Contains(out, "Closest to each role") || !strings.Contains(out, want.Roles[0].Closest) {
		t.Errorf("closest section missing")
	}

	// The five weakest, in the domain's order.
	weak := regexp.MustCompile(`(?m)^  ([1-9])\. (.+?) +(\d+) of (\d+) short`).FindAllStringSubmatch(out, -1)
	if len(weak) != 5 {
		t.Fatalf("%d weakest lines, want 5:\n%s", len(weak), out)
	}
	names := []string{}
	for i, m := range weak {
		if m[2] != truncate(want.Weakest[i].Name, 34) || m[3] != strconv.Itoa(want.Weakest[i].Short) || m[4] != strconv.Itoa(len(want.People)) {
			t.Errorf("weakest %d: %q, want %s (%d short)", i+1, m[0], want.Weakest[i].Name, want.Weakest[i].Short)
		}
		names = append(names, m[2])
	}
	// Domain check: nearly everyone in this group is short in risk
	// management for their next role.
	if !slices.Contains(names, "Risk management") || want.Weakest[0].Short < len(want.People)/2 {
		t.Errorf("weakest: %v (top short %d)", names, want.Weakest[0].Short)
	}
}

// parseHeatmap reads the heatmap blocks of the text output into column
// label → cells (one per competency row, " " for blank).
func parseHeatmap(t *testing.T, out string) map[string][]string {
	t.Helper()
	cells := map[string][]string{}
	lines := strings.Split(out, "\n")
	for i := 0; i < len(lines); i++ {
		l := []rune(lines[i])
		// A block header: only spaces for the label column, then labels.
		if len(l) <= compLabelWidth+2 || strings.TrimSpace(string(l[:compLabelWidth+2])) != "" || strings.TrimSpace(string(l)) == "" {
			continue
		}
		type col struct {
			label string
			at    int
		}
		var cs []col
		for j := compLabelWidth + 2; j < len(l); j++ {
			if l[j] != ' ' && (l[j-1] == ' ') {
				end := j
				for end < len(l) && l[end] != ' ' {
					end++
				}
				cs = append(cs, col{string(l[j:end]), j})
			}
		}
		for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			i++
			row := []rune(lines[i])
			for _, c := range cs {
				cell := " "
				if c.at < len(row) {
					cell = string(row[c.at])
				}
				cells[c.label] = append(cells[c.label], cell)
			}
		}
	}
	return cells
}

func TestCohortWraps(t *testing.T) {
	// Thirty people do not fit across: a second block, every line within
	// the width, at 100 and at 80 columns.
	dir := t.TempDir()
	paths, _ := filepath.Glob(filepath.Join(cohortDir, "*.toml"))
	n := 0
	for _, p := range paths {
		if filepath.Base(p) == cohortCorrupt {
			continue
		}
		data := readFile(t, p)
		for _, suffix := range []string{"", " Jr", " Sr"} {
			text := regexp.MustCompile(`(?m)^name = "([^"]*)"`).ReplaceAllString(data, `name = "$1`+suffix+`"`)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%02d.toml", n)), []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	for _, width := range []int{100, 80} {
		var outb, errb bytes.Buffer
		code := Run(context.Background(), []string{"cohort", dir}, Env{Stdin: strings.NewReader(""), Stdout: &outb, Stderr: &errb, Getenv: func(k string) string {
			if k == "COLUMNS" {
				return strconv.Itoa(width)
			}
			return ""
		}})
		out := outb.String()
		if code != 0 || errb.Len() != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		blocks := strings.Count(out, "\nSecurity architecture ")
		if blocks < 2 {
			t.Errorf("%d people at %d columns: %d heatmap block(s), want 2 or more", n, width, blocks)
		}
		if cells := parseHeatmap(t, out); len(cells) != n {
			t.Errorf("%d columns across the blocks, want %d", len(cells), n)
		}
		for i, l := range strings.Split(out, "\n") {
			if len([]rune(l)) > width {
				t.Errorf("at %d columns, line %d is %d wide: %q", width, i+1, len([]rune(l)), l)
			}
		}
	}
}

func TestCohortFormats(t *testing.T) {
	b, want := cohortExpect(t)
	people := len(want.People)

	t.Run("md", func(t *testing.T) {
		out, _, code := run(t, "cohort", cohortDir, "--format", "md")
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
		for _, s := range []string{"# Cohort: " + strconv.Itoa(people) + " people", "| Competency |", "## Readiness by role", "## Weakest competencies", "| 1 | " + want.Weakest[0].Name + " |"} {
			if !strings.Contains(out, s) {
				t.Errorf("markdown lacks %q", s)
			}
		}
		for _, comp := range b.Competencies {
			if !strings.Contains(out, "| "+comp.Name+" |") {
				t.Errorf("markdown heatmap lacks the row %s", comp.Name)
			}
		}
		if !strings.ContainsAny(out, "░▒▓█") {
			t.Error("markdown heatmap has no shades")
		}
	})

	t.Run("csv", func(t *testing.T) {
		out, _, code := run(t, "cohort", cohortDir, "--format", "csv")
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 || !slices.Equal(rows[0], export.CohortCSVHeader) {
			t.Fatalf("header %v", rows[:min(1, len(rows))])
		}
		if got, w := len(rows)-1, people*len(b.Competencies); got != w {
			t.Errorf("%d rows, want %d people × %d competencies = %d", got, people, len(b.Competencies), w)
		}
		perPerson := map[string]int{}
		for _, r := range rows[1:] {
			perPerson[r[0]]++
			if _, err := strconv.ParseFloat(r[5], 64); err != nil {
				t.Errorf("level %q: %v", r[5], err)
			}
		}
		for _, v := range cohortVariants {
			if perPerson[v.Name] != len(b.Competencies) {
				t.Errorf("%s has %d rows", v.Name, perPerson[v.Name])
			}
		}
	})

	t.Run("json", func(t *testing.T) {
		for _, args := range [][]string{{"--json"}, {"--format", "json"}} {
			out, _, code := run(t, append([]string{"cohort", cohortDir}, args...)...)
			if code != 0 {
				t.Fatalf("%v: exit %d", args, code)
			}
			var c assess.Cohort
			if err := json.Unmarshal([]byte(out), &c); err != nil {
				t.Fatal(err)
			}
			if len(c.People) != people || len(c.Competencies) != len(b.Competencies) || len(c.Roles) != len(b.Roles) || len(c.Weakest) != len(b.Competencies) || len(c.People[0].Shortfall) != len(b.Competencies) {
				t.Errorf("%v: %d people, %d competencies, %d roles, %d weak spots", args, len(c.People), len(c.Competencies), len(c.Roles), len(c.Weakest))
			}
		}
	})

	t.Run("output file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "team.md")
		_, stderr, code := run(t, "cohort", cohortDir, "--format", "md", "-o", file)
		if code != 0 || !strings.Contains(stderr, "Wrote "+file) {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 || !strings.HasPrefix(readFile(t, file), "# Cohort") {
			t.Errorf("output file: %v %v", st, err)
		}
		if _, stderr, code := run(t, "cohort", cohortDir, "-o", file); code != 1 || !strings.Contains(stderr, "already exists") {
			t.Errorf("replaced without --force: %d %s", code, stderr)
		}
		if _, _, code := run(t, "cohort", cohortDir, "-o", file, "--force"); code != 0 || !strings.HasPrefix(readFile(t, file), "Cohort of") {
			t.Errorf("--force: exit %d", code)
		}
	})
}

func TestCohortErrors(t *testing.T) {
	empty := t.TempDir()
	onlyBad := t.TempDir()
	if err := os.WriteFile(filepath.Join(onlyBad, "a.toml"), []byte("[answers.nope]\nanswer = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(empty, "notes.txt"), []byte("not an answers file"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		args   []string
		code   int
		stderr []string
	}{
		"no dir":            {[]string{"cohort"}, 2, []string{"cohort needs a directory"}},
		"two dirs":          {[]string{"cohort", empty, onlyBad}, 2, []string{"cohort needs a directory"}},
		"html":              {[]string{"cohort", cohortDir, "--format", "html"}, 2, []string{"text, md, csv or json"}},
		"json and md":       {[]string{"cohort", cohortDir, "--json", "--format", "md"}, 2, []string{"choose one"}},
		"empty dir":         {[]string{"cohort", empty}, 1, []string{"no answers files (*.toml)"}},
		"nothing readable":  {[]string{"cohort", onlyBad}, 1, []string{"skipped " + filepath.Join(onlyBad, "a.toml") + ": line 1: unknown question \"nope\"", "none of the 1 answers files could be read"}},
		"missing dir":       {[]string{"cohort", filepath.Join(empty, "nope")}, 1, []string{"no such file or directory"}},
		"a file, not a dir": {[]string{"cohort", filepath.Join(cohortDir, cohortVariants[0].File)}, 1, []string{"not a directory"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			out, stderr, code := run(t, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, stderr)
			}
			for _, s := range c.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr %q lacks %q", stderr, s)
				}
			}
			if out != "" {
				t.Errorf("stdout on error: %q", out)
			}
		})
	}
}

func TestCohortNames(t *testing.T) {
	// No profile name: the file name. The same name twice: told apart by
	// the file.
	dir := t.TempDir()
	base := readFile(t, filepath.Join(cohortDir, cohortVariants[0].File))
	anon := regexp.MustCompile(`(?m)^name = "[^"]*"`).ReplaceAllString(base, `name = ""`)
	for file, text := range map[string]string{"jo-bloggs.toml": anon, "a.toml": base, "b.toml": base} {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := run(t, "cohort", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var c assess.Cohort
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range c.People {
		names = append(names, p.Name)
	}
	n := cohortVariants[0].Name
	if want := []string{n + " (a.toml)", n + " (b.toml)", "jo-bloggs"}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
}

// The cohort fixtures in questions/testdata/cohort are generated from the six
// personas in questions/testdata/personas by TestGenerateCohortFixtures and
// committed; the tests read the committed files and never run the
// generator. Regenerate them with:
//
//	SECPATH_GENERATE_COHORT=1 go test ./internal/cli -run TestGenerateCohortFixtures

// cohortVariant is one generated person: a base persona with its rating and
// scenario answers moved by Shift levels on a deterministic share of the
// questions, its years of experience scaled, and its certifications
// replaced when Certs is set.
type cohortVariant struct {
	File, Base, Name, CurrentRole, Organisation, About string
	Shift                                              int     // -1, 0 or +1 level
	Every                                              int     // shift one question in Every (by a hash of the id)
	Years                                              float64 // factor on every number answer
	Certs                                              []assess.HeldCert
}

var cohortVariants = []cohortVariant{
	{"analyst-amara-nwosu.toml", "new-analyst", "Amara Nwosu", "security-engineer", "Regional bank (cohort persona)",
		"A year into a SOC analyst job after a graduate scheme; no certifications yet.", -1, 2, 0.5, []assess.HeldCert{}},
	{"analyst-lukas-berg.toml", "new-analyst", "Lukas Berg", "security-engineer", "Regional bank (cohort persona)",
		"Three years in detection engineering; CySA+ on top of Security+.", 1, 3, 1.5,
		[]assess.HeldCert{{ID: "security-plus", Year: 2022}, {ID: "cysa-plus", Year: 2024}}},
	{"analyst-mei-tanaka.toml", "new-analyst", "Mei Tanaka", "Security analyst", "Online retailer (cohort persona)",
		"Two years in, moved from cloud operations; strong on tooling.", 1, 2, 1, nil},
	{"soc-lead-diego-santos.toml", "soc-lead", "Diego Santos", "technical-security-manager", "Regional bank (cohort persona)",
		"Runs a SOC of eight; incident-heavy, little time for governance.", -1, 3, 0.8, nil},
	{"soc-lead-fatima-haddad.toml", "soc-lead", "Fatima Haddad", "technical-security-manager", "Telecoms operator (cohort persona)",
		"SOC and incident response lead with a budget line of her own.", 1, 3, 1.2,
		[]assess.HeldCert{{ID: "gcih", Year: 2016}, {ID: "cissp", Year: 2021}}},
	{"grc-lead-oliver-grant.toml", "grc-lead", "Oliver Grant", "grc-analyst", "Insurance group (cohort persona)",
		"Compliance analyst turned GRC lead; ISO 27001 lead implementer.", -1, 3, 0.8,
		[]assess.HeldCert{{ID: "iso27001-li", Year: 2023}}},
	{"grc-lead-ingrid-larsen.toml", "grc-lead", "Ingrid Larsen", "grc-analyst", "Public sector agency (cohort persona)",
		"Heads risk and audit liaison; CISM and CRISC.", 1, 3, 1.3,
		[]assess.HeldCert{{ID: "cism", Year: 2019}, {ID: "crisc", Year: 2022}}},
	{"it-manager-kwame-mensah.toml", "it-manager", "Kwame Mensah", "it-manager", "Manufacturing plant (cohort persona)",
		"Infrastructure manager who also carries security for the site.", -1, 3, 1, nil},
	{"it-manager-claire-dubois.toml", "it-manager", "Claire Dubois", "it-manager", "Hospital trust (cohort persona)",
		"Head of IT operations; sponsors the security programme.", 1, 3, 1.2,
		[]assess.HeldCert{{ID: "pmp", Year: 2014}, {ID: "cism", Year: 2023}}},
	{"privacy-lead-ana-costa.toml", "privacy-counsel", "Ana Costa", "Privacy lead", "E-commerce marketplace (cohort persona)",
		"Data protection lead from the legal team; CIPP/E only.", -1, 3, 0.7,
		[]assess.HeldCert{{ID: "cipp-e", Year: 2021}}},
	{"privacy-officer-james-whitfield.toml", "privacy-counsel", "James Whitfield", "privacy-manager", "Health insurer (cohort persona)",
		"Data protection officer with a privacy engineering background.", 1, 3, 1.3,
		[]assess.HeldCert{{ID: "cipp-e", Year: 2015}, {ID: "cipm", Year: 2017}, {ID: "cipt", Year: 2020}}},
	{"director-elena-petrova.toml", "security-director", "Elena Petrova", "it-security-manager", "Logistics group (cohort persona)",
		"Director of security operations and architecture.", 0, 3, 0.9, nil},
	{"director-samuel-adeyemi.toml", "security-director", "Samuel Adeyemi", "it-security-manager", "Listed retailer (cohort persona)",
		"Security director who briefs the board each quarter.", 1, 2, 1.2,
		[]assess.HeldCert{{ID: "cissp", Year: 2010}, {ID: "cism", Year: 2013}, {ID: "cciso", Year: 2022}}},
	{"deputy-ciso-nadia-rahman.toml", "security-director", "Nadia Rahman", "Deputy CISO", "Energy utility (cohort persona)",
		"Deputy CISO, strong on operations, newer to the board.", -1, 3, 0.8,
		[]assess.HeldCert{{ID: "cissp", Year: 2016}}},
}

// cohortCorrupt is the broken file of the cohort: a generated answers file
// cut off in the middle of a table header, as a failed copy would leave it.
const cohortCorrupt = "corrupt-truncated-mid-table.toml"

func TestGenerateCohortFixtures(t *testing.T) {
	if os.Getenv("SECPATH_GENERATE_COHORT") == "" {
		t.Skip("set SECPATH_GENERATE_COHORT=1 to regenerate questions/testdata/cohort")
	}
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "questions", "testdata", "cohort")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, v := range cohortVariants {
		f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", v.Base+".toml"), b)
		if err != nil {
			t.Fatal(err)
		}
		a := vary(b, f.Answers, v)
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "# Cohort persona, generated from personas/%s.toml by TestGenerateCohortFixtures\n", v.Base)
		fmt.Fprintf(&buf, "# (internal/cli/cohort_test.go): %s\n", v.About)
		fmt.Fprintf(&buf, "# Ratings and scenarios moved %+d level on one question in %d; years x %g.\n#\n", v.Shift, v.Every, v.Years)
		var full bytes.Buffer
		if err := storage.WriteAnswers(&full, b, &storage.File{Answers: a}); err != nil {
			t.Fatal(err)
		}
		buf.WriteString(compactAnswers(full.String()))
		if err := os.WriteFile(filepath.Join(dir, v.File), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if v.File == cohortVariants[0].File {
			// The corrupt file: the same text, cut inside a table header.
			text := buf.String()
			cut := strings.Index(text, "[answers.risk-")
			if cut < 0 {
				t.Fatal("no risk question to cut at")
			}
			broken := "# A cohort member's file cut off in the middle of a table header, as an\n# interrupted copy leaves it. `secpath cohort` skips it with one line on stderr.\n" +
				text[:cut+len("[answers.risk-")] + "\n"
			if err := os.WriteFile(filepath.Join(dir, cohortCorrupt), []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// vary applies a variant to a persona's answers, deterministically.
func vary(b *assess.Bank, base *assess.Answers, v cohortVariant) *assess.Answers {
	a := &assess.Answers{Bank: base.Bank, BankVersion: base.BankVersion, Mode: assess.Full, Target: "",
		Profile: assess.Profile{Name: v.Name, CurrentRole: v.CurrentRole, Organisation: v.Organisation},
		Items:   map[string]assess.Answer{}}
	for _, q := range b.QuestionsFor(assess.Full) {
		ans := base.Items[q.ID]
		ans.Evidence = "" // the base persona's stories are not this person's
		picked := hashOf(v.Name+q.ID)%uint32(v.Every) == 0
		switch q.Kind {
		case assess.KindRating, assess.KindScenario:
			if picked && v.Shift != 0 {
				ans.Choice = shiftChoice(q, ans.Choice, v.Shift)
			}
		case assess.KindNumber:
			if ans.Number != nil {
				n := math.Round(*ans.Number * v.Years)
				if q.Max != nil {
					n = min(n, *q.Max)
				}
				if q.Min != nil {
					n = max(n, *q.Min)
				}
				ans.Number = &n
			}
		case assess.KindCertifications:
			if v.Certs != nil {
				ans.Held = v.Certs
			}
		case assess.KindYesNo:
		}
		a.Items[q.ID] = ans
	}
	return a
}

// shiftChoice returns the option one level up or down from the chosen one
// for the question's main competency, or the same choice at the ends.
func shiftChoice(q *assess.Question, choice, shift int) int {
	if choice < 1 || choice > len(q.Options) {
		return choice
	}
	comp, w := "", -1.0
	for c, cw := range q.Measures {
		if cw > w || (cw == w && c < comp) {
			comp, w = c, cw
		}
	}
	cur, ok := q.Options[choice-1].LevelFor(comp)
	if !ok {
		return choice
	}
	for i := range q.Options {
		if l, ok := q.Options[i].LevelFor(comp); ok && l == cur+shift {
			return i + 1
		}
	}
	return choice
}

// compactAnswers drops the comment lines WriteAnswers puts before every
// question (the question text and its options), and runs of blank lines,
// so a fixture is a few KiB that read well in a diff.
func compactAnswers(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "#") || (l == "" && len(out) > 0 && out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimLeft(strings.Join(out, "\n"), "\n")
}

func hashOf(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}
