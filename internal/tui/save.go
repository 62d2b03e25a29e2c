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

	"github.com/secpath/secpath/internal/storage"
)

// saveScreen writes the answers to a file of the person's choosing, in the
// answers format that `secpath score` and `secpath plan` read. It never
// replaces a file without a second, explicit confirmation.
type saveScreen struct {
	c       *Common
	dir     string
	static  bool
	name    textinput.Model
	confirm string // path waiting for "replace?"
	err     string
	busy    bool
}

func newSave(c *Common, dir string, static bool) saveScreen {
	sv := saveScreen{c: c, dir: dir, static: static}
	sv.name = textinput.New()
	sv.name.Prompt = "File: "
	sv.name.CharLimit = 255
	sv.restyle()
	return sv
}

func (sv *saveScreen) restyle() {
	st := textinput.DefaultStyles(sv.c.Styles.IsDark)
	st.Cursor.Blink = !sv.static
	sv.name.SetStyles(st)
}

func (sv *saveScreen) resize() { sv.name.SetWidth(max(20, sv.c.Layout.Content-8)) }

func (sv *saveScreen) open() {
	id := "answers"
	if f := sv.c.State.File; f != nil && f.Session.ID != "" {
		id = f.Session.ID
	}
	sv.name.SetValue("secpath-" + id + ".toml")
	sv.name.CursorEnd()
	sv.name.Focus()
	sv.confirm, sv.err, sv.busy = "", "", false
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

func (sv saveScreen) Update(msg tea.Msg) (saveScreen, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		sv.name, cmd = sv.name.Update(msg)
		return sv, cmd
	}
	k := sv.c.Keys
	switch {
	case keyIs(km, k.Back):
		return sv, sv.c.emit(backMsg{})
	case keyIs(km, k.Choose):
		if sv.busy {
			return sv, nil
		}
		p := sv.path()
		if p == "" {
			sv.err = "Type a file name."
			return sv, nil
		}
		overwrite := sv.confirm == p
		if _, err := os.Stat(p); err == nil && !overwrite {
			// Checking for the file here reads, never writes; the write
			// itself refuses to replace it too unless confirmed.
			sv.confirm = p
			sv.err = ""
			return sv, nil
		}
		var buf bytes.Buffer
		if err := storage.WriteAnswers(&buf, sv.c.Bank, sv.c.State.File); err != nil {
			sv.err = err.Error()
			return sv, nil
		}
		sv.busy = true
		data := buf.Bytes()
		return sv, func() tea.Msg {
			err := storage.WriteFileAtomic(p, data, overwrite)
			if errors.Is(err, storage.ErrExists) {
				return exportedMsg{path: p, err: errors.New(p + " already exists; press enter again to replace it")}
			}
			return exportedMsg{path: p, err: err}
		}
	}
	sv.confirm, sv.err = "", ""
	var cmd tea.Cmd
	sv.name, cmd = sv.name.Update(msg)
	return sv, cmd
}

func (sv saveScreen) View() string {
	s := sv.c.Styles
	width := sv.c.Layout.Content
	lines := []string{s.Section.Render("Save your answers")}
	lines = append(lines, hanging("", "Writes the answers file (TOML) that `secpath score FILE` and `secpath plan FILE` read. It is created readable only by you.", width, s.Muted.Render)...)
	lines = append(lines, "", sv.name.View(), "")
	if sv.confirm != "" {
		lines = append(lines, hanging("", sv.confirm+" already exists. Press enter again to replace it, or change the name.", width, s.Warn.Render)...)
	}
	if sv.err != "" {
		lines = append(lines, hanging("", sv.err, width, s.ErrorText.Render)...)
	}
	return strings.Join(lines, "\n")
}

func (sv saveScreen) keys() helpKeys {
	k := sv.c.Keys
	short := []key.Binding{withHelp(k.Choose, "enter", "save"), withHelp(k.Back, "esc", "cancel")}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}
