package accessible

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// wrap breaks text into lines of at most first columns for the first line
// and rest for the others, only between words, so a date, a standard's
// name or a command is never split or shortened. A word longer than a
// whole line (a URL, a pasted token) is the one exception: it is broken
// after a hyphen or slash where it can be, else at the width, with every
// character kept, so no line is ever too long. Control characters are
// dropped so that bank text or a typed note can never put an escape
// sequence on the screen.
func wrap(text string, first, rest int) []string {
	first, rest = max(first, 1), max(rest, 1)
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(text, "\uFFFD"))
	var lines []string
	line, lw := "", 0
	limit := first
	flush := func() {
		lines = append(lines, line)
		line, lw, limit = "", 0, rest
	}
	for _, word := range strings.Fields(text) {
		ww := ansi.StringWidth(word)
		switch {
		case lw > 0 && lw+1+ww <= limit:
			line, lw = line+" "+word, lw+1+ww
			continue
		case lw > 0:
			flush()
		}
		for ww > limit {
			head, tail := splitLong(word, limit)
			line = head
			flush()
			word, ww = tail, ansi.StringWidth(tail)
		}
		line, lw = word, ww
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// splitLong breaks a word wider than limit: after the last hyphen or
// slash that leaves a head within the limit, else at the limit itself.
func splitLong(word string, limit int) (head, tail string) {
	cut, w := 0, 0
	for i, r := range word {
		rw := ansi.StringWidth(string(r))
		if w+rw > limit {
			break
		}
		w += rw
		cut = i + len(string(r))
	}
	if cut == 0 {
		// Not even one character fits: take one anyway.
		_, size := utf8.DecodeRuneInString(word)
		cut = size
	}
	if i := strings.LastIndexAny(word[:cut], "-/"); i > 0 {
		cut = i + 1
	}
	return word[:cut], word[cut:]
}
