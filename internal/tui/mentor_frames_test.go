package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestMentorScreensNeverOverflow(t *testing.T) {
	b := defaultBank(t)
	prev := previousOf(t, b, "soc-lead", "network-infrastructure", "security-architecture", "cysa-plus")
	sizes := [][2]int{{60, 18}, {80, 24}, {120, 40}, {140, 24}, {160, 45}, {200, 60}}
	a, _ := reviewApp(t, 80, 24, "soc-lead")
	a.c.Previous = prev
	screens := map[string]func(){
		"review": func() { a.screen = screenReview },
		"rating": func() { a.gotoQuestion("risk-register"); a.press("5") },
		"notes": func() {
			a.gotoQuestion("ransomware-2am")
			a.press("tab", "a long note that goes on and on about what the mentee said")
		},
		"number":         func() { a.gotoQuestion("years-security") },
		"certs":          func() { a.gotoQuestion("certs-held") },
		"competencies":   func() { a.send(resultsMsg{}); a.press("3", "m") },
		"certifications": func() { a.send(resultsMsg{}); a.press("5", "pgdown", "pgdown") },
		"gap-review":     func() { a.send(resultsMsg{}); a.press("4", "g", "tab", "tab", "tab", "bad date", "tab") },
		"action":         func() { a.send(resultsMsg{}); a.press("4", "g", "shift+tab", "shift+tab") },
		"sign-off":       func() { a.send(gapReviewMsg{role: "ciso", index: 99}); a.press("tab", "tab", "tab", "enter") },
		"compare":        func() { a.send(resultsMsg{}); a.press("c", "pgdown") },
	}
	for name, open := range screens {
		open()
		for _, sz := range sizes {
			a.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			t.Run(fmt.Sprintf("%s_%dx%d", name, sz[0], sz[1]), func(t *testing.T) { checkFrame(t, a.Render(), sz[0], sz[1]) })
		}
		a.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	}
	w := newTestApp(t, 60, 18, Options{Mentor: true})
	w.press("down", "down", "down", "down", "down", "down")
	checkFrame(t, w.Render(), 60, 18)
	if !strings.Contains(w.screenText(), "Start the assessment") {
		t.Errorf("the start row scrolled out of a 60x18 welcome:\n%s", w.screenText())
	}
}

// TestMentorGoldenFrames pins the mentor screens at 80x24 and 120x40, and
// the side panel at 160x45.
func TestMentorGoldenFrames(t *testing.T) {
	b := defaultBank(t)
	frames := map[string]func(t *testing.T, w, h int) *testApp{
		"mentor-panel": func(t *testing.T, w, h int) *testApp {
			a := newTestApp(t, w, h, Options{Mentor: true})
			a.startQuick()
			a.gotoQuestion("risk-register")
			a.press("down", "space", "tab", "tab", "tab", "3", "tab", "Ran the quarterly review")
			return a
		},
		"review-rating": func(t *testing.T, w, h int) *testApp {
			a, _ := reviewApp(t, w, h, "soc-lead")
			a.press("Dana", "enter")
			a.gotoQuestion("ransomware-2am")
			a.press("4")
			return a
		},
		"competency-mentor": func(t *testing.T, w, h int) *testApp {
			a, _ := reviewApp(t, w, h, "soc-lead")
			a.press("Dana", "enter")
			a.gotoQuestion("risk-register")
			a.press("4")
			a.send(resultsMsg{})
			a.press("3")
			return a
		},
		"gap-review": func(t *testing.T, w, h int) *testApp {
			a := newTestApp(t, w, h, Options{Mentor: true})
			a.loadPersona("soc-lead")
			a.send(resultsMsg{})
			a.press("4", "g", "right", "tab", "2", "tab", "tab", "2027-13-01", "tab")
			return a
		},
		"gap-review-untouched": func(t *testing.T, w, h int) *testApp {
			a := newTestApp(t, w, h, Options{Mentor: true})
			a.loadPersona("soc-lead")
			a.send(resultsMsg{})
			a.press("4", "g")
			return a
		},
		// The results' gaps after a review: agreed priority first, the gap
		// agreed not to matter last and marked.
		"gaps-reviewed": func(t *testing.T, w, h int) *testApp {
			a := newTestApp(t, w, h, Options{Mentor: true})
			a.loadPersona("soc-lead")
			a.send(resultsMsg{})
			a.press("4", "g", "right", "right", "pgdown", "pgdown", "right", "tab", "1", "esc")
			return a
		},
		// A long note without the focus shows its start.
		"notes-start": func(t *testing.T, w, h int) *testApp {
			a, _ := reviewApp(t, w, h, "soc-lead")
			a.press("Dana", "enter")
			a.gotoQuestion("ransomware-2am")
			a.press("4", "down", "3", "tab", "Called the crisis team at once and kept the evidence; weaker on the board update, which came a day late and without options", "shift+tab")
			return a
		},
		"sign-off": func(t *testing.T, w, h int) *testApp {
			a := newTestApp(t, w, h, Options{Mentor: true})
			a.loadPersona("soc-lead")
			a.send(resultsMsg{})
			a.press("4", "g", "right", "tab", "1", "pgdown", "right", "right")
			a.send(gapReviewMsg{role: "it-security-manager", index: 99})
			return a
		},
		"compare": func(t *testing.T, w, h int) *testApp {
			prev := previousOf(t, b, "soc-lead", "network-infrastructure", "security-architecture", "cysa-plus")
			a := newTestApp(t, w, h, Options{Bank: b, Previous: prev})
			a.loadPersona("soc-lead")
			a.send(resultsMsg{})
			a.press("c")
			return a
		},
	}
	sizes := map[string][][2]int{"mentor-panel": {{160, 45}}, "review-rating": {{160, 45}}}
	for name, setup := range frames {
		for _, size := range append([][2]int{{80, 24}, {120, 40}}, sizes[name]...) {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				a := setup(t, size[0], size[1])
				frame := a.Render()
				checkFrame(t, frame, size[0], size[1])
				golden.RequireEqual(t, ansi.Strip(frame))
			})
		}
	}
}
