package tui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
)

// exportKind is what the save screen writes: the answers file or the plan
// in one of the export formats.
type exportKind struct {
	label  string
	format export.Format // empty for the answers file
	ext    string
}

var exportKinds = []exportKind{
	{"Development plan, Markdown", export.Markdown, ".md"},
	{"Development plan, HTML (prints to PDF)", export.HTML, ".html"},
	{"Development plan, JSON", export.JSON, ".json"},
	{"Plan actions, CSV", export.CSV, ".csv"},
	{"Answers file (for secpath score and plan)", "", ".toml"},
}

// saveScreen exports the plan or the answers to a file of the person's
// choosing, with a preview. It never replaces a file without a second,
// explicit confirmation.
type saveScreen struct {
	screenBase
	c       *Common
	dir     string
	static  bool
	kind    int
	role    string
	name    textinput.Model
	preview []string
	data    []byte
	confirm string // path waiting for "replace?"
	err     string
	busy    bool
}

func newSave(c *Common, opts Options) Screen {
	sv := &saveScreen{c: c, dir: opts.WorkDir, static: c.Static}
	sv.name = textinput.New()
	sv.name.Prompt = ""
	sv.name.CharLimit = 255
	sv.restyle()
	return sv
}

func (sv *saveScreen) restyle() {
	st := textinput.DefaultStyles(sv.c.Styles.IsDark)
	st.Cursor.Blink = !sv.static
	sv.name.SetStyles(st)
}

func (sv *saveScreen) resize() { sv.name.SetWidth(max(20, sv.c.Layout.Content-12)) }

// open prepares an export of the plan for a role (the recommended next
// step when role is empty).
func (sv *saveScreen) open(role string) {
	sv.role = role
	sv.confirm, sv.err, sv.busy = "", "", false
	sv.name.Focus()
	sv.setKind(sv.kind)
}

func (sv *saveScreen) base() string {
	id := "answers"
	if f := sv.c.State.File; f != nil && f.Session.ID != "" {
		id = f.Session.ID
	}
	if sv.kinds()[sv.kind].format == "" {
		return "secpath-answers-" + id
	}
	return "secpath-plan-" + id
}

func (sv *saveScreen) kinds() []exportKind { return exportKinds }

// setKind switches the format, renames the file to match and renders the
// content and its preview. Building the plan is pure and fast, so it runs
// here; only the write is a command.
func (sv *saveScreen) setKind(k int) {
	n := len(sv.kinds())
	sv.kind = (k + n) % n
	kind := sv.kinds()[sv.kind]
	cur := strings.TrimSpace(sv.name.Value())
	if cur == "" || strings.HasPrefix(filepath.Base(cur), "secpath-") {
		sv.name.SetValue(sv.base() + kind.ext)
	} else {
		sv.name.SetValue(strings.TrimSuffix(cur, filepath.Ext(cur)) + kind.ext)
	}
	sv.name.CursorEnd()
	sv.data, sv.err = nil, ""
	var buf bytes.Buffer
	if kind.format == "" {
		if err := storage.WriteAnswers(&buf, sv.c.Bank, sv.c.State.File); err != nil {
			sv.err = err.Error()
		}
	} else {
		p, err := assess.BuildPlan(sv.c.Bank, sv.c.State.File.Answers, assess.PlanOptions{Role: sv.role, Start: sv.c.State.Now()})
		if err == nil {
			err = export.Write(&buf, kind.format, sv.c.Bank, p)
		}
		if err != nil {
			sv.err = err.Error()
		}
	}
	sv.data = buf.Bytes()
	sv.preview = strings.Split(strings.TrimRight(ansi.Strip(buf.String()), "\n"), "\n")
}

func (sv *saveScreen) done(msg exportedMsg) {
	sv.busy = false
	if msg.err != nil {
		sv.err = msg.err.Error()
	}
}

func (sv saveScreen) path() string {
	p := strings.TrimSpace(sv.name.Value())
	if p == "" {
		return ""
	}
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	if !filepath.IsAbs(p) && sv.dir != "" {
		p = filepath.Join(sv.dir, p)
	}
	return p
}

func (sv saveScreen) update(msg tea.Msg) (saveScreen, Next) {
	if m, ok := msg.(exportedMsg); ok {
		sv.done(m)
		if m.err != nil {
			return sv, Next{}
		}
		return sv, Next{Open: backMsg{}, Status: "Saved " + m.path}
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		sv.name, cmd = sv.name.Update(msg)
		return sv, stay(cmd)
	}
	k := sv.c.Keys
	switch {
	case keyIs(km, k.Back):
		return sv, goTo(backMsg{})
	case km.String() == "up", km.String() == "shift+tab":
		sv.setKind(sv.kind - 1)
		sv.confirm = ""
		return sv, Next{}
	case km.String() == "down", km.String() == "tab":
		sv.setKind(sv.kind + 1)
		sv.confirm = ""
		return sv, Next{}
	case keyIs(km, k.Choose):
		if sv.busy || sv.data == nil {
			return sv, Next{}
		}
		p := sv.path()
		if p == "" {
			sv.err = "Type a file name."
			return sv, Next{}
		}
		overwrite := sv.confirm == p
		if _, err := os.Stat(p); err == nil && !overwrite {
			// Looking for the file reads, never writes; the write itself
			// refuses to replace it too unless confirmed.
			sv.confirm, sv.err = p, ""
			return sv, Next{}
		}
		sv.busy = true
		data := sv.data
		return sv, stay(func() tea.Msg {
			err := storage.WriteFileAtomic(p, data, overwrite)
			if errors.Is(err, storage.ErrExists) {
				return exportedMsg{path: p, err: errors.New(p + " already exists; press enter again to replace it")}
			}
			return exportedMsg{path: p, err: err}
		})
	}
	sv.confirm, sv.err = "", ""
	var cmd tea.Cmd
	sv.name, cmd = sv.name.Update(msg)
	return sv, stay(cmd)
}

func (sv saveScreen) View() string {
	s := sv.c.Styles
	width := sv.c.Layout.Content
	kind := sv.kinds()[sv.kind]
	lines := []string{s.Section.Render("Export")}
	lines = append(lines, s.Muted.Render("Format  ")+s.Accent.Render("▴ ")+s.Strong.Render(kind.label)+s.Accent.Render(" ▾"))
	lines = append(lines, s.Muted.Render("File    ")+sv.name.View())
	if kind.format != "" {
		role := sv.role
		if r := sv.c.Bank.Role(role); r != nil {
			role = r.Title
		} else {
			role = "your recommended next step"
		}
		lines = append(lines, s.Muted.Render("Plan for ")+s.Text.Render(truncate(role, max(10, width-24)))+s.Subtle.Render(", starting today"))
	}
	if sv.confirm != "" {
		lines = append(lines, hanging("", sv.confirm+" already exists. Press enter again to replace it, or change the name.", width, s.Warn.Render)...)
	}
	if sv.err != "" {
		lines = append(lines, hanging("", sv.err, width, s.ErrorText.Render)...)
	}
	lines = append(lines, s.Subtle.Render(strings.Repeat("─", min(width, 60))+" preview"))
	room := max(0, sv.c.Layout.Body-len(lines))
	for i, l := range sv.preview {
		if i >= room {
			break
		}
		lines = append(lines, s.Muted.Render(ansi.Truncate(l, width, "…")))
	}
	return strings.Join(lines, "\n")
}

func (sv saveScreen) keys() helpKeys {
	k := sv.c.Keys
	short := []key.Binding{withHelp(k.Choose, "enter", "save"), withHelp(k.Up, "↑/↓", "format"), withHelp(k.Back, "esc", "cancel")}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}

// Update chooses the format and the file, and writes it; the write's
// report comes back here even when another screen is on show.
func (sv *saveScreen) Update(msg tea.Msg) Next {
	next, n := sv.update(msg)
	*sv = next
	return n
}

// Open prepares the export for the destination's role.
func (sv *saveScreen) Open(to Destination) {
	if d, ok := to.(saveDialogMsg); ok {
		sv.open(d.role)
	}
}

func (sv *saveScreen) Header(int) (title, right, progress string) { return "export", "", "" }
func (sv *saveScreen) SetSize(Layout)                             { sv.resize() }
func (sv *saveScreen) SetStyles(*Styles)                          { sv.restyle() }
func (sv *saveScreen) Keys() helpKeys                             { return sv.keys() }

// Typing is always true: the file name has the focus.
func (sv *saveScreen) Typing() bool { return true }
