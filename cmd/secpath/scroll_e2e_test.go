package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
	"github.com/secpath/secpath/questions"
)

// startPersona saves a persona as a session and resumes it in the
// full-screen interface at w×h; drop lists answers to leave out, so the
// quiz opens on the first of them.
func startPersona(t *testing.T, w, h int, persona string, drop ...string) (*term, *assess.Bank, *storage.File) {
	t.Helper()
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	tm := idleTerm(t)
	f, err := storage.ReadAnswers("../../questions/testdata/personas/"+persona+".toml", b)
	if err != nil {
		t.Fatal(err)
	}
	f.Session = storage.Session{ID: "20261201-090000-beef"}
	for _, id := range drop {
		delete(f.Answers.Items, id)
	}
	if _, err := storage.SaveSession(filepath.Join(tm.state, "secpath", "sessions"), b, f); err != nil {
		t.Fatal(err)
	}
	tm.start(w, h, "resume", f.Session.ID)
	return tm, b, f
}

// TestScrollToEveryBlockerAndCertificate80x24: at 80x24 the real binary
// scrolls the gaps page, compared with the CISO, down to the third
// blocker, and the certification picker down to its last entry, each with
// a mark of more on the way.
func TestScrollToEveryBlockerAndCertificate80x24(t *testing.T) {
	t.Run("blockers", func(t *testing.T) {
		tm, b, f := startPersona(t, 80, 24, "soc-lead", "years-security")
		tm.waitFor("How many years have you worked in information security?")
		tm.keys("9", "Enter", "Escape")
		tm.waitFor("sections")
		tm.keys("r")
		tm.waitFor("1 Readiness")
		tm.keys("4")
		for range 20 {
			if strings.Contains(tm.screen(), "comparing with Chief Information Security Officer") {
				break
			}
			tm.keys("Tab")
		}
		tm.waitFor("comparing with Chief Information Security Officer")
		f.Answers.Items["years-security"] = assess.Answer{Number: ptr(9.0)}
		res := assess.Score(b, f.Answers)
		ciso := res.RoleFit("ciso")
		if len(ciso.Blockers) < 3 {
			t.Fatalf("the CISO has %d blockers, want 3", len(ciso.Blockers))
		}
		third := wording.BlockerMessage(ciso.Blockers[2])
		if strings.Contains(tm.screen(), third) {
			t.Fatal("the third blocker shows before scrolling: the test shows nothing")
		}
		if !strings.Contains(tm.screen(), "more") {
			t.Errorf("no mark of more:\n%s", tm.screen())
		}
		for range len(ciso.Gaps) + 20 {
			tm.keys("Down")
		}
		s := tm.waitFor(third)
		checkScreen(t, s, 80, 24)
		if lines := strings.Split(strings.TrimRight(s, "\n"), "\n"); !strings.Contains(lines[len(lines)-1], "? all keys") {
			t.Errorf("the footer lost ? all keys: %q", lines[len(lines)-1])
		}
		tm.keys("q", "y")
		tm.waitFor("EXIT=0")
	})
	t.Run("certifications", func(t *testing.T) {
		tm, b, _ := startPersona(t, 80, 24, "soc-lead", "certs-held")
		tm.waitFor("Which of these certifications do you currently hold?")
		certs := b.Certifications
		last := certs[len(certs)-1].Label() + " · " + certs[len(certs)-1].Body
		if strings.Contains(tm.screen(), last) {
			t.Fatal("the last certification shows before scrolling: the test shows nothing")
		}
		tm.waitFor("more")
		for range len(certs) - 1 {
			tm.keys("Down")
		}
		s := tm.waitFor(last)
		checkScreen(t, s, 80, 24)
		// A year typed with letters keeps the digits only.
		tm.keys("Space")
		tm.waitFor("Year obtained")
		tm.keys("2", "x", "0", "1", "9")
		tm.waitFor("A year is digits only")
		tm.waitFor(": 2019")
		tm.keys("C-c", "y")
		tm.waitFor("EXIT=0")
	})
}

func ptr[T any](v T) *T { return &v }
