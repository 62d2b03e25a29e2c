package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// commandNames are the commands a person can run, as `secpath --help`
// lists them. Written out rather than read from the tree, so that a
// command that loses its place in the help fails here.
var commandNames = []string{"cohort", "compare", "completion", "man", "plan", "resume", "review", "roles", "score", "sessions", "template", "validate", "version"}

func TestCompletionScripts(t *testing.T) {
	// What each shell's script must hold to complete secpath: it is
	// registered for the secpath command and asks the binary for the
	// candidates.
	marks := map[string][]string{
		"bash":       {"complete -o default -F __start_secpath secpath", "__complete"},
		"zsh":        {"#compdef secpath", "__complete"},
		"fish":       {"complete -c secpath", "__complete"},
		"powershell": {"Register-ArgumentCompleter -CommandName 'secpath'", "__complete"},
	}
	for _, shell := range completionShells {
		t.Run(shell, func(t *testing.T) {
			out, stderr, code := run(t, "completion", shell)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			for _, m := range marks[shell] {
				if !strings.Contains(out, m) {
					t.Errorf("%s script lacks %q", shell, m)
				}
			}
			// Through the command it is byte for byte cobra's script: the
			// sanitiser of the output must not have touched it.
			var want bytes.Buffer
			if err := writeCompletion(newRoot(Env{}.complete()), &want, shell, true); err != nil {
				t.Fatal(err)
			}
			if out != want.String() {
				t.Errorf("%s script through the command differs from cobra's (%d bytes, want %d)", shell, len(out), want.Len())
			}
		})
	}
	// The scripts name the subcommands by asking the binary: every
	// command is offered, with what it does, and nothing hidden is.
	out, _, code := run(t, "__complete", "")
	if code != 0 {
		t.Fatalf("__complete: exit %d", code)
	}
	var offered []string
	for _, l := range strings.Split(out, "\n") {
		if name, desc, ok := strings.Cut(l, "\t"); ok && desc != "" {
			offered = append(offered, name)
		}
	}
	want := append([]string{"help"}, commandNames...)
	slices.Sort(want)
	if !slices.Equal(offered, want) {
		t.Errorf("completions of a command: %q, want %q", offered, want)
	}
	if out, _, _ := run(t, "__complete", "completion", ""); !strings.Contains(out, "bash\n") || !strings.Contains(out, "powershell\n") {
		t.Errorf("completion offers no shells:\n%s", out)
	}
	if _, stderr, code := run(t, "completion", "tcsh"); code != ExitUsage || !strings.Contains(stderr, `unknown shell "tcsh"`) || !strings.Contains(stderr, "Run 'secpath completion --help'") {
		t.Errorf("completion tcsh: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run(t, "completion"); code != ExitUsage || !strings.Contains(stderr, "completion needs a shell") {
		t.Errorf("completion without a shell: exit %d, %q", code, stderr)
	}
}

// TestCompleteSessionIDs checks resume completes the saved sessions' ids,
// newest first, with whose they are, and only those with the prefix typed.
func TestCompleteSessionIDs(t *testing.T) {
	b, _, err := questions.LoadDir(miniBank)
	if err != nil {
		t.Fatal(err)
	}
	state := t.TempDir()
	dir := filepath.Join(state, "secpath", "sessions")
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i, s := range []struct{ id, name string }{
		{"20260301-090000-0001", "Ada"},
		{"20260302-090000-0002", "Grace"},
		{"20260401-090000-0003", "Ada"},
	} {
		a := assess.NewAnswers(b, assess.Full)
		a.Profile.Name = s.name
		up := day.AddDate(0, 0, 10*i)
		if _, err := storage.SaveSession(dir, b, &storage.File{Answers: a, Session: storage.Session{ID: s.id, Started: up, Updated: up}}); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := runIn(t, state, "", "__complete", "--questions", miniBank, "resume", "202603")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "20260302-090000-0002\tGrace, 0/" // Grace's is newer than Ada's first
	lines := strings.Split(out, "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], want) || !strings.HasPrefix(lines[1], "20260301-090000-0001\tAda, 0/") || lines[2] != ":0" {
		t.Errorf("resume completions:\n%s\nwant Grace's 0002, Ada's 0001, then :0 (files too)", out)
	}
	if strings.Contains(out, "0003") {
		t.Errorf("a session without the prefix was offered:\n%s", out)
	}
	// compare takes two sessions: both places are completed, a third not.
	if out, _, _ := runIn(t, state, "", "__complete", "--questions", miniBank, "compare", "20260301-090000-0001", "2026040"); !strings.HasPrefix(out, "20260401-090000-0003\tAda") {
		t.Errorf("compare's second argument:\n%s", out)
	}
	if out, _, _ := runIn(t, state, "", "__complete", "--questions", miniBank, "compare", "a", "b", ""); strings.Contains(out, "2026") {
		t.Errorf("compare's third argument offered sessions:\n%s", out)
	}
}

func TestCompleteFlagValues(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"plan", "me.toml", "--format", ""}, "md\njson\nhtml\ncsv\n:4\n"},
		{[]string{"cohort", ".", "--format", ""}, "text\nmd\ncsv\njson\n:4\n"},
		{[]string{"plan", "me.toml", "--role", "ci"}, "ciso\tChief Information Security Officer\ncio\tChief Information Officer\n:4\n"},
		{[]string{"plan", "me.toml", "--questions", ""}, ":16\n"}, // directories only
	}
	for _, c := range cases {
		out, _, code := run(t, append([]string{"__complete"}, c.args...)...)
		if code != 0 || !strings.HasPrefix(out, c.want) {
			t.Errorf("%q: exit %d:\n%s\nwant it to begin:\n%s", c.args, code, out, c.want)
		}
	}
}

func TestManPage(t *testing.T) {
	out, stderr, code := run(t, "man")
	if code != 0 {
		t.Fatalf("man: exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, `.TH "SECPATH" 1 "" "secpath `) {
		t.Errorf("man: no .TH header:\n%.200s", out)
	}
	for _, s := range []string{".SH NAME\nsecpath \\- How far", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH OPTIONS", `\fB\-\-questions\fR \fIDIR\fR`, ".SH EXAMPLES", ".SH ENVIRONMENT", ".SH EXIT STATUS", `\fBsecpath\-plan\fR(1)`} {
		if !strings.Contains(out, s) {
			t.Errorf("man: %q missing", s)
		}
	}
	for _, name := range commandNames {
		if !strings.Contains(out, ".TP\n\\fBsecpath "+name) {
			t.Errorf("man: command %s is not listed under COMMANDS", name)
		}
	}
	plan, _, code := run(t, "man", "plan")
	if code != 0 || !strings.HasPrefix(plan, `.TH "SECPATH\-PLAN" 1`) || !strings.Contains(plan, `\fB\-o\fR, \fB\-\-output\fR \fIFILE\fR`) || !strings.Contains(plan, "secpath plan me.toml \\-o plan.md") {
		t.Errorf("man plan: exit %d:\n%s", code, plan)
	}
	if _, stderr, code := run(t, "man", "nope"); code != ExitUsage || !strings.Contains(stderr, `no command "nope"`) {
		t.Errorf("man nope: exit %d, %q", code, stderr)
	}

	dir := filepath.Join(t.TempDir(), "man1")
	_, stderr, code = run(t, "man", "--dir", dir)
	if code != 0 || !strings.Contains(stderr, "Wrote 14 manual pages to "+dir) {
		t.Fatalf("man --dir: exit %d, %q", code, stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{"secpath.1"}
	for _, n := range commandNames {
		want = append(want, "secpath-"+n+".1")
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("pages: %q\nwant %q", got, want)
	}
	groff, _ := exec.LookPath("groff")
	for _, name := range want {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		title := strings.ToUpper(strings.ReplaceAll(strings.TrimSuffix(name, ".1"), "-", `\-`))
		if !strings.HasPrefix(string(data), `.TH "`+title+`" 1 `) {
			t.Errorf("%s: header %.60q", name, data)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644 like installed pages", name, fi.Mode().Perm())
		}
		// groff, where installed, reads each page without a warning.
		if groff != "" {
			cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-z", path)
			if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
				t.Errorf("%s: groff: %v\n%s", name, err, msg)
			}
		}
	}
	// Written again, the pages are replaced, not refused.
	if _, stderr, code := run(t, "man", "--dir", dir); code != 0 {
		t.Errorf("man --dir again: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run(t, "man", "--dir", dir, "plan"); code != ExitUsage || !strings.Contains(stderr, "not both") {
		t.Errorf("man --dir DIR plan: exit %d, %q", code, stderr)
	}
}

func TestBuildVersion(t *testing.T) {
	rev := "0123456789abcdef0123456789abcdef01234567"
	vcs := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: "2026-11-30T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}
	cases := map[string]struct {
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		"go install at a version": {&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: vcs}, true, "v1.2.3"},
		"local build with git":    {&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs}, true, "(devel) 0123456789ab (2026-11-30T10:00:00Z, modified)"},
		"local build, clean":      {&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: "false"}}}, true, "(devel) 0123456789ab"},
		"local build without vcs": {&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "(devel)"},
		"no build info":           {nil, false, "(devel)"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if got := buildVersion(func() (*debug.BuildInfo, bool) { return c.bi, c.ok }); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	t.Run("link-time version wins", func(t *testing.T) {
		Version = "v9.9.9"
		defer func() { Version = "" }()
		if got := buildVersion(func() (*debug.BuildInfo, bool) { return cases["go install at a version"].bi, true }); got != "v9.9.9" {
			t.Errorf("got %q", got)
		}
	})
}

// TestVersionCommand runs `version` and `--version` on the build info of
// an installed release and of a local build.
func TestVersionCommand(t *testing.T) {
	defer func(f func() (*debug.BuildInfo, bool)) { readBuildInfo = f }(readBuildInfo)
	readBuildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/secpath/secpath", Version: "v1.2.3"}}, true
	}
	out, _, code := run(t, "version")
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	if code != 0 || len(lines) != 4 || lines[0] != "secpath v1.2.3" || !strings.HasPrefix(lines[1], "built with go") {
		t.Errorf("version: exit %d:\n%s", code, out)
	}
	// The bank line names the embedded bank as its own file does, and
	// counts what it holds.
	bankLine := regexp.MustCompile(`^embedded bank secpath-default (\S+) \(schema (\d+)\): (\d+) roles, (\d+) competencies, (\d+) questions, (\d+) certifications$`)
	m := bankLine.FindStringSubmatch(lines[2])
	if m == nil {
		t.Fatalf("bank line %q", lines[2])
	}
	if m[1] != b.Meta.Version || m[2] != "1" || m[3] != "16" || m[4] != "32" || m[5] != "130" || m[6] != "28" {
		t.Errorf("bank line %q: want version %s, schema 1, 16 roles, 32 competencies, 130 questions, 28 certifications (the embedded bank as it stands)", lines[2], b.Meta.Version)
	}
	for _, flag := range []string{"--version", "-v"} {
		if out, _, code := run(t, flag); code != 0 || out != "secpath v1.2.3\n" {
			t.Errorf("%s: exit %d, %q", flag, code, out)
		}
	}

	readBuildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "fedcba9876543210"}, {Key: "vcs.modified", Value: "true"}}}, true
	}
	if out, _, _ := run(t, "version"); !strings.HasPrefix(out, "secpath (devel) fedcba987654 (modified)\n") {
		t.Errorf("version of a local build:\n%s", out)
	}
	if out, _, _ := run(t, "--version"); out != "secpath (devel) fedcba987654 (modified)\n" {
		t.Errorf("--version of a local build: %q", out)
	}
}

// TestHelpPages reads every command's help: each has Examples that run
// that command, and lists only the flags that change what it does.
func TestHelpPages(t *testing.T) {
	takesBank := []string{"", "validate", "roles", "template", "score", "plan", "compare", "cohort", "sessions", "resume", "review"}
	opensInterface := []string{"", "resume", "review"}
	mentor := []string{"", "resume"}
	for _, name := range append([]string{""}, commandNames...) {
		t.Run("secpath "+name, func(t *testing.T) {
			args := []string{"--help"}
			if name != "" {
				args = []string{name, "--help"}
			}
			out, stderr, code := run(t, args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			path := strings.TrimSpace("secpath " + name)
			ex := strings.Index(out, "\nExamples:\n")
			if ex < 0 {
				t.Fatalf("no Examples:\n%s", out)
			}
			if !strings.Contains(out[ex:], "\n  "+path) {
				t.Errorf("no example runs %s:\n%s", path, out[ex:])
			}
			if strings.Contains(out, "Global Flags:") {
				t.Errorf("global flags listed:\n%s", out)
			}
			for flag, on := range map[string][]string{"--questions": takesBank, "--accessible": opensInterface, "--mentor": mentor} {
				if got, want := strings.Contains(out, flag+" "), slices.Contains(on, name); got != want {
					t.Errorf("%s listed: %v, want %v", flag, got, want)
				}
			}
		})
	}
}

// TestFlagsWhereTheyApply checks a flag is refused where it would do
// nothing, and still taken before the command it belongs to.
func TestFlagsWhereTheyApply(t *testing.T) {
	for _, args := range [][]string{
		{"completion", "bash", "--questions", "x"},
		{"man", "--questions", "x"},
		{"version", "--questions", "x"},
		{"score", "--mentor", "x.toml"},
		{"plan", "--accessible", "x.toml"},
	} {
		_, stderr, code := run(t, args...)
		if code != ExitUsage || !strings.Contains(stderr, "unknown flag: --") || !strings.Contains(stderr, "Run 'secpath "+args[0]+" --help' for usage.") {
			t.Errorf("%q: exit %d, %q", args, code, stderr)
		}
	}
	persona := "../../questions/testdata/personas/soc-lead.toml"
	before, _, c1 := run(t, "--questions", "../../questions/bank", "score", persona)
	after, _, c2 := run(t, "score", persona, "--questions", "../../questions/bank")
	if c1 != 0 || c2 != 0 || before != after || before == "" {
		t.Errorf("--questions before the command (exit %d) and after it (exit %d) differ", c1, c2)
	}
}

func TestUsageErrorNamesCommandHelp(t *testing.T) {
	cases := []struct {
		args []string
		msg  string
		help string
	}{
		{[]string{"plan", "--foo"}, "unknown flag: --foo", "secpath plan --help"},
		{[]string{"score"}, "score needs the answers file", "secpath score --help"},
		{[]string{"cohort", ".", "--format", "pdf"}, `--format "pdf"`, "secpath cohort --help"},
		{[]string{"sessions", "extra"}, `unknown command "extra" for "secpath sessions"`, "secpath sessions --help"},
		{[]string{"--foo"}, "unknown flag: --foo", "secpath --help"},
		{[]string{"scroe"}, `unknown command "scroe" for "secpath"; did you mean score?`, "secpath --help"},
	}
	for _, c := range cases {
		_, stderr, code := run(t, c.args...)
		want := "secpath: " + c.msg
		if code != ExitUsage || !strings.Contains(stderr, want) || !strings.HasSuffix(stderr, "\nRun '"+c.help+"' for usage.\n") {
			t.Errorf("%q: exit %d, stderr %q; want %q and Run '%s'", c.args, code, stderr, want, c.help)
		}
	}
}

// TestSessionsHelpSaysTheOrder keeps the help of `sessions` in step with
// the order TestSessionsByPerson checks.
func TestSessionsHelpSaysTheOrder(t *testing.T) {
	out, _, _ := run(t, "sessions", "--help")
	if !strings.Contains(out, "newest first") || strings.Contains(out, "oldest first") {
		t.Errorf("sessions --help:\n%s", out)
	}
}

// TestExamplesCoverTheCommands catches an example for a command that does
// not exist (a renamed one) as well as a command without any.
func TestExamplesCoverTheCommands(t *testing.T) {
	root := newRoot(Env{}.complete())
	names := map[string]bool{root.Name(): true}
	for _, c := range root.Commands() {
		names[c.Name()] = true
		if c.Example == "" && c.IsAvailableCommand() {
			t.Errorf("%s has no Examples", c.Name())
		}
	}
	for name := range examples {
		if !names[name] {
			t.Errorf("examples for %q, which is not a command", name)
		}
	}
}
