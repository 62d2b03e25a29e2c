package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "plan.md")
	if err := WriteFileAtomic(p, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode: %v %v", st.Mode(), err)
	}
	// No overwrite unless told.
	err = WriteFileAtomic(p, []byte("two"), false)
	if !errors.Is(err, ErrExists) {
		t.Errorf("overwrite without force: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "one" {
		t.Errorf("file changed: %q", got)
	}
	if err := WriteFileAtomic(p, []byte("two"), true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "two" {
		t.Errorf("forced write: %q", got)
	}
	// An unwritable place fails clearly and leaves nothing behind.
	if err := WriteFileAtomic(filepath.Join(dir, "no", "such", "dir", "x"), []byte("x"), false); err == nil {
		t.Error("write into a missing directory succeeded")
	}
	if err := WriteFileAtomic(dir, []byte("x"), true); err == nil {
		t.Error("write over a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
