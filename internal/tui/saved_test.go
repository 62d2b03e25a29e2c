package tui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

var savedRe = regexp.MustCompile(`Saved · (\d+) answered · session `)

// savedCount reads the count from the status line; -1 when there is none.
func (a *testApp) savedCount() int {
	m := savedRe.FindStringSubmatch(a.screenText())
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
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
		if got := a.savedCount(); got != i+1 {
			t.Fatalf("after answer %d the status says %d:\n%s", i+1, got, a.screenText())
		}
		if disk := a.onDisk(); disk != i+1 {
			t.Errorf("after answer %d the file holds %d", i+1, disk)
		}
	}
}

// TestSaveReportsOutOfOrder: saves run as commands and may finish or be
// reported in any order. An older snapshot is never written after a newer
// one, and the status keeps the newest save's count.
func TestSaveReportsOutOfOrder(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	st := a.c.State
	qs := st.Questions(a.c.Bank)
	skip := func(i int) { st.File.Answers.Items[qs[i].ID] = assess.Answer{Skipped: true} }

	// The newer save runs first: the older one then writes nothing.
	skip(0)
	older := a.saveCmd()
	skip(1)
	skip(2)
	newer := a.saveCmd()
	m2, ok2 := newer().(savedMsg)
	m1, ok1 := older().(savedMsg)
	if !ok1 || !ok2 || m2.err != nil || m2.answered != 3 || !m1.stale {
		t.Fatalf("reports: %+v %+v", m1, m2)
	}
	if disk := a.onDisk(); disk != 3 {
		t.Errorf("the file holds %d answers, want the newer 3", disk)
	}
	a.Update(m2)
	a.Update(m1)
	if got := a.savedCount(); got != 3 {
		t.Errorf("status says %d, want 3", got)
	}

	// Both written in order, reported newest first: the older report is
	// ignored.
	skip(3)
	first := a.saveCmd()
	skip(4)
	second := a.saveCmd()
	r1, r2 := first().(savedMsg), second().(savedMsg)
	if r1.stale || r2.stale || r1.answered != 4 || r2.answered != 5 {
		t.Fatalf("reports: %+v %+v", r1, r2)
	}
	a.Update(r2)
	a.Update(r1)
	if got := a.savedCount(); got != 5 {
		t.Errorf("status says %d, want 5", got)
	}
	if disk := a.onDisk(); disk != 5 {
		t.Errorf("the file holds %d", disk)
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
