//go:build unix

package storage

import (
	"fmt"
	"os"
	"syscall"
)

// checkPrivate refuses a sessions directory that other people could
// change: writable by its group or by everyone, or owned by another user.
// Answers are personal, and a directory someone else can write to lets
// them replace a session with one of their own. A directory that does
// not exist yet is fine: it is created private.
func checkPrivate(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return nil
	}
	if !st.IsDir() {
		return fmt.Errorf("%s: %w: it is not a directory", dir, ErrUnsafeDir)
	}
	if perm := st.Mode().Perm(); perm&0o022 != 0 {
		return fmt.Errorf("%s: %w: others can write to it (mode %04o); make it private to you (mode 0700)", dir, ErrUnsafeDir, perm)
	}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok && int(sys.Uid) != os.Getuid() {
		return fmt.Errorf("%s: %w: it belongs to another user (uid %d)", dir, ErrUnsafeDir, sys.Uid)
	}
	return nil
}
