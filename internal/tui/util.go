package tui

import (
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/internal/wording"
)

func keyIs(msg tea.KeyPressMsg, b key.Binding) bool { return key.Matches(msg, b) }

// mkdirPrivate creates the sessions directory readable only by its owner.
func mkdirPrivate(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	return nil
}

// wrap breaks plain text into lines of at most width cells at spaces,
// each paragraph on its own; a word longer than the width is cut. Runs of
// spaces count as one. Cells, not runes: a wide character takes two.
func wrap(s string, width int) []string {
	width = max(width, 10)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, strings.Split(ansi.Wrap(strings.Join(strings.Fields(para), " "), width, ""), "\n")...)
	}
	return out
}

// hanging wraps text under a first-line prefix, later lines indented to
// the prefix's width; style is applied to the text only.
func hanging(prefix, text string, width int, style func(...string) string) []string {
	pw := ansi.StringWidth(prefix)
	lines := wrap(text, width-pw)
	out := make([]string, len(lines))
	for i, l := range lines {
		p := prefix
		if i > 0 {
			p = strings.Repeat(" ", pw)
		}
		out[i] = p + style(l)
	}
	return out
}

// bar draws a 0–1 fraction as a bar of width cells.
func bar(s *Styles, frac float64, width int) string {
	return barIn(&s.BarFull, &s.BarEmpty, frac, width)
}

// barIn draws a bar in the given styles for its filled and empty parts.
func barIn(full, empty *Style, frac float64, width int) string {
	frac = max(0, min(1, frac))
	n := int(frac*float64(width) + 0.5)
	return full.Render(strings.Repeat("█", n)) + empty.Render(strings.Repeat("░", width-n))
}

// scrollWindow returns the lines to show so that the focus line stays in
// view, given the previous offset; it returns the new offset.
func scrollWindow(lines []string, focus, height, offset int) ([]string, int) {
	if height <= 0 {
		return nil, 0
	}
	if len(lines) <= height {
		return lines, 0
	}
	if focus < offset {
		offset = focus
	}
	if focus >= offset+height {
		offset = focus - height + 1
	}
	offset = max(0, min(offset, len(lines)-height))
	return lines[offset : offset+height], offset
}

// fitLine truncates a line to width cells.
func fitLine(s string, width int) string {
	if strings.Contains(s, "\n") {
		s = s[:strings.IndexByte(s, '\n')]
	}
	return fitCells(s, width)
}

// fitCells cuts a line to width cells, as ansi.Truncate does, but first
// tries a cheap bound: measuring a line's width properly means finding its
// grapheme clusters, which for every line of a large frame costs more than
// drawing it.
func fitCells(s string, width int) string {
	if fitsWithin(s, width) {
		return s
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	// Cut where truncate cuts the plain text, at a word, keeping the
	// line's styles up to there.
	plain := ansi.Strip(s)
	cut := truncate(plain, width)
	if plain == s {
		return cut
	}
	keep := ansi.StringWidth(strings.TrimSuffix(cut, "…"))
	out := ansi.Truncate(s, keep, "") + "…"
	if ansi.StringWidth(out) > width {
		// A cluster measured one way by the width and another by the
		// cut: the plain cut at a cell is always within the width.
		return ansi.Truncate(s, width, "…")
	}
	return out
}

// fitsWithin reports whether s surely takes at most width cells: an
// over-estimate of its width, without escape sequences, counting one cell
// for an ASCII byte and two for any other character (no character is
// wider), is within width. When it says no, the line may still fit.
func fitsWithin(s string, width int) bool {
	if len(s) <= width {
		return true // a cell takes at least one byte
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[': // CSI: up to a final byte
			i += 2
			for i < len(s) && (s[i] < 0x40 || s[i] > 0x7e) {
				i++
			}
		case c == 0x1b:
			return false // another sequence: leave it to ansi
		case c < 0x80:
			n++
		case c >= 0xc0: // the first byte of a character
			n += 2
		}
		if n > width {
			return false
		}
	}
	return true
}

// fitBlock makes text exactly height lines, each at most width cells.
func fitBlock(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = fitCells(l, width)
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func indent(s string, n int) string {
	if n <= 0 {
		return s
	}
	pad := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// joinEnds puts left and right text on one line of the given width.
func joinEnds(left, right string, width int) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return fitLine(left, width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// truncate shortens plain text to at most n cells at a word (see
// wording.Shorten).
func truncate(s string, n int) string { return wording.Shorten(s, n) }

// shortest returns the first of the forms of a name that fits width
// cells (the full title, then the bank's short form), else the shortest
// form cut at a word by truncate.
func shortest(width int, forms ...string) string {
	last := ""
	for _, f := range forms {
		if f == "" {
			continue
		}
		if ansi.StringWidth(f) <= width {
			return f
		}
		last = f
	}
	return truncate(last, width)
}

// scrolled shows height lines of a page from offset, and marks with a
// line of its own each end where the page goes on ("↑ 3 more", "↓ 12
// more"), so nothing outside the window is a secret. It returns the lines
// and the offset actually used, which the caller keeps so that a key
// pressed past the end does not build up a debt of presses.
func scrolled(s *Styles, lines []string, height, offset int) ([]string, int) {
	if height <= 0 {
		return nil, 0
	}
	if len(lines) <= height {
		return lines, 0
	}
	// The last window shows the rest under the top mark alone.
	offset = max(0, min(offset, len(lines)-height+1))
	start, end := offset, offset+visible(len(lines), height, offset)
	var out []string
	if start > 0 {
		out = append(out, s.Subtle.Render(fmt.Sprintf("↑ %d more", start)))
	}
	out = append(out, lines[start:end]...)
	if end < len(lines) {
		out = append(out, s.Accent.Render(fmt.Sprintf("↓ %d more", len(lines)-end)))
	}
	return out, offset
}

// visible is how many of n lines a window of height shows from offset,
// once the marks take their lines.
func visible(n, height, offset int) int {
	room := height
	if offset > 0 {
		room-- // the top mark
	}
	if n-offset > room {
		room-- // the bottom mark
	}
	return max(1, min(room, n-offset))
}

// scrolledTo is scrolled keeping the focus line in view: the offset moves
// as little as it must for the focus to be inside the window.
func scrolledTo(s *Styles, lines []string, height, offset, focus int) ([]string, int) {
	if len(lines) > height && height > 2 {
		focus = max(0, min(focus, len(lines)-1))
		if focus < offset || focus == 0 {
			offset = focus
		}
		for offset < focus && focus >= offset+visible(len(lines), height, offset) {
			offset++
		}
	}
	return scrolled(s, lines, height, offset)
}
