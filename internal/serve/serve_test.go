package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// TestParticipantResumesAndFinishes: a participant answers part of a
// quick assessment, drops off, comes back to the next question, finishes,
// and on a third connection finds the results; every answer is on disk
// in their own directory, mode 0600.
func TestParticipantResumesAndFinishes(t *testing.T) {
	srv := startServer(t, Config{})
	key := newKey(t)
	qz := newQuiz()

	tm := openTerm(t, dialKey(t, srv.addr, key), 80, 24)
	tm.startQuick(qz)
	tm.answer(qz, 12)
	_ = tm.sess.Close()

	tm = openTerm(t, dialKey(t, srv.addr, key), 100, 30)
	tm.waitFor(qz.position())
	tm.answer(qz, -1)
	tm.waitFor("1 Readiness")
	tm.keys("q")
	tm.waitFor("Leave secpath?")
	tm.keys("y")
	if out := tm.waitEnd(); !strings.Contains(out, "Connect again with the same key") {
		t.Errorf("no word on coming back:\n%s", out)
	}

	tm = openTerm(t, dialKey(t, srv.addr, key), 80, 24)
	s := tm.waitFor("1 Readiness")
	for _, want := range []string{"Next step", "%"} {
		if !strings.Contains(s, want) {
			t.Errorf("results lack %q:\n%s", want, s)
		}
	}

	files := personFiles(srv.data, key)
	if len(files) != 1 {
		t.Fatalf("sessions of the participant: %v", files)
	}
	f, err := storage.ReadAnswers(files[0], testBank())
	if err != nil {
		t.Fatal(err)
	}
	qz.check(t, f.Answers)
	if len(qz.done) != len(testBank().QuestionsAsked(assess.Quick, f.Answers)) {
		t.Errorf("%d answered, the assessment asks %d", len(qz.done), len(testBank().QuestionsAsked(assess.Quick, f.Answers)))
	}
	for _, p := range []string{files[0]} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v", p, st.Mode(), err)
		}
	}
	if st, err := os.Stat(filepath.Dir(files[0])); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("the participant's directory: %v %v", st.Mode(), err)
	}
	// The log names the key by its fingerprint's start, never an answer.
	logs := srv.logs.String()
	if fp := keyPerson(key.PublicKey()).short(); !strings.Contains(logs, fp) || !strings.Contains(logs, "duration=") {
		t.Errorf("the log lacks the key %s or a duration:\n%s", fp, logs)
	}
	if strings.Contains(logs, "cissp") || strings.Contains(logs, f.Session.ID) {
		t.Errorf("the log holds what was answered:\n%s", logs)
	}
}

// TestNoFilesForParticipants: the export dialog, which writes files on
// the server, is not there for a participant.
func TestNoFilesForParticipants(t *testing.T) {
	srv := startServer(t, Config{})
	key := newKey(t)
	seedFinished(t, srv.data, key, "soc-lead")
	tm := openTerm(t, dialKey(t, srv.addr, key), 100, 30)
	tm.waitFor("1 Readiness")
	tm.keys("e")
	time.Sleep(300 * time.Millisecond)
	if s := tm.screen(); strings.Contains(s, "Development plan, Markdown") || strings.Contains(s, "export plan") {
		t.Errorf("a participant can reach the export dialog:\n%s", s)
	}
}
