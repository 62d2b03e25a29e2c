package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/storage"
)

// TestHostileTextStaysOutOfTheFrame: a session whose name, role and
// notes carry terminal commands (OSC 52, ESC c, a clearing CSI, 8-bit
// controls, a bidi override) never sends them to the terminal, on any
// screen, while the styling of the frame is kept.
func TestHostileTextStaysOutOfTheFrame(t *testing.T) {
	hostile := "Eve\x1b]52;c;ZXZpbA==\x07\x1bc\x1b[2J\u009b2J\u009d0;x\u009c\u202e"
	a := newTestApp(t, 120, 40, Options{})
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", "soc-lead.toml"), a.c.Bank)
	if err != nil {
		t.Fatal(err)
	}
	f.Session.ID = testSession
	f.Answers.Profile.Name, f.Answers.Profile.CurrentRole, f.Answers.Profile.Organisation = hostile, hostile, hostile
	for id, ans := range f.Answers.Items {
		ans.Evidence = hostile
		f.Answers.Items[id] = ans
	}
	a.begin(f, false)
	for _, keys := range [][]string{nil, {"1"}, {"2"}, {"3"}, {"4"}, {"4", "enter"}, {"esc", "5"}, {"e"}} {
		a.press(keys...)
		content := a.App.View().Content
		if safetext.Frame(content) != content {
			t.Errorf("after %v the frame carries control codes", keys)
		}
		for _, bad := range []string{"\x1b]", "\x1bc", "\x1b[2J", "\u009b", "\u009d", "\u202e", "\x07"} {
			if strings.Contains(content, bad) {
				t.Errorf("after %v the frame carries %q", keys, bad)
			}
		}
		if !strings.Contains(content, "\x1b[") {
			t.Errorf("after %v the frame lost its styling", keys)
		}
	}
}
