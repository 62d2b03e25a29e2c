package accessible

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
	"github.com/secpath/secpath/questions"
)

// noiseRune reports a character a screen reader reads as noise or that
// marks shortened text: box drawing, block elements and geometric shapes
// (bars, frames, arrows drawn as triangles), and the ellipsis.
func noiseRune(r rune) bool {
	return (r >= 0x2500 && r <= 0x25FF) || r == '…' || r == '→' || r == '·'
}

// TestWriteResultsPlain checks that the printed results carry the figures
// of the scoring model as plain sentences a screen reader can follow: no
// bars or box drawing, nothing shortened, lines broken only between words.
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
				if strings.HasSuffix(l, "-") || strings.HasSuffix(l, " ") {
					t.Errorf("line %d breaks inside a word or ends in a space: %q", i+1, l)
				}
				for _, r := range l {
					if noiseRune(r) || r == 0x1b {
						t.Errorf("line %d holds %q: %q", i+1, r, l)
						break
					}
				}
			}
			if strings.Contains(out, "(s)") {
				t.Error("a plural written as (s)")
			}
			flat := strings.Join(strings.Fields(out), " ")
			want := []string{"Judgement from your scenario answers: " + wording.Judgement(res.Judgement), wording.ReadinessMeaning, wording.FitMeaning, "Next step, "}
			for _, r := range res.Roles {
				want = append(want, fmt.Sprintf("%s: %.0f", r.Title, r.Readiness))
			}
			for _, c := range res.Competencies {
				if c.Answered > 0 {
					want = append(want, c.Name+": level "+num(c.Level))
				}
			}
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

// TestResultsSentences: the figures of one persona, worked out by hand
// from its scores (soc-lead: IT Security Manager met at 65%, its one
// blocker the CISSP-or-CISM expectation; risk management at 1.6 against a
// target of 4), read as sentences with the right plurals.
func TestResultsSentences(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", "soc-lead.toml"), b)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteResults(&buf, b, f.Answers, assess.Score(b, f.Answers)); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(buf.String()), " ")
	for _, w := range []string{
		"Results for Priya Raman: 125 of 125 questions answered, full mode.",
		"Next step, IT Security Manager: 65 percent ready, fit 64 percent, 1 blocker.",
		"2. IT Security Manager: 65 percent ready, fit 64 percent, 1 blocker. A role ahead. Recommended next step.",
		"6. Chief Information Security Officer: 49 percent ready, fit 48 percent, 3 blockers.",
		"1. Risk management: level 1.6 of target 4, a gap of 2.4, priority 7.1 at weight 3.",
		"8. Application and product security: level 0 of target 3, a gap of 3, priority 3 at weight 1.",
		"1 blocker for IT Security Manager, reported beside readiness and not in it:",
		"This counts a waiver of 1 year.",
		"- CISM: Not yet: Your answers suggest experience across 1 of its 4 domains; the rule asks for 3.",
		"- GCIH: GCIH held since 2018.",
	} {
		if !strings.Contains(flat, w) {
			t.Errorf("results lack %q:\n%s", w, buf.String())
		}
	}
	for _, bad := range []string{"1 blockers", "1 years", "meets-rule", "not-yet", "(s)", "2026-11-03"} {
		if strings.Contains(flat, bad) {
			t.Errorf("results hold %q", bad)
		}
	}
}

// TestWrapKeepsWords: lines break between words only; a word longer than
// a line is broken after a hyphen or slash, with every character kept.
func TestWrapKeepsWords(t *testing.T) {
	got := wrap("rule checked 2026-11-03 by ISO/IEC 27001", 20, 20)
	want := []string{"rule checked", "2026-11-03 by", "ISO/IEC 27001"}
	if !slices.Equal(got, want) {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	long := "https://example.com/" + strings.Repeat("abcdefghij", 3)
	got = wrap("see "+long, 20, 20)
	want = []string{"see", "https://example.com/", "abcdefghijabcdefghij", "abcdefghij"}
	if !slices.Equal(got, want) {
		t.Errorf("wrap = %q, want %q", got, want)
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
