package tomlpos

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckShape(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + strings.Repeat(close, n)
	}
	cases := []struct {
		name, src string
		line, col int // 0: within the limits
	}{
		{"the test document", doc, 0, 0},
		{"nested to the limit", "x = " + deep("[", "]", MaxDepth), 0, 0},
		{"arrays too deep", "a = 1\nx = " + deep("[", "]", MaxDepth+1), 2, 5 + MaxDepth},
		{"inline tables too deep", "x = " + strings.Repeat("{a=", MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1), 1, 5 + 3*MaxDepth},
		{"mixed, on later lines", "[t]\nx = [\n  {a = [[[\n" + deep("[", "]", MaxDepth), 4, MaxDepth - 5 + 1},
		{"brackets in strings count for nothing", `s = "` + strings.Repeat("[", 1000) + `"` + "\nt = '''\n" + strings.Repeat("{", 1000) + "'''\n", 0, 0},
		{"brackets in comments count for nothing", "# " + strings.Repeat("[", 1000) + "\nx = 1\n", 0, 0},
		{"dotted key too long", "x = 1\n" + strings.Repeat("a.", MaxKeyParts) + "b = 1\n", 2, 1},
		{"table header too long", "\n\n[" + strings.Repeat("a.", MaxKeyParts) + "b]\n", 3, 1},
		{"quoted parts count too", `["` + strings.Repeat(`x".a."`, MaxKeyParts) + `"]`, 1, 1},
		{"key in an inline table", "x = { " + strings.Repeat("a.", MaxKeyParts) + "b = 1 }", 1, 7},
		{"a float is not a dotted key", "x = 1.5\ny = 1979-05-27T07:32:00.999\n", 0, 0},
		{"unterminated string", `x = "` + strings.Repeat("[", 100), 0, 0},
		{"empty", "", 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckShape(c.src)
			switch {
			case c.line == 0 && err != nil:
				t.Errorf("within the limits, got %v", err)
			case c.line != 0 && err == nil:
				t.Error("beyond the limits, got nothing")
			case c.line != 0 && (err.Pos.Line != c.line || err.Pos.Column != c.col):
				t.Errorf("at %d:%d, want %d:%d (%s)", err.Pos.Line, err.Pos.Column, c.line, c.col, err.Msg)
			}
		})
	}
}

// TestCheckShapeIsLinear: megabytes of nesting are rejected in
// milliseconds, where decoding them would take gigabytes.
func TestCheckShapeIsLinear(t *testing.T) {
	n := 4 << 20
	start := time.Now()
	for _, src := range []string{
		"x = " + strings.Repeat("[", n),
		"x = " + strings.Repeat("{a=", n/3),
		"[" + strings.Repeat("a.", n/2) + "b]",
	} {
		if CheckShape(src) == nil {
			t.Error("accepted")
		}
	}
	// About 20 ms on a laptop; the bound is a guard against a blow-up (a
	// quadratic scan takes hours here), with room for -race on a loaded
	// machine.
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestShippedBankWithinLimits: the embedded bank is far inside the limits.
func TestShippedBankWithinLimits(t *testing.T) {
	files, _ := filepath.Glob("../bank/*.toml")
	personas, _ := filepath.Glob("../testdata/personas/*.toml")
	if len(files) == 0 || len(personas) == 0 {
		t.Fatal("no bank files found")
	}
	for _, f := range append(files, personas...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckShape(string(data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestCheckShapeKeys(t *testing.T) {
	src := "a = 1\n[t]\nb = { c = 1, d = [{ e = 1 }] }\n[[u]]\n"
	// a, t, b, c, d, e, u: seven keys and headers.
	if err := CheckShapeKeys(src, 7); err != nil {
		t.Errorf("seven keys, limit 7: %v", err)
	}
	err := CheckShapeKeys(src, 6)
	if err == nil || err.Pos != (Pos{Line: 4, Column: 1}) {
		t.Errorf("seven keys, limit 6: %v", err)
	}
	if err := CheckShapeKeys(strings.Repeat("[t]\n", 1000), 0); err != nil {
		t.Errorf("no limit: %v", err)
	}
}

// TestInlineTablesAreComplete: TOML forbids adding to an inline table
// after it is written, by a dotted key or a header; the decoder accepts
// it, so the shape check refuses it, where it happens.
func TestInlineTablesAreComplete(t *testing.T) {
	cases := []struct {
		src       string
		line, col int
		want      string
	}{
		{"a = { b = 1 }\na.c = 2\n", 2, 1, `"a.c" adds to the inline table "a" written on line 1`},
		{"[t]\na = { b = 1 }\n[t.a]\nc = 2\n", 3, 1, `"t.a" adds to the inline table "t.a" written on line 2`},
		{"[t]\na = { b = 1 }\n\n[u]\nx = 1\n[t]\na.d = 3\n", 7, 1, `"t.a.d" adds to the inline table "t.a"`},
		{"q = { 'quoted key' = 1 }\n\"q\".x = 2\n", 2, 1, `"q.x" adds to the inline table "q"`},
	}
	for _, c := range cases {
		err := CheckShape(c.src)
		if err == nil || err.Pos.Line != c.line || err.Pos.Column != c.col || !strings.Contains(err.Msg, c.want) {
			t.Errorf("%q: got %v, want %d:%d %s", c.src, err, c.line, c.col, c.want)
		}
	}
	for _, ok := range []string{
		"a = { b = 1 }\nab.c = 2\n",
		"a = { b = { c = 1 } }\nz = 1\n",
		"[a]\nb = 1\n[a.c]\nd = 2\n",
		"a.b = 1\na.c = 2\n",
		"x = [{ a = 1 }, { a = 2 }]\n[y]\nx = { a = 1 }\n",
		"s = \"a = { b = 1 }\"\na.c = 1\n",
	} {
		if err := CheckShape(ok); err != nil {
			t.Errorf("%q: refused: %v", ok, err)
		}
	}
}
