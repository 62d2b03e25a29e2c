package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// TestCohortJSONIsTheEncoders checks that the cohort's JSON, written a
// person at a time, is byte for byte what encoding/json writes for the
// whole value: the fixtures, an empty cohort and one with nothing set.
func TestCohortJSONIsTheEncoders(t *testing.T) {
	b, fixtures := cohortExpect(t)
	for name, c := range map[string]*assess.Cohort{"fixtures": fixtures, "empty": assess.BuildCohort(b, nil), "zero": {}} {
		var got, want bytes.Buffer
		if err := export.WriteCohortJSON(&got, c); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&want, c); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: the streamed JSON differs from the encoder's:\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
	out, _, code := run(t, "cohort", cohortDir, "--json")
	var want bytes.Buffer
	if err := writeJSON(&want, fixtures); err != nil || code != 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	if out != want.String() {
		t.Error("cohort --json is not the encoder's JSON of the fixtures' cohort")
	}
}

// TestCohortFoldsInFileOrder reads a directory of many files, some broken,
// as the command's workers do, and wants what reading them one by one in
// name order gives: the same cohort and the same skipped lines, in order.
func TestCohortFoldsInFileOrder(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths, _ := filepath.Glob(filepath.Join(cohortDir, "*.toml"))
	var good []string
	for _, p := range paths {
		if filepath.Base(p) != cohortCorrupt {
			good = append(good, readFile(t, p))
		}
	}
	corrupt := readFile(t, filepath.Join(cohortDir, cohortCorrupt))
	name := regexp.MustCompile(`(?m)^name = "([^"]*)"`)
	const n = 3 * readWindow // more files than the read-ahead holds
	for i := range n {
		text := name.ReplaceAllString(good[i%len(good)], fmt.Sprintf(`name = "Person %d"`, i%(n-5)))
		switch {
		case i%23 == 7:
			text = corrupt
		case i%31 == 3:
			text = "[answers.nope]\nanswer = 1\n"
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d.toml", i)), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	// One by one. With --all-sessions every readable file is a member,
	// the same name twice told apart by the file.
	var members []assess.CohortRecord
	var skipped []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("f%03d.toml", i))
		f, err := storage.ReadAnswers(p, b)
		if err != nil {
			skipped = append(skipped, "secpath: skipped "+p+": "+firstProblem(p, err))
			continue
		}
		rec := assess.CohortRecord{Name: f.Answers.Profile.Name, Source: filepath.Base(p), Date: f.Session.Updated, Result: assess.Score(b, f.Answers)}
		rec.Answered, rec.Asked = assess.Progress(b, f.Answers)
		members = append(members, rec)
	}
	count := map[string]int{}
	for _, m := range members {
		count[m.Name]++
	}
	renamed := 0
	for i, m := range members {
		if count[m.Name] > 1 {
			members[i].Name = fmt.Sprintf("%s (%s)", m.Name, m.Source)
			renamed++
		}
	}
	if renamed == 0 || len(skipped) < 10 {
		t.Fatalf("the set-up should have names twice and broken files: %d renamed, %d skipped", renamed, len(skipped))
	}
	cb := assess.NewCohortBuilder(b)
	for _, m := range members {
		cb.Add(cb.EntryFrom(m))
	}
	c := cb.Cohort()
	c.Files = &assess.CohortFiles{Read: n, Used: len(members), Unreadable: len(skipped), SetAside: []assess.SetAside{}, Choice: assess.CohortChoice{AllSessions: true}}
	var want bytes.Buffer
	if err := writeJSON(&want, c); err != nil {
		t.Fatal(err)
	}

	out, stderr, code := run(t, "cohort", dir, "--json", "--all-sessions")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if out != want.String() {
		t.Error("the cohort read on every core differs from the one read file by file")
	}
	if got := strings.Split(strings.TrimRight(stderr, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(skipped, "\n") {
		t.Errorf("skipped lines:\n%s\nwant\n%s", stderr, strings.Join(skipped, "\n"))
	}
	text, _, _ := run(t, "cohort", dir, "--all-sessions")
	// The header is wrapped at 78 columns: compared word by word.
	if !strings.Contains(strings.Join(strings.Fields(text), " "), fmt.Sprintf("Cohort of %d people from %s · secpath-default 2026.11.0 %d files read: %d used; %d unreadable", len(members), dir, n, len(members), len(skipped))) {
		t.Errorf("the text report does not count %d people and %d skipped:\n%.300s", len(members), len(skipped), text)
	}
}

// TestCohortOutputFileIsWholeOrAbsent checks -o leaves nothing behind
// when it cannot write, and only the file when it can.
func TestCohortOutputFileIsWholeOrAbsent(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "team.csv")
	want, _, _ := run(t, "cohort", cohortDir, "--format", "csv")
	_, stderr, code := run(t, "cohort", cohortDir, "--format", "csv", "-o", file)
	if code != 0 || readFile(t, file) != want || !strings.Contains(stderr, "Wrote "+file+" (cohort of 14, csv)") {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	// A directory in the way, and a directory that is not there.
	for _, bad := range []string{dir, filepath.Join(dir, "no-such", "team.csv")} {
		if _, stderr, code := run(t, "cohort", cohortDir, "-o", bad, "--force"); code != 1 || !strings.Contains(stderr, bad+":") {
			t.Errorf("-o %s: exit %d: %s", bad, code, stderr)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "team.csv" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left in the directory: %v", names)
	}
}
