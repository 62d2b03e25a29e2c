package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
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
					level := roomMentorLevel
					a.Mentor.Ratings[q.ID] = assess.MentorRating{Level: &level, Notes: "Seen in the quarterly risk review."}
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
