//go:build !unix

package storage

import (
	"errors"
	"time"
)

// Lock is a no-op where advisory file locks are not available.
type Lock struct{}

// ErrLocked is what a LockedError is.
var ErrLocked = errors.New("the session is open in another secpath")

// LockFile does nothing here: see the Unix build for what it does.
func LockFile(string, time.Time) (*Lock, error) { return &Lock{}, nil }

// Release does nothing here.
func (l *Lock) Release() {}
