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
