package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/internal/questionnaire"
)

// overviewRow is one section of the quiz, or the results entry.
type overviewRow struct {
	title       string
	first       int // index of its first question in the mode
	jump        int // index to open: the first unanswered, else the first
	done, total int
	results     bool
}

// overviewScreen lists the sections with their completion and jumps to
// any of them.
type overviewScreen struct {
	screenBase
	c      *Common
	rows   []overviewRow
	cursor int
}

func newOverview(c *Common, _ Options) Screen { return &overviewScreen{c: c} }

// refresh recounts the sections from the session.
func (o *overviewScreen) refresh() {
	st := o.c.State
	o.rows = o.rows[:0]
	if st.File == nil {
		return
	}
	// The sections as the questionnaire counts them, the cursor on the
	// one the person is in.
	e := questionnaire.New(o.c.Bank, st.File.Answers, st.File.Session.Position, st.Now)
	o.cursor = 0
	for n, sec := range e.Sections() {
		o.rows = append(o.rows, overviewRow{title: sec.Title, first: sec.First, jump: sec.FirstOpen, done: sec.Done, total: sec.Total})
		if sec.First <= e.Index() {
			o.cursor = n
		}
	}
	o.rows = append(o.rows, overviewRow{title: "See your results", results: true})
}

func (o overviewScreen) update(msg tea.Msg) (overviewScreen, Next) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || len(o.rows) == 0 {
		return o, Next{}
	}
	k := o.c.Keys
	switch {
	case keyIs(km, k.Up):
		o.cursor = (o.cursor + len(o.rows) - 1) % len(o.rows)
	case keyIs(km, k.Down):
		o.cursor = (o.cursor + 1) % len(o.rows)
	case keyIs(km, k.Choose), keyIs(km, k.Select):
		r := o.rows[o.cursor]
		if r.results {
			return o, goTo(resultsMsg{})
		}
		return o, goTo(gotoQuestionMsg{index: r.jump})
	case keyIs(km, k.Results):
		return o, goTo(resultsMsg{})
	case keyIs(km, k.Back):
		return o, goTo(gotoQuestionMsg{index: o.currentIndex()})
	}
	return o, Next{}
}

func (o overviewScreen) currentIndex() int {
	for i, q := range o.c.State.Questions(o.c.Bank) {
		if q.ID == o.c.State.File.Session.Position {
			return i
		}
	}
	return 0
}

func (o overviewScreen) View() string {
	s := o.c.Styles
	width := o.c.Layout.Content
	lines := []string{s.Section.Render("Sections"), s.Muted.Render("Jump to any section; a tick means every question in it is answered or skipped."), ""}
	focus := 0
	for i, r := range o.rows {
		pointer := "  "
		if i == o.cursor {
			pointer = s.Cursor.Render("› ")
			focus = len(lines)
		}
		if r.results {
			lines = append(lines, "")
			label := s.Accent.Render("[ " + r.title + " ]")
			if i == o.cursor {
				label = s.Selected.Render("[ " + r.title + " ]")
			}
			lines = append(lines, pointer+label)
			continue
		}
		mark := s.Muted.Render("○")
		switch {
		case r.done == r.total:
			mark = s.Good.Render("✓")
		case r.done > 0:
			mark = s.Warn.Render("◐")
		}
		count := fmt.Sprintf("%d/%d", r.done, r.total)
		barW := max(6, min(20, width-52))
		title := r.title
		if i == o.cursor {
			title = s.Strong.Render(fmt.Sprintf("%-34s", truncate(title, 34)))
		} else {
			title = s.Text.Render(fmt.Sprintf("%-34s", truncate(title, 34)))
		}
		lines = append(lines, fmt.Sprintf("%s%s %s %s %s", pointer, mark, title, bar(s, float64(r.done)/float64(max(1, r.total)), barW), s.Muted.Render(count)))
	}
	out, _ := scrollWindow(lines, focus, o.c.Layout.Body, 0)
	return strings.Join(out, "\n")
}

func (o overviewScreen) keys() helpKeys {
	k := o.c.Keys
	short := []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Choose, "enter", "open"), k.Results, withHelp(k.Back, "esc", "back to question")}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}

// plural adds an s when n is not 1.
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Update moves between the sections and opens one.
func (o *overviewScreen) Update(msg tea.Msg) Next {
	next, n := o.update(msg)
	*o = next
	return n
}

// Open counts the sections afresh.
func (o *overviewScreen) Open(Destination) { o.refresh() }

func (o *overviewScreen) Header(int) (title, right, progress string) { return "sections", "", "" }
func (o *overviewScreen) Keys() helpKeys                             { return o.keys() }
