package tui

import (
	"image/color"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// noteScreen is a screen added as the package doc says: its own type and
// destination, and one entry in screenList. It records what the root
// asked of it.
type noteScreen struct {
	screenBase
	c       *Common
	id      screenID
	text    string
	width   int
	styled  *Styles
	updates int
}

type noteMsg struct {
	id   screenID
	text string
}

func (d noteMsg) Target() screenID { return d.id }

func (n *noteScreen) Open(to Destination) { n.text = to.(noteMsg).text }
func (n *noteScreen) Update(msg tea.Msg) Next {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		n.updates++
		if km.String() == "esc" {
			return Next{Open: overviewMsg{}, Status: "left the note"}
		}
	}
	return Next{}
}
func (n *noteScreen) View() string                               { return "NOTE " + n.text }
func (n *noteScreen) Header(int) (title, right, progress string) { return "note", "", "" }
func (n *noteScreen) SetSize(l Layout)                           { n.width = l.Width }
func (n *noteScreen) SetStyles(s *Styles)                        { n.styled = s }
func (n *noteScreen) Keys() helpKeys {
	return helpKeys{short: []key.Binding{withHelp(n.c.Keys.Back, "esc", "leave the note")}}
}

// TestAddScreenNeedsOnlyTheList: a screen registered in screenList alone
// is built, resized, restyled, opened by its destination, given the keys,
// drawn with its header and help, and can open another screen.
func TestAddScreenNeedsOnlyTheList(t *testing.T) {
	id := screenID(len(screenList))
	var built *noteScreen
	screenList = append(screenList, func(c *Common, _ Options) Screen {
		built = &noteScreen{c: c, id: id}
		return built
	})
	t.Cleanup(func() { screenList = screenList[:id] })

	a := newTestApp(t, 100, 30, Options{})
	if built == nil || a.screens[id] != built {
		t.Fatal("the new screen was not built into the list")
	}
	if built.width != 100 || built.styled != a.c.Styles {
		t.Errorf("not resized or restyled: width %d, styles %p want %p", built.width, built.styled, a.c.Styles)
	}
	a.startQuick()
	a.send(noteMsg{id: id, text: "hello"})
	text := a.screenText()
	for _, want := range []string{"NOTE hello", "secpath  note", "esc leave the note"} {
		if !strings.Contains(text, want) {
			t.Errorf("the frame lacks %q:\n%s", want, text)
		}
	}
	a.press("x", "esc")
	if built.updates != 2 || a.screen != screenOverview || !strings.Contains(a.screenText(), "left the note") {
		t.Errorf("updates %d, on screen %d:\n%s", built.updates, a.screen, a.screenText())
	}
	a.send(tea.BackgroundColorMsg{Color: color.White})
	if built.styled != a.c.Styles || built.styled.IsDark {
		t.Error("not restyled for a light background")
	}
}

// TestEveryScreenIsListed: every destination opens a screen that is in
// the list, and no id in the list lacks its constructor.
func TestEveryScreenIsListed(t *testing.T) {
	for id, build := range screenList {
		if build == nil {
			t.Errorf("screen %d has no constructor", id)
		}
	}
	for _, d := range []Destination{gotoQuestionMsg{}, overviewMsg{}, resultsMsg{}, backMsg{}, gapMsg{}, gapReviewMsg{}, compareMsg{}, saveDialogMsg{}, reviewMsg{}} {
		if id := d.Target(); id < 0 || int(id) >= len(screenList) {
			t.Errorf("%T opens screen %d, which is not listed", d, id)
		}
	}
}
