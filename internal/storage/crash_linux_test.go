package storage

import (
	"bytes"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fileSizeChild is set in the child process a file-size test runs in.
const fileSizeChild = "SECPATH_TEST_FILE_SIZE_CHILD"

// inChildProcess re-runs the calling test alone in a child process and
// reports whether this is that child. A file size limit applies to the
// whole process, and go test's own log of the files a test opens (for
// its cache) is written by the process too: past the limit, that write
// fails and the package fails with "file too large". The child is not
// given that log.
func inChildProcess(t *testing.T) bool {
	t.Helper()
	if os.Getenv(fileSizeChild) == t.Name() {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), fileSizeChild+"="+t.Name())
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Errorf("%s in a child process: %v\n%s", t.Name(), err, out)
	}
	return false
}

// withFileSizeLimit runs f with the process unable to grow a file past
// limit bytes: a write that crosses it fails with EFBIG halfway through, as
// on a full disk, even for root. SIGXFSZ, which would otherwise kill the
// process, is ignored meanwhile.
func withFileSizeLimit(t *testing.T, limit uint64, f func()) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("getrlimit: %v", err)
	}
	signal.Ignore(syscall.SIGXFSZ)
	defer signal.Reset(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: old.Max}); err != nil {
		t.Skipf("setrlimit: %v", err)
	}
	defer func() {
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
			t.Fatalf("restoring the file size limit: %v", err)
		}
	}()
	f()
}

// TestWriteFailingHalfwayKeepsOldFile: the disk fills while the new
// content is being written. The old file is untouched and the partial
// temporary file is removed, for an export and for a session save.
func TestWriteFailingHalfwayKeepsOldFile(t *testing.T) {
	if !inChildProcess(t) {
		return
	}
	dir := t.TempDir()
	old := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(old, []byte("the old plan"), FileMode); err != nil {
		t.Fatal(err)
	}
	b := miniBank(t)
	sessions := filepath.Join(dir, "sessions")
	f, err := ParseAnswers("a.toml", []byte(goodAnswers), b)
	if err != nil {
		t.Fatal(err)
	}
	f.Session = Session{ID: goodID, Started: time.Now()}
	path, err := SaveSession(sessions, b, f)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	// The next save carries an evidence note that takes it past the limit.
	item := f.Answers.Items["risk-rate"]
	item.Evidence = strings.Repeat("long evidence ", 280)
	f.Answers.Items["risk-rate"] = item
	var next bytes.Buffer
	if err := WriteAnswers(&next, b, f); err != nil {
		t.Fatal(err)
	}
	limit := uint64(len(before) + (next.Len()-len(before))/2)
	withFileSizeLimit(t, limit, func() {
		err := WriteFileAtomic(old, bytes.Repeat([]byte("new plan "), 1<<12), true)
		if err == nil || !strings.Contains(err.Error(), old) || !strings.Contains(err.Error(), "too large") {
			t.Errorf("export past the limit: %v", err)
		}
		if _, err := SaveSession(sessions, b, f); err == nil {
			t.Error("a save past the limit succeeded")
		}
	})
	if got, _ := os.ReadFile(old); string(got) != "the old plan" {
		t.Errorf("the old export changed: %q", got)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, before) {
		t.Error("the old session changed")
	}
	if _, err := ParseAnswers(path, after, b); err != nil {
		t.Errorf("the old session no longer reads: %v", err)
	}
	assertNoTemp(t, dir, "plan.md", "sessions")
	assertNoTemp(t, sessions, goodID+".toml")
	// With room again the same save goes through.
	if _, err := SaveSession(sessions, b, f); err != nil {
		t.Fatal(err)
	}
}
