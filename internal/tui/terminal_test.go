package tui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Terminals: every screen survives a storm of resizes, from a window too
// small to use to a very large one, drawing exactly the window's height
// with no line wider than its width.

// stormSizes is a fixed set of awkward sizes and a seeded run of random
// ones, in an order that jumps between them.
func stormSizes() [][2]int {
	sizes := [][2]int{
		{80, 24}, {20, 5}, {300, 100}, {1, 1}, {60, 18}, {59, 18}, {60, 17}, {2, 40}, {400, 3},
		{100, 30}, {99, 29}, {139, 40}, {140, 40}, {141, 24}, {300, 18}, {60, 100}, {21, 6}, {10, 2},
	}
	r := rand.New(rand.NewPCG(4, 2))
	for i := 0; i < 24; i++ {
		sizes = append(sizes, [2]int{1 + r.IntN(320), 1 + r.IntN(110)})
	}
	return append(sizes, [2]int{20, 5}, [2]int{300, 100}, [2]int{80, 24})
}

// storm sends every size in a row, checking each frame, and ends at 80x24.
func storm(t *testing.T, a *testApp, screen string) {
	t.Helper()
	for _, sz := range stormSizes() {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("%s at %dx%d: panic: %v", screen, sz[0], sz[1], r)
				}
			}()
			a.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			frame := a.Render()
			lines := strings.Split(frame, "\n")
			if len(lines) != sz[1] {
				t.Errorf("%s at %dx%d: %d lines", screen, sz[0], sz[1], len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n > sz[0] {
					t.Errorf("%s at %dx%d: line %d is %d cells wide", screen, sz[0], sz[1], i+1, n)
				}
			}
			small := sz[0] < MinWidth || sz[1] < MinHeight
			if text := strings.Join(strings.Fields(a.screenText()), " "); small && sz[0] >= 20 && !strings.Contains(text, "too small") {
				t.Errorf("%s at %dx%d: no too-small message:\n%s", screen, sz[0], sz[1], a.screenText())
			}
		}()
	}
}

func TestResizeStormEveryScreen(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	screens := []struct {
		name string
		open func()
	}{
		{"welcome", func() {}},
		{"welcome typing", func() { a.press("down", "down", "down", "Sam") }},
		{"number", func() { a.loadPersona("privacy-counsel"); a.gotoQuestion("years-security"); a.press("backspace", "7") }},
		{"certifications", func() { a.gotoQuestion("certs-held"); a.press("cis") }},
		{"rating", func() { a.gotoQuestion("risk-register") }},
		{"scenario", func() { a.gotoQuestion("ransomware-2am"); a.press("down") }},
		{"evidence", func() { a.gotoQuestion("risk-register"); a.press("tab", strings.Repeat("a long evidence note ", 20)) }},
		{"help", func() { a.press("esc"); a.gotoQuestion("risk-register"); a.press("?") }},
		{"leave", func() { a.press("esc", "q") }},
		{"overview", func() { a.press("n"); a.send(overviewMsg{}) }},
		{"readiness", func() { a.send(resultsMsg{}) }},
		{"placement", func() { a.press("2") }},
		{"competencies", func() { a.press("3", "pgdown") }},
		{"gaps", func() { a.press("4", "down") }},
		{"gap detail", func() { a.press("enter") }},
		{"certification status", func() { a.send(resultsMsg{}); a.press("5", "pgdown") }},
		{"export", func() { a.send(saveDialogMsg{}) }},
	}
	for _, s := range screens {
		s.open()
		storm(t, a, s.name)
	}

	m, _ := reviewApp(t, 80, 24, "soc-lead")
	m.c.Previous = previousOf(t, m.c.Bank, "soc-lead", "network-infrastructure", "security-architecture", "cysa-plus")
	mentor := []struct {
		name string
		open func()
	}{
		{"review", func() {}},
		{"mentor panel", func() { m.gotoQuestion("risk-register"); m.press("5", "tab", "notes about it") }},
		{"gap review", func() { m.send(resultsMsg{}); m.press("4", "g", "tab", "tab") }},
		{"sign-off", func() { m.send(gapReviewMsg{role: "ciso", index: 99}) }},
		{"compare", func() { m.send(resultsMsg{}); m.press("c") }},
	}
	for _, s := range mentor {
		s.open()
		storm(t, m, s.name)
	}
}

// TestTooSmallSaysSo: below the minimum the window shows one message that
// fits, from 20x5 up, naming the size needed and the size there is.
func TestTooSmallSaysSo(t *testing.T) {
	for _, sz := range [][2]int{{20, 5}, {30, 6}, {40, 10}, {59, 17}, {59, 40}, {200, 17}} {
		a := newTestApp(t, sz[0], sz[1], Options{})
		text := strings.Join(strings.Fields(a.screenText()), " ")
		for _, want := range []string{"too small", "60×18", fmt.Sprintf("%d×%d", sz[0], sz[1])} {
			if !strings.Contains(text, want) {
				t.Errorf("%dx%d: the message lacks %q:\n%s", sz[0], sz[1], want, a.screenText())
			}
		}
		// Whole: no line cut short, none dropped (it ends a sentence).
		for _, l := range strings.Split(a.screenText(), "\n") {
			if strings.HasSuffix(strings.TrimSpace(l), "…") {
				t.Errorf("%dx%d: the message is cut: %q", sz[0], sz[1], l)
			}
		}
		if !strings.HasSuffix(text, ".") {
			t.Errorf("%dx%d: the message is cut short: %q", sz[0], sz[1], text)
		}
		if sz[0] >= 40 && !strings.Contains(text, "secpath --accessible") {
			t.Errorf("%dx%d: no hint of --accessible: %q", sz[0], sz[1], text)
		}
	}
}
