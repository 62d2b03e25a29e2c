package storage

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/secpath/secpath/assess"
)

// ErrNoSession is returned when a session id matches no saved session.
var ErrNoSession = errors.New("no such session")

// ErrNoHome is returned by SessionsDir when neither a state directory nor
// a home directory is known, so there is nowhere to keep sessions.
var ErrNoHome = errors.New("no home directory")

// SessionsDir returns where sessions are kept: stateHome/secpath/sessions,
// or home/.local/state/secpath/sessions when stateHome is empty or not an
// absolute path, as the XDG base directory specification says for state
// that should survive restarts but is not worth backing up like a
// document ($XDG_STATE_HOME, default ~/.local/state). Both come from the
// caller: nothing is read from the process.
func SessionsDir(stateHome, home string) (string, error) {
	if stateHome != "" && filepath.IsAbs(stateHome) {
		return filepath.Join(stateHome, "secpath", "sessions"), nil
	}
	if home == "" {
		return "", ErrNoHome
	}
	return filepath.Join(home, ".local", "state", "secpath", "sessions"), nil
}

var idPattern = regexp.MustCompile(`^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$`)

// NewSessionID makes a sortable, readable id: the start time and four
// random hex digits, e.g. 20261122-153012-9f3a.
func NewSessionID(now time.Time) string {
	var b [2]byte
	_, _ = rand.Read(b[:])
	return now.Format("20060102-150405") + "-" + hex.EncodeToString(b[:])
}

// SessionPath is the file of a session id.
func SessionPath(dir, id string) string { return filepath.Join(dir, id+".toml") }

// SessionInfo summarises a saved session for lists and the resume offer.
type SessionInfo struct {
	ID       string
	Path     string
	Name     string
	Mode     assess.Mode
	Target   string
	Started  time.Time
	Updated  time.Time
	Answered int
	Asked    int
	// Err is set when the file could not be read; the session is still
	// listed so the person knows it is there. A file that does not parse
	// at all is ErrCorrupt (see Corrupt): listing reports it and leaves it
	// where it is, and Repair moves it aside.
	Err error
	// Quarantined is set by Repair when the file did not parse at all and
	// was moved aside to this path (see QuarantineSession); Err, a
	// *QuarantinedError, says why. Such an entry is no longer a session:
	// callers tell the person where the file went and leave it out of
	// lists.
	Quarantined string
}

// Corrupt reports whether the session's file does not parse at all and is
// still in place: what Repair moves aside.
func (s SessionInfo) Corrupt() bool { return s.Quarantined == "" && errors.Is(s.Err, ErrCorrupt) }

// Finished reports whether every question of the session's mode was
// answered or skipped.
func (s SessionInfo) Finished() bool { return s.Err == nil && s.Asked > 0 && s.Answered >= s.Asked }

// QuarantinedError reports a session file that did not parse and was moved
// aside. It is ErrCorrupt.
type QuarantinedError struct {
	Path    string // where the session file was
	MovedTo string // where it is now
	Err     error  // why it does not parse
}

func (e *QuarantinedError) Error() string {
	why := strings.TrimPrefix(e.Err.Error(), e.Path+": ")
	var inv *assess.InvalidError
	if errors.As(e.Err, &inv) && len(inv.Diagnostics) > 0 {
		why = inv.Diagnostics[0].Error()
	}
	return fmt.Sprintf("%s; the session file does not parse, so it was moved aside to %s (kept, not deleted)", strings.TrimSuffix(why, "."), e.MovedTo)
}

func (e *QuarantinedError) Unwrap() error { return ErrCorrupt }

// QuarantineSession moves a session file that no longer parses out of the
// way, renaming it to <id>.toml.corrupt-<YYYYMMDD-HHMMSS> in the same
// directory (with -2, -3... if that exists), so that it is kept for a
// person to look at or repair but is no longer taken for a session. It
// never deletes anything. It returns the new path.
func QuarantineSession(path string, now time.Time) (string, error) {
	base := path + ".corrupt-" + now.Format("20060102-150405")
	moved := base
	for n := 2; ; n++ {
		if _, err := os.Lstat(moved); errors.Is(err, os.ErrNotExist) {
			break
		}
		if n > 1000 {
			return "", fmt.Errorf("cannot move %s aside: too many files named %s-N", path, base)
		}
		moved = fmt.Sprintf("%s-%d", base, n)
	}
	if err := os.Rename(path, moved); err != nil {
		return "", fmt.Errorf("cannot move %s aside: %w", path, pathErr(err))
	}
	syncDir(filepath.Dir(path))
	return moved, nil
}
