package tomlpos

import (
	"fmt"
	"strings"
)

// Limits on the shape of a document, checked before it is decoded. The
// decoder and Scan both grow with the product of nesting depth and size:
// a few MiB of "[[[[..." or of "a.a.a.a..." costs gigabytes. Real banks and
// answers files nest four deep at most and use keys of two or three parts.
const (
	// MaxDepth bounds nested arrays and inline tables.
	MaxDepth = 32
	// MaxKeyParts bounds the parts of one dotted key or table header.
	MaxKeyParts = 32
)

// ShapeError says where a document is nested too deep or has too long a
// dotted key.
type ShapeError struct {
	Pos Pos
	Msg string
}

func (e *ShapeError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg) }

// CheckShape makes one linear pass over src and reports the first place
// where arrays or inline tables nest deeper than MaxDepth, or a key or
// table header has more than MaxKeyParts parts. Like Scan it is tolerant:
// it does not check the syntax, which the decoder does afterwards. It
// returns nil when the document is within the limits.
func CheckShape(src string) *ShapeError {
	return CheckShapeKeys(src, 0)
}

// CheckShapeKeys is CheckShape that also reports a document of more than
// maxKeys keys and table headers (when maxKeys > 0), at the first one past
// the limit. Decoding costs about a hundred bytes of memory per key, so a
// few MiB of one-line tables cost hundreds of MiB.
func CheckShapeKeys(src string, maxKeys int) *ShapeError {
	_, err := ShapeKeys(src, maxKeys)
	return err
}

// ShapeKeys is CheckShapeKeys that also returns the number of keys and
// table headers counted, so that a limit can span several documents.
func ShapeKeys(src string, maxKeys int) (int, *ShapeError) {
	c := shapeChecker{src: src, line: 1, col: 1, expectKey: true, maxKeys: maxKeys}
	err := c.run()
	return c.keys, err
}

type shapeChecker struct {
	src       string
	i         int
	line, col int
	stack     []byte // open containers: '[' or '{'
	expectKey bool   // a bare word here starts a key
	keys      int    // keys and table headers seen
	maxKeys   int
	// table is the path of the current table header; inline holds the
	// paths defined as inline tables, with where, which TOML forbids any
	// later key or header to extend.
	table  []string
	inline map[string]Pos
}

// counted counts a key or header and reports the one past the limit.
func (c *shapeChecker) counted(p Pos) *ShapeError {
	c.keys++
	if c.maxKeys > 0 && c.keys > c.maxKeys {
		return &ShapeError{p, fmt.Sprintf("more than %d keys and tables; the file is far larger than it should be", c.maxKeys)}
	}
	return nil
}

func (c *shapeChecker) peek(off int) byte {
	if c.i+off < len(c.src) {
		return c.src[c.i+off]
	}
	return 0
}

func (c *shapeChecker) advance() {
	if c.i >= len(c.src) {
		return
	}
	if c.src[c.i] == '\n' {
		c.line++
		c.col = 1
	} else {
		c.col++
	}
	c.i++
}

func (c *shapeChecker) pos() Pos { return Pos{Line: c.line, Column: c.col} }

func (c *shapeChecker) run() *ShapeError {
	for c.i < len(c.src) {
		ch := c.src[c.i]
		switch {
		case ch == '\n':
			c.advance()
			if len(c.stack) == 0 {
				c.expectKey = true
			}
		case ch == ' ' || ch == '\t' || ch == '\r':
			c.advance()
		case ch == '#':
			for c.i < len(c.src) && c.src[c.i] != '\n' {
				c.advance()
			}
		case ch == '[' && len(c.stack) == 0 && c.expectKey:
			p := c.pos()
			c.advance()
			element := c.peek(0) == '['
			if element {
				c.advance()
			}
			parts := c.keyPath()
			if len(parts) > MaxKeyParts {
				return &ShapeError{p, fmt.Sprintf("a table header of more than %d dotted parts", MaxKeyParts)}
			}
			if err := c.counted(p); err != nil {
				return err
			}
			if element {
				// A new element of an array of tables: what the previous
				// element defined inline belongs to it, not to this one.
				prefix := pathKey(parts) + "\x00"
				for k := range c.inline {
					if strings.HasPrefix(k, prefix) {
						delete(c.inline, k)
					}
				}
			}
			if err := c.extendsInline(parts, p); err != nil {
				return err
			}
			c.table = parts
			c.expectKey = false
		case c.expectKey && (isKeyStart(ch)):
			p := c.pos()
			top := len(c.stack) == 0
			parts := c.keyPath()
			if len(parts) > MaxKeyParts {
				return &ShapeError{p, fmt.Sprintf("a key of more than %d dotted parts", MaxKeyParts)}
			}
			if err := c.counted(p); err != nil {
				return err
			}
			if top {
				full := append(append([]string{}, c.table...), parts...)
				if err := c.extendsInline(full, p); err != nil {
					return err
				}
				if c.valueIsInlineTable() {
					if c.inline == nil {
						c.inline = map[string]Pos{}
					}
					c.inline[pathKey(full)] = p
				}
			}
			c.expectKey = false
		case ch == '"' || ch == '\'':
			c.skipString()
			c.expectKey = false
		case ch == '[' || ch == '{':
			if len(c.stack) >= MaxDepth {
				return &ShapeError{c.pos(), fmt.Sprintf("arrays and tables nested more than %d deep (real files nest four deep at most)", MaxDepth)}
			}
			c.stack = append(c.stack, ch)
			c.expectKey = ch == '{'
			c.advance()
		case ch == ']' || ch == '}':
			if n := len(c.stack); n > 0 {
				c.stack = c.stack[:n-1]
			}
			c.expectKey = false
			c.advance()
		case ch == ',':
			c.expectKey = len(c.stack) > 0 && c.stack[len(c.stack)-1] == '{'
			c.advance()
		default:
			c.expectKey = false
			c.advance()
		}
	}
	return nil
}

// skipString skips a basic or literal string, single- or multi-line.
func (c *shapeChecker) skipString() {
	q := c.peek(0)
	if c.peek(1) == q && c.peek(2) == q {
		c.advance()
		c.advance()
		c.advance()
		for c.i < len(c.src) {
			if q == '"' && c.peek(0) == '\\' {
				c.advance()
				c.advance()
				continue
			}
			if c.peek(0) == q && c.peek(1) == q && c.peek(2) == q {
				c.advance()
				c.advance()
				c.advance()
				for c.peek(0) == q {
					c.advance()
				}
				return
			}
			c.advance()
		}
		return
	}
	c.advance()
	for c.i < len(c.src) {
		ch := c.peek(0)
		if ch == '\n' {
			return
		}
		if q == '"' && ch == '\\' {
			c.advance()
			c.advance()
			continue
		}
		c.advance()
		if ch == q {
			return
		}
	}
}

// keyPath reads a dotted key (bare or quoted parts) and returns its parts,
// stopping one past MaxKeyParts. Quoted parts are taken as written between
// their quotes: escapes are rare in keys, and a mismatch only means a
// check is missed, never a false report.
func (c *shapeChecker) keyPath() []string {
	var parts []string
	for c.i < len(c.src) && len(parts) <= MaxKeyParts {
		for c.peek(0) == ' ' || c.peek(0) == '\t' {
			c.advance()
		}
		start := c.i
		switch ch := c.peek(0); {
		case ch == '"' || ch == '\'':
			c.skipString()
			part := c.src[start:c.i]
			if len(part) >= 2 {
				part = part[1 : len(part)-1]
			}
			parts = append(parts, part)
		case isKeyStart(ch):
			for c.i < len(c.src) && isKeyStart(c.src[c.i]) && c.src[c.i] != '"' && c.src[c.i] != '\'' {
				c.advance()
			}
			parts = append(parts, c.src[start:c.i])
		default:
			return parts
		}
		for c.peek(0) == ' ' || c.peek(0) == '\t' {
			c.advance()
		}
		if c.peek(0) != '.' {
			return parts
		}
		c.advance()
	}
	return parts
}

// valueIsInlineTable looks past "=" for the value's first character.
func (c *shapeChecker) valueIsInlineTable() bool {
	j := c.i
	for j < len(c.src) && (c.src[j] == ' ' || c.src[j] == '\t') {
		j++
	}
	if j >= len(c.src) || c.src[j] != '=' {
		return false
	}
	j++
	for j < len(c.src) && (c.src[j] == ' ' || c.src[j] == '\t') {
		j++
	}
	return j < len(c.src) && c.src[j] == '{'
}

// extendsInline reports a key or header whose path starts with that of an
// inline table: an inline table is complete where it is written.
func (c *shapeChecker) extendsInline(path []string, p Pos) *ShapeError {
	for n := len(path); n >= 1; n-- {
		if at, ok := c.inline[pathKey(path[:n])]; ok {
			return &ShapeError{p, fmt.Sprintf("%q adds to the inline table %q written on line %d; an inline table is complete where it is written (write it as a [table] to add keys to it)", strings.Join(path, "."), strings.Join(path[:n], "."), at.Line)}
		}
	}
	return nil
}

func pathKey(parts []string) string { return strings.Join(parts, "\x00") }
