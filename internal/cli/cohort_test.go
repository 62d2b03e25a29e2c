package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

const cohortDir = "../../questions/testdata/cohort"

// cohortExpect is what the committed fixtures give with the embedded bank:
// every variant, each scored file by file and folded in name order.
func cohortExpect(t *testing.T) (*assess.Bank, *assess.Cohort) {
	t.Helper()
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	cb := assess.NewCohortBuilder(b)
	paths, _ := filepath.Glob(filepath.Join(cohortDir, "*.toml"))
	for _, p := range paths {
		if filepath.Base(p) == cohortCorrupt {
			continue
		}
		f, err := storage.ReadAnswers(p, b)
		if err != nil {
			t.Fatalf("fixture %s: %v", p, err)
		}
		rec := assess.CohortRecord{Name: f.Answers.Profile.Name, Source: filepath.Base(p), Date: f.Session.Updated, Result: assess.Score(b, f.Answers)}
		rec.Answered, rec.Asked = assess.Progress(b, f.Answers)
		cb.Add(cb.EntryFrom(rec))
	}
	c := cb.Cohort()
	c.Files = &assess.CohortFiles{Read: len(paths), Used: len(c.People), Unreadable: 1, SetAside: []assess.SetAside{}}
	return b, c
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
	if !strings.Contains(out, "15 files read: 14 used; 1 unreadable (named on stderr).") {
		t.Errorf("the summary does not count the files:\n%s", out)
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
	cells := parseHeatmap(t, out, want)
	if len(cells) != len(want.People) {
		t.Fatalf("heatmap has %d rows, want %d", len(cells), len(want.People))
	}
	order := heatOrder(want)
	shaded := 0
	for i := range want.People {
		p := &want.People[i]
		got := cells[p.Name]
		if len(got) != len(want.Competencies) {
			t.Fatalf("row %s has %d cells, want %d", p.Name, len(got), len(want.Competencies))
		}
		for j, k := range order {
			if w := export.CohortCell(p, k); got[j] != w {
				t.Errorf("%s × %s: cell %q, want %q (shortfall %.2f)", p.Name, want.Names[k], got[j], w, p.Shortfall[k])
			}
			if got[j] != " " {
				shaded++
			}
		}
	}
	if shaded == 0 {
		t.Error("the heatmap has no gaps at all")
	}

	// Each person's next role: readiness, fit, judgement, blocked.
	if !regexp.MustCompile(`(?m)^  NAME +READINESS +FIT +JUDGEMENT +BLOCKED +NEXT ROLE$`).MatchString(out) {
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
		if m[2] != truncate(want.Weakest[i].Name, 34) || m[3] != strconv.Itoa(want.Weakest[i].Short) || m[4] != strconv.Itoa(want.Weakest[i].Answered) {
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

// heatOrder is the competencies in the order the heatmap's tables show
// them: by dimension.
func heatOrder(c *assess.Cohort) []int {
	var out []int
	for _, g := range export.CohortGroups(c, 0) {
		out = append(out, g.Columns...)
	}
	return out
}

// parseHeatmap reads the heatmap tables of the text output into person →
// cells across the tables (" " for blank, the shade, or ?). A table is a
// dimension's title, its headings (the first at the column of the first
// cell) and a row per person, their name first.
func parseHeatmap(t *testing.T, out string, c *assess.Cohort) map[string][]string {
	t.Helper()
	cells := map[string][]string{}
	lines := strings.Split(out, "\n")
	titles := map[string]bool{"Technical": true, "Strategic": true, "Leadership": true}
	for i := 0; i < len(lines); i++ {
		if !titles[lines[i]] || i+1 >= len(lines) {
			continue
		}
		i++
		x0 := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
		cols := 0
		for ; i < len(lines) && strings.HasPrefix(lines[i], strings.Repeat(" ", x0)) && strings.TrimSpace(lines[i]) != ""; i++ {
			cols++
		}
		for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
			row := []rune(lines[i])
			var name string
			for j := range c.People {
				if n := c.People[j].Name; strings.HasPrefix(lines[i], n) && len(n) > len(name) {
					name = n
				}
			}
			if name == "" {
				t.Fatalf("heatmap row of nobody: %q", lines[i])
			}
			for j := range cols {
				cell := " "
				if at := x0 + heatCell*j; at < len(row) {
					cell = string(row[at])
				}
				cells[name] = append(cells[name], cell)
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
		if blocks := strings.Count(out, "\nTechnical\n"); blocks != 1 {
			t.Errorf("%d people at %d columns: %d technical table(s), want 1: a team only adds rows", n, width, blocks)
		}
		var c assess.Cohort
		for _, l := range strings.Split(out, "\n") {
			if m := regexp.MustCompile(`^  (\S.*?\S) +\d+(–\d+)?% `).FindStringSubmatch(l); m != nil {
				c.People = append(c.People, assess.CohortPerson{Name: m[1]})
			}
		}
		if len(c.People) != n {
			t.Fatalf("%d people in the table, want %d", len(c.People), n)
		}
		for name, row := range parseHeatmap(t, out, &c) {
			if len(row) != 32 {
				t.Errorf("%s: %d cells across the tables, want 32", name, len(row))
			}
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
		for _, s := range []string{"# Cohort: " + strconv.Itoa(people) + " people", "### Technical\n\n| Person | Security architecture |", "## Readiness by role", "## Weakest competencies", "| 1 | " + want.Weakest[0].Name + " |"} {
			if !strings.Contains(out, s) {
				t.Errorf("markdown lacks %q", s)
			}
		}
		for _, comp := range b.Competencies {
			if !strings.Contains(out, " "+export.CohortHeading(comp.Name, comp.ID, 22)+" |") {
				t.Errorf("markdown heatmap lacks the column %s", comp.Name)
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
			if _, err := strconv.ParseFloat(r[5], 64); err != nil && r[15] == "true" {
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
		"html":              {[]string{"cohort", cohortDir, "--format", "html"}, 2, []string{"text, md, csv, tidy or json"}},
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
	// No profile name: the file name. The same name twice: one person,
	// counted on the later file; with --all-sessions both, told apart by
	// the file.
	dir := t.TempDir()
	// Without the session table: the file's own date decides.
	base := regexp.MustCompile(`(?s)\[session\]\n.*?\n\n`).ReplaceAllString(readFile(t, filepath.Join(cohortDir, cohortVariants[0].File)), "")
	if strings.Contains(base, "[session]") {
		t.Fatal("the session table is still there")
	}
	anon := regexp.MustCompile(`(?m)^name = "[^"]*"`).ReplaceAllString(base, `name = ""`)
	// The same name in other letters and spacing is the same person.
	shouted := regexp.MustCompile(`(?m)^name = "[^"]*"`).ReplaceAllString(base, `name = "  AMARA   nwosu "`)
	for file, text := range map[string]string{"jo-bloggs.toml": anon, "a.toml": base, "b.toml": shouted} {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Neither file has a session: the date is the file's, a.toml's later.
	day := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for file, at := range map[string]time.Time{"a.toml": day.Add(time.Hour), "b.toml": day, "jo-bloggs.toml": day} {
		if err := os.Chtimes(filepath.Join(dir, file), at, at); err != nil {
			t.Fatal(err)
		}
	}
	n := cohortVariants[0].Name
	for _, c := range []struct {
		args  []string
		names []string
		aside []assess.SetAside
	}{
		{nil, []string{n, "jo-bloggs"}, []assess.SetAside{{Source: "b.toml", Name: "AMARA   nwosu", Reason: assess.SetAsideOlder, Answered: 125, Asked: 125, Kept: "a.toml"}}},
		{[]string{"--all-sessions"}, []string{n, "AMARA   nwosu", "jo-bloggs"}, []assess.SetAside{}},
	} {
		out, stderr, code := run(t, append([]string{"cohort", dir, "--json"}, c.args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var got assess.Cohort
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range got.People {
			names = append(names, p.Name)
		}
		if !slices.Equal(names, c.names) || !reflect.DeepEqual(got.Files.SetAside, c.aside) {
			t.Errorf("%v: names %q, set aside %+v; want %q, %+v", c.args, names, got.Files.SetAside, c.names, c.aside)
		}
	}
}
