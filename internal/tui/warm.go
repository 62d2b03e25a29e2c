package tui

import "github.com/charmbracelet/x/ansi"

// warmTextWidths makes the first frame's character widths ready in the
// background. Bubble Tea measures each character of a frame with
// ansi.WcWidth, and the first character outside ASCII builds its 2 MB
// lookup table (about a millisecond, behind a sync.Once): Run starts this
// on the other core while the interface is still being set up, instead of
// in the way of the first frame.
func warmTextWidths() {
	ansi.WcWidth.StringWidth("secpath · ─ › ● … █ ░")
}
