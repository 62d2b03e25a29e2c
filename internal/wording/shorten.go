package wording

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Shorten shortens plain text to at most n cells. It cuts at the last
// space that leaves room for the ellipsis, so no word is shown in part,
// and drops a separator left dangling at the end ("Privacy Manager /").
// Only when not even the first word fits is a word cut, and the cut is
// still marked: something readable beats an empty cell. Widths are cells,
// not runes, so a wide character counts two.
func Shorten(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= n {
		return s
	}
	if n == 1 {
		return "…"
	}
	room := n - 1 // the ellipsis takes one cell
	cut := ""
	for i, r := range s {
		if r != ' ' {
			continue
		}
		head := strings.TrimRight(s[:i], " /,;:·-–|")
		if head == "" {
			continue
		}
		if ansi.StringWidth(head) > room {
			break
		}
		cut = head
	}
	if cut == "" {
		return ansi.Truncate(s, n, "…")
	}
	return cut + "…"
}
