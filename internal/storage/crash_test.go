package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Crash safety: a session file that no longer parses is moved aside, kept
// and reported, never deleted and never taken for a session again; a save
// or export that fails leaves the old file as it was and nothing behind.

const (
	goodID    = "20261122-101500-0001"
	corruptID = "20261122-101500-0002"
	otherID   = "20261122-101500-0003"
)

func writeSession(t *testing.T, dir, id, text string) string {
	t.Helper()
	if err := os.MkdirAll(dir, DirMode); err != nil {
		t.Fatal(err)
	}
	p := SessionPath(dir, id)
	if err := os.WriteFile(p, []byte(text), FileMode); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestQuarantineSession(t *testing.T) {
	dir := t.TempDir()
	text := "[answers.years]\nanswer = "
	p := writeSession(t, dir, corruptID, text)
	at := time.Date(2026, 11, 22, 10, 15, 0, 0, time.Local)
	moved, err := QuarantineSession(p, at)
	if err != nil {
		t.Fatal(err)
	}
	if want := p + ".corrupt-20261122-101500"; moved != want {
		t.Errorf("moved to %s, want %s", moved, want)
	}
	if _, err := os.Lstat(p); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the session file is still there: %v", err)
	}
	if got, err := os.ReadFile(moved); err != nil || string(got) != text {
		t.Errorf("the moved file is not the session: %q %v", got, err)
	}
	// The same session corrupt again in the same second keeps both.
	p = writeSession(t, dir, corruptID, "again")
	moved2, err := QuarantineSession(p, at)
	if err != nil || moved2 != moved+"-2" {
		t.Errorf("second quarantine: %s %v", moved2, err)
	}
	if got, _ := os.ReadFile(moved); string(got) != text {
		t.Error("the first quarantined file was replaced")
	}
	// Nothing left to move is an error that says so.
	if _, err := QuarantineSession(p, at); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("moving a missing file: %v", err)
	}
}

// TestLoadReportsCorruptFileAndRepairMovesIt: loading a session whose file
// does not parse reports it, with its path, and leaves it where it is;
// Repair then moves it aside, and the message says where.
func TestLoadReportsCorruptFileAndRepairMovesIt(t *testing.T) {
	b := miniBank(t)
	dir := t.TempDir()
	store := &FileStore{Dir: dir, Now: func() time.Time { return time.Date(2026, 11, 22, 10, 15, 0, 0, time.Local) }}
	text := goodAnswers[:strings.Index(goodAnswers, "[answers.degree]")+9] // cut mid-table
	p := writeSession(t, dir, corruptID, text)
	_, at, err := store.Load(corruptID, b)
	if !errors.Is(err, ErrCorrupt) || at != p {
		t.Fatalf("got %v at %q, want ErrCorrupt at %s", err, at, p)
	}
	if got, _ := os.ReadFile(p); string(got) != text {
		t.Fatalf("loading changed or moved the file: %q", got)
	}
	list := store.Repair([]SessionInfo{{ID: corruptID, Path: at, Err: err}})
	if len(list) != 1 {
		t.Fatalf("repair: %+v", list)
	}
	var q *QuarantinedError
	if !errors.As(list[0].Err, &q) || !errors.Is(list[0].Err, ErrCorrupt) {
		t.Fatalf("got %v, want a QuarantinedError", list[0].Err)
	}
	if want := p + ".corrupt-20261122-101500"; q.Path != p || q.MovedTo != want || list[0].Quarantined != want {
		t.Errorf("moved %s to %s (%s), want %s", q.Path, q.MovedTo, list[0].Quarantined, want)
	}
	if got, _ := os.ReadFile(q.MovedTo); string(got) != text {
		t.Errorf("the moved file differs: %q", got)
	}
	msg := q.Error()
	for _, want := range []string{p + ":13:", "TOML syntax", "moved aside to " + q.MovedTo, "kept, not deleted"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("message of more than one line: %q", msg)
	}
	// It is gone as a session.
	if _, _, err := store.Load(corruptID, b); !errors.Is(err, ErrNoSession) {
		t.Errorf("loading it again: %v", err)
	}
	// Repairing a listing whose file has gone meanwhile drops the entry.
	if again := store.Repair([]SessionInfo{{ID: corruptID, Path: p, Err: err}}); len(again) != 0 {
		t.Errorf("repair of a file no longer there: %+v", again)
	}
}

// TestListNeverMoves: listing reports a file that does not parse as a
// corrupt entry and leaves it, however often it lists; Repair moves only
// files that do not parse. One that parses but does not fit the bank
// (say, made with another bank) is listed as unreadable and left alone.
func TestListNeverMoves(t *testing.T) {
	b := miniBank(t)
	dir := t.TempDir()
	store := &FileStore{Dir: dir}
	writeSession(t, dir, goodID, goodAnswers)
	corrupt := writeSession(t, dir, corruptID, "\x00\x01 not toml")
	other := writeSession(t, dir, otherID, strings.Replace(goodAnswers, `bank = "mini"`, `bank = "another-bank"`, 1))
	var list []SessionInfo
	for range 2 {
		var err error
		if list, err = store.List(b); err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 {
			t.Fatalf("list: %+v", list)
		}
		if _, err := os.Stat(corrupt); err != nil {
			t.Fatalf("listing moved the corrupt file: %v", err)
		}
	}
	byID := map[string]SessionInfo{}
	for _, s := range list {
		byID[s.ID] = s
	}
	if byID[goodID].Err != nil || byID[goodID].Answered == 0 || byID[goodID].Corrupt() {
		t.Fatalf("good session: %+v", byID[goodID])
	}
	if s := byID[otherID]; s.Err == nil || s.Corrupt() || s.Quarantined != "" {
		t.Errorf("a file of another bank: %+v", s)
	}
	if s := byID[corruptID]; !s.Corrupt() || s.Quarantined != "" {
		t.Errorf("the corrupt file is not listed as corrupt: %+v", s)
	}

	repaired := store.Repair(list)
	if len(repaired) != 3 {
		t.Fatalf("repaired: %+v", repaired)
	}
	byID = map[string]SessionInfo{}
	for _, s := range repaired {
		byID[s.ID] = s
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file of another bank was moved: %v", err)
	}
	q := byID[corruptID]
	if q.Quarantined == "" || q.Corrupt() || !errors.Is(q.Err, ErrCorrupt) || !strings.Contains(q.Err.Error(), "moved aside to "+q.Quarantined) {
		t.Fatalf("corrupt file: %+v", q)
	}
	if _, err := os.Stat(corrupt); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the corrupt file is still in place")
	}
	if got, _ := os.ReadFile(q.Quarantined); string(got) != "\x00\x01 not toml" {
		t.Errorf("quarantined content: %q", got)
	}
	// Listed again: the moved file is no session.
	list, _ = store.List(b)
	if len(list) != 2 {
		t.Errorf("second list: %+v", list)
	}
}

// TestFailedWriteKeepsOldFile: a save whose target cannot be replaced (it
// is a directory, or its directory is gone) fails with a message naming
// the file and leaves what was there, with no temporary file.
func TestFailedWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "plan.md")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	inside := filepath.Join(target, "keep.txt")
	if err := os.WriteFile(inside, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, overwrite := range []bool{false, true} {
		err := WriteFileAtomic(target, []byte("new"), overwrite)
		if err == nil || !strings.Contains(err.Error(), target) {
			t.Errorf("overwrite=%v: %v", overwrite, err)
		}
	}
	if got, _ := os.ReadFile(inside); string(got) != "keep" {
		t.Error("the directory's content changed")
	}
	assertNoTemp(t, dir, "plan.md")

	// Read-only directory: permissions stop everyone but root.
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		old := filepath.Join(ro, "s.toml")
		if err := os.Mkdir(ro, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(old, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(ro, 0o700) })
		if err := WriteFileAtomic(old, []byte("new"), true); err == nil || !strings.Contains(err.Error(), old) {
			t.Errorf("write into a read-only directory: %v", err)
		}
		if got, _ := os.ReadFile(old); string(got) != "old" {
			t.Errorf("old file changed: %q", got)
		}
		assertNoTemp(t, ro, "s.toml")
	}
}

// assertNoTemp fails if dir holds anything but the names given.
func assertNoTemp(t *testing.T, dir string, keep ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		ok := false
		for _, k := range keep {
			ok = ok || e.Name() == k
		}
		if !ok && e.Name() != "ro" {
			t.Errorf("left behind in %s: %s", dir, e.Name())
		}
	}
}
