//go:build unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSessionsDirectoryMustBePrivate: a sessions directory others can
// write to is refused for listing, loading and saving, and left as it is.
func TestSessionsDirectoryMustBePrivate(t *testing.T) {
	b := miniBank(t)
	dir := filepath.Join(t.TempDir(), "sessions")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	s := &FileStore{Dir: dir}
	f, err := ParseAnswers("a.toml", []byte(goodAnswers), b)
	if err != nil {
		t.Fatal(err)
	}
	f.Session = Session{ID: goodID, Started: time.Now()}
	if _, err := s.Save(b, f); !errors.Is(err, ErrUnsafeDir) || !strings.Contains(err.Error(), "mode 0777") {
		t.Errorf("save: %v", err)
	}
	if _, err := s.List(b); !errors.Is(err, ErrUnsafeDir) {
		t.Errorf("list: %v", err)
	}
	if _, _, err := s.Load(goodID, b); !errors.Is(err, ErrUnsafeDir) {
		t.Errorf("load: %v", err)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o777 {
		t.Errorf("the directory's mode was changed to %v", st.Mode().Perm())
	}
	// Private again: all is well, and a new directory is created 0700.
	os.Chmod(dir, 0o700)
	if _, err := s.Save(b, f); err != nil {
		t.Errorf("save in a private directory: %v", err)
	}
	fresh := &FileStore{Dir: filepath.Join(t.TempDir(), "new", "sessions")}
	if _, err := fresh.Save(b, f); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh.Dir); st.Mode().Perm() != 0o700 {
		t.Errorf("created with mode %v", st.Mode().Perm())
	}
}

// TestPipesInDirectoriesAreNotOpened: a named pipe in the sessions
// directory is listed as unreadable, by name, at once.
func TestPipesInDirectoriesAreNotOpened(t *testing.T) {
	b := miniBank(t)
	dir := t.TempDir()
	pipe := filepath.Join(dir, goodID+".toml")
	if err := mkfifo(pipe); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan []SessionInfo, 1)
	go func() { list, _ := (&FileStore{Dir: dir}).List(b); done <- list }()
	select {
	case list := <-done:
		if len(list) != 1 || !errors.Is(list[0].Err, ErrNotRegular) || !strings.Contains(list[0].Err.Error(), "a named pipe") {
			t.Errorf("listed %+v", list)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("listing blocked on a named pipe")
	}
	if _, err := ReadRegularAnswers(pipe, b); !errors.Is(err, ErrNotRegular) {
		t.Errorf("read: %v", err)
	}
}
