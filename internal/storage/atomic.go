package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrExists is returned when a write would replace a file and the caller
// did not allow it.
var ErrExists = errors.New("file already exists")

// ErrNotRegular is returned when a write would replace something that is
// not a regular file: a device (/dev/null), a pipe, a socket, or a
// symbolic link (to /proc/self/fd/1, say). Renaming over it would put a
// regular file in its place, which nobody asking to write there means.
var ErrNotRegular = errors.New("is not a regular file")

// ErrUnsafeDir is returned for a sessions directory other people could
// change (see checkPrivate).
var ErrUnsafeDir = errors.New("the sessions directory is not private")

// FileMode is the permission of every file secpath writes: answers,
// sessions and plans are personal.
const FileMode os.FileMode = 0o600

// DirMode is the permission of directories secpath creates.
const DirMode os.FileMode = 0o700

// WriteFileAtomic writes data to path so that readers see either the old
// file or the complete new one, never a part: it writes a temporary file
// in the same directory, syncs it, and renames it over the target. Unless
// overwrite is set, an existing file is left alone and ErrExists returned.
func WriteFileAtomic(path string, data []byte, overwrite bool) error {
	if err := checkTarget(path, overwrite); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write here: %w", path, pathErr(err))
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			_ = tmp.Close()
			_ = os.Remove(name)
		}
	}()
	if err := tmp.Chmod(FileMode); err != nil {
		return fmt.Errorf("%s: %w", path, pathErr(err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("%s: %w", path, pathErr(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, pathErr(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, pathErr(err))
	}
	if !overwrite {
		// Link fails if the target appeared meanwhile, so a file created
		// between the check above and now is still not replaced.
		if err := os.Link(name, path); err != nil {
			if errors.Is(err, os.ErrExist) {
				return fmt.Errorf("%s: %w", path, ErrExists)
			}
			if err := os.Rename(name, path); err != nil {
				return fmt.Errorf("%s: %w", path, pathErr(err))
			}
		} else {
			_ = os.Remove(name)
		}
	} else if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("%s: %w", path, pathErr(err))
	}
	ok = true
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable; failure only weakens durability, so it
// is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// checkTarget says whether a write may put a file at path: a new path,
// or a regular file when overwriting is allowed; never a directory, a
// device, a pipe, a socket or a symbolic link.
func checkTarget(path string, overwrite bool) error {
	st, err := os.Lstat(path)
	if err != nil {
		return nil
	}
	switch {
	case st.IsDir():
		return fmt.Errorf("%s: is a directory", path)
	case st.Mode()&os.ModeSymlink != 0:
		return fmt.Errorf("%s: %w but a symbolic link: give the path of the file itself", path, ErrNotRegular)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s: %w (%s); only new files or ordinary ones are written", path, ErrNotRegular, kindOf(st.Mode()))
	case !overwrite:
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	return nil
}

// kindOf names what a path is, for messages.
func kindOf(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0, m&os.ModeCharDevice != 0:
		return "a device"
	}
	return "not an ordinary file"
}
