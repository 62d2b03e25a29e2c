package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
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

	Title     lipgloss.Style // app name in the header
	Header    lipgloss.Style // screen title in the header
	Section   lipgloss.Style // section headings inside a screen
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Subtle    lipgloss.Style
	Strong    lipgloss.Style
	Accent    lipgloss.Style
	Good      lipgloss.Style
	Warn      lipgloss.Style
	Bad       lipgloss.Style
	Cursor    lipgloss.Style // the marker of the focused row
	Selected  lipgloss.Style // the focused row's text
	Chosen    lipgloss.Style // the recorded answer
	BarFull   lipgloss.Style
	BarEmpty  lipgloss.Style
	BarTarget lipgloss.Style
	Box       lipgloss.Style // dialogs
	Status    lipgloss.Style // flash messages in the footer
	ErrorText lipgloss.Style
}

// NewStyles builds the styles for a light or dark background.
func NewStyles(isDark bool) *Styles {
	p := newPalette(isDark)
	base := lipgloss.NewStyle()
	return &Styles{
		IsDark:    isDark,
		Title:     base.Bold(true).Foreground(p.accentStrong),
		Header:    base.Foreground(p.muted),
		Section:   base.Bold(true).Foreground(p.accent),
		Text:      base.Foreground(p.text),
		Muted:     base.Foreground(p.muted),
		Subtle:    base.Foreground(p.subtle),
		Strong:    base.Bold(true).Foreground(p.text),
		Accent:    base.Foreground(p.accent),
		Good:      base.Foreground(p.good),
		Warn:      base.Foreground(p.warn),
		Bad:       base.Foreground(p.bad),
		Cursor:    base.Bold(true).Foreground(p.accent),
		Selected:  base.Foreground(p.text).Background(p.selectedBg),
		Chosen:    base.Bold(true).Foreground(p.good),
		BarFull:   base.Foreground(p.accent),
		BarEmpty:  base.Foreground(p.barEmpty),
		BarTarget: base.Bold(true).Foreground(p.warn),
		Box:       base.Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1),
		Status:    base.Foreground(p.muted).Italic(true),
		ErrorText: base.Bold(true).Foreground(p.bad),
	}
}
