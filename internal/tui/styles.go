package tui

import (
	"image/color"
	"strings"
	"sync/atomic"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// palette holds the semantic colour tokens. Screens never name a colour;
// they use the styles built from these.
type palette struct {
	text, muted, subtle  color.Color
	accent, accentStrong color.Color
	good, warn, bad      color.Color
	selectedBg, border   color.Color
	barEmpty             color.Color
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	return palette{
		text:         ld(lipgloss.Color("#1F2328"), lipgloss.Color("#E6EDF3")),
		muted:        ld(lipgloss.Color("#57606A"), lipgloss.Color("#9DA7B3")),
		subtle:       ld(lipgloss.Color("#8C959F"), lipgloss.Color("#6E7681")),
		accent:       ld(lipgloss.Color("#0969DA"), lipgloss.Color("#58A6FF")),
		accentStrong: ld(lipgloss.Color("#0550AE"), lipgloss.Color("#79C0FF")),
		good:         ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#3FB950")),
		warn:         ld(lipgloss.Color("#9A6700"), lipgloss.Color("#D29922")),
		bad:          ld(lipgloss.Color("#CF222E"), lipgloss.Color("#F85149")),
		selectedBg:   ld(lipgloss.Color("#DDF4FF"), lipgloss.Color("#1C2D41")),
		border:       ld(lipgloss.Color("#D0D7DE"), lipgloss.Color("#30363D")),
		barEmpty:     ld(lipgloss.Color("#D0D7DE"), lipgloss.Color("#30363D")),
	}
}

// Styles is every style the interface uses.
type Styles struct {
	IsDark bool

	Title     Style // app name in the header
	Header    Style // screen title in the header
	Section   Style // section headings inside a screen
	Text      Style
	Muted     Style
	Subtle    Style
	Strong    Style
	Accent    Style
	Good      Style
	Warn      Style
	Bad       Style
	Cursor    Style // the marker of the focused row
	Selected  Style // the focused row's text
	Chosen    Style // the recorded answer
	BarFull   Style
	BarEmpty  Style
	BarTarget Style
	// BarClaimed shades the part of a level that is claimed but not
	// verified.
	BarClaimed Style
	Box        Style // dialogs
	Status     Style // flash messages in the footer
	ErrorText  Style
}

// stylesFor holds the styles built for a dark (1) and a light (0)
// background: building them renders every style once, and the interface
// asks again when the terminal reports its background. Styles are never
// changed once built, so one copy serves every App.
var stylesFor [2]atomic.Pointer[Styles]

// NewStyles returns the styles for a light or dark background.
func NewStyles(isDark bool) *Styles {
	i := 0
	if isDark {
		i = 1
	}
	if s := stylesFor[i].Load(); s != nil {
		return s
	}
	s := buildStyles(isDark)
	stylesFor[i].CompareAndSwap(nil, s)
	return stylesFor[i].Load()
}

func buildStyles(isDark bool) *Styles {
	p := newPalette(isDark)
	base := lipgloss.NewStyle()
	return &Styles{
		IsDark:     isDark,
		Title:      newStyle(base.Bold(true).Foreground(p.accentStrong)),
		Header:     newStyle(base.Foreground(p.muted)),
		Section:    newStyle(base.Bold(true).Foreground(p.accent)),
		Text:       newStyle(base.Foreground(p.text)),
		Muted:      newStyle(base.Foreground(p.muted)),
		Subtle:     newStyle(base.Foreground(p.subtle)),
		Strong:     newStyle(base.Bold(true).Foreground(p.text)),
		Accent:     newStyle(base.Foreground(p.accent)),
		Good:       newStyle(base.Foreground(p.good)),
		Warn:       newStyle(base.Foreground(p.warn)),
		Bad:        newStyle(base.Foreground(p.bad)),
		Cursor:     newStyle(base.Bold(true).Foreground(p.accent)),
		Selected:   newStyle(base.Foreground(p.text).Background(p.selectedBg)),
		Chosen:     newStyle(base.Bold(true).Foreground(p.good)),
		BarFull:    newStyle(base.Foreground(p.accent)),
		BarEmpty:   newStyle(base.Foreground(p.barEmpty)),
		BarTarget:  newStyle(base.Bold(true).Foreground(p.warn)),
		BarClaimed: newStyle(base.Foreground(p.warn)),
		Box:        newStyle(base.Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1)),
		Status:     newStyle(base.Foreground(p.muted).Italic(true)),
		ErrorText:  newStyle(base.Bold(true).Foreground(p.bad)),
	}
}

// Style is a lipgloss style that draws a line of text fast.
//
// lipgloss's Render works out word wrap, padding, alignment, borders and
// margins on every call: about 2 µs on a slow machine even for a plain
// colour, and a screen calls it hundreds of times per frame. For a style
// that only sets attributes and colours, the result is always the same
// escape sequence, the text and a reset, so Style works out that sequence
// once, when it is made, and Render only joins the pieces. Text with a
// tab, a carriage return or a newline, and any other style (a border,
// padding), go to lipgloss. The tests hold every style of both palettes to
// lipgloss's output, byte for byte.
type Style struct {
	lipgloss.Style
	fast      bool
	pre, post string
}

// newStyle wraps st, on the fast path when it only sets bold, italic,
// blink, faint and colours.
func newStyle(st lipgloss.Style) Style {
	s := Style{Style: st}
	top, right, bottom, left := st.GetPadding()
	mt, mr, mb, ml := st.GetMargin()
	if st.GetWidth() != 0 || st.GetHeight() != 0 || st.GetMaxWidth() != 0 || st.GetMaxHeight() != 0 ||
		top+right+bottom+left+mt+mr+mb+ml != 0 ||
		st.GetHorizontalFrameSize() != 0 || st.GetVerticalFrameSize() != 0 ||
		st.GetUnderline() || st.GetStrikethrough() || st.GetReverse() || st.GetInline() || st.GetTransform() != nil {
		return s
	}
	if link, _ := st.GetHyperlink(); link != "" {
		return s
	}
	if _, ok := st.GetUnderlineColor().(lipgloss.NoColor); !ok {
		return s
	}
	// The sequence lipgloss writes, built in its order; the tests hold
	// every style to lipgloss's own output.
	var te ansi.Style
	if st.GetBold() {
		te = te.Bold()
	}
	if st.GetItalic() {
		te = te.Italic(true)
	}
	if st.GetBlink() {
		te = te.Blink(true)
	}
	if st.GetFaint() {
		te = te.Faint()
	}
	if fg := st.GetForeground(); !isNoColor(fg) {
		te = te.ForegroundColor(fg)
	}
	if bg := st.GetBackground(); !isNoColor(bg) {
		te = te.BackgroundColor(bg)
	}
	if len(te) > 0 {
		s.pre, s.post = te.String(), ansi.ResetStyle
	}
	s.fast = true
	return s
}

func isNoColor(c color.Color) bool {
	_, none := c.(lipgloss.NoColor)
	return c == nil || none
}

// Render draws the strings, joined by spaces, in the style: the same as
// lipgloss.Style.Render.
func (s Style) Render(strs ...string) string {
	if !s.fast {
		return s.Style.Render(strs...)
	}
	str := strings.Join(strs, " ")
	if strings.ContainsAny(str, "\t\r\n") {
		return s.Style.Render(str)
	}
	return s.pre + str + s.post
}
