package tui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"github.com/secpath/secpath/internal/safetext"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The root's drawing: the frame around the screen on show, the header and
// footer, the leave dialog and the full help.

// View draws the whole window: header, the screen's body, footer.
func (a *App) View() tea.View {
	// Text from files (a name, a note, a bank's titles) may hold control
	// codes: the frame keeps only the styling it draws with.
	v := tea.NewView(safetext.Frame(a.Render()))
	v.AltScreen = true
	v.WindowTitle = "secpath"
	return v
}

// Render returns the frame as a string, exactly Height lines of at most
// Width cells.
func (a *App) Render() string {
	l := a.c.Layout
	s := a.c.Styles
	if l.TooSmall {
		var lines []string
		for _, line := range tooSmallText(l.Width, l.Height) {
			lines = append(lines, s.Warn.Render(line))
		}
		return fitBlock(strings.Join(lines, "\n"), l.Width, l.Height)
	}
	title, right, progress := a.headerParts()
	var b strings.Builder
	b.WriteString(joinEnds(s.Title.Render(" secpath")+s.Header.Render("  "+title), s.Header.Render(right+" "), l.Width))
	b.WriteByte('\n')
	b.WriteString(progress)
	b.WriteByte('\n')
	if !l.Compact {
		b.WriteByte('\n')
	}
	var body string
	switch {
	case a.confirm:
		body = a.confirmView()
	case a.full:
		body = a.fullHelpView()
	default:
		body = a.screenView()
	}
	b.WriteString(fitBlock(indent(body, l.Margin), l.Width, l.Body))
	b.WriteByte('\n')
	b.WriteString(fitLine(" "+s.Status.Render(a.statusLine()), l.Width))
	b.WriteByte('\n')
	b.WriteString(" " + a.footer(l.Width-1))
	return b.String()
}

// footer draws the help line in width cells. The screen's keys come in
// the order they matter, and the global ones (? all keys, quit) last: when
// they do not all fit, the screen's least important hints go first, so
// "? all keys" always stays and leads to the rest.
func (a *App) footer(width int) string {
	hk := a.helpKeys()
	keys := hk.ShortHelp()
	var kept []key.Binding
	for _, kb := range keys {
		if kb.Enabled() && kb.Help().Key != "" {
			kept = append(kept, kb)
		}
	}
	global := 0 // the global keys at the end, never dropped
	for i := len(kept) - 1; i >= 0 && a.isGlobal(kept[i]); i-- {
		global++
	}
	line := a.footerText(kept)
	for ansi.StringWidth(line) > width && len(kept) > global {
		kept = append(kept[:len(kept)-global-1], kept[len(kept)-global:]...)
		line = a.footerText(kept)
	}
	return fitLine(line, width)
}

// isGlobal reports whether a binding is one the root adds to every screen.
func (a *App) isGlobal(kb key.Binding) bool {
	k := a.c.Keys
	for _, g := range []key.Binding{k.Help, k.Quit, k.TextQuit} {
		if slices.Equal(g.Keys(), kb.Keys()) {
			return true
		}
	}
	return false
}

// footerText joins bindings as the help line shows them.
func (a *App) footerText(keys []key.Binding) string {
	st := a.help.Styles
	sep := st.ShortSeparator.Render(" • ")
	parts := make([]string, len(keys))
	for i, kb := range keys {
		h := kb.Help()
		parts[i] = st.ShortKey.Render(h.Key) + " " + st.ShortDesc.Render(h.Desc)
	}
	return strings.Join(parts, sep)
}

// tooSmallText is the longest form of the too-small message that fits the
// window whole: with the way out, without it, or just the sizes.
func tooSmallText(w, h int) []string {
	forms := []string{
		fmt.Sprintf("Terminal too small: secpath needs %d×%d, this is %d×%d. Enlarge the window, or run secpath --accessible.", MinWidth, MinHeight, w, h),
		fmt.Sprintf("Terminal too small: needs %d×%d, this is %d×%d.", MinWidth, MinHeight, w, h),
		fmt.Sprintf("Too small: %d×%d, needs %d×%d.", w, h, MinWidth, MinHeight),
	}
	var lines []string
	for _, f := range forms {
		lines = wrap(f, max(10, w-1))
		fits := len(lines) <= h
		for _, l := range lines {
			fits = fits && ansi.StringWidth(l) <= w
		}
		if fits {
			break
		}
	}
	return lines
}

func (a *App) screenView() string { return a.current().View() }

func (a *App) headerParts() (title, right, progress string) {
	return a.current().Header(a.c.Layout.Width)
}

func (a *App) statusLine() string {
	switch {
	case a.status != "":
		return a.status
	case a.c.State.SaveErr != nil:
		return "Not saved: " + a.c.State.SaveErr.Error()
	case a.c.State.Started && a.c.State.Saved && a.c.State.ReadOnly:
		return "Review saved automatically to " + filepath.Base(a.c.State.Path)
	case a.c.State.Started && a.c.State.Saved:
		if a.c.State.SavedSkipped > 0 {
			return fmt.Sprintf("Saved · %d answered, %d skipped · session %s", a.c.State.SavedAnswered, a.c.State.SavedSkipped, a.c.State.File.Session.ID)
		}
		return fmt.Sprintf("Saved · %d answered · session %s", a.c.State.SavedAnswered, a.c.State.File.Session.ID)
	}
	if a.c.PrivacyStatus != "" {
		return a.c.PrivacyStatus
	}
	return "Everything stays on this machine."
}

func (a *App) helpKeys() help.KeyMap {
	k := a.c.Keys
	if a.confirm {
		return helpKeys{short: []key.Binding{k.Yes, withHelp(k.No, "n/esc", "stay")}}
	}
	if a.full {
		return helpKeys{short: []key.Binding{withHelp(k.Back, "any key", "close")}}
	}
	return a.screenKeys()
}

// screenKeys returns the keys of the screen on show, with the global ones.
func (a *App) screenKeys() helpKeys {
	k := a.c.Keys
	hk := a.current().Keys()
	if !a.current().Typing() {
		h := k.Help
		if d, ok := a.current().(definer); ok && d.DefinitionHidden() {
			h = withHelp(k.Help, "?", "definition, all keys")
		}
		hk.short = append(hk.short, h, k.Quit)
	} else {
		hk.short = append(hk.short, k.TextQuit)
	}
	return hk
}

func (a *App) confirmView() string {
	s := a.c.Styles
	msg := "Leave secpath?"
	switch {
	case a.c.State.SaveErr != nil:
		// Never "saved" after a save that failed: say what is not on
		// disk and where the last good copy is.
		msg += "\n\n" + s.Warn.Render("The last save failed: your latest answers are NOT on disk.") +
			"\nThe last good copy is\n" + s.Strong.Render(a.c.State.Path) + "\nStay and try again (any answer saves), or leave and lose them."
	case a.c.State.ReadOnly:
		msg += "\n\nThe review is saved in\n" + s.Strong.Render(a.c.State.Path) + "\nThe mentee's answers are unchanged."
	case a.c.State.Started && a.c.ResumeHint != "":
		msg += "\n\nYour answers are saved.\n" + a.c.ResumeHint
	case a.c.State.Started:
		msg += "\n\nYour answers are saved. Resume any time with\n" + s.Strong.Render("secpath resume "+a.c.State.File.Session.ID)
	}
	msg += "\n\n" + s.Accent.Render("y") + " leave   " + s.Accent.Render("n") + " stay"
	return "\n" + s.Box.Render(msg)
}

// definer is a screen with a definition to show in the full help: the
// question's own help text, which a small window may have no room for.
type definer interface {
	Definition() string
	DefinitionHidden() bool
}

func (a *App) fullHelpView() string {
	s := a.c.Styles
	hk := a.screenKeys()
	var b strings.Builder
	if d, ok := a.current().(definer); ok && d.Definition() != "" {
		b.WriteString(s.Section.Render("This question") + "\n")
		for _, l := range wrap(d.Definition(), a.c.Layout.Content) {
			b.WriteString(s.Text.Render(l) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(s.Section.Render("Keys on this screen") + "\n\n")
	seen := map[string]bool{}
	for _, group := range append([][]key.Binding{hk.ShortHelp()}, hk.FullHelp()...) {
		for _, kb := range group {
			h := kb.Help()
			if h.Key == "" || seen[h.Key+h.Desc] || !kb.Enabled() {
				continue
			}
			seen[h.Key+h.Desc] = true
			fmt.Fprintf(&b, "  %s  %s\n", s.Accent.Render(fmt.Sprintf("%-12s", h.Key)), s.Text.Render(h.Desc))
		}
	}
	saved := "answers are saved after each one."
	if a.c.State.ReadOnly {
		saved = "the review is saved after each change."
	}
	b.WriteString("\n" + s.Muted.Render("ctrl+c or q asks before leaving; "+saved))
	return b.String()
}
