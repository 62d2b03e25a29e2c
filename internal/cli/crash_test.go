package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// A session file that no longer parses, found by `secpath`, `secpath
// sessions` or `secpath resume ID`, is moved aside with one line on stderr
// saying where; `secpath` then starts a new session as usual.

const (
	corruptSession = "20261122-101500-dead"
	goodSession    = "20261121-090000-0001"
)

// corruptState makes a sessions directory holding one good session of the
// small bank and one cut off mid-table.
func corruptState(t *testing.T) (state, dir, corrupt string) {
	t.Helper()
	state = t.TempDir()
	dir = filepath.Join(state, "secpath", "sessions")
	b, _, err := questions.LoadDir(miniBank)
	if err != nil {
		t.Fatal(err)
	}
	a := assess.NewAnswers(b, assess.Full)
	a.Profile.Name = "Ada"
	if _, err := storage.SaveSession(dir, b, &storage.File{Answers: a, Session: storage.Session{ID: goodSession}}); err != nil {
		t.Fatal(err)
	}
	corrupt = filepath.Join(dir, corruptSession+".toml")
	if err := os.WriteFile(corrupt, []byte("schema = 1\nbank = \"mini\"\n[answers.ye"), 0o600); err != nil {
		t.Fatal(err)
	}
	return state, dir, corrupt
}

// movedAside checks the file is gone from its place, kept beside it, and
// that stderr says where in one line.
func movedAside(t *testing.T, corrupt, stderr string) {
	t.Helper()
	if _, err := os.Stat(corrupt); !os.IsNotExist(err) {
		t.Errorf("the corrupt session is still in place")
	}
	moved, _ := filepath.Glob(corrupt + ".corrupt-*")
	if len(moved) != 1 || !regexp.MustCompile(`/`+corruptSession+`\.toml\.corrupt-\d{8}-\d{6}$`).MatchString(moved[0]) {
		t.Fatalf("moved aside: %v", moved)
	}
	if data, _ := os.ReadFile(moved[0]); !strings.HasSuffix(string(data), "[answers.ye") {
		t.Errorf("the moved file lost its content: %q", data)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.Contains(l, corruptSession) {
			lines = append(lines, l)
		}
	}
	if len(lines) != 1 || !strings.Contains(lines[0], corrupt+":3:") || !strings.Contains(lines[0], "moved aside to "+moved[0]) {
		t.Errorf("want one line naming the file, its line and where it went; stderr:\n%s", stderr)
	}
}

func TestSessionsMovesCorruptAside(t *testing.T) {
	state, _, corrupt := corruptState(t)
	out, stderr, code := runIn(t, state, "", "--questions", miniBank, "sessions")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	movedAside(t, corrupt, stderr)
	if !strings.Contains(out, goodSession) || strings.Contains(out, corruptSession) || strings.Contains(out, "Unreadable") {
		t.Errorf("the list:\n%s", out)
	}
	// Listed again: nothing more to say.
	_, stderr, _ = runIn(t, state, "", "--questions", miniBank, "sessions")
	if stderr != "" {
		t.Errorf("second listing: %s", stderr)
	}
}

func TestResumeMovesCorruptAside(t *testing.T) {
	state, _, corrupt := corruptState(t)
	out, stderr, code := runIn(t, state, "", "--questions", miniBank, "resume", corruptSession[:18])
	if code != ExitInvalid || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	movedAside(t, corrupt, stderr)
}

func TestStartMovesCorruptAsideAndStartsNew(t *testing.T) {
	state, dir, corrupt := corruptState(t)
	out, stderr, code := runIn(t, state, "2\n1\nGrace\n1\n6\nq\n", "--questions", miniBank)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, out)
	}
	movedAside(t, corrupt, stderr)
	if !strings.Contains(out, "Question 1 of 8") || !strings.Contains(out, "Resume with: secpath resume ") {
		t.Errorf("no new session:\n%s", out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	if len(files) != 2 {
		t.Errorf("sessions after the start: %v", files)
	}
}

// TestExportFailureKeepsOldFile: plan -o onto a directory, or into a
// directory that does not exist, fails with exit 1 naming the file and
// leaves everything as it was.
func TestExportFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	answers := "../../questions/testdata/personas/new-analyst.toml"
	asDir := filepath.Join(dir, "plan.md")
	if err := os.Mkdir(asDir, 0o700); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "old.md")
	if err := os.WriteFile(old, []byte("the old plan"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{asDir, filepath.Join(dir, "missing", "plan.md")} {
		_, stderr, code := run(t, "plan", answers, "-o", target, "--force")
		if code != ExitInvalid || !strings.Contains(stderr, target) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("plan -o %s: exit %d, %q", target, code, stderr)
		}
	}
	// Without --force an existing file is never replaced.
	_, stderr, code := run(t, "plan", answers, "-o", old)
	if code != ExitInvalid || !strings.Contains(stderr, "already exists") {
		t.Errorf("plan -o existing: exit %d, %q", code, stderr)
	}
	if got, _ := os.ReadFile(old); string(got) != "the old plan" {
		t.Errorf("the old file changed: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}
