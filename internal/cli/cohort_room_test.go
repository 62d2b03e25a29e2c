package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// The room fixtures in questions/testdata/cohort/room are a workshop's
// folder as a facilitator finds it: one person twice (last quarter and
// this), one who started again and left the new session unfinished, one
// who only ever started, and one whose assessment a mentor reviewed.
// TestGenerateCohortFixtures writes them beside the cohort fixtures.
const roomDir = "../../questions/testdata/cohort/room"

// roomMentor is the mentor of the reviewed file, roomMentorLevel the level
// they gave every rating question that measures roomMentorComp.
const (
	roomMentor      = "Jo Okafor"
	roomMentorComp  = "risk-management"
	roomMentorLevel = 3
	// roomAnswered is how many questions the unfinished files answer.
	roomAnswered = 19
	// roomAsked is how many questions the bank asks in full mode.
	roomAsked = 125
)

// roomFile is one file of the room: a cohort variant, when it was saved,
// and how it was changed.
type roomFile struct {
	File    string
	Variant int // index into cohortVariants
	Shift   int // replaces the variant's
	Saved   time.Time
	// Unfinished keeps only the first roomAnswered questions.
	Unfinished bool
	// Mentor adds a mentor's view.
	Mentor bool
	About  string
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }

var roomFiles = []roomFile{
	{"amara-2026-08.toml", 0, -1, day(2026, 8, 12), false, false, "Amara's assessment last quarter: counted only with --all-sessions."},
	{"amara-2026-11.toml", 0, 0, day(2026, 11, 20), false, false, "Amara's assessment this quarter: the one counted."},
	{"diego-2026-11.toml", 3, -1, day(2026, 11, 3), false, false, "Diego's finished assessment: counted, his later restart being unfinished."},
	{"diego-restarted.toml", 3, -1, day(2026, 11, 28), true, false, "Diego started again and stopped: set aside as unfinished."},
	{"lukas-started.toml", 1, 1, day(2026, 11, 27), true, false, "Lukas only started: absent unless --include-unfinished."},
	{"mei-reviewed.toml", 2, 1, day(2026, 11, 21), false, true, "Mei's assessment, reviewed by her mentor: counted on the mentor's view."},
}

// writeRoomFixtures writes the room's files into dir.
func writeRoomFixtures(t *testing.T, b *assess.Bank, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, rf := range roomFiles {
		v := cohortVariants[rf.Variant]
		v.Shift = rf.Shift
		f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", v.Base+".toml"), b)
		if err != nil {
			t.Fatal(err)
		}
		a := vary(b, f.Answers, v)
		if rf.Unfinished {
			keep := map[string]bool{}
			for _, q := range b.QuestionsFor(assess.Full)[:roomAnswered] {
				keep[q.ID] = true
			}
			for id := range a.Items {
				if !keep[id] {
					delete(a.Items, id)
				}
			}
		}
		if rf.Mentor {
			a.Mentor = &assess.MentorView{Name: roomMentor, Updated: rf.Saved.Add(48 * time.Hour), Ratings: map[string]assess.MentorRating{}}
			for _, q := range b.QuestionsFor(assess.Full) {
				if _, ok := q.Measures[roomMentorComp]; ok && q.Kind == assess.KindRating {
					levels := map[string]int{}
					for comp := range q.Measures {
						levels[comp] = roomMentorLevel
					}
					a.Mentor.Ratings[q.ID] = assess.MentorRating{Levels: levels, Notes: "Seen in the quarterly risk review."}
				}
			}
		}
		var full bytes.Buffer
		if err := storage.WriteAnswers(&full, b, &storage.File{Answers: a, Session: fixtureSession(v.Name+rf.File, rf.Saved.Add(-40*time.Minute))}); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "# Room fixture, generated from personas/%s.toml by TestGenerateCohortFixtures\n", v.Base)
		fmt.Fprintf(&buf, "# (internal/cli/cohort_room_test.go): %s\n#\n", rf.About)
		buf.WriteString(compactAnswers(full.String()))
		if err := os.WriteFile(filepath.Join(dir, rf.File), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRoomFixtures checks the committed room files are what roomFiles
// describes: finished or not, dated, reviewed.
func TestRoomFixtures(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, rf := range roomFiles {
		f, err := storage.ReadAnswers(filepath.Join(roomDir, rf.File), b)
		if err != nil {
			t.Fatal(err)
		}
		done, asked := assess.Progress(b, f.Answers)
		if (done < asked) != rf.Unfinished || !f.Session.Updated.Equal(rf.Saved) || (f.Answers.Mentor != nil) != rf.Mentor {
			t.Errorf("%s: %d of %d answered, saved %s, mentor %v", rf.File, done, asked, f.Session.Updated, f.Answers.Mentor != nil)
		}
		if rf.Unfinished && (done != roomAnswered || asked != roomAsked) {
			t.Errorf("%s: %d of %d answered, want %d of %d", rf.File, done, asked, roomAnswered, roomAsked)
		}
	}
}

// TestCohortRoomChoice runs the command over the room with each choice
// and wants, by hand: who is counted, on which file, and what is set aside
// and why.
func TestCohortRoomChoice(t *testing.T) {
	older := func(src, name, kept string) assess.SetAside {
		return assess.SetAside{Source: src, Name: name, Reason: assess.SetAsideOlder, Answered: roomAsked, Asked: roomAsked, Kept: kept}
	}
	unfinished := func(src, name string) assess.SetAside {
		return assess.SetAside{Source: src, Name: name, Reason: assess.SetAsideUnfinished, Answered: roomAnswered, Asked: roomAsked}
	}
	for _, c := range []struct {
		args    []string
		sources []string
		aside   []assess.SetAside
		summary string
	}{
		{nil, []string{"amara-2026-11.toml", "diego-2026-11.toml", "mei-reviewed.toml"},
			[]assess.SetAside{older("amara-2026-08.toml", "Amara Nwosu", "amara-2026-11.toml"), unfinished("diego-restarted.toml", "Diego Santos"), unfinished("lukas-started.toml", "Lukas Berg")},
			"6 files read: 3 used; set aside 2 unfinished and 1 older assessment of a person counted on a later one."},
		// Diego's latest is now his restart; Lukas is in.
		{[]string{"--include-unfinished"}, []string{"amara-2026-11.toml", "diego-restarted.toml", "lukas-started.toml", "mei-reviewed.toml"},
			[]assess.SetAside{older("amara-2026-08.toml", "Amara Nwosu", "amara-2026-11.toml"),
				{Source: "diego-2026-11.toml", Name: "Diego Santos", Reason: assess.SetAsideOlder, Answered: roomAsked, Asked: roomAsked, Kept: "diego-restarted.toml"}},
			"6 files read: 4 used; set aside 2 older assessments of a person counted on a later one."},
		{[]string{"--all-sessions"}, []string{"amara-2026-08.toml", "amara-2026-11.toml", "diego-2026-11.toml", "mei-reviewed.toml"},
			[]assess.SetAside{unfinished("diego-restarted.toml", "Diego Santos"), unfinished("lukas-started.toml", "Lukas Berg")},
			"6 files read: 4 used; set aside 2 unfinished."},
	} {
		t.Run(fmt.Sprint(c.args), func(t *testing.T) {
			out, stderr, code := run(t, append([]string{"cohort", roomDir, "--json"}, c.args...)...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got assess.Cohort
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			var sources []string
			for _, p := range got.People {
				sources = append(sources, p.Source)
			}
			if !slices.Equal(sources, c.sources) || !reflect.DeepEqual(got.Files.SetAside, c.aside) || got.Files.Read != 6 || got.Files.Used != len(c.sources) {
				t.Errorf("counted %q, set aside %+v (files %+v)\nwant %q, %+v", sources, got.Files.SetAside, got.Files, c.sources, c.aside)
			}
			text, _, _ := run(t, append([]string{"cohort", roomDir}, c.args...)...)
			if !strings.Contains(strings.Join(strings.Fields(text), " "), c.summary) {
				t.Errorf("the text does not say %q:\n%.600s", c.summary, text)
			}
		})
	}
	// The CSV formats have no room for the summary: stderr says it.
	_, stderr, code := run(t, "cohort", roomDir, "--format", "tidy")
	if want := "secpath: cohort of 3 from 6 files; set aside 2 unfinished (--include-unfinished counts them) and 1 older assessment of a person counted on a later one (--all-sessions counts them)\n"; code != 0 || stderr != want {
		t.Errorf("tidy: exit %d, stderr %q, want %q", code, stderr, want)
	}
}

// TestCohortRoomUnanswered counts Lukas's 19 answers with
// --include-unfinished: what he did not answer shows as ?, and the group's
// means leave him out there.
func TestCohortRoomUnanswered(t *testing.T) {
	out, _, code := run(t, "cohort", roomDir, "--include-unfinished", "--json")
	if code != 0 {
		t.Fatal(code)
	}
	var c assess.Cohort
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	// The raw JSON has null, not 0, for Lukas's unanswered levels.
	var raw struct {
		People []struct {
			Name   string     `json:"name"`
			Levels []*float64 `json:"levels"`
		} `json:"people"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	var lukas *assess.CohortPerson
	for i := range c.People {
		if c.People[i].Name == "Lukas Berg" {
			lukas = &c.People[i]
		}
	}
	if lukas == nil || lukas.Finished() {
		t.Fatalf("Lukas counted finished or not at all: %+v", lukas)
	}
	gap := 0
	for k := range c.Competencies {
		if !lukas.Answers(k) {
			gap++
			for _, p := range raw.People {
				if p.Name == "Lukas Berg" && p.Levels[k] != nil {
					t.Errorf("%s: level %v in JSON, want null", c.Competencies[k], *p.Levels[k])
				}
			}
		}
	}
	if gap == 0 {
		t.Fatal("19 answers cover every competency: nothing to test")
	}
	// Every mean is over the people who answered, computed here from
	// their levels.
	for _, ws := range c.Weakest {
		k := slices.Index(c.Competencies, ws.ID)
		sum, n := 0.0, 0
		for i := range c.People {
			if c.People[i].Answers(k) {
				sum += c.People[i].Levels[k]
				n++
			}
		}
		if ws.Answered != n || (n > 0 && math.Abs(ws.MeanLevel-math.Round(sum/float64(n)*100)/100) > 1e-9) {
			t.Errorf("%s: %d answered, mean %v; want %d, %v", ws.ID, ws.Answered, ws.MeanLevel, n, sum/float64(n))
		}
	}
	text, _, _ := run(t, "cohort", roomDir, "--include-unfinished")
	row := regexp.MustCompile(`(?m)^Lukas Berg† +.*\?.*$`).FindString(text)
	if row == "" || !strings.Contains(text, export.CohortUnansweredLegend) || !strings.Contains(text, "† unfinished") {
		t.Errorf("no ? in Lukas's row, or no legend:\n%s", text)
	}
}

// TestCohortRoomMentor wants Mei counted on her mentor's view: risk
// management at the mentor's 3 (they rated every question on it 3), the
// report naming her and the mentor; with --self-only, her own level.
func TestCohortRoomMentor(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := storage.ReadAnswers(filepath.Join(roomDir, "mei-reviewed.toml"), b)
	if err != nil {
		t.Fatal(err)
	}
	own := assess.ScoreOpts(b, f.Answers, assess.ScoreOptions{Basis: assess.BasisSelf}).Level(roomMentorComp)
	if own == roomMentorLevel {
		t.Fatalf("Mei's own level is the mentor's %d: nothing to tell apart", roomMentorLevel)
	}
	for _, c := range []struct {
		args  []string
		basis assess.Basis
		level float64
	}{
		{nil, assess.BasisMentor, roomMentorLevel},
		{[]string{"--self-only"}, assess.BasisSelf, math.Round(own*100) / 100},
	} {
		out, _, code := run(t, append([]string{"cohort", roomDir, "--json"}, c.args...)...)
		var got assess.Cohort
		if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
			t.Fatalf("exit %d, %v", code, err)
		}
		k := slices.Index(got.Competencies, roomMentorComp)
		for _, p := range got.People {
			if p.Name != "Mei Tanaka" {
				if p.Basis != assess.BasisSelf {
					t.Errorf("%s on %s", p.Name, p.Basis)
				}
				continue
			}
			if p.Basis != c.basis || p.Levels[k] != c.level || p.MentorName != roomMentor || p.MentorLevels[k] == nil || *p.MentorLevels[k] != roomMentorLevel {
				t.Errorf("%v: Mei on %s at %v (mentor %q rated %v); want %s at %v", c.args, p.Basis, p.Levels[k], p.MentorName, p.MentorLevels[k], c.basis, c.level)
			}
		}
	}
	text, _, _ := run(t, "cohort", roomDir)
	flat := strings.Join(strings.Fields(text), " ")
	if !strings.Contains(flat, "Counted on a mentor's view (the mentor's rating wherever they gave one; --self-only for their own answers): Mei Tanaka (by Jo Okafor).") ||
		!regexp.MustCompile(`(?m)^Mei Tanaka\* `).MatchString(text) {
		t.Errorf("the report does not say Mei is counted on her mentor's view:\n%s", text)
	}
	if self, _, _ := run(t, "cohort", roomDir, "--self-only"); strings.Contains(self, "Mei Tanaka*") || !strings.Contains(self, "--self-only") {
		t.Errorf("--self-only still marks Mei, or does not say why:\n%.800s", self)
	}

	// The tidy CSV: Mei's risk management twice, her own and the
	// mentor's, the mentor's counted.
	tidy, _, _ := run(t, "cohort", roomDir, "--format", "tidy")
	rows, err := csv.NewReader(strings.NewReader(tidy)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], export.CohortTidyHeader) {
		t.Fatalf("header %q", rows[0])
	}
	want := map[string][]string{
		"self":   {"Mei Tanaka", "mei-reviewed.toml", "2026-11-21", "self", "", roomMentorComp, "Risk management", "strategic", fmt.Sprint(math.Round(own*100) / 100)},
		"mentor": {"Mei Tanaka", "mei-reviewed.toml", "2026-11-23", "mentor", roomMentor, roomMentorComp, "Risk management", "strategic", "3"},
	}
	counted := map[string]string{"self": "false", "mentor": "true"}
	found := 0
	for _, r := range rows[1:] {
		if r[0] == "Mei Tanaka" && r[5] == roomMentorComp {
			found++
			if w := want[r[3]]; !slices.Equal(r[:9], w) || r[12] != counted[r[3]] {
				t.Errorf("row %q, want %q … counted %s", r, w, counted[r[3]])
			}
		}
	}
	// 3 people × 32 competencies, and Mei's mentor's 32.
	if found != 2 || len(rows) != 1+4*len(b.Competencies) {
		t.Errorf("%d rows for Mei's risk management, %d rows in all", found, len(rows))
	}
}

// TestCohortHeadingsAt80 wants every heading of the heatmap within 80
// columns, made of the competency's own whole words (never cut), and the
// legend giving the full name of each one shortened.
func TestCohortHeadingsAt80(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	var outb, errb bytes.Buffer
	if code := Run(context.Background(), []string{"cohort", cohortDir}, Env{Stdin: strings.NewReader(""), Stdout: &outb, Stderr: &errb,
		Getenv: func(k string) string { return map[string]string{"COLUMNS": "80"}[k] }}); code != 0 {
		t.Fatal(code)
	}
	out := outb.String()
	headings := regexp.MustCompile(`(?m)^ {8,}(?:│  )*([^ │].*)$`).FindAllStringSubmatch(out, -1)
	if len(headings) != len(b.Competencies) {
		t.Fatalf("%d headings, want %d", len(headings), len(b.Competencies))
	}
	flat := strings.Join(strings.Fields(out), " ")
	for i, h := range headings {
		comp := b.Competencies[i]
		if w := len([]rune(h[0])); w > 80 {
			t.Errorf("heading %q is %d wide", h[1], w)
		}
		words := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(comp.Name), func(r rune) bool { return r == ' ' }) {
			words[w] = true
		}
		for _, w := range strings.Fields(strings.ToLower(h[1])) {
			if !words[w] {
				t.Errorf("heading %q of %q: %q is not one of its words", h[1], comp.Name, w)
			}
		}
		if h[1] != comp.Name && !strings.Contains(flat, h[1]+" = "+comp.Name) {
			t.Errorf("heading %q is shortened, but the legend does not give %q", h[1], comp.Name)
		}
	}
	for i, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("line %d is %d wide: %q", i+1, n, l)
		}
	}
}
