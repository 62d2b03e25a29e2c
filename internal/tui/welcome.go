package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
	rowOrg // shown when the bank asks the organisation's size
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
	name    textinput.Model
	// current is the current role; picker, open while picking, finds it.
	current currentRole
	picker  rolePicker
	picking bool
	org     orgField
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
	w.picker = newRolePicker(c)
	w.org = newOrgField(c)
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
	w.picker.restyle()
	w.org.restyle()
}

func (w *welcomeScreen) resize() {
	w.name.SetWidth(min(40, w.c.Layout.Content-20))
	w.mname.SetWidth(min(40, w.c.Layout.Content-20))
	w.picker.resize()
	w.org.resize()
}

// typing reports whether letters are text: in the name fields, the
// organisation's size, and the current role, where typing starts the
// search.
func (w welcomeScreen) typing() bool {
	return w.picking || w.row == rowName || w.row == rowMentorName || w.row == rowRole || w.row == rowOrg
}

// rows lists the rows on show, top to bottom.
func (w welcomeScreen) rows() []int {
	var rs []int
	if w.offer != nil {
		rs = append(rs, rowResume)
	}
	rs = append(rs, rowMode, rowTarget, rowName, rowRole)
	if w.org.q != nil {
		rs = append(rs, rowOrg)
	}
	rs = append(rs, rowMentor)
	if w.mentor {
		rs = append(rs, rowMentorName)
	}
	return append(rs, rowStart)
}

func (w welcomeScreen) update(msg tea.Msg) (welcomeScreen, Next) {
	if w.picking {
		return w.pick(msg)
	}
	k := w.c.Keys
	if p, ok := msg.(tea.PasteMsg); ok {
		return w.paste(p)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return w, Next{}
	}
	arrow := km.Text == "" // an arrow key, not a letter typed
	switch {
	case keyIs(km, k.Up) && (arrow || !w.typing()), keyIs(km, k.PrevField):
		w.move(-1)
	case keyIs(km, k.Down) && (arrow || !w.typing()), keyIs(km, k.NextField):
		w.move(1)
	case w.row == rowRole:
		// Enter, space or → open the list; typing starts the search.
		if keyIs(km, k.Choose) || keyIs(km, k.Select) || (arrow && keyIs(km, k.Right)) {
			return w.openPicker(nil)
		}
		if km.Text != "" {
			return w.openPicker(msg)
		}
	case keyIs(km, k.Choose):
		return w.start()
	case w.row == rowName:
		var cmd tea.Cmd
		w.name, cmd = w.name.Update(msg)
		return w, stay(cmd)
	case w.row == rowMentorName:
		var cmd tea.Cmd
		w.mname, cmd = w.mname.Update(msg)
		return w, stay(cmd)
	case w.row == rowOrg:
		before := w.org.input.Value()
		var cmd tea.Cmd
		w.org.input, cmd = w.org.input.Update(msg)
		if w.org.input.Value() != before {
			w.org.err = ""
		}
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
		case rowMentor:
			w.mentor = !w.mentor
		}
	}
	return w, Next{}
}

// move goes d rows up or down, focusing the field of the row it lands
// on. Leaving the organisation's size says what is wrong with it.
func (w *welcomeScreen) move(d int) {
	if w.row == rowOrg {
		w.org.check()
	}
	rs := w.rows()
	i := max(0, min(len(rs)-1, slices.Index(rs, w.row)+d))
	w.row = rs[i]
	w.name.Blur()
	w.mname.Blur()
	w.org.input.Blur()
	switch w.row {
	case rowName:
		w.name.Focus()
	case rowMentorName:
		w.mname.Focus()
	case rowOrg:
		w.org.input.Focus()
	}
}

// paste puts pasted text into the field on show; on the current role it
// starts the search with it.
func (w welcomeScreen) paste(msg tea.PasteMsg) (welcomeScreen, Next) {
	var cmd tea.Cmd
	switch w.row {
	case rowName:
		w.name, cmd = w.name.Update(msg)
	case rowMentorName:
		w.mname, cmd = w.mname.Update(msg)
	case rowOrg:
		w.org.input, cmd = w.org.input.Update(msg)
		w.org.err = ""
	case rowRole:
		return w.openPicker(msg)
	}
	return w, stay(cmd)
}

// openPicker opens the current-role picker on the role chosen so far,
// and hands it the key or paste that opened it, if any.
func (w welcomeScreen) openPicker(first tea.Msg) (welcomeScreen, Next) {
	w.picking = true
	if first == nil {
		w.picker.open(w.current)
		return w, Next{}
	}
	w.picker.open(currentRole{})
	return w.pick(first)
}

// pick hands a message to the open picker and keeps the line it picks.
func (w welcomeScreen) pick(msg tea.Msg) (welcomeScreen, Next) {
	p, picked, closed, cmd := w.picker.update(msg)
	w.picker = p
	if picked != nil {
		w.current = picked.choose(w.c.Bank)
	}
	if closed {
		w.picking = false
	}
	return w, stay(cmd)
}

// start begins the assessment set up, or resumes the one offered. A head
// count the question does not take keeps the person on its row, with
// the problem.
func (w welcomeScreen) start() (welcomeScreen, Next) {
	mentorName := ""
	if w.mentor {
		mentorName = strings.TrimSpace(w.mname.Value())
	}
	if w.row == rowResume {
		return w, Next{Start: &startRequest{resume: true, mentor: w.mentor, mentorName: mentorName}}
	}
	if !w.org.check() {
		rs := w.rows()
		w.move(slices.Index(rs, rowOrg) - slices.Index(rs, w.row))
		return w, Next{}
	}
	mode := assess.Full
	if w.quick {
		mode = assess.Quick
	}
	return w, Next{Start: &startRequest{mode: mode, target: w.targets[w.target].id, name: strings.TrimSpace(w.name.Value()),
		role: w.current.value, answers: w.org.answers(), mentor: w.mentor, mentorName: mentorName}}
}

// Welcome texts: the introduction, and the shorter one for a window
// with no room for it.
const (
	welcomeIntro = welcomeAbout + ", with no account and no network."
	welcomeAbout = "How far do you stand from IT Security Manager or CISO, why, and what should you do next? " +
		"Rate what you have actually done, answer a few real leadership scenarios, and get your readiness for every role, " +
		"the gaps that matter most and a path to follow"
	welcomeShort = "How far do you stand from IT Security Manager or CISO, and what should you do next?"
)

// intro is the welcome's introduction; a host that keeps the answers
// elsewhere (the workshop server) says where instead of "no network".
func (w welcomeScreen) intro() string {
	if w.c.Privacy != "" {
		return welcomeAbout + ". " + w.c.Privacy
	}
	return welcomeIntro
}

// labelWidth is the cells before a row's value: the marker and label.
const labelWidth = 16

func (w welcomeScreen) View() string {
	if w.picking {
		return w.picker.view()
	}
	s := w.c.Styles
	width := w.c.Layout.Content
	form, focus := w.form(false)
	if hinted, f := w.form(true); len(hinted) != len(form) && len(wrap(w.intro(), width))+1+len(hinted) <= w.c.Layout.Body {
		form, focus = hinted, f
	}
	intro := wrap(w.intro(), width)
	if len(intro)+1+len(form) > w.c.Layout.Body {
		intro = wrap(welcomeShort, width)
	}
	var lines []string
	for _, l := range intro {
		lines = append(lines, s.Text.Render(l))
	}
	lines = append(append(lines, ""), form...)
	out, _ := scrollWindow(lines, len(intro)+1+focus, w.c.Layout.Body, 0)
	return strings.Join(out, "\n")
}

// form draws the rows and the start button, and says which line has the
// focus. hint adds the line on who counts under the organisation's size
// while it has the focus, for a window with room for it.
func (w welcomeScreen) form(hint bool) ([]string, int) {
	s := w.c.Styles
	quick, full := len(w.c.Bank.QuestionsAsked(assess.Quick, nil)), len(w.c.Bank.QuestionsAsked(assess.Full, nil))
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
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
	under := func(text string) { add(strings.Repeat(" ", labelWidth) + text) }
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
	row(rowRole, "Current role", w.roleValue())
	for _, l := range w.roleNote() {
		under(l)
	}
	if w.org.q != nil {
		field := w.org.input.View() + " "
		row(rowOrg, "Organisation", field+w.org.note(w.c.Layout.Content-labelWidth-ansi.StringWidth(field)))
		if w.org.err != "" {
			for _, l := range wrap(w.org.err, w.c.Layout.Content-labelWidth) {
				under(s.Warn.Render(l))
			}
		} else if hint && w.row == rowOrg {
			for _, l := range wrap(orgHint, w.c.Layout.Content-labelWidth) {
				under(s.Subtle.Render(l))
			}
		}
	}
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
	return lines, focus
}

// roleValue is the current role as the row shows it: the words given,
// the role's title, or what happens without one.
func (w welcomeScreen) roleValue() string {
	s := w.c.Styles
	switch {
	case w.current.words != "":
		return s.Strong.Render(w.current.words)
	case w.current.role != nil:
		return s.Strong.Render(w.current.role.Title)
	case w.row == rowRole:
		return s.Muted.Render(longest(w.c.Layout.Content-labelWidth, "type to search, or enter for the list", "type, or enter for the list"))
	}
	return s.Muted.Render(longest(w.c.Layout.Content-labelWidth, "not given: we'll place you from your answers", "not given"))
}

// longest is the first of the texts that fits width cells, else the last.
func longest(width int, texts ...string) string {
	for _, t := range texts {
		if ansi.StringWidth(t) <= width {
			return t
		}
	}
	return texts[len(texts)-1]
}

// roleNote says, under the row, which role the words given match, in
// lines that fit beside the labels.
func (w welcomeScreen) roleNote() []string {
	s := w.c.Styles
	width := w.c.Layout.Content - labelWidth
	switch {
	case w.current.words == "":
		return nil
	case w.current.role == nil:
		return []string{s.Muted.Render(longest(width, "No role matched: we'll place you from your answers.", "No role matched."))}
	}
	return hanging("", "Matched to: "+w.current.role.Title, width, s.Muted.Render)
}

func (w welcomeScreen) keys() helpKeys {
	k := w.c.Keys
	if w.picking {
		return w.picker.keys()
	}
	short := []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Left, "←/→", "change"), withHelp(k.Choose, "enter", "start")}
	if w.row == rowResume {
		short[2] = withHelp(k.Choose, "enter", "resume")
	}
	switch {
	case w.row == rowRole:
		short = []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Choose, "enter", "list"), withHelp(k.Select, "type", "search")}
	case w.typing():
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
