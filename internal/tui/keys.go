package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding. Screens pick the ones that apply and show
// them in the help line, so help never lists a key that does nothing.
type KeyMap struct {
	Up, Down      key.Binding
	Left, Right   key.Binding
	Choose        key.Binding // enter: choose and go on
	Select        key.Binding // space: choose, or toggle in a multi-select
	NextField     key.Binding
	PrevField     key.Binding
	Back          key.Binding
	PrevQuestion  key.Binding
	NextQuestion  key.Binding
	Skip          key.Binding
	Overview      key.Binding
	Results       key.Binding
	Export        key.Binding
	SwitchRole    key.Binding
	PrevTab       key.Binding
	NextTab       key.Binding
	PageUp        key.Binding
	PageDown      key.Binding
	Help          key.Binding
	Quit          key.Binding
	Yes, No       key.Binding
	TextPrevQ     key.Binding // the same moves, as shown while typing
	TextNextQ     key.Binding
	TextSkip      key.Binding
	TextQuit      key.Binding
	TextConfirm   key.Binding
	TextNextField key.Binding
	// Mentor mode.
	MentorRate key.Binding // 0-5: the mentor's rating, where no text is typed
	Basis      key.Binding // results: self or mentor basis
	GapReview  key.Binding // results gaps page: walk the gaps with the mentee
	Compare    key.Binding // results: compare with the earlier assessment
	NextGap    key.Binding // gap review: next gap (works while typing)
	PrevGap    key.Binding
	Priority   key.Binding // gap review: 1-5 on the priority field
}

// DefaultKeyMap returns secpath's keys. Single letters only work where no
// text is being typed; while typing, the ctrl and page keys do the same.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:            key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:          key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:          key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "change")),
		Right:         key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "change")),
		Choose:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Select:        key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "select")),
		NextField:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "evidence")),
		PrevField:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back a field")),
		Back:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		PrevQuestion:  key.NewBinding(key.WithKeys("pgup", "ctrl+p", "b"), key.WithHelp("b/pgup", "previous")),
		NextQuestion:  key.NewBinding(key.WithKeys("pgdown", "ctrl+n", "n"), key.WithHelp("n/pgdn", "next")),
		Skip:          key.NewBinding(key.WithKeys("s", "ctrl+s"), key.WithHelp("s", "skip")),
		Overview:      key.NewBinding(key.WithKeys("o", "ctrl+o"), key.WithHelp("o", "sections")),
		Results:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "results")),
		Export:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export plan")),
		SwitchRole:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next role")),
		PrevTab:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "page")),
		NextTab:       key.NewBinding(key.WithKeys("right", "l")),
		PageUp:        key.NewBinding(key.WithKeys("pgup")),
		PageDown:      key.NewBinding(key.WithKeys("pgdown")),
		Help:          key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:          key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Yes:           key.NewBinding(key.WithKeys("y", "Y", "enter"), key.WithHelp("y", "yes")),
		No:            key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no")),
		TextPrevQ:     key.NewBinding(key.WithKeys("pgup", "ctrl+p"), key.WithHelp("pgup", "previous")),
		TextNextQ:     key.NewBinding(key.WithKeys("pgdown", "ctrl+n"), key.WithHelp("pgdn", "next")),
		TextSkip:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "skip")),
		TextQuit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		TextConfirm:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		TextNextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		MentorRate:    key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5"), key.WithHelp("0-5", "rate")),
		Basis:         key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "self/mentor")),
		GapReview:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "review gaps")),
		Compare:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "compare")),
		NextGap:       key.NewBinding(key.WithKeys("pgdown", "ctrl+n"), key.WithHelp("pgdn", "next gap")),
		PrevGap:       key.NewBinding(key.WithKeys("pgup", "ctrl+p"), key.WithHelp("pgup", "previous gap")),
		Priority:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "priority")),
	}
}

// helpKeys adapts a list of bindings to help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// withHelp returns a copy of a binding with another help text, so one key
// can be described as it works on each screen.
func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}
