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

// TestWriteRefusesWhatIsNotARegularFile: --force replaces a file, never a
// device, a pipe or a link, which would silently become a regular file.
func TestWriteRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	if err := os.WriteFile(target, []byte("kept"), FileMode); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	fdLink := filepath.Join(dir, "stdout.md")
	if err := os.Symlink("/proc/self/fd/1", fdLink); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{link, fdLink, "/dev/null"} {
		for _, force := range []bool{false, true} {
			err := WriteFileAtomic(path, []byte("new"), force)
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s (force %v): %v", path, force, err)
			}
		}
		if st, err := os.Lstat(path); err != nil || st.Mode().IsRegular() {
			t.Errorf("%s was replaced by a regular file", path)
		}
	}
	if data, _ := os.ReadFile(target); string(data) != "kept" {
		t.Errorf("the link's target changed: %q", data)
	}
	// A regular file is still replaced when asked.
	if err := WriteFileAtomic(target, []byte("new"), true); err != nil {
		t.Fatal(err)
	}
}
