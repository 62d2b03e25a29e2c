// Package tomlpos finds where keys and tables sit in a TOML document.
//
// BurntSushi/toml reports positions for syntax errors but not for decoded
// values, and nothing at all for the i-th element of an array of tables.
// secpath needs both to name the line of a dangling reference or an unknown
// answer. This package makes one tolerant pass over the text and records
// the position of every table header, key and inline-table element under an
// indexed path such as "question[3].option[1].levels" or
// "role[2].targets[5]". It never fails: on text it cannot follow it simply
// records less, and callers fall back to the enclosing item's position.
//
// It also guards the decoder (CheckShape, CheckShapeKeys): a document
// nested too deep or with too many keys is refused before it is decoded.
// It sits beside the bank loader, its first user, and the answers-file
// reader in internal/storage uses it too, so both kinds of file are placed
// and guarded by one code.
package tomlpos

import (
	"strconv"
	"strings"
)

// Pos is a 1-based line and column.
type Pos struct {
	Line   int
	Column int
}

// Index maps indexed paths to positions. Plain (unindexed) dotted paths are
// kept too, in document order, so that an unknown key reported by the
// decoder as "question.option.explaination" can be found.
type Index struct {
	exact map[string]Pos
	plain map[string][]Pos
	kids  map[string]map[string]Pos // built on the first Children call
}

// Lookup returns the position recorded for an indexed path.
func (ix *Index) Lookup(path string) (Pos, bool) {
	if ix == nil {
		return Pos{}, false
	}
	p, ok := ix.exact[path]
	return p, ok
}

// Plain returns every position where the unindexed dotted path occurs.
func (ix *Index) Plain(path string) []Pos {
	if ix == nil {
		return nil
	}
	return ix.plain[path]
}

// Children returns, for an indexed prefix such as "question[3]", the
// positions of its direct keys keyed by their plain name ("measures",
// "measures.risk-management"). The grouping is built once, so stamping
// every item of a large bank stays linear.
func (ix *Index) Children(prefix string) map[string]Pos {
	if ix == nil {
		return map[string]Pos{}
	}
	if ix.kids == nil {
		ix.kids = map[string]map[string]Pos{}
		for k, v := range ix.exact {
			parent, rest := "", k
			if b := strings.LastIndexByte(k, ']'); b >= 0 {
				if b+1 >= len(k) || k[b+1] != '.' {
					continue // an element itself, not a key inside one
				}
				parent, rest = k[:b+1], k[b+2:]
			}
			// Register under the element and under every table between it
			// and the key: "rule.version" belongs to "certification[0]" and
			// "version" to "certification[0].rule".
			for {
				if ix.kids[parent] == nil {
					ix.kids[parent] = map[string]Pos{}
				}
				ix.kids[parent][rest] = v
				dot := strings.IndexByte(rest, '.')
				if dot < 0 {
					break
				}
				if parent != "" {
					parent += "."
				}
				parent, rest = parent+rest[:dot], rest[dot+1:]
			}
		}
	}
	if m, ok := ix.kids[prefix]; ok {
		return m
	}
	return map[string]Pos{}
}

// frame is one open inline container ({...} or [...]) while scanning.
type frame struct {
	path    string // indexed path of the container
	plain   string // unindexed path
	isArray bool
	count   int // elements seen so far (arrays)
}

type scanner struct {
	src        string
	i          int
	line, col  int
	ix         *Index
	table      string         // current indexed table path
	plainTable string         // current unindexed table path
	arrays     map[string]int // element counts of arrays of tables, by indexed parent path
	stack      []frame
	lineBusy   bool // a significant byte was seen on this line
	lastSig    byte // the last significant byte outside comments
}

// Scan indexes a TOML document.
func Scan(src string) *Index {
	s := &scanner{
		src:    src,
		line:   1,
		col:    1,
		ix:     &Index{exact: map[string]Pos{}, plain: map[string][]Pos{}},
		arrays: map[string]int{},
	}
	s.run()
	return s.ix
}

func (s *scanner) record(path, plain string, p Pos) {
	if _, seen := s.ix.exact[path]; !seen {
		s.ix.exact[path] = p
	}
	s.ix.plain[plain] = append(s.ix.plain[plain], p)
}

func (s *scanner) peek(off int) byte {
	if s.i+off < len(s.src) {
		return s.src[s.i+off]
	}
	return 0
}

func (s *scanner) advance() {
	if s.i >= len(s.src) {
		return
	}
	switch c := s.src[s.i]; c {
	case '\n':
		s.line++
		s.col = 1
		s.lineBusy = false
	case ' ', '\t', '\r':
		s.col++
	default:
		s.col++
		s.lineBusy = true
		s.lastSig = c
	}
	s.i++
}

func (s *scanner) pos() Pos { return Pos{Line: s.line, Column: s.col} }

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func (s *scanner) run() {
	atLineStart := true
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\n':
			atLineStart = len(s.stack) == 0
			s.advance()
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '#':
			busy, last := s.lineBusy, s.lastSig
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.advance()
			}
			s.lineBusy, s.lastSig = busy, last
		case len(s.stack) == 0 && atLineStart && c == '[':
			s.header()
			atLineStart = false
		case s.expectsKey() && isKeyStart(c):
			s.keyValue()
			atLineStart = false
		case c == '"' || c == '\'':
			s.skipString()
			atLineStart = false
		case c == '{' || c == '[':
			s.open(c == '[')
			atLineStart = false
		case c == '}' || c == ']':
			if n := len(s.stack); n > 0 {
				s.stack = s.stack[:n-1]
			}
			s.advance()
			atLineStart = false
		default:
			s.advance()
			atLineStart = false
		}
	}
}

// expectsKey reports whether a bare word here would be a key: at the top
// level as the first thing on a line, or directly inside an inline table
// after its opening brace or a comma.
func (s *scanner) expectsKey() bool {
	if len(s.stack) == 0 {
		return !s.lineBusy
	}
	if s.stack[len(s.stack)-1].isArray {
		return false
	}
	return s.lastSig == '{' || s.lastSig == ','
}

func isKeyStart(c byte) bool {
	return c == '_' || c == '-' || c == '"' || c == '\'' ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// readKey reads a dotted key and returns its parts.
func (s *scanner) readKey() []string {
	var parts []string
	for s.i < len(s.src) {
		for s.peek(0) == ' ' || s.peek(0) == '\t' {
			s.advance()
		}
		c := s.peek(0)
		var part string
		switch {
		case c == '"' || c == '\'':
			start := s.i
			s.skipString()
			raw := s.src[start:s.i]
			if u, err := strconv.Unquote(raw); err == nil && c == '"' {
				part = u
			} else {
				part = strings.Trim(raw, `"'`)
			}
		case isKeyStart(c):
			start := s.i
			for s.i < len(s.src) && isKeyStart(s.src[s.i]) && s.src[s.i] != '"' && s.src[s.i] != '\'' {
				s.advance()
			}
			part = s.src[start:s.i]
		default:
			return parts
		}
		parts = append(parts, part)
		for s.peek(0) == ' ' || s.peek(0) == '\t' {
			s.advance()
		}
		if s.peek(0) != '.' {
			return parts
		}
		s.advance()
	}
	return parts
}

func (s *scanner) header() {
	p := s.pos()
	s.advance()
	array := s.peek(0) == '['
	if array {
		s.advance()
	}
	parts := s.readKey()
	for s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != '#' {
		s.advance()
	}
	if len(parts) == 0 {
		return
	}
	// Resolve the indexed path: every prefix that names an array of tables
	// takes its current element index.
	indexed, plain := "", ""
	for n, part := range parts {
		plain = join(plain, part)
		indexed = join(indexed, part)
		last := n == len(parts)-1
		if last && array {
			k := s.arrays[indexed]
			s.arrays[indexed] = k + 1
			// A new element resets the counters of arrays nested in it.
			for key := range s.arrays {
				if strings.HasPrefix(key, indexed+"[") {
					delete(s.arrays, key)
				}
			}
			indexed += "[" + strconv.Itoa(k) + "]"
		} else if k, ok := s.arrays[indexed]; ok && k > 0 {
			indexed += "[" + strconv.Itoa(k-1) + "]"
		}
	}
	s.table, s.plainTable = indexed, plain
	s.record(indexed, plain, p)
}

func (s *scanner) keyValue() {
	p := s.pos()
	parts := s.readKey()
	if len(parts) == 0 || s.peek(0) != '=' {
		s.advance()
		return
	}
	s.advance() // '='
	base, plainBase := s.table, s.plainTable
	if n := len(s.stack); n > 0 {
		base, plainBase = s.stack[n-1].path, s.stack[n-1].plain
	}
	path, plain := base, plainBase
	for _, part := range parts {
		path, plain = join(path, part), join(plain, part)
	}
	s.record(path, plain, p)
	// The value: remember its path so an inline container opened next
	// belongs to this key.
	for s.peek(0) == ' ' || s.peek(0) == '\t' {
		s.advance()
	}
	if c := s.peek(0); c == '{' || c == '[' {
		s.stack = append(s.stack, frame{path: path, plain: plain, isArray: c == '['})
		s.advance()
	}
}

// open handles a container that is not directly a key's value: an element
// of an inline array.
func (s *scanner) open(isArray bool) {
	p := s.pos()
	path, plain := "", ""
	if n := len(s.stack); n > 0 {
		top := &s.stack[n-1]
		if top.isArray {
			path = top.path + "[" + strconv.Itoa(top.count) + "]"
			plain = top.plain
			top.count++
			s.record(path, plain, p)
		} else {
			path, plain = top.path, top.plain
		}
	}
	s.stack = append(s.stack, frame{path: path, plain: plain, isArray: isArray})
	s.advance()
}

func (s *scanner) skipString() {
	q := s.peek(0)
	if s.peek(1) == q && s.peek(2) == q { // multi-line
		s.advance()
		s.advance()
		s.advance()
		for s.i < len(s.src) {
			if q == '"' && s.peek(0) == '\\' {
				s.advance()
				s.advance()
				continue
			}
			if s.peek(0) == q && s.peek(1) == q && s.peek(2) == q {
				s.advance()
				s.advance()
				s.advance()
				// Up to two more quotes may belong to the content.
				for s.peek(0) == q {
					s.advance()
				}
				return
			}
			s.advance()
		}
		return
	}
	s.advance()
	for s.i < len(s.src) {
		c := s.peek(0)
		if c == '\n' {
			return
		}
		if q == '"' && c == '\\' {
			s.advance()
			s.advance()
			continue
		}
		s.advance()
		if c == q {
			return
		}
	}
}

// Clamp moves a position reported past the end of its line (the decoder
// reports an error at a newline as the start of the next line) back to the
// end of the line where the problem is.
func Clamp(src string, line, col int) (int, int) {
	lines := strings.Split(src, "\n")
	for line > 1 && (line > len(lines) || col > len([]rune(lines[line-1]))+1) {
		line--
		col = len([]rune(lines[line-1])) + 1
	}
	return line, col
}
