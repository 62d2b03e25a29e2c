package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
)

// exportKind is what the save screen writes: the answers file or the plan
// in one of the export formats.
type exportKind struct {
	label  string
	short  string        // the format in a sentence
	format export.Format // empty for the answers file
	ext    string
}

// exportKinds lists the plan in every export format (from the export
// package's table, so a new format shows here by itself) and the answers
// file last.
func exportKinds() []exportKind {
	var out []exportKind
	for _, f := range export.Formats() {
		out = append(out, exportKind{f.Label(), f.InSentence(), f, f.Extension()})
	}
	return append(out, exportKind{"Answers file (for secpath score and plan)", "the answers (TOML)", "", ".toml"})
}

// kindOfExt maps a file name's extension to the kind it names; a name
// typed with one of these switches the format to match.
func kindOfExt(ext string) (int, bool) {
	for i, k := range exportKinds() {
		if k.format == "" && ext == k.ext || k.format != "" && slices.Contains(k.format.Extensions(), ext) {
			return i, true
		}
	}
	return 0, false
}

// saveField is the field of the export screen that has the focus.
type saveField int

const (
	fieldRole saveField = iota
	fieldFormat
	fieldPath
	fieldCount
)

// saveScreen exports the plan or the answers to a file, with a preview
// of what the file holds as a person would read it. Role, format and path
// are three fields: tab moves between them, ←/→ choose on the first two,
// and only the path takes typed text. Format and extension stay in step
// both ways. It never replaces a file without a second, explicit
// confirmation, and reports a save only once the file is on disk.
type saveScreen struct {
	screenBase
	c        *Common
	kindList []exportKind // what can be saved, see exportKinds
	dir      string       // the default folder, see ExportDir
	static   bool
	field    saveField
	kind     int
	roles    []string // "" first: the recommended role
	role     int
	recTitle string // the recommended role's title
	recID    string
	name     textinput.Model
	plan     *assess.Plan
	data     []byte
	// preview is the content as it reads, wrapped to the width;
	// previewNote says what the preview shows; offset is the first
	// preview line on screen.
	preview     []string
	previewNote string
	offset      int
	note        string // why the format changed
	warn        string // the name does not match the format
	confirm     string // path waiting for "replace?"
	err         string
	busy        bool
}

func newSave(c *Common, opts Options) Screen {
	sv := &saveScreen{c: c, dir: opts.WorkDir, static: c.Static, kindList: exportKinds()}
	sv.name = textinput.New()
	sv.name.Prompt = ""
	sv.name.CharLimit = 4096
	sv.restyle()
	return sv
}

func (sv *saveScreen) restyle() {
	st := textinput.DefaultStyles(sv.c.Styles.IsDark)
	st.Cursor.Blink = !sv.static
	sv.name.SetStyles(st)
}

func (sv *saveScreen) resize() {
	sv.name.SetWidth(max(20, sv.c.Layout.Content-labelWidth-1))
	sv.buildPreview()
}

// open prepares an export of the plan for a role (the recommended one
// when role is empty), with the focus on the role.
func (sv *saveScreen) open(role string) {
	// The recommended role comes first, as "" (the plan the command line
	// writes by default); every other role of the bank follows once.
	rec := assess.PlanOptions{Start: sv.c.State.Now()}
	sv.recTitle, sv.recID = "your recommended next step", ""
	if p, err := assess.BuildPlan(sv.c.Bank, sv.c.State.File.Answers, rec); err == nil && p.Role.Title != "" {
		sv.recTitle, sv.recID = p.Role.Title, p.Role.ID
	}
	sv.roles, sv.role = []string{""}, 0
	for _, r := range sv.c.Bank.Roles {
		if r.ID == sv.recID {
			continue
		}
		sv.roles = append(sv.roles, r.ID)
		if r.ID == role {
			sv.role = len(sv.roles) - 1
		}
	}
	sv.field = fieldRole
	if sv.kinds()[sv.kind].format == "" {
		sv.field = fieldFormat
	}
	sv.confirm, sv.err, sv.note, sv.busy = "", "", "", false
	sv.name.Blur()
	if strings.TrimSpace(sv.name.Value()) == "" {
		sv.name.SetValue(filepath.Join(sv.dir, sv.base()+sv.kinds()[sv.kind].ext))
	}
	sv.setKind(sv.kind, false)
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

func (sv *saveScreen) kinds() []exportKind { return sv.kindList }

// setKind switches the format and renders the content and its preview.
// Chosen on the format field (fromPath false), it also renames the file
// to the format's extension; chosen by typing a name, the name stays as
// typed. Building the plan is pure and fast, so it runs here; only the
// write is a command.
func (sv *saveScreen) setKind(k int, fromPath bool) {
	n := len(sv.kinds())
	sv.kind = (k + n) % n
	kind := sv.kinds()[sv.kind]
	if !fromPath {
		cur := strings.TrimSpace(sv.name.Value())
		dir, file := filepath.Split(cur)
		if file == "" || strings.HasPrefix(file, "secpath-plan-") || strings.HasPrefix(file, "secpath-answers-") {
			file = sv.base() + kind.ext
		} else {
			file = strings.TrimSuffix(file, filepath.Ext(file)) + kind.ext
		}
		sv.name.SetValue(dir + file)
		sv.name.CursorEnd()
	}
	sv.render()
	sv.checkName()
}

// render builds the file's content for the kind and role, and its
// preview.
func (sv *saveScreen) render() {
	kind := sv.kinds()[sv.kind]
	sv.data, sv.plan, sv.err, sv.offset = nil, nil, "", 0
	var buf bytes.Buffer
	if kind.format == "" {
		if err := storage.WriteAnswers(&buf, sv.c.Bank, sv.c.State.File); err != nil {
			sv.err = err.Error()
		}
	} else {
		p, err := assess.BuildPlan(sv.c.Bank, sv.c.State.File.Answers, assess.PlanOptions{Role: sv.roles[sv.role], Start: sv.c.State.Now()})
		if err == nil {
			sv.plan = p
			err = export.Write(&buf, kind.format, sv.c.Bank, p)
		}
		if err != nil {
			sv.err = err.Error()
		}
	}
	if sv.err == "" {
		sv.data = buf.Bytes()
	}
	sv.buildPreview()
}

// checkName follows a typed name: an extension that names another format
// switches the format to it, and says so; one that names no format is
// warned about, since the file would hold a format its name hides.
func (sv *saveScreen) checkName() {
	sv.warn = ""
	ext := strings.ToLower(filepath.Ext(strings.TrimSpace(sv.name.Value())))
	kind := sv.kinds()[sv.kind]
	if k, ok := kindOfExt(ext); ok {
		if k != sv.kind || sv.note != "" {
			if k != sv.kind {
				sv.setKind(k, true)
			}
			sv.note = fmt.Sprintf("Format set to %s to match the name's %s.", sv.kinds()[k].label, ext)
		}
		return
	}
	// The note of a switch stays while the name still matches it.
	sv.note = ""
	if ext == "" {
		sv.warn = fmt.Sprintf("The name has no extension, but the file will hold %s: end it in %s to say so.", kind.short, kind.ext)
		return
	}
	sv.warn = fmt.Sprintf("The name ends in %s, but the file will hold %s: end it in %s, or in the extension of the format you want.", ext, kind.short, kind.ext)
}

func (sv *saveScreen) done(msg exportedMsg) {
	sv.busy = false
	if msg.err != nil {
		sv.err = msg.err.Error()
	}
}

// path is the file the save writes: the typed path with ~ for the home
// directory, and a relative one taken from the default folder.
func (sv saveScreen) path() string {
	p := strings.TrimSpace(sv.name.Value())
	if p == "" {
		return ""
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	if !filepath.IsAbs(p) && sv.dir != "" {
		p = filepath.Join(sv.dir, p)
	}
	return filepath.Clean(p)
}

// moveField moves the focus, past the role when the answers file (which
// has no role) is the format.
func (sv *saveScreen) moveField(d int) {
	for {
		sv.field = (sv.field + saveField(d) + fieldCount) % fieldCount
		if sv.field != fieldRole || sv.kinds()[sv.kind].format != "" {
			break
		}
	}
	if sv.field == fieldPath {
		sv.name.Focus()
		sv.name.CursorEnd()
	} else {
		sv.name.Blur()
	}
}

// choose steps the focused choice field by d.
func (sv *saveScreen) choose(d int) {
	switch sv.field {
	case fieldRole:
		n := len(sv.roles)
		sv.role = (sv.role + d + n) % n
		sv.note = ""
		sv.render()
	case fieldFormat:
		sv.note = ""
		sv.setKind(sv.kind+d, false)
	case fieldPath, fieldCount:
	}
}

// scroll moves the preview by d lines, within its length.
func (sv *saveScreen) scroll(d int) {
	sv.offset = max(0, min(sv.offset+d, len(sv.preview)-sv.previewRoom()))
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
	switch ks := km.String(); {
	case keyIs(km, k.Back):
		return sv, goTo(backMsg{})
	case ks == "tab":
		sv.moveField(1)
		return sv, Next{}
	case ks == "shift+tab":
		sv.moveField(-1)
		return sv, Next{}
	case keyIs(km, k.Choose):
		return sv.save()
	case ks == "up":
		sv.scroll(-1)
		return sv, Next{}
	case ks == "down":
		sv.scroll(1)
		return sv, Next{}
	case ks == "pgup":
		sv.scroll(-max(1, sv.previewRoom()-1))
		return sv, Next{}
	case ks == "pgdown":
		sv.scroll(max(1, sv.previewRoom()-1))
		return sv, Next{}
	}
	if sv.field != fieldPath {
		// Nothing typed here reaches the file name.
		switch ks := km.String(); {
		case keyIs(km, k.Left):
			sv.confirm = ""
			sv.choose(-1)
		case keyIs(km, k.Right):
			sv.confirm = ""
			sv.choose(1)
		case ks == "k":
			sv.scroll(-1)
		case ks == "j":
			sv.scroll(1)
		case ks == "home", ks == "g":
			sv.offset = 0
		case ks == "end", ks == "G":
			sv.scroll(len(sv.preview))
		}
		return sv, Next{}
	}
	before := sv.name.Value()
	var cmd tea.Cmd
	sv.name, cmd = sv.name.Update(msg)
	if sv.name.Value() != before {
		sv.confirm, sv.err = "", ""
		sv.checkName()
	}
	return sv, stay(cmd)
}

// save writes the file in a command. An existing file is never replaced
// without a second enter on the same path; the default folder is made
// (0700) when it is not there yet.
func (sv saveScreen) save() (saveScreen, Next) {
	if sv.busy || sv.data == nil {
		return sv, Next{}
	}
	p := sv.path()
	if p == "" {
		sv.err = "Type a file name."
		return sv, Next{}
	}
	overwrite := sv.confirm == p
	if _, err := os.Lstat(p); err == nil && !overwrite {
		// Looking for the file reads, never writes; the write itself
		// refuses to replace it too unless confirmed.
		sv.confirm, sv.err = p, ""
		return sv, Next{}
	}
	sv.busy, sv.err = true, ""
	data := sv.data
	dir := filepath.Dir(p)
	makeDir := sv.dir != "" && dir == filepath.Clean(sv.dir)
	return sv, stay(func() tea.Msg {
		if makeDir {
			if err := os.MkdirAll(dir, storage.DirMode); err != nil {
				return exportedMsg{path: p, err: fmt.Errorf("cannot make the folder %s: %w", dir, err)}
			}
		}
		err := storage.WriteFileAtomic(p, data, overwrite)
		if errors.Is(err, storage.ErrExists) {
			return exportedMsg{path: p, err: errors.New(p + " already exists; press enter again to replace it")}
		}
		return exportedMsg{path: p, err: err}
	})
}

func (sv saveScreen) keys() helpKeys {
	k := sv.c.Keys
	field := withHelp(k.NextField, "tab", "next field")
	save := withHelp(k.Choose, "enter", "save")
	scroll := withHelp(k.Down, "↑/↓", "scroll")
	back := withHelp(k.Back, "esc", "cancel")
	var short []key.Binding
	if sv.field == fieldPath {
		short = []key.Binding{save, field, back}
	} else {
		short = []key.Binding{withHelp(k.Left, "←/→", "choose"), field, save, back}
	}
	full := [][]key.Binding{
		{field, withHelp(k.PrevField, "shift+tab", "previous field"), withHelp(k.Left, "←/→", "choose role or format"), save, back},
		{scroll, withHelp(k.PageDown, "pgup/pgdn", "page"), key.NewBinding(key.WithKeys("home"), key.WithHelp("home/end", "top, bottom"))},
	}
	return helpKeys{short: short, full: full}
}

// Update chooses the role, the format and the file, and writes it; the
// write's report comes back here even when another screen is on show.
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

// Typing is true on the path field only: elsewhere ? opens the help and
// letters are never typed into the name.
func (sv *saveScreen) Typing() bool { return sv.field == fieldPath }
