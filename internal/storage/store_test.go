package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFileStoreRoundTrip: a session saved through the Store is listed and
// loaded back by its id and by a unique prefix, with the file's mode 0600
// in a directory of mode 0700.
func TestFileStoreRoundTrip(t *testing.T) {
	b := miniBank(t)
	dir := filepath.Join(t.TempDir(), "sessions")
	var store Store = &FileStore{Dir: dir}
	f, err := ParseAnswers("good.toml", []byte(goodAnswers), b)
	if err != nil {
		t.Fatal(err)
	}
	f.Session = Session{ID: goodID, Started: time.Date(2026, 11, 22, 10, 15, 0, 0, time.UTC), Updated: time.Date(2026, 11, 22, 10, 20, 0, 0, time.UTC)}
	p, err := store.Save(b, f)
	if err != nil || p != filepath.Join(dir, goodID+".toml") {
		t.Fatalf("saved at %q: %v", p, err)
	}
	if st, _ := os.Stat(p); st == nil || st.Mode().Perm() != FileMode {
		t.Errorf("file mode %v", st)
	}
	if st, _ := os.Stat(dir); st == nil || st.Mode().Perm() != DirMode {
		t.Errorf("directory mode %v", st)
	}
	list, err := store.List(b)
	if err != nil || len(list) != 1 || list[0].ID != goodID || list[0].Err != nil || !list[0].Updated.Equal(f.Session.Updated) {
		t.Fatalf("list: %+v %v", list, err)
	}
	for _, id := range []string{goodID, "20261122-1015"} {
		got, at, err := store.Load(id, b)
		if err != nil || at != p || got.Session.ID != goodID || got.Answers.Profile.Name != f.Answers.Profile.Name {
			t.Errorf("load %s: %+v at %q: %v", id, got, at, err)
		}
	}
	if _, err := store.Save(b, &File{Answers: f.Answers}); err == nil {
		t.Error("a session without an id was saved")
	}
}

// TestStorageMessagesNameNoCommand: what storage says is in its own terms;
// the program words the commands and options that help (see FixError).
func TestStorageMessagesNameNoCommand(t *testing.T) {
	b := miniBank(t)
	dir := t.TempDir()
	store := &FileStore{Dir: dir}
	writeSession(t, dir, goodID, goodAnswers)
	writeSession(t, dir, otherID, goodAnswers)
	existing := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(existing, []byte("x"), FileMode); err != nil {
		t.Fatal(err)
	}
	_, emptyErr := ParseAnswers("empty.toml", []byte("  \n"), b)
	_, otherErr := ParseAnswers("other.toml", []byte(strings.Replace(goodAnswers, `bank = "mini"`, `bank = "another"`, 1)), b)
	_, _, missingErr := store.Load("20991231", b)
	_, _, ambiguousErr := store.Load("20261122", b)
	_, noHomeErr := SessionsDir("", "")
	errs := map[string]error{
		"empty":     emptyErr,
		"other":     otherErr,
		"exists":    WriteFileAtomic(existing, []byte("y"), false),
		"missing":   missingErr,
		"ambiguous": ambiguousErr,
		"no home":   noHomeErr,
	}
	for name, err := range errs {
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "--") || strings.Contains(msg, "secpath ") || strings.Contains(msg, "`") {
			t.Errorf("%s: %q names a command or an option", name, msg)
		}
	}
	for name, want := range map[string]error{"empty": ErrEmpty, "other": ErrOtherBank, "exists": ErrExists, "missing": ErrNoSession, "ambiguous": ErrAmbiguous, "no home": ErrNoHome} {
		if !errors.Is(errs[name], want) {
			t.Errorf("%s: %v is not %v", name, errs[name], want)
		}
	}
	if !errors.Is(emptyErr, ErrCorrupt) {
		t.Error("an empty file is not ErrCorrupt")
	}
	var fix *FixError
	if !errors.As(otherErr, &fix) || fix.At.Line != 2 || !strings.Contains(fix.At.Message, `for the bank "another"`) {
		t.Errorf("the other-bank problem is not marked where it is: %+v", fix)
	}
}
