package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
	"github.com/secpath/secpath/questions/tomlpos"
)

// MaxAnswersSize bounds an answers file; a complete one is about 30 KiB.
const MaxAnswersSize = 4 << 20

// maxAnswersKeys bounds the keys and tables of an answers file, checked
// before decoding: a complete one with a mentor's review has a few hundred.
const maxAnswersKeys = 10000

// maxProblems bounds the problems reported for one file: past it, the rest
// are counted, not listed.
const maxProblems = 20

// MaxEvidence bounds one evidence note, in characters.
const MaxEvidence = 4000

// Session holds what the interactive quiz keeps beside the answers so an
// unfinished assessment can be resumed.
type Session struct {
	ID       string    `toml:"id"`
	Started  time.Time `toml:"started"`
	Updated  time.Time `toml:"updated"`
	Position string    `toml:"position"` // id of the question on screen
}

// File is an answers file: the assessment and, for saved quiz sessions,
// the session metadata.
type File struct {
	Answers *assess.Answers
	Session Session
}

type rawProfile struct {
	Name         string `toml:"name"`
	CurrentRole  string `toml:"current_role"`
	Organisation string `toml:"organisation"`
}

type rawAnswer struct {
	Answer     any    `toml:"answer"`
	Skipped    bool   `toml:"skipped"`
	Evidence   string `toml:"evidence"`
	Confidence string `toml:"confidence"`
}

// rawRating is the mentor's rating of a question: level is one level for
// every competency the question measures (the only shape before ratings
// were per competency, and still written when all are the same); levels
// gives a competency its own, over level.
type rawRating struct {
	Level  *int           `toml:"level"`
	Levels map[string]int `toml:"levels"`
	Notes  string         `toml:"notes"`
}

type rawGap struct {
	Role       string    `toml:"role"`
	Competency string    `toml:"competency"`
	Matters    *bool     `toml:"matters"` // absent: not decided yet
	Priority   int       `toml:"priority"`
	Owner      string    `toml:"owner"`
	Due        time.Time `toml:"due"`
	CheckIn    time.Time `toml:"check_in"`
	Action     string    `toml:"action"`
	Notes      string    `toml:"notes"`
}

type rawSignOff struct {
	Mentee string    `toml:"mentee"`
	Mentor string    `toml:"mentor"`
	Date   time.Time `toml:"date"`
}

type rawMentor struct {
	Name    string               `toml:"name"`
	Updated time.Time            `toml:"updated"`
	SignOff rawSignOff           `toml:"signoff"`
	Ratings map[string]rawRating `toml:"ratings"`
	Gaps    []rawGap             `toml:"gap"`
}

type rawFile struct {
	Schema      int                  `toml:"schema"`
	Bank        string               `toml:"bank"`
	BankVersion string               `toml:"bank_version"`
	Mode        string               `toml:"mode"`
	Target      string               `toml:"target"`
	Profile     rawProfile           `toml:"profile"`
	Session     Session              `toml:"session"`
	Answers     map[string]rawAnswer `toml:"answers"`
	Mentor      *rawMentor           `toml:"mentor"`
}

// ReadAnswers reads an answers file from disk and checks it against the
// bank.
func ReadAnswers(path string, b *assess.Bank) (*File, error) {
	return readAnswers(path, b, false)
}

// ReadRegularAnswers is ReadAnswers for files found in a directory (the
// sessions directory, a cohort folder): only a regular file is read, and
// it is opened without blocking, so a named pipe left there is reported
// by name instead of hanging the program. A file named on the command
// line may be a pipe (secpath score <(…)) and is read with ReadAnswers.
func ReadRegularAnswers(path string, b *assess.Bank) (*File, error) {
	return readAnswers(path, b, true)
}

func readAnswers(path string, b *assess.Bank, regularOnly bool) (*File, error) {
	if regularOnly {
		if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
			return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, kindOf(st.Mode()))
		}
	}
	f, err := openRead(path, regularOnly)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, pathErr(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, pathErr(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not an answers file", path)
	}
	if regularOnly && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxAnswersSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, pathErr(err))
	}
	return ParseAnswers(path, data, b)
}

func pathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ParseAnswers decodes answers-file text strictly. Every problem is
// reported with its line: unknown keys and question ids, wrong types,
// option numbers out of range, unknown certifications, a file from another
// bank or schema. All problems are returned together as an
// *assess.InvalidError.
func ParseAnswers(name string, data []byte, b *assess.Bank) (*File, error) {
	// Each of these means the file is not TOML at all: a session file in
	// that state is corrupt, not merely out of date.
	bad := func(line, col int, format string, args ...any) error {
		return corrupt(assess.Diagnostic{File: name, Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
	}
	if len(data) > MaxAnswersSize {
		return nil, bad(0, 0, "the file is larger than %d MiB; an answers file is a few KiB", MaxAnswersSize>>20)
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		d := assess.Diagnostic{File: name, Message: "the file is empty"}
		return nil, &FixError{Invalid: &assess.InvalidError{Diagnostics: []assess.Diagnostic{d}}, At: d, Kind: ErrEmpty}
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8At(data)
		return nil, bad(line, col, "the file is not valid UTF-8 text (is it an answers file?); save it as UTF-8")
	}
	text := string(data)
	// Decoding costs grow with nesting times size; a few MiB of "[[[[" would
	// take gigabytes, so the shape is checked first, in one linear pass.
	if se := tomlpos.CheckShapeKeys(text, maxAnswersKeys); se != nil {
		return nil, bad(se.Pos.Line, se.Pos.Column, "%s", se.Msg)
	}
	var raw rawFile
	md, err := toml.Decode(withoutCommentLines(text), &raw)
	if err != nil {
		// Decode the text as written, so the error's position and the
		// parse match the file exactly.
		raw = rawFile{}
		md, err = toml.Decode(text, &raw)
	}
	// Positions are found only when there is a problem to place: a valid
	// file (the common case, and a cohort reads thousands) skips the scan.
	var index *tomlpos.Index
	ix := func() *tomlpos.Index {
		if index == nil {
			index = tomlpos.Scan(text)
		}
		return index
	}
	if err != nil {
		d := decodeError(name, text, err, ix())
		// Not TOML at all, or TOML with a value of the wrong type?
		var generic map[string]any
		if _, perr := toml.Decode(text, &generic); perr != nil {
			return nil, corrupt(d)
		}
		var pe toml.ParseError
		if errors.As(err, &pe) && strings.HasPrefix(d.Message, "TOML syntax: ") && pe.LastKey != "" {
			d.Message = fmt.Sprintf("wrong value for %q: %s", pe.LastKey, pe.Message)
			if m := quotedTime.FindStringSubmatch(pe.Message); m != nil {
				// Go's own layout means nothing to the person: say what a
				// date looks like in TOML.
				d.Message = fmt.Sprintf("wrong value for %q: a date is written without quotes, as in %s = 2026-12-01 (or with a time, 2026-12-01T10:00:00Z), not as the text %q", pe.LastKey, lastPart(pe.LastKey), m[1])
			}
		}
		return nil, &assess.InvalidError{Diagnostics: []assess.Diagnostic{d}}
	}
	var (
		rep       assess.Report
		otherBank assess.Diagnostic // set when the file names another bank
	)
	at := func(path string) assess.Source {
		p, _ := ix().Lookup(path)
		return assess.Source{File: name, Line: p.Line, Column: p.Column}
	}
	for _, k := range md.Undecoded() {
		if len(k) > 3 && k[0] == "answers" && k[2] == "answer" {
			continue // inside an answer value; checked below
		}
		d := assess.Diagnostic{File: name, Message: fmt.Sprintf("unknown key %q", k.String())}
		if ps := ix().Plain(k.String()); len(ps) > 0 {
			d.Line, d.Column = ps[0].Line, ps[0].Column
		}
		rep.Errors = append(rep.Errors, d)
	}
	switch {
	case raw.Schema != 0 && raw.Schema != assess.SchemaVersion:
		rep.Errorf(at("schema"), "schema %d is not supported: this secpath reads answers files of schema %d", raw.Schema, assess.SchemaVersion)
	case raw.Bank != "" && raw.Bank != b.Meta.Name:
		rep.Errorf(at("bank"), "this answers file is for the bank %q, but the bank in use is %q", raw.Bank, b.Meta.Name)
		otherBank = rep.Errors[len(rep.Errors)-1]
	}
	mode, ok := assess.ParseMode(raw.Mode)
	if !ok {
		rep.Errorf(at("mode"), "mode %q is not one of full, quick", raw.Mode)
	}
	if raw.Target != "" && b.Role(raw.Target) == nil {
		rep.Errorf(at("target"), "target %q is not a role in the bank%s", raw.Target, suggestRole(b, raw.Target))
	}
	a := &assess.Answers{
		Bank: raw.Bank, BankVersion: raw.BankVersion, Mode: mode, Target: raw.Target,
		Profile: assess.Profile{Name: raw.Profile.Name, CurrentRole: raw.Profile.CurrentRole, Organisation: raw.Profile.Organisation},
		Items:   make(map[string]assess.Answer, len(raw.Answers)),
	}
	if a.Bank == "" {
		a.Bank, a.BankVersion = b.Meta.Name, b.Meta.Version
	}
	for _, id := range sortedIDs(raw.Answers) {
		ra := raw.Answers[id]
		where := func() assess.Source { return at("answers." + id) }
		q := b.Question(id)
		if q == nil {
			hint := ""
			if len(rep.Errors) < maxProblems { // suggestions cost; past the cap they are not shown
				hint = suggestQuestion(b, id)
			}
			rep.Errorf(where(), "unknown question %q%s", id, hint)
			continue
		}
		if ra == (rawAnswer{}) {
			continue // a blank entry, as the template writes them
		}
		ans, errs := convertAnswer(b, q, ra)
		for _, e := range errs {
			pos := at("answers." + id + "." + e.key)
			if pos.Line == 0 {
				pos = where()
			}
			rep.Errorf(pos, "question %q: %s", id, e.msg)
		}
		a.Items[id] = ans
	}
	if raw.Mentor != nil {
		a.Mentor = convertMentor(b, raw.Mentor, &rep, at)
	}
	rep.Sort()
	if n := len(rep.Errors); n > maxProblems {
		rep.Errors = append(rep.Errors[:maxProblems:maxProblems], assess.Diagnostic{File: name,
			Message: fmt.Sprintf("and %d more problems; is this an answers file for this bank?", n-maxProblems)})
	}
	if len(rep.Errors) > 0 {
		inv := &assess.InvalidError{Diagnostics: rep.Errors}
		if otherBank.Message != "" {
			return nil, &FixError{Invalid: inv, At: otherBank, Kind: ErrOtherBank}
		}
		return nil, inv
	}
	return &File{Answers: a, Session: raw.Session}, nil
}

// ErrCorrupt marks a file that does not parse at all: empty, not UTF-8
// text, not TOML, or far too large. A session file in that state is moved
// aside (see QuarantineSession); one that parses but does not fit the bank
// (another bank, an unknown question, a wrong type) is left where it is.
var ErrCorrupt = errors.New("the file does not parse")

// ErrEmpty marks an answers file with nothing in it; it is ErrCorrupt.
var ErrEmpty = fmt.Errorf("the file is empty: %w", ErrCorrupt)

// ErrOtherBank marks an answers file made for another bank than the one in
// use.
var ErrOtherBank = errors.New("the file is for another bank")

// FixError is an invalid answers file one of whose problems, At, is fixed
// outside the file: Kind (ErrEmpty, ErrOtherBank) says which, so that the
// program can tell the person how in its own terms (a command to run, an
// option to give), which this package does not know.
type FixError struct {
	Invalid *assess.InvalidError
	At      assess.Diagnostic
	Kind    error
}

func (e *FixError) Error() string   { return e.Invalid.Error() }
func (e *FixError) Unwrap() []error { return []error{e.Invalid, e.Kind} }

// corruptError is an *assess.InvalidError that is also ErrCorrupt, so it
// is reported like any invalid file and recognised with errors.Is.
type corruptError struct{ inv *assess.InvalidError }

func corrupt(d assess.Diagnostic) error {
	return corruptError{&assess.InvalidError{Diagnostics: []assess.Diagnostic{d}}}
}

func (e corruptError) Error() string   { return e.inv.Error() }
func (e corruptError) Unwrap() []error { return []error{e.inv, ErrCorrupt} }

// invalidUTF8At is the line and column (in bytes, from 1) of the first
// byte that is not UTF-8.
func invalidUTF8At(data []byte) (line, col int) {
	line, start := 1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, i - start + 1
		}
		if data[i] == '\n' {
			line, start = line+1, i+1
		}
		i += size
	}
	return line, len(data) - start + 1
}

type fieldErr struct{ key, msg string }

// convertAnswer checks one raw answer against its question's kind.
func convertAnswer(b *assess.Bank, q *assess.Question, ra rawAnswer) (assess.Answer, []fieldErr) {
	today := time.Now().UTC() // UTC: no time zone to load mid-write
	var errs []fieldErr
	fail := func(key, format string, args ...any) {
		errs = append(errs, fieldErr{key, fmt.Sprintf(format, args...)})
	}
	ans := assess.Answer{Skipped: ra.Skipped, Evidence: ra.Evidence}
	c, ok := assess.ParseConfidence(ra.Confidence)
	if !ok {
		fail("confidence", "confidence %q is not one of low, medium, high", ra.Confidence)
	}
	ans.Confidence = c
	if utf8.RuneCountInString(ra.Evidence) > MaxEvidence {
		fail("evidence", "the evidence note is longer than %d characters", MaxEvidence)
	}
	if ra.Answer == nil {
		return ans, errs
	}
	if ra.Skipped {
		fail("skipped", "it is marked skipped but also has an answer; remove one of them")
	}
	switch q.Shape() {
	case assess.ShapeChoice:
		n, ok := ra.Answer.(int64)
		if ok && n >= 1 && n <= int64(len(q.Options)) {
			ans.Choice = int(n)
		}
		if ans.Choice == 0 {
			fail("answer", "a %s question is answered with an option number from 1 to %d, not %s", q.Kind, len(q.Options), describe(ra.Answer))
		}
	case assess.ShapeNumber:
		var v float64
		switch x := ra.Answer.(type) {
		case int64:
			v = float64(x)
		case float64:
			v = x
		default:
			fail("answer", "a number question is answered with a number, not %s", describe(ra.Answer))
			return ans, errs
		}
		if p := q.CheckNumber(v); p != nil {
			fail("answer", "%s is outside the accepted range %s", describe(ra.Answer), wording.NumberRange(b, q))
			break
		}
		ans.Number = &v
	case assess.ShapeYesNo:
		v, ok := ra.Answer.(bool)
		if !ok {
			fail("answer", "a yes/no question is answered with true or false, not %s", describe(ra.Answer))
			break
		}
		ans.Bool = &v
	case assess.ShapeCertList:
		held, msg := convertHeld(b, ra.Answer, today)
		if msg != "" {
			fail("answer", "%s", msg)
			break
		}
		ans.Held = held
	case assess.ShapeUnknown:
		fail("answer", "%s", (&assess.Problem{Code: assess.ProblemKind, Kind: q.Kind}).Error())
	}
	return ans, errs
}

// convertHeld reads `answer = ["cissp", { id = "cism", year = 2021 }]`:
// the shape here, the rules (known ids, none twice, years in range) in
// the domain.
func convertHeld(b *assess.Bank, v any, today time.Time) ([]assess.HeldCert, string) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Sprintf("a certifications question is answered with a list such as [\"cissp\", { id = \"cism\", year = 2021 }], not %s", describe(v))
	}
	held := []assess.HeldCert{}
	first, last := assess.CertYears(today)
	for _, item := range list {
		var h assess.HeldCert
		switch x := item.(type) {
		case string:
			h.ID = x
		case map[string]any:
			for k := range x {
				if k != "id" && k != "year" {
					return nil, fmt.Sprintf("unknown key %q in a certification (use id and year)", k)
				}
			}
			id, ok := x["id"].(string)
			if !ok {
				return nil, "each certification needs an id string, e.g. { id = \"cism\", year = 2021 }"
			}
			h.ID = id
			if y, present := x["year"]; present {
				yi, ok := y.(int64)
				if !ok || yi < int64(first) || yi > int64(last) {
					return nil, fmt.Sprintf("the year for %q must be a year from %d to %d", id, first, last)
				}
				h.Year = int(yi)
			}
		default:
			return nil, fmt.Sprintf("each certification is an id or { id, year }, not %s", describe(item))
		}
		held = append(held, h)
	}
	if p := b.CheckHeld(held, today); p != nil {
		switch p.Code {
		case assess.ProblemUnknownCert:
			return nil, fmt.Sprintf("unknown certification %q%s", p.Cert, suggestCert(b, p.Cert))
		default:
			return nil, p.Error()
		}
	}
	return held, ""
}

func describe(v any) string {
	switch x := v.(type) {
	case int64:
		return fmt.Sprintf("%d", x)
	case float64:
		return fmt.Sprintf("%g", x)
	case string:
		return fmt.Sprintf("the text %q", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("a %T", v)
}

func decodeError(name, text string, err error, ix *tomlpos.Index) assess.Diagnostic {
	d := assess.Diagnostic{File: name, Message: err.Error()}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		d.Line, d.Column = parseErrorAt(text, pe.Position)
		d.Message = "TOML syntax: " + strings.ReplaceAll(pe.Message, `'\x00'`, "the end of the file")
		if pe.LastKey != "" && strings.Contains(pe.Message, "incompatible types") {
			d.Message = fmt.Sprintf("wrong type for %q: %s", pe.LastKey, pe.Message)
		}
		return d
	}
	msg := strings.TrimPrefix(err.Error(), "toml: ")
	if i := strings.Index(msg, "(last key \""); i >= 0 {
		rest := msg[i+len("(last key \""):]
		if j := strings.Index(rest, "\")"); j >= 0 {
			key := rest[:j]
			if ps := ix.Plain(key); len(ps) > 0 {
				d.Line, d.Column = ps[0].Line, ps[0].Column
			}
			msg = fmt.Sprintf("wrong type for %q: %s", key, strings.TrimPrefix(rest[j+2:], ": "))
		}
	}
	if m := typesRe.FindStringSubmatch(msg); m != nil {
		msg = strings.Replace(msg, m[0], fmt.Sprintf("found %s, expected %s", typeName(m[1]), typeName(m[2])), 1)
	}
	if m := mismatchRe.FindStringSubmatch(msg); m != nil {
		msg = strings.Replace(msg, m[0], fmt.Sprintf("found %s, expected %s", typeName(m[2]), typeName(m[1])), 1)
	}
	d.Message = msg
	return d
}

var (
	typesRe    = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (\S+)`)
	mismatchRe = regexp.MustCompile(`type mismatch for \S+: expected (\S+) but found (\S+)`)
)

// typeName names a decoder's Go type the way a person editing the file
// would: "int64" is an integer, "[]interface {}" a list.
func typeName(t string) string {
	t = strings.TrimPrefix(t, "*")
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "an integer"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case t == "table", strings.HasPrefix(t, "map"), strings.Contains(t, "struct"), strings.HasPrefix(t, "storage."):
		return "a table"
	case t == "time.Time":
		return "a date"
	}
	return t
}

// parseErrorAt places a syntax error. The decoder's byte offset is exact;
// its column is not (at the first byte of a line it counts from the line
// before), so the line and column are worked out from the offset.
func parseErrorAt(text string, p toml.Position) (line, col int) {
	if p.Start <= 0 || p.Start > len(text) {
		return tomlpos.Clamp(text, p.Line, p.Col)
	}
	before := text[:p.Start]
	nl := strings.LastIndexByte(before, '\n')
	line = 1 + strings.Count(before, "\n")
	col = 1 + utf8.RuneCountInString(before[nl+1:])
	return tomlpos.Clamp(text, line, col)
}

func sortedIDs(m map[string]rawAnswer) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func suggestQuestion(b *assess.Bank, id string) string {
	ids := make([]string, len(b.Questions))
	for i, q := range b.Questions {
		ids[i] = q.ID
	}
	return didYouMean(id, ids)
}

func suggestRole(b *assess.Bank, id string) string {
	ids := make([]string, len(b.Roles))
	for i, r := range b.Roles {
		ids[i] = r.ID
	}
	return didYouMean(id, ids)
}

func suggestCert(b *assess.Bank, id string) string {
	ids := make([]string, len(b.Certifications))
	for i, c := range b.Certifications {
		ids[i] = c.ID
	}
	return didYouMean(id, ids)
}

func didYouMean(id string, known []string) string {
	if s := assess.Closest(id, known); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// withoutCommentLines empties the lines that are only a comment, keeping
// every line break so line numbers do not move. A saved session is mostly
// such comments (each question and its options), and the decoder reads
// them a character at a time; a cohort of a thousand files spends most of
// its time there. Text with multi-line strings is left as it is, since a
// line starting with # may be part of one.
func withoutCommentLines(text string) string {
	if strings.Contains(text, `"""`) || strings.Contains(text, "'''") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for len(text) > 0 {
		line, rest, found := strings.Cut(text, "\n")
		if t := strings.TrimLeft(line, " \t"); !strings.HasPrefix(t, "#") {
			b.WriteString(line)
		}
		if found {
			b.WriteByte('\n')
		}
		text = rest
	}
	return b.String()
}

// quotedTime finds the text a date was given as in the decoder's message
// for a quoted date: parsing time "2026-12-01" as "2006-01-02T…".
var quotedTime = regexp.MustCompile(`parsing time "([^"]*)"`)

// lastPart is the last key of a dotted path: "due" of "mentor.gap.due".
func lastPart(key string) string { return key[strings.LastIndex(key, ".")+1:] }
