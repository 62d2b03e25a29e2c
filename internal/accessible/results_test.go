package accessible

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
	"github.com/secpath/secpath/questions"
)

// TestWriteResultsPlain checks that the printed results carry the figures
// of the scoring model in plain lines a screen reader can follow.
func TestWriteResultsPlain(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, persona := range []string{"soc-lead", "it-manager", "new-analyst"} {
		t.Run(persona, func(t *testing.T) {
			f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", persona+".toml"), b)
			if err != nil {
				t.Fatal(err)
			}
			res := assess.Score(b, f.Answers)
			var buf bytes.Buffer
			if err := WriteResults(&buf, b, f.Answers, res); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for i, l := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(l); n > 80 {
					t.Errorf("line %d has %d columns: %q", i+1, n, l)
				}
			}
			if strings.ContainsAny(out, "\x1b█░") {
				t.Error("escape codes or bars in the accessible results")
			}
			want := []string{"Judgement: " + wording.Judgement(res.Judgement), wording.ReadinessMeaning, wording.FitMeaning, "Next step: "}
			for _, r := range res.Roles {
				want = append(want, r.Title+", "+wording.Relation(r.Relation)+": readiness")
			}
			for _, c := range res.Competencies {
				if c.Judgement != nil && c.Answered > 0 {
					want = append(want, c.Name+": level "+wording.Level(c))
				}
			}
			flat := strings.Join(strings.Fields(out), " ")
			for _, w := range want {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("results lack %q", w)
				}
			}
			if persona == "new-analyst" && !strings.Contains(flat, "Blocked: ") {
				t.Error("no blocked role named")
			}
		})
	}
}

// TestHostileTextIsInert: a name, a title and an evidence note written to
// take over the terminal (OSC 52 to the clipboard, ESC c, an 8-bit CSI, a
// bidirectional override) come out as visible escapes, in the questions
// and in the results.
func TestHostileTextIsInert(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", "soc-lead.toml"), b)
	if err != nil {
		t.Fatal(err)
	}
	hostile := "Eve\x1b]52;c;ZXZpbA==\x07\x1bc\u009b2J\u202e"
	f.Answers.Profile.Name = hostile
	f.Answers.Profile.CurrentRole = hostile
	for id, ans := range f.Answers.Items {
		ans.Evidence = hostile
		f.Answers.Items[id] = ans
	}
	var buf bytes.Buffer
	if err := WriteResults(&buf, b, f.Answers, assess.Score(b, f.Answers)); err != nil {
		t.Fatal(err)
	}
	var quiz bytes.Buffer
	f.Session.Position = "years-security"
	Run(Options{Bank: b, File: f, In: strings.NewReader("q\n"), Out: &quiz, Save: func(*storage.File) error { return nil }})
	for name, out := range map[string]string{"results": buf.String(), "quiz": quiz.String()} {
		if strings.ContainsAny(out, "\x1b\x07\u009b\u202e") {
			t.Errorf("%s: a control code reached the output:\n%q", name, out)
		}
		if !strings.Contains(out, `Eve\x1b]52;c;ZXZpbA==\x07\x1bc\u009b2J\u202e`) && !strings.Contains(out, "Eve") {
			t.Errorf("%s: the name is not shown at all:\n%s", name, out)
		}
	}
	if !strings.Contains(buf.String(), `Eve\x1b]52`) {
		t.Errorf("the results do not show the name's escape visibly:\n%s", buf.String())
	}
}
