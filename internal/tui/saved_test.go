package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

var savedRe = regexp.MustCompile(`Saved · (\d+) answered(?:, (\d+) skipped)? · session `)

// savedCount reads the questions dealt with (answered, plus skipped where
// the status line counts them apart) from the status line; -1 when there
// is none.
func (a *testApp) savedCount() int {
	m := savedRe.FindStringSubmatch(a.screenText())
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	skipped, _ := strconv.Atoi(m[2])
	return n + skipped
}

// onDisk counts the questions answered or skipped in the saved session.
func (a *testApp) onDisk() int {
	a.t.Helper()
	f, err := storage.ReadAnswers(a.c.State.Path, a.c.Bank)
	if err != nil {
		a.t.Fatal(err)
	}
	return len(a.c.State.Questions(a.c.Bank)) - unanswered(a.c.Bank, f)
}

// TestStatusSaysWhatIsOnDisk: after every answer the status line gives the
// number of answers the last completed save holds, which is what the file
// holds.
func TestStatusSaysWhatIsOnDisk(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	// The quick mode opens with the experience facts, all numbers.
	steps := [][]string{{"9", "enter"}, {"3", "enter"}, {"ctrl+s"}, {"5", "enter"}, {"ctrl+s"}}
	for i, keys := range steps {
		a.press(keys...)
		if i == 2 && !strings.Contains(a.screenText(), "Saved · 2 answered, 1 skipped · session ") {
			t.Errorf("a skip is counted with the answers:\n%s", a.screenText())
		}
		if got := a.savedCount(); got != i+1 {
			t.Fatalf("after answer %d the status says %d:\n%s", i+1, got, a.screenText())
		}
		if disk := a.onDisk(); disk != i+1 {
			t.Errorf("after answer %d the file holds %d", i+1, disk)
		}
	}
}

// TestAutosaveWritesNewest: one write is in flight at a time; changes
// made meanwhile are written, as they are then, when it reports back. The
// status gives what the last completed write holds.
func TestAutosaveWritesNewest(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	st := a.c.State
	qs := st.Questions(a.c.Bank)
	skip := func(i int) { st.File.Answers.Items[qs[i].ID] = assess.Answer{Skipped: true} }

	skip(0)
	first := a.saver.changed()
	skip(1)
	skip(2)
	if a.saver.changed() != nil {
		t.Fatal("a second write started while one was in flight")
	}
	m1, ok := first().(savedMsg)
	if !ok || m1.err != nil || m1.answered != 0 || m1.skipped != 1 {
		t.Fatalf("first report: %+v", m1)
	}
	if disk := a.onDisk(); disk != 1 {
		t.Errorf("the file holds %d answers, want 1", disk)
	}
	_, next := a.Update(m1)
	if got := a.savedCount(); got != 1 {
		t.Errorf("status says %d, want 1", got)
	}
	if next == nil {
		t.Fatal("the changes made during the write were not written after it")
	}
	m2 := next().(savedMsg)
	if m2.err != nil || m2.answered != 0 || m2.skipped != 3 {
		t.Fatalf("second report: %+v", m2)
	}
	if _, more := a.Update(m2); more != nil {
		t.Error("a write started with nothing new to write")
	}
	if got, disk := a.savedCount(), a.onDisk(); got != 3 || disk != 3 {
		t.Errorf("status says %d, the file holds %d; want 3", got, disk)
	}
}

// TestAutosaveFailureIsNotSaved: a write that fails is reported as not
// saved, and the next change is written again.
func TestAutosaveFailureIsNotSaved(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	st := a.c.State
	path := st.Path
	blocker := filepath.Join(a.dir, "not-a-dir")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	st.Dir, st.Path = blocker, filepath.Join(blocker, "s.toml")
	a.press("9", "enter")
	if st.Saved || st.SaveErr == nil || !strings.Contains(a.screenText(), "Could not save") || a.savedCount() != -1 {
		t.Fatalf("a failed write reported saved:\n%s", a.screenText())
	}
	// The leave dialog says so too, never "saved".
	a.press("ctrl+c")
	if txt := a.screenText(); strings.Contains(txt, "answers are saved") || !strings.Contains(txt, "NOT on disk") {
		t.Errorf("the leave dialog after a failed save:\n%s", txt)
	}
	a.press("n")
	st.Dir, st.Path = filepath.Dir(path), path
	a.press("3", "enter")
	if !st.Saved || st.SaveErr != nil || a.onDisk() != 2 {
		t.Errorf("saved %v, error %v, on disk %d", st.Saved, st.SaveErr, a.onDisk())
	}
}

// TestLeaveWaitsForTheLastWrite: leaving while a write is in flight writes
// the newest state after it, and quits only then.
func TestLeaveWaitsForTheLastWrite(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	st := a.c.State
	qs := st.Questions(a.c.Bank)
	st.File.Answers.Items[qs[0].ID] = assess.Answer{Skipped: true}
	inflight := a.saver.changed()
	st.File.Answers.Items[qs[1].ID] = assess.Answer{Skipped: true}
	a.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if _, cmd := a.Update(tea.KeyPressMsg{Code: 'y', Text: "y"}); cmd != nil {
		t.Fatal("leaving started a write beside the one in flight, or quit before it ended")
	}
	_, last := a.Update(inflight())
	if last == nil {
		t.Fatal("the newest state was not written before leaving")
	}
	if !a.run(last) {
		t.Error("no quit after the last write")
	}
	if disk := a.onDisk(); disk != 2 {
		t.Errorf("the file holds %d answers, want 2", disk)
	}
}

// TestNoticeUntilFirstKey: a notice from the start (a corrupt session moved
// aside) stays on the status line until a key is pressed.
func TestNoticeUntilFirstKey(t *testing.T) {
	notice := "A session file that no longer parses was moved aside to x.toml.corrupt-20261122-101500"
	a := newTestApp(t, 100, 30, Options{Notice: notice})
	if !strings.Contains(a.screenText(), notice) {
		t.Fatalf("no notice:\n%s", a.screenText())
	}
	a.press("down")
	if strings.Contains(a.screenText(), notice) {
		t.Errorf("the notice outlived a key:\n%s", a.screenText())
	}
}
