// Package safetext makes text from files safe to show. A name, a job
// title, an evidence note or a bank's role title comes from a file
// somebody else may have written, and a terminal obeys the control codes
// in what it is sent: an OSC 52 sequence writes the clipboard, ESC c
// resets the terminal, 8-bit C1 codes (U+009B is a CSI) do the same on
// some terminals, and bidirectional overrides make text read differently
// from what it is. Every face that writes such text to a person (the text
// commands, accessible mode, Markdown and CSV) passes it through here, so
// each control shows as a visible, inert escape (\x1b, \u009b, \u202e)
// and nothing a file says reaches the terminal as a command. JSON and
// HTML escape with their own rules (see JSON and HTML).
package safetext

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Unsafe reports a rune a terminal may act on or that reorders text: C0
// controls (newline and tab included), DEL, C1 controls, the
// bidirectional embeddings, overrides and isolates, and the line and
// paragraph separators. Writers of other formats (TOML) use it to escape
// the same runes in their own syntax.
func Unsafe(r rune) bool { return unsafe(r) }

func unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// escape writes r visibly: \x1b for the ASCII range, \u009b beyond it.
func escape(b *strings.Builder, r rune) {
	if r < 0x80 {
		fmt.Fprintf(b, `\x%02x`, r)
		return
	}
	fmt.Fprintf(b, `\u%04x`, r)
}

// Text makes multi-line text safe: newlines and tabs stay, every other
// control shows as an escape, and bytes that are not UTF-8 show as U+FFFD.
func Text(s string) string { return clean(s, true) }

// Line makes one line of text safe: as Text, and newlines, carriage
// returns and tabs show as escapes too, so a name cannot start a line
// that looks like the program's own.
func Line(s string) string { return clean(s, false) }

func clean(s string, multiline bool) string {
	if isClean(s, multiline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case multiline && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case unsafe(r):
			escape(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean is the fast path: most text has nothing to escape.
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return cleanUnicode(s[i:], multiline)
		}
		if c == 0x7f || (c < 0x20 && !(multiline && (c == '\n' || c == '\t'))) {
			return false
		}
	}
	return true
}

func cleanUnicode(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if (r == utf8.RuneError && size == 1) || (unsafe(r) && !(multiline && (r == '\n' || r == '\t'))) {
			return false
		}
	}
	return true
}

// Writer passes everything written through Text: for output that is
// plain text as a whole (a text command's report, accessible mode), so
// no field can be missed. A UTF-8 sequence split across two writes is
// held until it is complete.
type Writer struct {
	w       io.Writer
	pending []byte
}

// NewWriter returns a Writer onto w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write cleans p and writes it; it reports len(p) when everything was
// written.
func (sw *Writer) Write(p []byte) (int, error) {
	data := p
	if len(sw.pending) > 0 {
		data = append(sw.pending, p...)
		sw.pending = nil
	}
	// Hold back an incomplete sequence at the end, for the next write.
	cut := len(data)
	for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
		c := data[len(data)-k]
		if c < 0x80 {
			break
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(data[len(data)-k:]) {
				cut = len(data) - k
			}
			break
		}
	}
	if cut < len(data) {
		sw.pending = append([]byte(nil), data[cut:]...)
	}
	if _, err := io.WriteString(sw.w, Text(string(data[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what a last, incomplete sequence held back, as U+FFFD.
func (sw *Writer) Flush() error {
	if len(sw.pending) == 0 {
		return nil
	}
	p := sw.pending
	sw.pending = nil
	_, err := io.WriteString(sw.w, Text(string(p)))
	return err
}

// JSON makes encoded JSON safe for a terminal as well as a parser: the
// encoder escapes C0 controls, but writes C1 controls and bidirectional
// overrides as they are; these become \u escapes, which decode to the same
// text.
func JSON(data []byte) []byte {
	s := string(data)
	if cleanUnicode(s, true) {
		return data
	}
	var b strings.Builder
	for _, r := range s {
		if r >= 0x80 && unsafe(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return []byte(b.String())
}

// HTML makes text for an HTML page show its controls: html/template
// escapes markup, not control characters, and a page saved from a
// terminal or printed should show them as the text does. Use it on the
// text before the template escapes it.
func HTML(s string) string { return Text(s) }

// Frame makes a full-screen frame safe after it is laid out: it keeps
// the colour and style sequences the interface draws with (SGR: ESC [ …
// m) and the newlines, and drops every other control: OSC, DCS and the
// other strings, CSI sequences that move, clear or query, single-character
// escapes (ESC c), C0 and C1 controls, DEL and bidirectional overrides.
// They can only have come from text a file held, and dropping rather than
// escaping them keeps the widths the layout measured (all of them take no
// cells). The text commands show them visibly instead (Text).
func Frame(s string) string {
	if frameClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			n, keep := escapeSequence(s[i:])
			if keep {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		case c == '\n' || c == '\t':
			b.WriteByte(c)
			i++
			continue
		case c < 0x20 || c == 0x7f:
			i++
			continue
		case c < 0x80:
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case unsafe(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// frameClean is Frame's fast path: no control but newlines and SGR.
func frameClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 0x1b:
			n, keep := escapeSequence(s[i:])
			if !keep {
				return false
			}
			i += n - 1
		case c == '\n' || c == '\t':
		case c < 0x20 || c == 0x7f:
			return false
		case c >= 0x80:
			return cleanUnicode(s[i:], true) && frameCleanASCII(s[i:])
		}
	}
	return true
}

// frameCleanASCII checks the rest of a frame once non-ASCII text is met:
// its escape sequences must still be SGR only.
func frameCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			n, keep := escapeSequence(s[i:])
			if !keep {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// escapeSequence measures the escape sequence at the start of s (which
// starts with ESC) and says whether it is SGR, the one a frame keeps.
func escapeSequence(s string) (n int, sgr bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch s[1] {
	case '[': // CSI: parameters and intermediates, then a final byte
		j := 2
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
			params := s[2:j]
			return j + 1, s[j] == 'm' && strings.Trim(params, "0123456789;:") == ""
		}
		return j, false
	case ']', 'P', 'X', '^', '_': // strings: up to BEL or ESC \
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1, false
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2, false
			}
		}
		return len(s), false
	}
	_, size := utf8.DecodeRuneInString(s[1:])
	return 1 + size, false
}
