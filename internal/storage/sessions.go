package storage

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
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

// SaveSession writes a session atomically with mode 0600, creating the
// directory with mode 0700. It is called after every answer, so a killed
// process loses nothing already answered.
func SaveSession(dir string, b *assess.Bank, f *File) (string, error) {
	if f.Session.ID == "" {
		return "", errors.New("session has no id")
	}
	if err := os.MkdirAll(dir, DirMode); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, pathErr(err))
	}
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, b, f); err != nil {
		return "", err
	}
	p := SessionPath(dir, f.Session.ID)
	return p, WriteFileAtomic(p, buf.Bytes(), true)
}

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
	// listed so the person knows it is there.
	Err error
	// Quarantined is set when the file did not parse at all and was moved
	// aside to this path (see QuarantineSession); Err says why. Such an
	// entry is no longer a session: callers tell the person where the file
	// went and leave it out of lists.
	Quarantined string
}

// Finished reports whether every question of the session's mode was
// answered or skipped.
func (s SessionInfo) Finished() bool { return s.Err == nil && s.Asked > 0 && s.Answered >= s.Asked }

// ListSessions returns the saved sessions, most recently updated first.
func ListSessions(dir string, b *assess.Bank) ([]SessionInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, pathErr(err))
	}
	var out []SessionInfo
	for _, e := range entries {
		name := e.Name()
		id := strings.TrimSuffix(name, ".toml")
		if e.IsDir() || !strings.HasSuffix(name, ".toml") || !idPattern.MatchString(id) {
			continue
		}
		p := filepath.Join(dir, name)
		info := SessionInfo{ID: id, Path: p}
		f, err := ReadAnswers(p, b)
		if errors.Is(err, ErrCorrupt) {
			moved, qerr := QuarantineSession(p, time.Now())
			switch {
			case errors.Is(qerr, os.ErrNotExist):
				continue // another secpath moved it a moment ago
			case qerr == nil:
				info.Quarantined, info.Err = moved, &QuarantinedError{Path: p, MovedTo: moved, Err: err}
				out = append(out, info)
				continue
			}
			err = fmt.Errorf("%w; %v", err, qerr)
		}
		if err != nil {
			info.Err = err
			if st, e2 := os.Stat(p); e2 == nil {
				info.Updated = st.ModTime()
			}
			out = append(out, info)
			continue
		}
		a := f.Answers
		info.Name, info.Mode, info.Target = a.Profile.Name, a.Mode, a.Target
		info.Started, info.Updated = f.Session.Started, f.Session.Updated
		for _, q := range b.QuestionsAsked(a.Mode, a) {
			info.Asked++
			if ans, ok := a.Items[q.ID]; ok && (ans.Skipped || ans.Given(q.Kind)) {
				info.Answered++
			}
		}
		out = append(out, info)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	return out, nil
}

// LoadSession reads a session by id (or a unique prefix of one).
func LoadSession(dir, id string, b *assess.Bank) (*File, string, error) {
	if !idPattern.MatchString(id) {
		entries, _ := os.ReadDir(dir)
		var match []string
		for _, e := range entries {
			n := strings.TrimSuffix(e.Name(), ".toml")
			if strings.HasSuffix(e.Name(), ".toml") && idPattern.MatchString(n) && strings.HasPrefix(n, id) && id != "" {
				match = append(match, n)
			}
		}
		if len(match) != 1 {
			if len(match) > 1 {
				return nil, "", fmt.Errorf("session %q is ambiguous: %s", id, strings.Join(match, ", "))
			}
			return nil, "", fmt.Errorf("session %q: %w (see `secpath sessions`)", id, ErrNoSession)
		}
		id = match[0]
	}
	p := SessionPath(dir, id)
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
		return nil, "", fmt.Errorf("session %q: %w (see `secpath sessions`)", id, ErrNoSession)
	}
	f, err := ReadAnswers(p, b)
	if errors.Is(err, ErrCorrupt) {
		moved, qerr := QuarantineSession(p, time.Now())
		if qerr != nil {
			return nil, p, fmt.Errorf("%w; %v", err, qerr)
		}
		return nil, moved, &QuarantinedError{Path: p, MovedTo: moved, Err: err}
	}
	if err != nil {
		return nil, p, err
	}
	if f.Session.ID == "" {
		f.Session.ID = id
	}
	return f, p, nil
}

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
