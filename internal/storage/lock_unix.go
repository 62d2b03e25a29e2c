//go:build unix

package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Lock holds a session for one process: while one secpath has a session
// open, a second is told who has it instead of the two overwriting each
// other's answers. It is an advisory lock (flock) on a small file beside
// the session, released when the process ends however it ends, so a crash
// or a kill never leaves a session locked.
type Lock struct {
	f    *os.File
	path string
}

// LockedError says a session is open in another secpath.
type LockedError struct {
	Session string
	// Holder describes the other process, as it wrote itself into the
	// lock file: "pid 4242 since 2026-12-02 10:04 UTC".
	Holder string
}

func (e *LockedError) Error() string {
	if e.Holder == "" {
		return fmt.Sprintf("session %s is open in another secpath", e.Session)
	}
	return fmt.Sprintf("session %s is open in another secpath (%s)", e.Session, e.Holder)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// ErrLocked is what a LockedError is.
var ErrLocked = errors.New("the session is open in another secpath")

// LockFile locks the session saved at path (in the sessions directory or
// anywhere else): the lock file is ".<name>.lock" beside it.
func LockFile(path string, now time.Time) (*Lock, error) {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	lp := filepath.Join(dir, "."+name+".lock")
	f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		if os.IsNotExist(err) {
			// No directory yet: nothing saved, nothing to share.
			return &Lock{}, nil
		}
		return nil, fmt.Errorf("locking %s: %w", path, pathErr(err))
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(lp)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &LockedError{Session: strings.TrimSuffix(name, ".toml"), Holder: strings.TrimSpace(string(holder))}
		}
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	_ = f.Truncate(0)
	_, _ = fmt.Fprintf(f, "pid %d since %s\n", os.Getpid(), now.UTC().Format("2006-01-02 15:04 UTC"))
	return &Lock{f: f, path: lp}, nil
}

// Release gives the session up. The lock file stays (emptied): removing
// it would let a process that opened it just before lock an unlinked file
// while a third locks a new one, and both believe they hold the session.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	_ = l.f.Truncate(0)
	_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	_ = l.f.Close()
	l.f = nil
}
