package cli

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Bad input, everywhere a file is read: the bank directory (--questions,
// validate DIR), an answers file (score, plan, resume FILE, review FILE,
// either side of compare), a cohort directory and a saved session (resume
// ID). Every kind of bad file gives exit 1 and one message that names the
// file, with its line and column where there is one, in bounded time and
// memory, and never a panic or a stack trace.

const (
	// badInputTime guards against a blow-up (a quadratic path takes
	// minutes on these sizes), not speed, which the benchmarks measure:
	// CI runs this under -race on two shared cores.
	badInputTime = 10 * time.Second
	badInputHeap = 200 << 20 // bytes allocated by one run, an upper bound of its heap
	bigFileSize  = 50 << 20
	badSessionID = "20261122-101500-abcd"
)

// badCase is one kind of bad file.
type badCase struct {
	name string
	// make puts the bad thing at path: a file, a directory, or nothing.
	make func(t *testing.T, path string)
	// want is in the message; pos says the message gives a line (and,
	// except in a cohort's one-line summary, a column).
	want string
	pos  bool
	// at, when set, is the line (and column) the message must give.
	at string
	// root cases need a user that permissions apply to.
	needsNonRoot bool
	// corrupt: the file does not parse at all; a session file like that is
	// moved aside.
	corrupt bool
}

func writeText(text string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// bigFile makes one 50 MB file of plausible TOML and links it wherever a
// case needs it, so the cases cost one write.
func bigFile(t *testing.T) func(*testing.T, string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "big.toml")
	line := []byte("# a comment line, repeated to fifty megabytes of text\n")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	buf := bytes.Repeat(line, (1<<20)/len(line))
	for n := 0; n < bigFileSize; n += len(buf) {
		if _, err := f.Write(buf); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return func(t *testing.T, path string) {
		t.Helper()
		if err := os.Link(src, path); err != nil {
			t.Fatal(err)
		}
	}
}

// manyTables is about size bytes of one-line tables, [prefix-1] and on.
func manyTables(prefix string, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "\n[%s-%d]", prefix, i)
	}
	return b.String()
}

func garbage(n int) string {
	r := rand.New(rand.NewPCG(7, 11))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return string(b)
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o700); err != nil {
		t.Fatal(err)
	}
}

func unreadable(text string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		writeText(text)(t, path)
		if err := os.Chmod(path, 0); err != nil {
			t.Fatal(err)
		}
	}
}

// lineOf is the line number (from 1) of the first line holding needle,
// plus plus, as text for a position: "12".
func lineOf(t *testing.T, text, needle string, plus int) string {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("fixture lacks %q", needle)
	}
	return strconv.Itoa(1 + strings.Count(text[:i], "\n") + plus)
}

func mustReplace(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("fixture lacks %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

// answersCases are the bad answers files, made from a real persona's file.
func answersCases(t *testing.T) []badCase {
	good := readFile(t, "../../questions/testdata/personas/new-analyst.toml")
	cut := strings.Index(good, "[answers.risk-register]")
	if cut < 0 {
		t.Fatal("persona lacks risk-register")
	}
	big := bigFile(t)
	return []badCase{
		{name: "missing", make: func(*testing.T, string) {}, want: "no such file"},
		{name: "unreadable", make: unreadable(good), want: "permission denied", needsNonRoot: true},
		{name: "a directory", make: mkdir, want: "is a directory"},
		{name: "empty", make: writeText(""), want: "is empty", corrupt: true},
		{name: "blank", make: writeText(" \n\t\n"), want: "is empty", corrupt: true},
		{name: "truncated mid-table", make: writeText(good[:cut+12]), want: "TOML syntax", pos: true, corrupt: true, at: lineOf(t, good, "[answers.risk-register]", 0) + ":"},
		{name: "binary garbage", make: writeText(garbage(4096)), want: "not valid UTF-8", pos: true, corrupt: true},
		{name: "binary, valid UTF-8", make: writeText("\x00\x01\x02\x03secpath\x7f\x1b[2J"), want: "TOML syntax", pos: true, corrupt: true},
		{name: "invalid UTF-8", make: writeText(mustReplace(t, good, `name = "Tom Brennan"`, "name = \"Tom Bren\xffnan\"")), want: "not valid UTF-8", pos: true, corrupt: true, at: lineOf(t, good, `name = "Tom Brennan"`, 0) + ":17: "},
		{name: "50 MB", make: big, want: "larger than 4 MiB", corrupt: true},
		{name: "deeply nested arrays", make: writeText(good + "\nnested = " + strings.Repeat("[", 1<<20) + "\n"), want: "nested more than", pos: true, corrupt: true},
		{name: "deeply nested tables", make: writeText(good + "\nnested = " + strings.Repeat("{ a = ", 1<<18) + "\n"), want: "nested more than", pos: true, corrupt: true},
		{name: "deeply nested headers", make: writeText(good + "\n[" + strings.Repeat("a.", 1<<20) + "b]\n"), want: "dotted parts", pos: true, corrupt: true},
		{name: "wide: many tables", make: writeText(good + manyTables("answers.q", 3<<20)), want: "more than 10000 keys", pos: true, corrupt: true},
		{name: "duplicate keys", make: writeText(mustReplace(t, good, "schema = 1\n", "schema = 1\nschema = 1\n")), want: "already been defined", pos: true, corrupt: true, at: lineOf(t, good, "schema = 1", 1) + ":1: "},
		{name: "duplicate tables", make: writeText(good + "\n[profile]\nname = \"Tom\"\n"), want: "already been defined", pos: true, corrupt: true},
		{name: "unknown keys", make: writeText(mustReplace(t, good, "schema = 1\n", "schema = 1\ncolour = \"red\"\n")), want: `unknown key "colour"`, pos: true, at: lineOf(t, good, "schema = 1", 1) + ":1: "},
		{name: "wrong types", make: writeText(mustReplace(t, good, `mode = "full"`, `mode = 3`)), want: `wrong type for "mode"`, pos: true, at: lineOf(t, good, `mode = "full"`, 0) + ":1: "},
		{name: "wrong type of answer", make: writeText(mustReplace(t, good, "[answers.years-security]\nanswer = 2", "[answers.years-security]\nanswer = \"two\"")), want: `answered with a number, not the text "two"`, pos: true, at: lineOf(t, good, "[answers.years-security]", 1) + ":1: "},
		{name: "dangling role", make: writeText(mustReplace(t, good, `target = ""`, `target = "no-such-role"`)), want: `target "no-such-role" is not a role`, pos: true, at: lineOf(t, good, `target = ""`, 0) + ":1: "},
		{name: "dangling question", make: writeText(good + "\n[answers.no-such-question]\nanswer = 1\n"), want: `unknown question "no-such-question"`, pos: true},
		{name: "another bank", make: writeText(mustReplace(t, good, `bank = "secpath-default"`, `bank = "another-bank"`)), want: `for the bank "another-bank"`, pos: true, at: lineOf(t, good, `bank = "secpath-default"`, 0) + ":1: "},
		{name: "another schema version", make: writeText(mustReplace(t, good, "schema = 1\n", "schema = 2\n")), want: "schema 2 is not supported", pos: true, at: lineOf(t, good, "schema = 1", 0) + ":1: "},
	}
}

// answersPlace is one command that reads an answers file.
type answersPlace struct {
	name string
	// setup returns where the bad file goes, the arguments, and the name
	// the message must give (the file, or what stands for it).
	setup func(t *testing.T, state string) (path string, args []string, names string)
	// line: the message gives "line N" (a cohort's summary) rather than
	// FILE:LINE:COL.
	line bool
}

func answersPlaces(t *testing.T) []answersPlace {
	good := "../../questions/testdata/personas/new-analyst.toml"
	inDir := func(cmd ...string) func(*testing.T, string) (string, []string, string) {
		return func(t *testing.T, _ string) (string, []string, string) {
			p := filepath.Join(t.TempDir(), "answers.toml")
			args := make([]string, 0, len(cmd))
			for _, a := range cmd {
				args = append(args, strings.ReplaceAll(a, "FILE", p))
			}
			return p, args, p
		}
	}
	return []answersPlace{
		{name: "score", setup: inDir("score", "FILE")},
		{name: "score --json", setup: inDir("score", "--json", "FILE")},
		{name: "plan", setup: inDir("plan", "FILE", "--format", "html")},
		{name: "resume FILE", setup: inDir("resume", "FILE")},
		{name: "review FILE", setup: inDir("review", "FILE")},
		{name: "compare OLD", setup: inDir("compare", "FILE", good)},
		{name: "compare NEW", setup: inDir("compare", good, "FILE")},
		{name: "cohort DIR", line: true, setup: func(t *testing.T, _ string) (string, []string, string) {
			dir := t.TempDir()
			return filepath.Join(dir, "answers.toml"), []string{"cohort", dir}, dir
		}},
		{name: "resume ID", setup: func(t *testing.T, state string) (string, []string, string) {
			dir := filepath.Join(state, "secpath", "sessions")
			mkdir(t, dir)
			p := filepath.Join(dir, badSessionID+".toml")
			return p, []string{"resume", badSessionID}, p
		}},
		{name: "compare ID", setup: func(t *testing.T, state string) (string, []string, string) {
			dir := filepath.Join(state, "secpath", "sessions")
			mkdir(t, dir)
			p := filepath.Join(dir, badSessionID+".toml")
			return p, []string{"compare", good, badSessionID[:12]}, p
		}},
	}
}

func TestBadAnswersFiles(t *testing.T) {
	root := os.Geteuid() == 0
	cases := answersCases(t)
	for _, place := range answersPlaces(t) {
		for _, c := range cases {
			t.Run(place.name+"/"+c.name, func(t *testing.T) {
				if c.needsNonRoot && root {
					t.Skip("running as root, which can read any file")
				}
				state := t.TempDir()
				path, args, names := place.setup(t, state)
				c.make(t, path)
				session := strings.HasSuffix(path, badSessionID+".toml")
				switch {
				case session && c.name == "missing":
					// Nothing on disk to name: the id given is named.
					names, c.want = args[len(args)-1], "no such session"
					if args[0] == "compare" {
						c.want = "no saved session has that id"
					}
				case place.name == "cohort DIR" && (c.name == "missing" || c.name == "a directory"):
					c.pos, c.want = false, "no answers files"
				}
				stdout, stderr := runBad(t, state, args...)
				checkMessage(t, stdout, stderr, names, c, place.line, place.name == "cohort DIR")
				if session && c.corrupt {
					checkQuarantined(t, path, stderr)
				} else if session && c.name != "missing" {
					if _, err := os.Lstat(path); err != nil {
						t.Errorf("a session file that parses was moved: %v", err)
					}
				}
			})
		}
	}
}

// bankCases are bad banks, made from the small valid test bank: each
// changes one file of a copy.
func bankCases(t *testing.T) []badCase {
	questions := readFile(t, filepath.Join(miniBank, "questions.toml"))
	cut := strings.Index(questions, "[[question]]\nid = \"degree\"")
	if cut < 0 {
		t.Fatal("mini bank lacks the degree question")
	}
	big := bigFile(t)
	edit := func(file, old, new string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			t.Helper()
			p := filepath.Join(dir, file)
			writeText(mustReplace(t, readFile(t, p), old, new))(t, p)
		}
	}
	replace := func(file string, mk func(*testing.T, string)) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			t.Helper()
			p := filepath.Join(dir, file)
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			mk(t, p)
		}
	}
	q := "questions.toml"
	return []badCase{
		{name: "missing", make: func(t *testing.T, dir string) { _ = os.RemoveAll(dir) }, want: "no such file or directory"},
		{name: "unreadable directory", make: func(t *testing.T, dir string) { _ = os.Chmod(dir, 0) }, want: "permission denied", needsNonRoot: true},
		{name: "unreadable file", make: replace(q, unreadable(questions)), want: "permission denied", needsNonRoot: true},
		{name: "a file, not a directory", make: func(t *testing.T, dir string) { _ = os.RemoveAll(dir); writeText(questions)(t, dir) }, want: "not a directory"},
		{name: "a directory instead of a file", make: replace(q, mkdir), want: "is a directory"},
		{name: "empty directory", make: func(t *testing.T, dir string) { _ = os.RemoveAll(dir); mkdir(t, dir) }, want: "no .toml files found"},
		{name: "empty file", make: replace("bank.toml", writeText("")), want: "is empty"},
		{name: "truncated mid-table", make: replace(q, writeText(questions[:cut+20])), want: "TOML syntax", pos: true},
		{name: "binary garbage", make: replace(q, writeText(garbage(4096))), want: "not valid UTF-8", pos: true},
		{name: "invalid UTF-8", make: edit(q, `text = "Degree?"`, "text = \"Degr\xe9e?\""), want: "not valid UTF-8", pos: true},
		{name: "50 MB", make: replace(q, big), want: "limited to 8 MiB"},
		{name: "deeply nested arrays", make: edit(q, `text = "Degree?"`, `text = "Degree?"`+"\nnested = "+strings.Repeat("[", 1<<20)), want: "nested more than", pos: true},
		{name: "deeply nested tables", make: edit(q, `text = "Degree?"`, `text = "Degree?"`+"\nnested = "+strings.Repeat("{ a = ", 1<<18)), want: "nested more than", pos: true},
		{name: "deeply nested headers", make: edit(q, `text = "Degree?"`, `text = "Degree?"`+"\n[question."+strings.Repeat("a.", 1<<20)+"b]"), want: "dotted parts", pos: true},
		{name: "wide: many tables", make: replace(q, writeText(manyTables("question", 7<<20))), want: "more than 50000 keys", pos: true},
		{name: "duplicate keys", make: edit(q, `text = "Degree?"`, `text = "Degree?"`+"\ntext = \"Again?\""), want: "already been defined", pos: true},
		{name: "duplicate ids", make: edit(q, `id = "degree"`, `id = "years"`), want: `duplicate question id "years"`, pos: true},
		{name: "unknown keys", make: edit(q, `text = "Degree?"`, `text = "Degree?"`+"\ncolour = \"red\""), want: `unknown key "question.colour"`, pos: true},
		{name: "wrong types", make: edit(q, `text = "Degree?"`, `text = 3`), want: `wrong type for "question.text"`, pos: true},
		{name: "dangling references", make: edit(q, "measures = { risk = 1 }", "measures = { rsik = 1 }"), want: `unknown competency "rsik"`, pos: true},
		{name: "another schema version", make: edit("bank.toml", "schema = 1", "schema = 2"), want: "schema 2", pos: true},
	}
}

func TestBadBanks(t *testing.T) {
	root := os.Geteuid() == 0
	cases := bankCases(t)
	places := map[string]func(dir string) []string{
		"--questions": func(dir string) []string { return []string{"--questions", dir, "roles"} },
		"validate":    func(dir string) []string { return []string{"validate", dir} },
	}
	for name, args := range places {
		for _, c := range cases {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				if c.needsNonRoot && root {
					t.Skip("running as root, which can read any file")
				}
				dir := filepath.Join(t.TempDir(), "bank")
				copyDir(t, miniBank, dir)
				c.make(t, dir)
				t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
				stdout, stderr := runBad(t, t.TempDir(), args(dir)...)
				checkMessage(t, stdout, stderr, dir, c, false, false)
			})
		}
	}
}

// runBad runs the CLI, expects exit 1, and checks the time and memory the
// run took.
func runBad(t *testing.T, state string, args ...string) (string, string) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	stdout, stderr, code := runIn(t, state, "", args...)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if code != ExitInvalid {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, ExitInvalid, stderr)
	}
	if took > badInputTime {
		t.Errorf("took %v, more than %v", took, badInputTime)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > badInputHeap {
		t.Errorf("allocated %d MiB, more than %d MiB", n>>20, badInputHeap>>20)
	}
	return stdout, stderr
}

var (
	positioned = regexp.MustCompile(`\.toml:\d+(:\d+)?: `)
	lined      = regexp.MustCompile(`\.toml: line \d+: `)
)

// checkMessage wants one line on stderr (two for a cohort: the file it
// skipped, then that nothing was left) naming the file, saying what is
// wrong, with a position where there is one, and nothing on stdout.
func checkMessage(t *testing.T, stdout, stderr, names string, c badCase, lineOnly, cohort bool) {
	t.Helper()
	for _, bad := range []string{"goroutine", "panic:", "runtime.", ".go:"} {
		if strings.Contains(stderr, bad) {
			t.Fatalf("a stack trace or panic on stderr (%q):\n%s", bad, stderr)
		}
	}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if l != "" && !strings.HasPrefix(l, "warning: ") { // validate lists warnings on stdout
			t.Errorf("stdout on error: %q", limit(stdout))
			break
		}
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	max := 1
	if cohort {
		max = 2
	}
	if stderr == "" || len(lines) > max {
		t.Errorf("%d lines on stderr, want 1 to %d:\n%s", len(lines), max, limit(stderr))
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "secpath: ") || len(l) > 600 {
			t.Errorf("not one clear line: %q", limit(l))
		}
	}
	first := lines[0]
	if !strings.Contains(first, names) {
		t.Errorf("the message does not name %s: %q", names, limit(first))
	}
	if !strings.Contains(stderr, c.want) {
		t.Errorf("the message does not say %q: %q", c.want, limit(stderr))
	}
	switch {
	case !c.pos:
	case lineOnly && !lined.MatchString(first):
		t.Errorf("no line after the file name: %q", limit(first))
	case !lineOnly && !positioned.MatchString(first):
		t.Errorf("no line (and column) after the file name: %q", limit(first))
	case !lineOnly && c.at != "" && !strings.Contains(first, ".toml:"+c.at):
		t.Errorf("not at %s: %q", c.at, limit(first))
	}
}

// checkQuarantined: a session file that does not parse is moved aside,
// kept, and the message says where.
func checkQuarantined(t *testing.T, path, stderr string) {
	t.Helper()
	if _, err := os.Lstat(path); err == nil {
		t.Errorf("the corrupt session file is still in place")
	}
	moved, _ := filepath.Glob(path + ".corrupt-*")
	if len(moved) != 1 {
		t.Fatalf("moved aside: %v", moved)
	}
	if !regexp.MustCompile(`\.toml\.corrupt-\d{8}-\d{6}$`).MatchString(moved[0]) {
		t.Errorf("moved to %s", moved[0])
	}
	if !strings.Contains(stderr, "moved aside to "+moved[0]) {
		t.Errorf("the message does not say where it went: %q", limit(stderr))
	}
}

func limit(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	mkdir(t, to)
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeText(string(data))(t, filepath.Join(to, e.Name()))
	}
}

// TestManyProblemsAreCapped: a bank with hundreds of errors prints the
// first fifty and how many more, not a screenful per item.
func TestManyProblemsAreCapped(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bank")
	copyDir(t, miniBank, dir)
	var bad strings.Builder
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&bad, "[[action]]\nid = \"broken-%d\"\n", i) // five problems each
	}
	writeText(bad.String())(t, filepath.Join(dir, "zz.toml"))
	_, stderr := runBad(t, t.TempDir(), "validate", dir)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != maxReported+1 || !regexp.MustCompile(`^secpath: and \d+ more problems$`).MatchString(lines[maxReported]) {
		t.Errorf("%d lines, ending %q", len(lines), lines[len(lines)-1])
	}
}
