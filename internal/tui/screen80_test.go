package tui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/internal/wording"
)

// TestTruncateAtWords checks the cut: at a word, a dangling separator
// dropped, wide characters counted as two cells, and the forms when not
// even one word fits.
func TestTruncateAtWords(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"Chief Information Security Officer", 40, "Chief Information Security Officer"},
		{"Chief Information Security Officer", 34, "Chief Information Security Officer"},
		{"Chief Information Security Officer", 33, "Chief Information Security…"},
		{"Chief Information Security Officer", 29, "Chief Information Security…"},
		{"Chief Information Security Officer", 27, "Chief Information Security…"},
		{"Chief Information Security Officer", 26, "Chief Information…"},
		{"Privacy Manager / Data Protection Officer", 36, "Privacy Manager / Data Protection…"},
		{"Privacy Manager / Data Protection Officer", 22, "Privacy Manager…"},
		{"target 5, weight 3, priority 7.1", 16, "target 5…"},
		// Wide runes: 情報 takes four cells.
		{"情報 セキュリティ 責任者", 8, "情報…"},
		{"情報 セキュリティ", 5, "情報…"},
		{"情報 セキュリティ", 4, "情…"},
		// Nothing fits whole: the one word is cut, visibly.
		{"CISSP-ISSMP", 8, "CISSP-I…"},
		{"Supercalifragilistic word", 6, "Super…"},
		{"anything", 1, "…"},
		{"anything", 0, ""},
	}
	for _, c := range cases {
		if got := truncate(c.in, c.n); got != c.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
	// A styled line is cut at the same word, its styles kept.
	styled := "\x1b[1mChief\x1b[m Information \x1b[31mSecurity Officer\x1b[m"
	if got := fitCells(styled, 30); ansi.Strip(got) != "Chief Information Security…" || !strings.Contains(got, "\x1b[31m") {
		t.Errorf("fitCells(styled, 30) = %q", got)
	}
	if got := shortest(20, "Chief Information Security Officer", "CISO"); got != "CISO" {
		t.Errorf("shortest took %q, want the short form", got)
	}
	if got := shortest(40, "Chief Information Security Officer", "CISO"); got != "Chief Information Security Officer" {
		t.Errorf("shortest took %q, want the whole title", got)
	}
	if got := shortest(3, "Chief Information Security Officer", "CISO"); got != "CI…" {
		t.Errorf("shortest took %q, want the short form cut", got)
	}
}

// TestScrolledMarks checks the marks of a window on a page of 10 lines:
// what is above and below is counted, and the last line can be reached.
func TestScrolledMarks(t *testing.T) {
	s := NewStyles(true)
	lines := []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	for _, c := range []struct {
		offset  int
		want    string
		wantOff int
	}{
		{0, "0 1 2 3 ↓ 6 more", 0},
		{1, "↑ 1 more 1 2 3 ↓ 6 more", 1},
		{6, "↑ 6 more 6 7 8 9", 6},
		{9, "↑ 6 more 6 7 8 9", 6}, // past the end: held at the last window
	} {
		out, off := scrolled(s, lines, 5, c.offset)
		if got := ansi.Strip(strings.Join(out, " ")); got != c.want || off != c.wantOff {
			t.Errorf("offset %d: %q at %d, want %q at %d", c.offset, got, off, c.want, c.wantOff)
		}
	}
	if out, _ := scrolled(s, lines[:4], 5, 3); ansi.Strip(strings.Join(out, " ")) != "0 1 2 3" {
		t.Errorf("a short page is shown whole, without marks: %q", out)
	}
	out, _ := scrolledTo(s, lines, 5, 0, 7)
	if got := ansi.Strip(strings.Join(out, " ")); !strings.Contains(got, "7") || !strings.HasPrefix(got, "↑") {
		t.Errorf("focus 7 not in view: %q", got)
	}
}

// TestEveryCISOBlockerReachable walks the gaps page at 80x24, compared
// with the CISO, with the down key until the last blocker is on screen.
func TestEveryCISOBlockerReachable(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	a.press("4")
	for a.results().compared().ID != "ciso" {
		a.press("tab")
	}
	f := a.results().compared()
	if len(f.Blockers) < 3 {
		t.Fatalf("the CISO has %d blockers for this persona, want at least 3", len(f.Blockers))
	}
	last := wording.BlockerMessage(f.Blockers[len(f.Blockers)-1])
	seen := func() bool { return strings.Contains(flat(a.screenText()), last[:40]) }
	if seen() {
		t.Fatal("the last blocker shows before scrolling: the test shows nothing")
	}
	if !strings.Contains(a.screenText(), "more") {
		t.Errorf("no sign of more below:\n%s", a.screenText())
	}
	for range len(f.Gaps) + 40 {
		a.press("down")
		if seen() {
			break
		}
	}
	if !seen() {
		t.Fatalf("the last blocker %q cannot be reached:\n%s", last, a.screenText())
	}
	// Up goes back the same way, to the first gap.
	for range len(f.Gaps) + 40 {
		a.press("up")
	}
	if a.results().gap != 0 || !strings.Contains(a.screenText(), "› ") {
		t.Errorf("up does not come back to the first gap:\n%s", a.screenText())
	}
}

// TestGapDetailScrolls checks the gap detail marks more below and
// reaches its end.
func TestGapDetailScrolls(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	a.press("4", "enter")
	if !regexp.MustCompile(`↓ \d+ more`).MatchString(a.screenText()) {
		t.Fatalf("no mark of more:\n%s", a.screenText())
	}
	for range 200 {
		a.press("down")
	}
	if more := regexp.MustCompile(`(↑|↓) \d+ more`).FindAllString(a.screenText(), -1); len(more) != 1 || !strings.HasPrefix(more[0], "↑") {
		t.Errorf("the end of the gap is not reached:\n%s", a.screenText())
	}
	a.press("up")
	if !regexp.MustCompile(`↓ \d+ more`).MatchString(a.screenText()) {
		t.Errorf("one up from the end does not mark the lines below:\n%s", a.screenText())
	}
}

// TestEveryCertificationReachable moves down the picker at 80x24 to the
// last certification, with a mark of more on the way.
func TestEveryCertificationReachable(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	a.gotoQuestion("certs-held")
	certs := a.c.Bank.Certifications
	last := certs[len(certs)-1].Label() + " · " + certs[len(certs)-1].Body
	if strings.Contains(a.screenText(), last) {
		t.Fatal("the last certification shows without scrolling: the test shows nothing")
	}
	if !strings.Contains(a.screenText(), "more") {
		t.Errorf("no sign of more:\n%s", a.screenText())
	}
	for range len(certs) - 1 {
		a.press("down")
	}
	if !strings.Contains(a.screenText(), last) {
		t.Fatalf("the last certification %q is not reachable:\n%s", last, a.screenText())
	}
}

// TestHelpOnNumberQuestion checks ? opens the help with the definition
// and leaves the field alone; letters never go in.
func TestHelpOnNumberQuestion(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	a.gotoQuestion("years-security")
	a.press("12")
	a.press("?")
	if !a.full || !strings.Contains(flat(a.screenText()), "Count every role where security was the main part") {
		t.Fatalf("? did not open the help with the definition:\n%s", a.screenText())
	}
	a.press("x") // closes the help
	a.press("abc")
	if v := a.quiz().number.Value(); v != "12" {
		t.Errorf("the field holds %q, want 12", v)
	}
	if !strings.Contains(a.screenText(), "? ") {
		t.Errorf("the footer does not offer ?:\n%s", a.screenText())
	}
}

// TestDefinitionShownWhenRoom shows the definition in the question when
// the window has the lines for it, and says ? has it when not.
func TestDefinitionShownWhenRoom(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	a.gotoQuestion("years-security")
	if !strings.Contains(flat(a.screenText()), "Count every role where security") {
		t.Errorf("80x24 has room for the definition but does not show it:\n%s", a.screenText())
	}
	a.gotoQuestion("certs-held")
	if a.quiz().current().Help == "" {
		t.Fatal("the certifications question has no definition: the test shows nothing")
	}
	def := flat(a.quiz().current().Help)[:30]
	if strings.Contains(flat(a.screenText()), def) || !strings.Contains(a.screenText(), "? definition") {
		t.Fatalf("a hidden definition is not offered in the footer:\n%s", a.screenText())
	}
	a.press("?")
	if !strings.Contains(flat(a.screenText()), def) || a.quiz().filter.Value() != "" {
		t.Errorf("? does not show the definition, or went into the search:\n%s", a.screenText())
	}
}

// TestYearPrompt checks letters leave the year alone and a future year
// is refused with a message saying so.
func TestYearPrompt(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	a.gotoQuestion("certs-held")
	a.press("space", "20", "cism", "19")
	q := a.quiz()
	if v := q.year.Value(); v != "2019" {
		t.Errorf("the year holds %q, want 2019", v)
	}
	for range 4 {
		a.press("backspace")
	}
	next := a.c.State.Now().Year() + 1
	a.press(strconv.Itoa(next), "enter")
	q = a.quiz()
	if q.yearFor == "" || !strings.Contains(flat(a.screenText()), "is in the future") {
		t.Fatalf("a year from the future was not refused:\n%s", a.screenText())
	}
	if y := q.answer().Held[0].Year; y != 0 {
		t.Errorf("the future year %d was kept", y)
	}
}

// TestFooterKeepsAllKeys checks "? all keys" stays at 80 columns on the
// screens with the most hints.
func TestFooterKeepsAllKeys(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	footer := func() string {
		lines := strings.Split(a.screenText(), "\n")
		return lines[len(lines)-1]
	}
	a.gotoQuestion("risk-register")
	if !strings.Contains(footer(), "? all keys") {
		t.Errorf("rating: %q", footer())
	}
	a.gotoQuestion("years-managing")
	if !strings.Contains(footer(), "? ") || !strings.Contains(footer(), "q quit") {
		t.Errorf("number: %q", footer())
	}
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	for _, page := range []string{"1", "2", "3", "4", "5"} {
		a.press(page)
		if !strings.Contains(footer(), "? all keys") {
			t.Errorf("results page %s: %q", page, footer())
		}
	}
	// The results' full help names c, even before there is anything to
	// compare with.
	a.press("?")
	if !strings.Contains(flat(a.screenText()), "c compare with an earlier assessment") {
		t.Errorf("the results help does not mention c:\n%s", a.screenText())
	}
}

// TestSkippedCountedApart checks the progress line.
func TestSkippedCountedApart(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	a.gotoQuestion("years-managing")
	a.press("ctrl+s")
	total := a.quiz().eng.Total()
	if want := "0 answered, 1 skipped of " + strconv.Itoa(total); !strings.Contains(a.screenText(), want) {
		t.Errorf("progress lacks %q:\n%s", want, a.screenText())
	}
}

// TestInconsistentYearsAsked checks a years answer at odds with another
// is asked about, then kept on a second enter.
func TestInconsistentYearsAsked(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.startQuick()
	a.gotoQuestion("years-security")
	a.press("8", "enter")
	a.gotoQuestion("years-managing")
	a.press("12", "enter")
	if a.quiz().current().ID != "years-managing" || !strings.Contains(flat(a.screenText()), "12 years managing security work is more than the 8 years") {
		t.Fatalf("no question about 12 years managing in 8 in security:\n%s", a.screenText())
	}
	a.press("enter")
	if a.quiz().current().ID == "years-managing" {
		t.Fatalf("a second enter did not keep the answer:\n%s", a.screenText())
	}
	if n := a.c.State.File.Answers.Items["years-managing"].Number; n == nil || *n != 12 {
		t.Errorf("kept %v, want 12", n)
	}
}

func TestNumberRangeWords(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		unit   string
		want   string
	}{
		{0, 50, "years", "Up to 50 years"},
		{0, 10000000, "thousand", "Up to 10 million, in thousands"},
		{1, 3000000, "people", "1 to 3 million people"},
		{0, 1000, "incidents", "Up to 1,000 incidents"},
		{0, 2500000, "", "Up to 2.5 million"},
	} {
		if got := numberRange(c.lo, c.hi, c.unit); got != c.want {
			t.Errorf("numberRange(%g, %g, %q) = %q, want %q", c.lo, c.hi, c.unit, got, c.want)
		}
	}
}

// flat joins a frame's lines, so a wrapped sentence can be found.
func flat(s string) string {
	var words []string
	for _, l := range strings.Split(s, "\n") {
		words = append(words, strings.Fields(l)...)
	}
	return strings.Join(words, " ")
}
