package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
)

// reviewScreen opens a mentee's file for review: whose assessment it is,
// how far it got, what the mentor has already recorded, and the mentor's
// name. Enter goes on to the results, or to the sections when the
// assessment is unfinished.
type reviewScreen struct {
	screenBase
	c      *Common
	static bool
	name   textinput.Model
}

func newReview(c *Common, _ Options) Screen {
	r := &reviewScreen{c: c, static: c.Static}
	r.name = textinput.New()
	r.name.Prompt = ""
	r.name.Placeholder = "your name, as it goes on the sign-off"
	r.name.CharLimit = 80
	r.restyle()
	r.resize()
	return r
}

func (r *reviewScreen) restyle() {
	st := textinput.DefaultStyles(r.c.Styles.IsDark)
	st.Cursor.Blink = !r.static
	r.name.SetStyles(st)
}

func (r *reviewScreen) resize() { r.name.SetWidth(max(10, min(40, r.c.Layout.Content-18))) }

// open fills the name from the mentor's view, when the file has one.
func (r *reviewScreen) open() {
	r.name.SetValue("")
	if m := r.c.State.mentorView(); m != nil {
		r.name.SetValue(m.Name)
	}
	r.name.CursorEnd()
	r.name.Focus()
}

func (r reviewScreen) update(msg tea.Msg) (reviewScreen, Next) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		r.name, cmd = r.name.Update(msg)
		return r, stay(cmd)
	}
	k := r.c.Keys
	if keyIs(km, k.Choose) {
		st := r.c.State
		name := strings.TrimSpace(r.name.Value())
		cur := ""
		if m := st.mentorView(); m != nil {
			cur = m.Name
		}
		n := goTo(overviewMsg{})
		if unanswered(r.c.Bank, st.File) == 0 {
			n = goTo(resultsMsg{})
		}
		if name != "" && name != cur {
			st.MentorName = name
			r.c.mentor().SetName(name)
			n = n.saving()
		}
		return r, n
	}
	var cmd tea.Cmd
	r.name, cmd = r.name.Update(msg)
	return r, stay(cmd)
}

func (r reviewScreen) View() string {
	st := r.c.State
	if st.File == nil {
		return ""
	}
	s := r.c.Styles
	b := r.c.Bank
	width := r.c.Layout.Content
	a := st.File.Answers
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
	who := a.Profile.Name
	if who == "" {
		who = "an unnamed mentee"
	}
	add(s.Section.Render("Review of " + truncate(who, max(10, width-12)) + "'s assessment"))
	field := func(label, value string) {
		add(hanging(s.Muted.Render(fmt.Sprintf("%-10s", label)), value, width, s.Text.Render)...)
	}
	role := a.Profile.CurrentRole
	if ro := b.Role(role); ro != nil {
		role = ro.Title
	}
	if role != "" {
		field("Now", role)
	}
	target := "a recommendation"
	if ro := b.Role(a.Target); ro != nil {
		target = ro.Title
	}
	field("Aiming", target)
	asked := len(st.Questions(b))
	done := asked - unanswered(b, st.File)
	mode := "Full"
	if a.Mode == assess.Quick {
		mode = "Quick"
	}
	progress := fmt.Sprintf("%s: %d of %d answered", mode, done, asked)
	if done == asked {
		progress += ", finished"
	}
	add(s.Muted.Render(fmt.Sprintf("%-10s", "Progress")) + bar(s, float64(done)/float64(max(1, asked)), min(20, max(6, width-50))) + " " + s.Text.Render(progress))
	if t := st.File.Session.Updated; !t.IsZero() {
		field("Saved", t.Local().Format("Mon 2 Jan 2006 15:04"))
	}
	field("File", st.Path)
	add("")
	m := st.mentorView()
	if m == nil {
		add(s.Muted.Render("No mentor's view yet."))
	} else {
		text := fmt.Sprintf("Mentor's view so far: %s, %s", plural(r.c.mentor().Rated(), "competency rating"), plural(len(m.Gaps), "reviewed gap"))
		if m.SignOff.Signed() {
			text += ", signed off " + m.SignOff.Date.Format("2006-01-02")
		}
		add(hanging("", text+".", width, s.Text.Render)...)
	}
	add(hanging("", "The mentee's answers are read-only. Your ratings, notes, agreed gaps and sign-off are saved beside them, in the same file.", width, s.Muted.Render)...)
	add("", s.Accent.Render("Mentor's name  ")+r.name.View(), "")
	next := "results"
	if done < asked {
		next = "sections (the assessment is unfinished)"
	}
	add(s.Subtle.Render("enter: on to the " + next))
	return strings.Join(lines, "\n")
}

func (r reviewScreen) keys() helpKeys {
	k := r.c.Keys
	short := []key.Binding{withHelp(k.Choose, "enter", "start the review")}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}

// Update takes the mentor's name and goes on to the assessment.
func (r *reviewScreen) Update(msg tea.Msg) Next {
	next, n := r.update(msg)
	*r = next
	return n
}

// Open fills the mentor's name from the file.
func (r *reviewScreen) Open(Destination) { r.open() }

func (r *reviewScreen) Header(int) (title, right, progress string) { return "mentor review", "", "" }
func (r *reviewScreen) SetSize(Layout)                             { r.resize() }
func (r *reviewScreen) SetStyles(*Styles)                          { r.restyle() }
func (r *reviewScreen) Keys() helpKeys                             { return r.keys() }

// Typing is always true: the mentor's name has the focus.
func (r *reviewScreen) Typing() bool { return true }
