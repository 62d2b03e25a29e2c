package tui

// Minimum terminal size; below it the interface asks for a larger window.
const (
	MinWidth  = 60
	MinHeight = 18
)

// Layout is the arithmetic of one window size. It is a pure function of
// the size so it can be table-tested.
type Layout struct {
	Width, Height int
	// TooSmall: draw only the "terminal too small" message.
	TooSmall bool
	// Compact: the 80x24 arrangement; tighter spacing, one column.
	Compact bool
	// Content is the width of the reading column, centred in the window.
	Content int
	// Margin is the left margin that centres the reading column.
	Margin int
	// Body is the number of lines between the header and the footer.
	Body int
	// Side is the width of a side panel (mentor notes) when one fits, else 0.
	Side int
}

// Header and footer heights, in lines.
const (
	headerLines = 2 // title line and progress line
	footerLines = 2 // status line and help line
)

// readingWidth is the widest the text column grows: long lines are hard to
// read, so extra width becomes margin.
const readingWidth = 100

// ComputeLayout arranges a window of w×h cells.
func ComputeLayout(w, h int) Layout {
	l := Layout{Width: w, Height: h}
	if w < MinWidth || h < MinHeight {
		l.TooSmall = true
		return l
	}
	l.Compact = w < 100 || h < 30
	l.Body = h - headerLines - footerLines
	if !l.Compact {
		l.Body-- // a blank line under the header
	}
	avail := w - 2 // one cell of air on each side
	if w >= 140 {
		l.Side = min(44, (w-2)/3)
		avail = w - 2 - l.Side - 2
	}
	l.Content = min(avail, readingWidth)
	l.Margin = 1 + (avail-l.Content)/2
	return l
}
