package questions

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/questions/tomlpos"
)

//go:embed bank/*.toml
var embedded embed.FS

// MaxFileSize bounds a single bank file; real banks are a few hundred KiB.
const MaxFileSize = 8 << 20

// MaxFileKeys bounds the keys and tables of one bank file: the largest
// file of the embedded bank has about 4,000.
const MaxFileKeys = 50000

// MaxBankSize and MaxBankKeys bound a whole bank directory, so that many
// files each under the limits of one cannot add up to seconds of decoding
// and hundreds of MiB: the embedded bank is about 0.6 MiB and 11,000 keys
// in all.
const (
	MaxBankSize = 16 << 20
	MaxBankKeys = 100000
)

// EmbeddedName is how the default bank is named in messages.
const EmbeddedName = "embedded bank"

// ErrNoBank is returned when a directory holds no .toml files.
var ErrNoBank = errors.New("no .toml files found")

// FS returns the embedded default bank as a file system rooted at its
// directory.
func FS() fs.FS {
	sub, err := fs.Sub(embedded, "bank")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return sub
}

//go:generate go test -run TestPredecodedBankIsCurrent -update .

// predecoded builds the embedded bank without decoding TOML. bank_gen.go
// sets it: that file is the bank/*.toml files decoded once, at go generate
// time, and written as a Go literal. The package tests fail when it is out
// of date. If it stops compiling after a change to assess's types, delete
// it: Default falls back to decoding the TOML, and go generate ./questions
// writes it again.
//
// It is written once, by bank_gen.go's init, before any other code of the
// program runs, and only read after that: it is the one variable of this
// package assigned anywhere but in its declaration.
var predecoded func() *assess.Bank

// Default returns the embedded bank, valid. It fails only if the shipped
// bank is broken, which the package tests rule out.
//
// It does not decode the TOML files: it builds the pre-decoded copy in
// bank_gen.go (about a hundred times faster, which is most of secpath's
// start-up), without source positions, which only serve error messages.
// The package tests prove that copy equal to the TOML and that the bank
// validates with no error and no warning, so it is not validated again.
// DefaultWithPositions is the full load from TOML, for validate.
func Default() (*assess.Bank, assess.Report, error) {
	if predecoded != nil {
		return readyBank(), assess.Report{}, nil
	}
	return decodeDefault()
}

// decodeDefault loads and validates the embedded TOML without recording
// source positions: what Default does without bank_gen.go.
func decodeDefault() (*assess.Bank, assess.Report, error) {
	return load(FS(), "", false)
}

// DefaultWithPositions loads the embedded bank recording where every item
// is, as Load does for any bank.
func DefaultWithPositions() (*assess.Bank, assess.Report, error) {
	return load(FS(), "", true)
}

// LoadDir loads and validates a bank directory on disk.
func LoadDir(dir string) (*assess.Bank, assess.Report, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, assess.Report{}, fmt.Errorf("bank %s: %w", dir, cleanPathErr(err))
	}
	if !info.IsDir() {
		return nil, assess.Report{}, fmt.Errorf("bank %s: not a directory (give the directory that holds the .toml files)", dir)
	}
	return Load(os.DirFS(dir), dir)
}

// cleanPathErr drops the repeated path from *fs.PathError messages.
func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load reads every *.toml file at the root of fsys, in name order, merges
// them into one bank and validates it. dir is used only to name files in
// messages. The returned error is non-nil when the bank cannot be used: an
// *assess.InvalidError carries every error found, the Report carries them
// too, with the warnings.
func Load(fsys fs.FS, dir string) (*assess.Bank, assess.Report, error) {
	return load(fsys, dir, true)
}

func load(fsys fs.FS, dir string, positions bool) (*assess.Bank, assess.Report, error) {
	var rep assess.Report
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, rep, fmt.Errorf("bank %s: %w", displayDir(dir), cleanPathErr(err))
	}
	var names, dirs []string
	for _, e := range entries {
		switch {
		case !strings.HasSuffix(e.Name(), ".toml"):
		case e.IsDir():
			dirs = append(dirs, e.Name())
		default:
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 && len(dirs) == 0 {
		return nil, rep, fmt.Errorf("bank %s: %w", displayDir(dir), ErrNoBank)
	}
	// A directory named like a bank file is most likely a mistake, and
	// skipping it without a word would leave its bank out unexplained.
	for _, name := range dirs {
		rep.Errors = append(rep.Errors, assess.Diagnostic{File: bankFile(dir, name), Message: "is a directory, not a bank file"})
	}
	b := &assess.Bank{}
	metaSet := false
	files, ok := readBankFiles(fsys, dir, names, &rep)
	if !ok {
		rep.Sort()
		return nil, rep, &assess.InvalidError{Diagnostics: rep.Errors}
	}
	for _, bf := range files {
		file, data := bf.file, bf.data
		doc, fileRep := decodeFile(file, data, positions)
		rep.Merge(fileRep)
		if doc == nil {
			continue
		}
		if doc.Schema != 0 || doc.Name != "" || doc.Version != "" || doc.Title != "" {
			if metaSet {
				rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Line: 1, Message: fmt.Sprintf("bank name and schema are already set in %s; keep them in one file", b.Meta.Src.File)})
			} else {
				b.Meta = assess.Meta{Schema: doc.Schema, Name: doc.Name, Title: doc.Title, Version: doc.Version, Description: doc.Description, Src: assess.Source{File: file, Line: 1, Fields: doc.metaFields}}
				metaSet = true
			}
		}
		b.Facts = append(b.Facts, doc.Fact...)
		b.Sections = append(b.Sections, doc.Section...)
		b.Scale = append(b.Scale, doc.Level...)
		b.Competencies = append(b.Competencies, doc.Competency...)
		b.Roles = append(b.Roles, doc.Role...)
		b.Certifications = append(b.Certifications, doc.Certification...)
		b.Questions = append(b.Questions, doc.Question...)
		b.Actions = append(b.Actions, doc.Action...)
	}
	if !metaSet {
		b.Meta.Src = assess.Source{File: path.Join(filepathToSlash(dir), "bank.toml")}
	}
	if len(rep.Errors) == 0 {
		// The bank is complete: its index is built now, once, so that
		// validating it and every later reader find it ready and nothing
		// writes to the bank once it is shared.
		b.Prepare()
		rep.Merge(b.Validate())
	}
	rep.Sort()
	if len(rep.Errors) > 0 {
		return nil, rep, &assess.InvalidError{Diagnostics: rep.Errors}
	}
	return b, rep, nil
}

// bankFile names a bank file in messages.
func bankFile(dir, name string) string {
	if dir == "" {
		return name
	}
	return path.Join(filepathToSlash(dir), name)
}

func displayDir(dir string) string {
	if dir == "" {
		return EmbeddedName
	}
	return dir
}

func filepathToSlash(p string) string { return strings.ReplaceAll(p, "\\", "/") }

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, cleanPathErr(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		return nil, fmt.Errorf("file is %d MiB; bank files are limited to %d MiB", st.Size()>>20, MaxFileSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, cleanPathErr(err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is larger than %d MiB; bank files are limited to that", MaxFileSize>>20)
	}
	return data, nil
}

// fileDoc is what one bank file may hold.
type fileDoc struct {
	Schema        int                    `toml:"schema"`
	Name          string                 `toml:"name"`
	Title         string                 `toml:"title"`
	Version       string                 `toml:"version"`
	Description   string                 `toml:"description"`
	Fact          []assess.Fact          `toml:"fact"`
	Section       []assess.Section       `toml:"section"`
	Level         []assess.ScaleLevel    `toml:"level"`
	Competency    []assess.Competency    `toml:"competency"`
	Role          []assess.Role          `toml:"role"`
	Certification []assess.Certification `toml:"certification"`
	Question      []assess.Question      `toml:"question"`
	Action        []assess.Action        `toml:"action"`

	metaFields map[string]assess.Pos
}

// decodeFile decodes one file strictly and stamps every item with its
// source position.
func decodeFile(file string, data []byte, positions bool) (*fileDoc, assess.Report) {
	var rep assess.Report
	if !utf8.Valid(data) {
		line := 1 + strings.Count(string(data[:firstInvalidUTF8(data)]), "\n")
		rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Line: line, Message: "the file is not valid UTF-8 text; save it as UTF-8"})
		return nil, rep
	}
	text := string(data)
	if len(strings.TrimSpace(text)) == 0 {
		// Almost always a file cut short; merged in, it would surface as a
		// dozen errors about what is missing.
		rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Message: "the file is empty; a bank file holds at least one table (remove the file if it is not needed)"})
		return nil, rep
	}
	// Decoding costs grow with nesting times size: a few MiB of "[[[[", of
	// "a.a.a." or of one-line tables would take gigabytes, so the shape is
	// checked first, in one linear pass.
	if se := tomlpos.CheckShapeKeys(text, MaxFileKeys); se != nil {
		rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Line: se.Pos.Line, Column: se.Pos.Column, Message: se.Msg})
		return nil, rep
	}
	var doc fileDoc
	md, err := toml.Decode(text, &doc)
	// Positions are found only when asked for, or when there is an error
	// to place.
	var ix *tomlpos.Index
	if positions || err != nil || len(md.Undecoded()) > 0 {
		ix = tomlpos.Scan(text)
	}
	if err != nil {
		rep.Errors = append(rep.Errors, decodeDiagnostic(file, text, err, ix))
		return nil, rep
	}
	for _, key := range md.Undecoded() {
		rep.Errors = append(rep.Errors, unknownKey(file, key, ix))
	}
	if len(rep.Errors) > 0 {
		return nil, rep
	}
	if positions {
		stamp(&doc, file, ix)
	} else {
		stampFiles(&doc, file)
	}
	return &doc, rep
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// unknownKey reports a key the schema does not have, at its position, with
// a suggestion when it looks like a typo of a known key.
func unknownKey(file string, key toml.Key, ix *tomlpos.Index) assess.Diagnostic {
	d := assess.Diagnostic{File: file, Message: fmt.Sprintf("unknown key %q", key.String())}
	if ps := ix.Plain(key.String()); len(ps) > 0 {
		d.Line, d.Column = ps[0].Line, ps[0].Column
	}
	parent := strings.Join(key[:len(key)-1], ".")
	if known := knownKeys[parent]; len(known) > 0 {
		if s := assess.Closest(key[len(key)-1], known); s != "" {
			d.Message += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			d.Message += fmt.Sprintf(" (%s takes: %s)", tableName(parent), strings.Join(known, ", "))
		}
	}
	return d
}

func tableName(parent string) string {
	if parent == "" {
		return "the top level"
	}
	return "[" + parent + "]"
}

// knownKeys lists each table's keys for the unknown-key hint.
var knownKeys = map[string][]string{
	"":                           {"schema", "name", "title", "version", "description", "fact", "section", "level", "competency", "role", "certification", "question", "action"},
	"fact":                       {"id", "name", "kind", "unit"},
	"section":                    {"id", "title", "intro"},
	"level":                      {"level", "name", "summary", "sfia", "nih", "dod8140", "ecf", "ciisec"},
	"competency":                 {"id", "name", "dimension", "description", "indicators", "refs"},
	"competency.refs":            {"nice", "ecsf", "ecf", "sfia", "csf", "cissp", "cism", "other"},
	"role":                       {"id", "title", "aliases", "track", "family", "seniority", "summary", "reports_to", "entry", "leads_to", "certifications", "refs", "targets", "experience", "expects_one_of"},
	"role.refs":                  {"nice", "ecsf", "ecf", "sfia", "csf", "cissp", "cism", "other"},
	"role.targets":               {"competency", "level", "weight"},
	"certification":              {"id", "abbr", "name", "body", "signal", "gate", "url", "maintenance", "domains", "rule", "evidence"},
	"certification.domains":      {"id", "name", "weight", "competencies"},
	"certification.rule":         {"version", "date", "source", "experience", "min_domains", "any_of_domains", "waivers", "waiver_fact", "waiver_max_years", "routes", "alternative", "note"},
	"certification.rule.routes":  {"when", "name", "experience", "min_domains"},
	"certification.rule.waivers": {"certification", "fact", "years"},
	"question":                   {"id", "section", "kind", "text", "help", "mentor_prompt", "skippable", "quick", "measures", "fact", "option", "min", "max", "unit", "bands", "yes_level", "no_level"},
	"question.option":            {"text", "level", "levels", "explanation"},
	"action":                     {"id", "competency", "from", "to", "category", "title", "detail", "effort_hours", "duration_weeks", "evidence", "min_seniority", "requires"},
}

var (
	lineRe    = regexp.MustCompile(`line (\d+)`)
	lastKeyRe = regexp.MustCompile(`\(last key "([^"]*)"\)`)
	typesRe   = regexp.MustCompile(`TOML value has type (\S+); destination has type (\S+)`)
)

// decodeDiagnostic turns a decoder error into a positioned message in a
// bank author's words.
func decodeDiagnostic(file, text string, err error, ix *tomlpos.Index) assess.Diagnostic {
	d := assess.Diagnostic{File: file}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		d.Line, d.Column = tomlpos.Clamp(text, pe.Position.Line, pe.Position.Col)
		d.Message = "TOML syntax: " + pe.Message
		if pe.LastKey != "" && strings.Contains(pe.Message, "incompatible types") {
			d.Message = typeMessage(pe.LastKey, pe.Message)
		}
		return d
	}
	msg := err.Error()
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
	}
	key := ""
	if m := lastKeyRe.FindStringSubmatch(msg); m != nil {
		key = m[1]
		for _, p := range ix.Plain(key) {
			if p.Line == d.Line || d.Line == 0 {
				d.Line, d.Column = p.Line, p.Column
				break
			}
		}
	}
	if i := strings.LastIndex(msg, "): "); i >= 0 {
		msg = msg[i+3:]
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	d.Message = typeMessage(key, msg)
	return d
}

func typeMessage(key, msg string) string {
	m := typesRe.FindStringSubmatch(msg)
	if m == nil {
		if key != "" {
			return fmt.Sprintf("%s: %s", key, msg)
		}
		return msg
	}
	return fmt.Sprintf("wrong type for %q: found %s, expected %s", key, article(goTypeName(m[1])), article(goTypeName(m[2])))
}

// goTypeName names a TOML or Go type the way a bank author would.
func goTypeName(t string) string {
	t = strings.TrimPrefix(t, "*")
	switch {
	case strings.Contains(t, "map"), strings.HasPrefix(t, "struct"), t == "table":
		return "table"
	case strings.HasPrefix(t, "[]"), t == "slice", t == "array":
		return "array"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"), t == "integer":
		return "integer"
	case strings.HasPrefix(t, "float"):
		return "number"
	case t == "bool", t == "boolean":
		return "boolean"
	case t == "time.Time", strings.Contains(t, "datetime"), t == "date":
		return "date"
	case t == "string", strings.HasPrefix(t, "assess."):
		// Named string types (Dimension, QuestionKind...) and text.
		if t == "string" || strings.HasSuffix(t, "Dimension") || strings.HasSuffix(t, "Kind") || strings.HasSuffix(t, "Category") {
			return "string"
		}
		return "table"
	}
	return t
}

func article(t string) string {
	t = strings.ToLower(t)
	switch t {
	case "integer", "array":
		return "an " + t
	case "inline":
		return "an inline table"
	}
	return "a " + t
}

// stamp records positions on every item of a decoded file.
func stamp(doc *fileDoc, file string, ix *tomlpos.Index) {
	src := func(path string) assess.Source {
		p, _ := ix.Lookup(path)
		kids := ix.Children(path)
		fields := make(map[string]assess.Pos, len(kids))
		for k, v := range kids {
			fields[k] = assess.Pos{Line: v.Line, Column: v.Column}
		}
		return assess.Source{File: file, Line: p.Line, Column: p.Column, Fields: fields}
	}
	doc.metaFields = src("").Fields
	for i := range doc.Fact {
		doc.Fact[i].Src = src(fmt.Sprintf("fact[%d]", i))
	}
	for i := range doc.Section {
		doc.Section[i].Src = src(fmt.Sprintf("section[%d]", i))
	}
	for i := range doc.Level {
		doc.Level[i].Src = src(fmt.Sprintf("level[%d]", i))
	}
	for i := range doc.Competency {
		doc.Competency[i].Src = src(fmt.Sprintf("competency[%d]", i))
	}
	for i := range doc.Role {
		r := &doc.Role[i]
		base := fmt.Sprintf("role[%d]", i)
		r.Src = src(base)
		for k := range r.Targets {
			r.Targets[k].Src = orParent(src(fmt.Sprintf("%s.targets[%d]", base, k)), r.Src)
		}
	}
	for i := range doc.Certification {
		c := &doc.Certification[i]
		base := fmt.Sprintf("certification[%d]", i)
		c.Src = src(base)
		for k := range c.Domains {
			c.Domains[k].Src = orParent(src(fmt.Sprintf("%s.domains[%d]", base, k)), c.Src)
		}
		c.Rule.Src = orParent(src(base+".rule"), c.Src)
		for k := range c.Rule.Waivers {
			c.Rule.Waivers[k].Src = orParent(src(fmt.Sprintf("%s.rule.waivers[%d]", base, k)), c.Rule.Src)
		}
	}
	for i := range doc.Question {
		q := &doc.Question[i]
		base := fmt.Sprintf("question[%d]", i)
		q.Src = src(base)
		for k := range q.Options {
			q.Options[k].Src = orParent(src(fmt.Sprintf("%s.option[%d]", base, k)), q.Src)
		}
	}
	for i := range doc.Action {
		doc.Action[i].Src = src(fmt.Sprintf("action[%d]", i))
	}
}

// stampFiles records only the file of every item, for a fast load.
func stampFiles(doc *fileDoc, file string) {
	src := assess.Source{File: file}
	for i := range doc.Fact {
		doc.Fact[i].Src = src
	}
	for i := range doc.Section {
		doc.Section[i].Src = src
	}
	for i := range doc.Level {
		doc.Level[i].Src = src
	}
	for i := range doc.Competency {
		doc.Competency[i].Src = src
	}
	for i := range doc.Role {
		doc.Role[i].Src = src
	}
	for i := range doc.Certification {
		doc.Certification[i].Src = src
	}
	for i := range doc.Question {
		doc.Question[i].Src = src
	}
	for i := range doc.Action {
		doc.Action[i].Src = src
	}
}

// orParent falls back to the parent's position when an element's own was
// not found, keeping the element's field positions.
func orParent(s, parent assess.Source) assess.Source {
	if s.Line == 0 {
		s.Line, s.Column = parent.Line, parent.Column
	}
	return s
}

type bankFileData struct {
	file string
	data []byte
}

// readBankFiles reads the bank's files, refusing what is not a regular
// file, and checks the limits that span the directory before anything is
// decoded: the total size, and the total of keys and tables counted in
// one linear pass. ok is false when a total is passed; the files' own
// problems are reported in rep and the file left out.
func readBankFiles(fsys fs.FS, dir string, names []string, rep *assess.Report) ([]bankFileData, bool) {
	var out []bankFileData
	size, keys := 0, 0
	for _, name := range names {
		file := bankFile(dir, name)
		if msg := regularFile(fsys, name); msg != "" {
			rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Message: msg})
			continue
		}
		data, err := readLimited(fsys, name)
		if err != nil {
			rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Message: err.Error()})
			continue
		}
		if size += len(data); size > MaxBankSize {
			rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Message: fmt.Sprintf("the bank's files add up to more than %d MiB; a bank is limited to that in all", MaxBankSize>>20)})
			return nil, false
		}
		if utf8.Valid(data) {
			n, _ := tomlpos.ShapeKeys(string(data), MaxFileKeys)
			if keys += n; keys > MaxBankKeys {
				rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Message: fmt.Sprintf("the bank's files hold more than %d keys and tables in all; a bank is limited to that", MaxBankKeys)})
				return nil, false
			}
		}
		out = append(out, bankFileData{file, data})
	}
	return out, true
}

// regularFile says why a directory entry is not read as a bank file, or
// "" when it is a regular file (or a link to one). A pipe, a device or a
// socket named *.toml is refused by name without being opened: opening a
// pipe blocks until something writes to it.
func regularFile(fsys fs.FS, name string) string {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return cleanPathErr(err).Error()
	}
	if !info.Mode().IsRegular() {
		return fmt.Sprintf("is not a regular file (%s); bank files must be ordinary files", kindOf(info.Mode()))
	}
	return ""
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "not an ordinary file"
}
