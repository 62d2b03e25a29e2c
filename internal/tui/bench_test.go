package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// Benchmarks of drawing every screen, at 80x24 and 200x60: View() is what
// Bubble Tea calls for each frame, so every screen must draw well inside a
// frame (target: under 0.5 ms).
//
//	go test ./internal/tui -run '^$' -bench View -benchmem

// benchScreens opens each screen on a fresh app of the given size.
var benchScreens = []struct {
	name string
	open func(tb testing.TB, w, h int) *testApp
}{
	{"welcome", func(tb testing.TB, w, h int) *testApp { return newTestApp(tb, w, h, Options{}) }},
	{"quiz-rating", onQuestion("risk-register")},
	{"quiz-scenario", onQuestion("ransomware-2am")},
	{"quiz-yesno", onQuestion("board-briefed")},
	{"quiz-number", onQuestion("years-security")},
	{"quiz-certifications", onQuestion("certs-held")},
	{"quiz-evidence", func(tb testing.TB, w, h int) *testApp {
		a := onQuestion("risk-register")(tb, w, h)
		a.press("tab", "Ran the quarterly risk review with the CFO")
		return a
	}},
	{"overview", func(tb testing.TB, w, h int) *testApp {
		a := withPersona(tb, w, h, Options{})
		a.send(overviewMsg{})
		return a
	}},
	{"results-1-readiness", resultsPage("1")},
	{"results-2-placement", resultsPage("2")},
	{"results-3-competencies", resultsPage("3")},
	{"results-4-gaps", resultsPage("4")},
	{"results-5-certifications", resultsPage("5")},
	{"gap-detail", func(tb testing.TB, w, h int) *testApp {
		a := resultsPage("4")(tb, w, h)
		a.press("enter")
		return a
	}},
	{"export", func(tb testing.TB, w, h int) *testApp {
		a := resultsPage("1")(tb, w, h)
		a.press("e")
		return a
	}},
	{"mentor-panel", func(tb testing.TB, w, h int) *testApp {
		a := withPersona(tb, w, h, Options{Mentor: true})
		a.gotoQuestion("risk-register")
		a.press("tab", "tab", "tab", "3", "tab", "Ran the quarterly review")
		return a
	}},
	{"gap-review", func(tb testing.TB, w, h int) *testApp {
		a := withPersona(tb, w, h, Options{Mentor: true})
		a.send(resultsMsg{})
		a.press("4", "g", "tab", "2")
		return a
	}},
	{"compare", func(tb testing.TB, w, h int) *testApp {
		a := withPersona(tb, w, h, Options{Previous: earlier(tb)})
		a.send(resultsMsg{})
		a.press("c")
		return a
	}},
	{"review", func(tb testing.TB, w, h int) *testApp {
		data, err := os.ReadFile(personaPath("soc-lead"))
		if err != nil {
			tb.Fatal(err)
		}
		path := filepath.Join(tb.TempDir(), "soc-lead.toml")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			tb.Fatal(err)
		}
		return newTestApp(tb, w, h, Options{ReviewPath: path})
	}},
	{"help", func(tb testing.TB, w, h int) *testApp {
		a := onQuestion("risk-register")(tb, w, h)
		a.press("?")
		return a
	}},
}

// withPersona opens the soc-lead persona: a full assessment, every
// question answered.
func withPersona(tb testing.TB, w, h int, opts Options) *testApp {
	a := newTestApp(tb, w, h, opts)
	a.loadPersona("soc-lead")
	return a
}

func onQuestion(id string) func(tb testing.TB, w, h int) *testApp {
	return func(tb testing.TB, w, h int) *testApp {
		a := withPersona(tb, w, h, Options{})
		a.gotoQuestion(id)
		return a
	}
}

func resultsPage(page string) func(tb testing.TB, w, h int) *testApp {
	return func(tb testing.TB, w, h int) *testApp {
		a := withPersona(tb, w, h, Options{})
		a.send(resultsMsg{})
		a.press(page)
		return a
	}
}

// earlier is an earlier assessment of the soc-lead persona, every rating
// one option lower, for the compare screen.
func earlier(tb testing.TB) *storage.File {
	f, err := storage.ReadAnswers(personaPath("soc-lead"), defaultBank(tb))
	if err != nil {
		tb.Fatal(err)
	}
	for id, ans := range f.Answers.Items {
		if ans.Choice > 1 {
			ans.Choice--
			f.Answers.Items[id] = ans
		}
	}
	f.Session.Updated = time.Date(2026, 5, 12, 12, 0, 0, 0, time.UTC)
	return f
}

var benchSizes = [][2]int{{80, 24}, {200, 60}}

func BenchmarkView(b *testing.B) {
	for _, sc := range benchScreens {
		for _, sz := range benchSizes {
			b.Run(fmt.Sprintf("%s/%dx%d", sc.name, sz[0], sz[1]), func(b *testing.B) {
				a := sc.open(b, sz[0], sz[1])
				b.ReportAllocs()
				for b.Loop() {
					_ = a.View()
				}
			})
		}
	}
}

// BenchmarkViewCompareRelayout is a compare frame that lays the whole
// comparison out again, as the first frame after opening it or resizing
// does; later frames reuse the layout.
func BenchmarkViewCompareRelayout(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			a := withPersona(b, sz[0], sz[1], Options{Previous: earlier(b)})
			a.send(resultsMsg{})
			a.press("c")
			b.ReportAllocs()
			for b.Loop() {
				*a.compare().laid = compareLayout{}
				_ = a.View()
			}
		})
	}
}

// TestBenchScreensOpen checks that every benchmarked screen is the one
// named, so the benchmark cannot silently time the wrong screen.
func TestBenchScreensOpen(t *testing.T) {
	want := map[string]screenID{
		"welcome": screenWelcome, "overview": screenOverview, "gap-detail": screenGap, "export": screenSave,
		"gap-review": screenGapReview, "compare": screenCompare, "review": screenReview,
	}
	for _, sc := range benchScreens {
		a := sc.open(t, 80, 24)
		w, ok := want[sc.name]
		switch {
		case ok:
		case len(sc.name) > 5 && sc.name[:5] == "quiz-", sc.name == "mentor-panel", sc.name == "help":
			w = screenQuiz
		default:
			w = screenResults
		}
		if a.screen != w {
			t.Errorf("%s: on screen %d, want %d", sc.name, a.screen, w)
		}
	}
}

// TestRenderAllocsDoNotGrowWithAnswers checks that drawing a question costs
// the same number of allocations whether nothing or everything has been
// answered: nothing in the render path may walk the answers allocating as
// it goes.
func TestRenderAllocsDoNotGrowWithAnswers(t *testing.T) {
	const id = "risk-register"
	empty := newTestApp(t, 80, 24, Options{})
	f := &storage.File{Answers: assess.NewAnswers(empty.c.Bank, assess.Full)}
	f.Session.ID = testSession
	empty.begin(f, true)
	empty.gotoQuestion(id)
	full := onQuestion(id)(t, 80, 24)
	if n := unanswered(full.c.Bank, full.c.State.File); n != 0 {
		t.Fatalf("the persona leaves %d questions unanswered", n)
	}
	if n := len(empty.c.State.File.Answers.Items); n != 0 {
		t.Fatalf("the empty session has %d answers", n)
	}
	none := testing.AllocsPerRun(50, func() { _ = empty.Render() })
	all := testing.AllocsPerRun(50, func() { _ = full.Render() })
	t.Logf("allocations per Render: %.0f with no answer, %.0f with %d", none, all, len(full.c.State.File.Answers.Items))
	// The chosen option is marked when there is one: a few allocations
	// more, whatever the number of answers.
	if all > none+20 {
		t.Errorf("Render allocates %.0f times with every question answered and %.0f with none: the render path grows with the answers", all, none)
	}
}

// TestFitsWithinNeverUnderestimates checks the cheap width bound that lets
// a frame skip measuring lines: whenever it says a line fits, the line's
// real width is within the limit.
func TestFitsWithinNeverUnderestimates(t *testing.T) {
	s := NewStyles(true)
	samples := []string{
		"", "plain ASCII text", "tab\there", "naïve café", "日本語のテキスト", "emoji 👩‍💻 and flags 🇫🇷",
		"keycap 1️⃣ and heart ❤️", "e\u0301 combining", "█████░░░░░┃", "· · ·", "한국어", "ｆｕｌｌｗｉｄｔｈ",
		s.Text.Render("styled ") + s.BarFull.Render("████") + s.Warn.Render(" ▲"),
		"\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",
	}
	for _, line := range samples {
		w := ansi.StringWidth(line)
		for width := 0; width <= w+4; width++ {
			if fitsWithin(line, width) && w > width {
				t.Errorf("fitsWithin(%q, %d) but the line is %d cells", line, width, w)
			}
			// The fast path and the slow one agree: a line that fits is
			// kept as it is; one that does not is cut to a prefix of
			// itself, marked, within the width.
			got := fitCells(line, width)
			plain, cut := ansi.Strip(line), ansi.Strip(got)
			switch {
			case w <= width && got != line:
				t.Errorf("fitCells(%q, %d) = %q: the line fits and should be kept", line, width, got)
			case ansi.StringWidth(got) > width:
				t.Errorf("fitCells(%q, %d) = %q, %d cells", line, width, got, ansi.StringWidth(got))
			case w > width && width > 0 && (!strings.HasSuffix(cut, "…") || !strings.HasPrefix(plain, strings.TrimSuffix(cut, "…"))):
				t.Errorf("fitCells(%q, %d) = %q: not a marked prefix of the line", line, width, got)
			}
		}
	}
}
