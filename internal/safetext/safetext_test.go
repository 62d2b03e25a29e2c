package safetext

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	cases := []struct{ in, text, line string }{
		{"Ada Lovelace", "Ada Lovelace", "Ada Lovelace"},
		{"Zoë Ødegaard, 日本", "Zoë Ødegaard, 日本", "Zoë Ødegaard, 日本"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab", `two\x0alines\x09and a tab`},
		// OSC 52: write the clipboard.
		{"\x1b]52;c;ZXZpbA==\x07name", `\x1b]52;c;ZXZpbA==\x07name`, `\x1b]52;c;ZXZpbA==\x07name`},
		// ESC c: reset the terminal.
		{"\x1bc", `\x1bc`, `\x1bc`},
		{"carriage\rreturn", `carriage\x0dreturn`, `carriage\x0dreturn`},
		{"del\x7f", `del\x7f`, `del\x7f`},
		// 8-bit C1: CSI and OSC as Unicode code points.
		{"\u009b31mred", `\u009b31mred`, `\u009b31mred`},
		{"\u009d0;title\u009c", `\u009d0;title\u009c`, `\u009d0;title\u009c`},
		// Bidirectional override and isolate.
		{"admin\u202etxt.exe", `admin\u202etxt.exe`, `admin\u202etxt.exe`},
		{"a\u2066b\u2069", `a\u2066b\u2069`, `a\u2066b\u2069`},
		// Bytes that are not UTF-8, including a lone C1 byte.
		{"S\xe9bastien \x9b", "S\uFFFDbastien \uFFFD", "S\uFFFDbastien \uFFFD"},
	}
	for _, c := range cases {
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

// TestWriterHoldsSplitRunes: a rune cut between two writes is written
// whole, and an ESC in any write is escaped.
func TestWriterHoldsSplitRunes(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	in := "Zoë \x1b[2J日本\u009b"
	b := []byte(in)
	for i := 0; i < len(b); i++ {
		if n, err := w.Write(b[i : i+1]); n != 1 || err != nil {
			t.Fatalf("write %d: %d, %v", i, n, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), `Zoë \x1b[2J日本\u009b`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// An incomplete sequence at the very end comes out as U+FFFD.
	out.Reset()
	w = NewWriter(&out)
	w.Write([]byte("ok \xe6\x97"))
	w.Flush()
	if got := out.String(); got != "ok \uFFFD\uFFFD" && got != "ok \uFFFD" {
		t.Errorf("incomplete end: %q", got)
	}
}

func TestJSON(t *testing.T) {
	data, err := json.Marshal(map[string]string{"name": "a\x1bb\u009bc\u202ed"})
	if err != nil {
		t.Fatal(err)
	}
	safe := JSON(data)
	if bytes.ContainsAny(safe, "\x1b\u009b\u202e") {
		t.Errorf("controls left in %q", safe)
	}
	var back map[string]string
	if err := json.Unmarshal(safe, &back); err != nil || back["name"] != "a\x1bb\u009bc\u202ed" {
		t.Errorf("the escaped JSON does not decode to the same text: %v %q", err, back["name"])
	}
}

// noControl reports the first byte or rune a terminal could act on.
func noControl(s string, multiline bool) (rune, bool) {
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unsafe(r) {
			return r, false
		}
	}
	return 0, true
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "\x1b]52;c;x\x07", "\u009b2J", "\xff\xfe", "a\u202eb", "line\nbreak\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, multiline := range []bool{true, false} {
			out := clean(s, multiline)
			if !utf8.ValidString(out) {
				t.Fatalf("not UTF-8: %q", out)
			}
			if r, ok := noControl(out, multiline); !ok {
				t.Fatalf("control %U left in %q (from %q)", r, out, s)
			}
			// Clean text is left exactly as it is.
			if _, ok := noControl(s, multiline); ok && utf8.ValidString(s) && out != s {
				t.Fatalf("clean text changed: %q → %q", s, out)
			}
		}
		var buf bytes.Buffer
		w := NewWriter(&buf)
		half := len(s) / 2
		w.Write([]byte(s[:half]))
		w.Write([]byte(s[half:]))
		w.Flush()
		if r, ok := noControl(buf.String(), true); !ok || strings.ContainsRune(buf.String(), 0x1b) {
			t.Fatalf("writer left %U in %q", r, buf.String())
		}
	})
}

func TestFrame(t *testing.T) {
	red, reset := "\x1b[38;2;200;0;0m", "\x1b[m"
	cases := []struct{ in, want string }{
		{"plain\nlines", "plain\nlines"},
		{red + "styled" + reset + " text", red + "styled" + reset + " text"},
		{"\x1b[1;4mbold\x1b[0m", "\x1b[1;4mbold\x1b[0m"},
		// From a file: dropped, the styling around them kept.
		{red + "Eve\x1b]52;c;ZXZpbA==\x07" + reset, red + "Eve" + reset},
		{"a\x1b]0;title\x1b\\b", "ab"},
		{"\x1bcreset", "reset"},
		{"clear\x1b[2Jscreen\x1b[H", "clearscreen"},
		{"bell\x07cr\rdel\x7f", "bellcrdel"},
		{"c1\u009b2J\u009d0;x\u009c", "c12J0;x"},
		{"bidi\u202etxt", "biditxt"},
		{"Zoë 日本", "Zoë 日本"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"\x1b", ""},
	}
	for _, c := range cases {
		if got := Frame(c.in); got != c.want {
			t.Errorf("Frame(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzFrame(f *testing.F) {
	f.Add("\x1b[31mred\x1b[0m\x1b]52;c;x\x07\u009b")
	f.Fuzz(func(t *testing.T, s string) {
		out := Frame(s)
		for i := 0; i < len(out); i++ {
			if out[i] == 0x1b {
				n, sgr := escapeSequence(out[i:])
				if !sgr {
					t.Fatalf("a non-SGR sequence %q left in %q", out[i:i+n], out)
				}
				i += n - 1
				continue
			}
			if out[i] < 0x20 && out[i] != '\n' && out[i] != '\t' {
				t.Fatalf("control %#x left in %q", out[i], out)
			}
		}
		if _, ok := noControl(strings.Map(func(r rune) rune {
			if r == 0x1b {
				return -1
			}
			return r
		}, out), true); !ok && utf8.ValidString(out) {
			// Only ESC (of kept SGR) may remain among the controls.
			for _, r := range out {
				if r != 0x1b && r != '\n' && r != '\t' && unsafe(r) {
					t.Fatalf("control %U left in %q", r, out)
				}
			}
		}
		if Frame(out) != out {
			t.Fatalf("not idempotent: %q → %q", out, Frame(out))
		}
	})
}
