package tui

// The welcome screen's current-role picker: the bank's roles under their
// titles and under the job titles they go by (their aliases), filtered as
// the person types, and the person's own words kept as their title when
// nothing in the list fits. Own words are matched to a role by
// assess.Bank.MatchRole, the matcher an answers file's current_role goes
// through, so the welcome and a file place the same title alike.

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
)

// entryKind says what a line of the picker stands for.
type entryKind int

const (
	entryNone  entryKind = iota // no role given: placed from the answers
	entryTitle                  // a role under its title
	entryAlias                  // a role under a job title it goes by
	entryOwn                    // the person's own words
)

// roleEntry is one line of the picker. For the person's own words, role
// is the role the words match, nil when they match none.
type roleEntry struct {
	kind entryKind
	name string
	role *assess.Role
}

// currentRole is the current role the welcome holds. value goes to the
// answers (a role id, or a title in words); words are the words shown
// when they are not the role's title; role is the role value matches.
type currentRole struct {
	value, words string
	role         *assess.Role
}

// choose turns a picked line into the current role. A job title picked
// from the list is kept in words, as the person would give it, when it
// matches its role back; otherwise the role's id is kept.
func (e roleEntry) choose(b *assess.Bank) currentRole {
	switch e.kind {
	case entryTitle:
		return currentRole{value: e.role.ID, role: e.role}
	case entryAlias:
		if b.MatchRole(e.name) == e.role {
			return currentRole{value: e.name, words: e.name, role: e.role}
		}
		return currentRole{value: e.role.ID, words: e.name, role: e.role}
	case entryOwn:
		return currentRole{value: e.name, words: e.name, role: e.role}
	case entryNone:
	}
	return currentRole{}
}

// roleName is one name a role goes by, with its words folded for the
// filter.
type roleName struct {
	role  *assess.Role
	name  string
	alias bool
	words []string
}

// roleNames lists every role under its title and then its aliases, in
// the bank's order. An alias that folds to a name of the role already
// listed is left out: it would be the same line twice.
func roleNames(b *assess.Bank) []roleName {
	var out []roleName
	for i := range b.Roles {
		ro := &b.Roles[i]
		seen := map[string]bool{}
		for j, name := range append([]string{ro.Title}, ro.Aliases...) {
			words := foldWords(name)
			key := strings.Join(words, " ")
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, roleName{role: ro, name: name, alias: j > 0, words: words})
		}
	}
	return out
}

// foldWords folds a title into the words the filter compares, as
// assess.NormaliseTitle folds it for matching (accents off included).
func foldWords(s string) []string {
	return strings.Fields(assess.NormaliseTitle(s))
}

// rank says how well the folded query words find a name: 0 when they are
// its words, 1 when the name starts with them (the last typed word may be
// the start of a word), 2 when each starts some word of the name, in any
// order; -1 when one starts none.
func rank(name, query []string) int {
	if slices.Equal(name, query) {
		return 0
	}
	for _, q := range query {
		if !slices.ContainsFunc(name, func(w string) bool { return strings.HasPrefix(w, q) }) {
			return -1
		}
	}
	last := len(query) - 1
	if len(name) > last && slices.Equal(name[:last], query[:last]) && strings.HasPrefix(name[last], query[last]) {
		return 1
	}
	return 2
}

// filterRoles lists the picker's lines for a query. Without one: "not
// listed" and every role under its title. With one: the person's own
// words first, with the role they match, then every title and job title
// the words find, best found first (see rank), in the bank's order within
// a rank.
func filterRoles(b *assess.Bank, names []roleName, query string) []roleEntry {
	query = strings.TrimSpace(query)
	q := foldWords(query)
	if len(q) == 0 {
		out := []roleEntry{{kind: entryNone, name: "Not listed, or rather not say"}}
		for i := range b.Roles {
			out = append(out, roleEntry{kind: entryTitle, name: b.Roles[i].Title, role: &b.Roles[i]})
		}
		return out
	}
	type hit struct {
		e roleEntry
		r int
	}
	var hits []hit
	for _, n := range names {
		if r := rank(n.words, q); r >= 0 {
			kind := entryTitle
			if n.alias {
				kind = entryAlias
			}
			hits = append(hits, hit{roleEntry{kind: kind, name: n.name, role: n.role}, r})
		}
	}
	slices.SortStableFunc(hits, func(x, y hit) int { return x.r - y.r })
	out := []roleEntry{{kind: entryOwn, name: query, role: b.MatchRole(query)}}
	for _, h := range hits {
		out = append(out, h.e)
	}
	return out
}

// rolePicker is the picker while it is open: a field that is both the
// search and the person's own title, and the lines it finds.
type rolePicker struct {
	c       *Common
	names   []roleName
	input   textinput.Model
	entries []roleEntry
	cursor  int
	offset  int
}

func newRolePicker(c *Common) rolePicker {
	p := rolePicker{c: c, names: roleNames(c.Bank)}
	p.input = textinput.New()
	p.input.Prompt = ""
	p.input.Placeholder = "a title, such as SOC lead"
	p.input.CharLimit = 80
	p.restyle()
	p.refilter()
	return p
}

func (p *rolePicker) restyle() {
	st := textinput.DefaultStyles(p.c.Styles.IsDark)
	st.Cursor.Blink = false
	p.input.SetStyles(st)
}

func (p *rolePicker) resize() {
	p.input.SetWidth(max(10, min(50, p.c.Layout.Content-8)))
	p.scroll()
}

// open shows the picker on the current role: its words in the field, or
// the full list with the role's title under the cursor.
func (p *rolePicker) open(cur currentRole) {
	p.input.SetValue(cur.words)
	p.input.CursorEnd()
	p.input.Focus()
	p.refilter()
	for i, e := range p.entries {
		if (cur.words == "" && e.kind == entryTitle && e.role == cur.role) || (cur.words != "" && e.kind != entryTitle && e.name == cur.words) {
			p.cursor = i
			break
		}
	}
	p.scroll()
}

// refilter lists the lines for the words typed, with the cursor on the
// line enter should take: the best line found when the words typed are
// the start of its name, else the person's own words (a title that only
// shares words with a name is not that name).
func (p *rolePicker) refilter() {
	p.entries = filterRoles(p.c.Bank, p.names, p.input.Value())
	p.cursor, p.offset = 0, 0
	if len(p.entries) > 1 && p.entries[0].kind == entryOwn {
		if rank(foldWords(p.entries[1].name), foldWords(p.input.Value())) <= 1 {
			p.cursor = 1
		}
	}
	p.scroll()
}

// update takes a key while the picker is open. It returns the line picked
// when enter picks one, and whether the picker closes.
func (p rolePicker) update(msg tea.Msg) (rolePicker, *roleEntry, bool, tea.Cmd) {
	k := p.c.Keys
	km, isKey := msg.(tea.KeyPressMsg)
	arrow := isKey && km.Text == ""
	switch {
	case isKey && keyIs(km, k.Back):
		p.input.Blur()
		return p, nil, true, nil
	case isKey && keyIs(km, k.Choose):
		p.input.Blur()
		e := p.entries[p.cursor]
		return p, &e, true, nil
	case arrow && keyIs(km, k.Up), isKey && keyIs(km, k.PrevField):
		p.cursor = max(0, p.cursor-1)
	case arrow && keyIs(km, k.Down), isKey && keyIs(km, k.NextField):
		p.cursor = min(len(p.entries)-1, p.cursor+1)
	case isKey && keyIs(km, k.PageUp):
		p.cursor = max(0, p.cursor-p.page())
	case isKey && keyIs(km, k.PageDown):
		p.cursor = min(len(p.entries)-1, p.cursor+p.page())
	default:
		before := p.input.Value()
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		if p.input.Value() != before {
			p.refilter()
		}
		return p, nil, false, cmd
	}
	p.scroll()
	return p, nil, false, nil
}

// head is the picker's lines above the list: what to do, the field,
// and, once something is typed, the role the words as typed match.
func (p rolePicker) head() []string {
	s := p.c.Styles
	width := p.c.Layout.Content
	lines := []string{s.Section.Render("Your current role")}
	// A short window keeps its lines for the list.
	short := p.c.Layout.Body < 20
	hint := "Type to find your role by its title or by a job title it goes by, or type your own title: enter keeps your words and matches them to a role."
	if short {
		hint = "Type to search the roles, or type your own title."
	}
	for _, l := range wrap(hint, width) {
		lines = append(lines, s.Muted.Render(l))
	}
	lines = append(lines, "", s.Cursor.Render("› ")+p.input.View())
	if own := p.entries[0]; own.kind == entryOwn {
		said := "As typed: no role matched; we'll place you from your answers."
		if short {
			said = longest(width-2, said, "As typed: no role matched.")
		}
		if own.role != nil {
			said = "As typed: matched to " + own.role.Title + "."
		}
		lines = append(lines, hanging("  ", said, width, s.Muted.Render)...)
	}
	return lines
}

// room is how many lines the list has, under the line that parts it
// from the field.
func (p rolePicker) room() int { return max(3, p.c.Layout.Body-len(p.head())-1) }

// page is how far page up and down move the cursor: to the end of a
// list that fits.
func (p rolePicker) page() int {
	if n := p.window(); n > 0 {
		return max(1, n-1)
	}
	return len(p.entries)
}

// window is how many lines of the list are on show at once; 0 when the
// whole list fits the room.
func (p rolePicker) window() int {
	if room := p.room(); len(p.entries) > room {
		return room - 1 // the line that says how many are below
	}
	return 0
}

// scroll keeps the cursor's line in the part of the list on show.
func (p *rolePicker) scroll() {
	n := p.window()
	if n == 0 {
		p.offset = 0
		return
	}
	p.offset = max(0, min(p.offset, p.cursor, len(p.entries)-n))
	p.offset = max(p.offset, p.cursor-n+1)
}

// view draws the picker in the welcome screen's body. A list longer than
// the room scrolls with the cursor; the line above it and the line below
// say how many lines are out of sight.
func (p rolePicker) view() string {
	s := p.c.Styles
	width := p.c.Layout.Content
	lines := p.head()
	shown, top := p.entries, 0
	n := p.window()
	if n > 0 {
		shown, top = p.entries[p.offset:p.offset+n], p.offset
	}
	lines = append(lines, scrollNote(s, "↑", top))
	col := 0 // the same for the whole list, so it holds still as it scrolls
	for _, e := range p.entries {
		if e.kind == entryAlias {
			col = max(col, ansi.StringWidth(e.name))
		}
	}
	col = min(col, (width-2)/2)
	for i, e := range shown {
		lines = append(lines, p.entryLine(e, top+i == p.cursor, col, width))
	}
	if n > 0 {
		lines = append(lines, scrollNote(s, "↓", len(p.entries)-top-n))
	}
	if len(p.entries) == 1 && p.entries[0].kind == entryOwn {
		lines = append(lines, "")
		lines = append(lines, hanging("  ", "No title or job title in the list starts with these words: enter keeps them as your title.", width, s.Muted.Render)...)
	}
	return strings.Join(lines, "\n")
}

// scrollNote says how many lines of the list are out of sight on one
// side; empty when none are.
func scrollNote(s *Styles, arrow string, n int) string {
	if n == 0 {
		return ""
	}
	return s.Subtle.Render(fmt.Sprintf("  %s %d more", arrow, n))
}

// entryLine draws one line of the picker: a job title in a column of col
// cells with the role it belongs to beside it, a role's title, or the
// offer to keep the words typed.
func (p rolePicker) entryLine(e roleEntry, focused bool, col, width int) string {
	s := p.c.Styles
	marker, name := "  ", s.Text
	if focused {
		marker, name = s.Cursor.Render("› "), s.Strong
	}
	var text, beside string
	switch e.kind {
	case entryOwn:
		text = "Use “" + e.name + "” as your title"
	case entryAlias:
		text = e.name + strings.Repeat(" ", max(0, col-ansi.StringWidth(e.name)))
		beside = "  " + e.role.Title
	case entryTitle, entryNone:
		text = e.name
	}
	text = truncate(text, max(10, width-2-min(ansi.StringWidth(beside), (width-2)/2)))
	beside = truncate(beside, max(0, width-2-ansi.StringWidth(text)))
	return marker + name.Render(text) + s.Muted.Render(beside)
}

// keys are the picker's keys, for the help line.
func (p rolePicker) keys() helpKeys {
	k := p.c.Keys
	short := []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Choose, "enter", "choose"), withHelp(k.Back, "esc", "back")}
	full := []key.Binding{withHelp(k.PageDown, "pgup/pgdn", "a page up or down"), withHelp(k.NextField, "tab/shift+tab", "move")}
	return helpKeys{short: short, full: [][]key.Binding{short, full}}
}
