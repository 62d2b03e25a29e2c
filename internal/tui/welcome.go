package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/questionnaire"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

// welcome rows, top to bottom.
const (
	rowResume = iota
	rowMode
	rowTarget
	rowName
	rowRole
	rowMentor
	rowMentorName // shown only in mentor mode
	rowStart
)

type choice struct{ id, label string }

// welcomeScreen explains secpath and sets up a new assessment, or offers
// to resume an unfinished one.
type welcomeScreen struct {
	screenBase
	c       *Common
	offer   *storage.SessionInfo
	row     int
	quick   bool
	targets []choice
	target  int
	roles   []choice
	role    int
	name    textinput.Model
	mentor  bool
	mname   textinput.Model // the mentor's name
}

func newWelcome(c *Common, opts Options) Screen {
	offer := opts.Offer
	w := &welcomeScreen{c: c, offer: offer, mentor: c.State.Mentor}
	// The bank's featured roles first: they are why most people come.
	for _, r := range questionnaire.TargetRoles(c.Bank) {
		w.targets = append(w.targets, choice{r.ID, r.Title})
	}
	w.roles = []choice{{"", "Not listed, or rather not say"}}
	for _, r := range c.Bank.Roles {
		w.roles = append(w.roles, choice{r.ID, r.Title})
	}
	w.targets = append(w.targets, choice{"", "Not sure: recommend one"})
	w.target = len(w.targets) - 1
	w.name = textinput.New()
	w.name.Prompt = ""
	w.name.Placeholder = "optional"
	w.name.CharLimit = 80
	w.mname = textinput.New()
	w.mname.Prompt = ""
	w.mname.Placeholder = "optional"
	w.mname.CharLimit = 80
	w.row = rowMode
	if offer != nil {
		w.row = rowResume
	}
	w.restyle()
	return w
}

func (w *welcomeScreen) restyle() {
	st := textinput.DefaultStyles(w.c.Styles.IsDark)
	st.Cursor.Blink = false
	w.name.SetStyles(st)
	w.mname.SetStyles(st)
}

func (w *welcomeScreen) resize() {
	w.name.SetWidth(min(40, w.c.Layout.Content-20))
	w.mname.SetWidth(min(40, w.c.Layout.Content-20))
}

func (w welcomeScreen) typing() bool { return w.row == rowName || w.row == rowMentorName }

// rows lists the rows on show, top to bottom.
func (w welcomeScreen) rows() []int {
	var rs []int
	if w.offer != nil {
		rs = append(rs, rowResume)
	}
	rs = append(rs, rowMode, rowTarget, rowName, rowRole, rowMentor)
	if w.mentor {
		rs = append(rs, rowMentorName)
	}
	return append(rs, rowStart)
}

func (w welcomeScreen) update(msg tea.Msg) (welcomeScreen, Next) {
	k := w.c.Keys
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return w, Next{}
	}
	move := func(d int) {
		rs := w.rows()
		i := max(0, min(len(rs)-1, slices.Index(rs, w.row)+d))
		w.row = rs[i]
		w.name.Blur()
		w.mname.Blur()
		switch w.row {
		case rowName:
			w.name.Focus()
		case rowMentorName:
			w.mname.Focus()
		}
	}
	switch {
	case keyIs(km, k.Up) && !(w.typing() && km.Text != ""), keyIs(km, k.PrevField):
		move(-1)
	case keyIs(km, k.Down) && !(w.typing() && km.Text != ""), keyIs(km, k.NextField):
		move(1)
	case keyIs(km, k.Choose):
		mentorName := ""
		if w.mentor {
			mentorName = strings.TrimSpace(w.mname.Value())
		}
		if w.row == rowResume {
			return w, Next{Start: &startRequest{resume: true, mentor: w.mentor, mentorName: mentorName}}
		}
		mode := assess.Full
		if w.quick {
			mode = assess.Quick
		}
		return w, Next{Start: &startRequest{mode: mode, target: w.targets[w.target].id, name: strings.TrimSpace(w.name.Value()), role: w.roles[w.role].id, mentor: w.mentor, mentorName: mentorName}}
	case w.row == rowName:
		var cmd tea.Cmd
		w.name, cmd = w.name.Update(msg)
		return w, stay(cmd)
	case w.row == rowMentorName:
		var cmd tea.Cmd
		w.mname, cmd = w.mname.Update(msg)
		return w, stay(cmd)
	case keyIs(km, k.Left), keyIs(km, k.Right), keyIs(km, k.Select):
		d := 1
		if keyIs(km, k.Left) {
			d = -1
		}
		switch w.row {
		case rowMode:
			w.quick = !w.quick
		case rowTarget:
			w.target = (w.target + d + len(w.targets)) % len(w.targets)
		case rowRole:
			w.role = (w.role + d + len(w.roles)) % len(w.roles)
		case rowMentor:
			w.mentor = !w.mentor
		}
	}
	return w, Next{}
}

func (w welcomeScreen) View() string {
	s := w.c.Styles
	width := w.c.Layout.Content
	quick, full := len(w.c.Bank.QuestionsAsked(assess.Quick, nil)), len(w.c.Bank.QuestionsAsked(assess.Full, nil))
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
	intro := "How far do you stand from IT Security Manager or CISO, why, and what should you do next? " +
		"Rate what you have actually done, answer a few real leadership scenarios, and get your readiness for every role, " +
		"the gaps that matter most and a path to follow."
	for _, l := range wrap(intro, width) {
		add(s.Text.Render(l))
	}
	if !w.c.Layout.Compact {
		add("")
	}
	if w.c.Privacy != "" {
		for _, l := range wrap(w.c.Privacy, width) {
			add(s.Muted.Render(l))
		}
		add("")
	} else {
		add(s.Muted.Render("Everything stays on this machine: no account, no network."), "")
	}

	focus := 0
	row := func(r int, label, value string) {
		marker := "  "
		lab := s.Muted.Render(fmt.Sprintf("%-14s", label))
		if w.row == r {
			focus = len(lines)
			marker = s.Cursor.Render("› ")
			lab = s.Accent.Render(fmt.Sprintf("%-14s", label))
		}
		add(marker + lab + value)
	}
	if w.offer != nil {
		o := w.offer
		started := o.Started.Local().Format("Mon 2 Jan 15:04")
		val := s.Strong.Render(fmt.Sprintf("started %s, %d of %d answered", started, o.Answered, o.Asked))
		if o.Name != "" {
			val = s.Strong.Render(o.Name+": ") + val
		}
		row(rowResume, "Resume", val)
		add("")
	}
	arrows := func(r int, v string) string {
		if w.row == r {
			return s.Accent.Render("◂ ") + s.Strong.Render(v) + s.Accent.Render(" ▸")
		}
		return s.Text.Render(v)
	}
	modeText := fmt.Sprintf("Full: %s, %d questions", wording.Minutes(full), full)
	if w.quick {
		modeText = fmt.Sprintf("Quick: %s, %d questions", wording.Minutes(quick), quick)
	}
	row(rowMode, "Length", arrows(rowMode, modeText))
	row(rowTarget, "Aiming for", arrows(rowTarget, w.targets[w.target].label))
	nameLabel := "Your name"
	if w.mentor {
		nameLabel = "Mentee's name"
	}
	row(rowName, nameLabel, w.name.View())
	row(rowRole, "Current role", arrows(rowRole, w.roles[w.role].label))
	mentorText := "off"
	if w.mentor {
		mentorText = "on: a mentor panel on every question"
	}
	row(rowMentor, "Mentor mode", arrows(rowMentor, mentorText))
	if w.mentor {
		row(rowMentorName, "Mentor's name", w.mname.View())
	}
	add("")
	start := "[ Start the assessment ]"
	if w.offer != nil {
		start = "[ Start a new assessment ]"
	}
	if w.row == rowStart {
		focus = len(lines)
		add(s.Cursor.Render("› ") + s.Selected.Render(start))
	} else {
		add("  " + s.Accent.Render(start))
	}
	if !w.c.Layout.Compact {
		add("", s.Subtle.Render("Targets stay hidden while you answer, so nothing nudges your ratings."))
	}
	out, _ := scrollWindow(lines, focus, w.c.Layout.Body, 0)
	return strings.Join(out, "\n")
}

func (w welcomeScreen) keys() helpKeys {
	k := w.c.Keys
	short := []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Left, "←/→", "change"), withHelp(k.Choose, "enter", "start")}
	if w.row == rowResume {
		short[2] = withHelp(k.Choose, "enter", "resume")
	}
	if w.typing() {
		short = []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Choose, "enter", "start")}
	}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}

// Update moves between the rows and starts the assessment.
func (w *welcomeScreen) Update(msg tea.Msg) Next {
	next, n := w.update(msg)
	*w = next
	return n
}

// Header is the program's strapline.
func (w *welcomeScreen) Header(int) (title, right, progress string) {
	return "security leadership self-assessment", "", ""
}

func (w *welcomeScreen) SetSize(Layout)    { w.resize() }
func (w *welcomeScreen) SetStyles(*Styles) { w.restyle() }
func (w *welcomeScreen) Keys() helpKeys    { return w.keys() }
func (w *welcomeScreen) Typing() bool      { return w.typing() }
