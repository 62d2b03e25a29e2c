package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// AtomicFile is WriteFileAtomic for output written in pieces (a report of
// a large cohort, streamed as it is formatted, rather than held whole in
// memory): the text goes to a temporary file in the target's directory,
// and Commit puts it in place complete, with the same rules: mode 0600,
// an existing file replaced only when overwrite is set, never a part of
// the text at the path. Until Commit, nothing is at the path; Abort (or a
// failed Commit) removes the temporary file.
type AtomicFile struct {
	path      string
	overwrite bool
	tmp       *os.File
	done      bool
}

// CreateAtomic starts an AtomicFile for path. Unless overwrite is set, an
// existing file is an ErrExists error now, before anything is written.
func CreateAtomic(path string, overwrite bool) (*AtomicFile, error) {
	if err := checkTarget(path, overwrite); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write here: %w", path, pathErr(err))
	}
	f := &AtomicFile{path: path, overwrite: overwrite, tmp: tmp}
	if err := tmp.Chmod(FileMode); err != nil {
		f.Abort()
		return nil, fmt.Errorf("%s: %w", path, pathErr(err))
	}
	return f, nil
}

// Write adds p to the temporary file.
func (f *AtomicFile) Write(p []byte) (int, error) {
	n, err := f.tmp.Write(p)
	if err != nil {
		return n, fmt.Errorf("%s: %w", f.path, pathErr(err))
	}
	return n, nil
}

// Commit syncs the text and puts it at the path: renamed over the old
// file when overwrite is set, else linked there, so a file created there
// meanwhile is still not replaced (ErrExists).
func (f *AtomicFile) Commit() error {
	if f.done {
		return fmt.Errorf("%s: already closed", f.path)
	}
	ok := false
	defer func() {
		if !ok {
			f.Abort()
		}
	}()
	name := f.tmp.Name()
	if err := f.tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w", f.path, pathErr(err))
	}
	if err := f.tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", f.path, pathErr(err))
	}
	if !f.overwrite {
		if err := os.Link(name, f.path); err != nil {
			if errors.Is(err, os.ErrExist) {
				return fmt.Errorf("%s: %w (use --force to replace it)", f.path, ErrExists)
			}
			if err := os.Rename(name, f.path); err != nil {
				return fmt.Errorf("%s: %w", f.path, pathErr(err))
			}
		} else {
			_ = os.Remove(name)
		}
	} else if err := os.Rename(name, f.path); err != nil {
		return fmt.Errorf("%s: %w", f.path, pathErr(err))
	}
	ok, f.done = true, true
	syncDir(filepath.Dir(f.path))
	return nil
}

// Abort drops the temporary file; after Commit it does nothing.
func (f *AtomicFile) Abort() {
	if f.done {
		return
	}
	f.done = true
	_ = f.tmp.Close()
	_ = os.Remove(f.tmp.Name())
}
