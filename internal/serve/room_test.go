package serve

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
)

// roomLine is the room view's line for a name, "" when there is none.
func roomLine(screen, name string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, name) {
			return l
		}
	}
	return ""
}

// waitLine polls the room view until the line of name holds want.
func (tm *term) waitLine(name, want string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		l := roomLine(tm.screen(), name)
		if strings.Contains(l, want) {
			return l
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the room never showed %q for %s; it shows:\n%s", want, name, tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestFacilitatorSeesProgress: the facilitator's room shows a participant
// by pseudonym, connected, their progress moving as they answer, and away
// once they leave.
func TestFacilitatorSeesProgress(t *testing.T) {
	dir := t.TempDir()
	facilitators := filepath.Join(dir, "facilitators")
	fac, key := newKey(t), newKey(t)
	writeFile(t, facilitators, authorizedLine(fac))
	srv := startServer(t, Config{Facilitators: facilitators})

	room := openTerm(t, dialKey(t, srv.addr, fac), 120, 40)
	room.waitFor("Nobody yet")

	qz := newQuiz()
	tm := openTerm(t, dialKey(t, srv.addr, key), 80, 24)
	tm.startQuick(qz)
	name := keyPerson(key.PublicKey()).pseudonym()
	l := room.waitLine(name, " 0/")
	if !strings.Contains(l, "connected") || !strings.Contains(l, name+" *") {
		t.Errorf("before any answer, the room shows %q", l)
	}
	tm.answer(qz, 2)
	room.waitLine(name, fmt.Sprintf(" 2/%d", len(qz.asked())))
	tm.answer(qz, 1)
	room.waitLine(name, fmt.Sprintf(" 3/%d", len(qz.asked())))
	_ = tm.sess.Close()
	room.waitLine(name, "away")
}

// TestFacilitatorCohort: as people finish, the room shows the cohort of
// the finished, and `cohort --format csv` is the room's cohort, byte for
// byte the export of those sessions under their names or pseudonyms.
func TestFacilitatorCohort(t *testing.T) {
	dir := t.TempDir()
	facilitators := filepath.Join(dir, "facilitators")
	fac := newKey(t)
	writeFile(t, facilitators, authorizedLine(fac))
	data := filepath.Join(dir, "data")
	type seeded struct {
		id   string
		name string
		f    func() *assess.Answers
	}
	var seeds []seeded
	for _, persona := range []string{"soc-lead", "grc-lead", "it-manager"} {
		key := newKey(t)
		f := seedFinished(t, data, key, persona)
		p := keyPerson(key.PublicKey())
		name := f.Answers.Profile.Name
		if persona == "it-manager" {
			// One who gave no name, and one whose name is hostile.
			f.Answers.Profile.Name = ""
			name = p.pseudonym()
		}
		seeds = append(seeds, seeded{id: p.ID, name: name, f: func() *assess.Answers { return f.Answers }})
		if persona == "it-manager" {
			seedAgain(t, data, key, f)
		}
	}
	srv := startServer(t, Config{Data: data, Facilitators: facilitators})
	c := dialKey(t, srv.addr, fac)
	out, errOut, code := runCommand(t, c, "cohort --format csv")
	sort.Slice(seeds, func(i, j int) bool { return seeds[i].id < seeds[j].id })
	b := testBank()
	cb := assess.NewCohortBuilder(b)
	for _, s := range seeds {
		a := s.f()
		cb.Add(cb.Entry(s.name, "", assess.Score(b, a)))
	}
	var want bytes.Buffer
	if err := export.WriteCohortCSV(&want, cb.Cohort()); err != nil {
		t.Fatal(err)
	}
	if code != 0 || stripSources(out) != stripSources(want.String()) {
		t.Errorf("cohort --format csv: exit %d %q\n got:\n%.600s\nwant:\n%.600s", code, errOut, out, want.String())
	}
	room := openTerm(t, c, 140, 60)
	room.waitFor("The room so far (3 finished)")
	// The frame may still be arriving when its first lines show: wait for
	// the heatmap's legend, which comes after the rest.
	s := room.waitFor("░ under 1")
	for _, w := range []string{"Readiness by role", "Weakest competencies", seeds[0].name, "░ under 1"} {
		if !strings.Contains(s, w) {
			t.Errorf("the room lacks %q:\n%s", w, s)
		}
	}
}

// seedAgain saves a changed session file over the seeded one.
func seedAgain(t *testing.T, data string, key gossh.Signer, f *storage.File) {
	t.Helper()
	dir, _ := personDir(data, keyPerson(key.PublicKey()))
	if _, err := (&storage.FileStore{Dir: dir}).Save(testBank(), f); err != nil {
		t.Fatal(err)
	}
}

// stripSources blanks the source column (the second), which names each
// session by its id.
func stripSources(csv string) string {
	var out []string
	for _, l := range strings.Split(csv, "\n") {
		if cells := strings.SplitN(l, ",", 3); len(cells) == 3 {
			l = cells[0] + ",," + cells[2]
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestHostileNameInert: a name with control codes (an OSC 52 clipboard
// write, a screen clear) reaches the facilitator as visible text only.
func TestHostileNameInert(t *testing.T) {
	dir := t.TempDir()
	facilitators := filepath.Join(dir, "facilitators")
	fac, key := newKey(t), newKey(t)
	writeFile(t, facilitators, authorizedLine(fac))
	data := filepath.Join(dir, "data")
	f := seedFinished(t, data, key, "soc-lead")
	f.Answers.Profile.Name = "Eve\x1b]52;c;aGk=\x07\x1b[2J\u202e"
	seedAgain(t, data, key, f)
	srv := startServer(t, Config{Data: data, Facilitators: facilitators})
	c := dialKey(t, srv.addr, fac)
	room := openTerm(t, c, 140, 60)
	room.waitFor(`Eve\x1b]52`)
	time.Sleep(100 * time.Millisecond)
	if raw := room.output(); strings.Contains(raw, "\x1b]52") || strings.Contains(raw, "\u202e") {
		t.Errorf("the control codes of a name reached the facilitator's terminal: %q", raw)
	}
	for _, format := range []string{"csv", "md", "json"} {
		out, _, code := runCommand(t, c, "cohort --format "+format)
		if code != 0 || strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("cohort --format %s: exit %d, control codes in %q", format, code, out)
		}
	}
}
