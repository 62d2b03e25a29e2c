package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/secpath/secpath/assess"
)

// Store keeps saved assessments, keyed by session id. Reading it never
// changes it: a file that does not parse is reported, by List as an entry
// whose Err is ErrCorrupt and by Load as an ErrCorrupt error, and moving
// such files out of the way is the separate Repair step, which callers
// take when they mean to (and say so to the person).
type Store interface {
	// Save writes a session atomically and returns where it is kept. It
	// is called after every answer, so a killed process loses nothing
	// already answered.
	Save(b *assess.Bank, f *File) (string, error)
	// Load reads a session by id, or by a prefix matching only one. It
	// returns where the session is kept even when it fails to read it.
	Load(id string, b *assess.Bank) (*File, string, error)
	// List returns every saved session, most recently updated first,
	// unreadable ones included with their problem.
	List(b *assess.Bank) ([]SessionInfo, error)
	// Repair moves aside the sessions of a listing that do not parse
	// (SessionInfo.Corrupt), never deleting anything, and returns the
	// listing with each of them resolved: moved (Quarantined set, Err a
	// *QuarantinedError), left out when the file has gone meanwhile (as
	// when another secpath moved it a moment ago), or, when it could not
	// be moved, kept with an Err that says both why.
	Repair(list []SessionInfo) []SessionInfo
}

// ErrAmbiguous is returned when a session id prefix matches more than one
// session.
var ErrAmbiguous = errors.New("ambiguous")

// FileStore is the Store of a sessions directory (see SessionsDir): one
// file per session, <id>.toml, mode 0600, in a directory of mode 0700.
type FileStore struct {
	Dir string
	// Now dates the names of files Repair moves aside; nil means the
	// system clock.
	Now func() time.Time
}

var _ Store = (*FileStore)(nil)

// Path is the file of a session id.
func (s *FileStore) Path(id string) string { return SessionPath(s.Dir, id) }

func (s *FileStore) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Save writes a session atomically with mode 0600, creating the directory
// with mode 0700.
func (s *FileStore) Save(b *assess.Bank, f *File) (string, error) {
	if f.Session.ID == "" {
		return "", errors.New("session has no id")
	}
	if err := checkPrivate(s.Dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(s.Dir, DirMode); err != nil {
		return "", fmt.Errorf("creating %s: %w", s.Dir, pathErr(err))
	}
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, b, f); err != nil {
		return "", err
	}
	p := s.Path(f.Session.ID)
	return p, WriteFileAtomic(p, buf.Bytes(), true)
}

// Load reads a session by id (or a unique prefix of one). A file that does
// not parse is left where it is and reported as ErrCorrupt, with its path.
func (s *FileStore) Load(id string, b *assess.Bank) (*File, string, error) {
	if err := checkPrivate(s.Dir); err != nil {
		return nil, "", err
	}
	if !idPattern.MatchString(id) {
		entries, _ := os.ReadDir(s.Dir)
		var match []string
		for _, e := range entries {
			n := strings.TrimSuffix(e.Name(), ".toml")
			if strings.HasSuffix(e.Name(), ".toml") && idPattern.MatchString(n) && strings.HasPrefix(n, id) && id != "" {
				match = append(match, n)
			}
		}
		if len(match) != 1 {
			if len(match) > 1 {
				return nil, "", fmt.Errorf("session %q is %w: %s", id, ErrAmbiguous, strings.Join(match, ", "))
			}
			return nil, "", fmt.Errorf("session %q: %w", id, ErrNoSession)
		}
		id = match[0]
	}
	p := s.Path(id)
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
		return nil, "", fmt.Errorf("session %q: %w", id, ErrNoSession)
	}
	f, err := ReadRegularAnswers(p, b)
	if err != nil {
		return nil, p, err
	}
	if f.Session.ID == "" {
		f.Session.ID = id
	}
	return f, p, nil
}

// List returns the saved sessions, most recently updated first. It only
// reads: a file that does not parse is listed with an ErrCorrupt Err.
func (s *FileStore) List(b *assess.Bank) ([]SessionInfo, error) {
	if err := checkPrivate(s.Dir); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", s.Dir, pathErr(err))
	}
	var out []SessionInfo
	for _, e := range entries {
		name := e.Name()
		id := strings.TrimSuffix(name, ".toml")
		if e.IsDir() || !strings.HasSuffix(name, ".toml") || !idPattern.MatchString(id) {
			continue
		}
		p := filepath.Join(s.Dir, name)
		info := SessionInfo{ID: id, Path: p}
		f, err := ReadRegularAnswers(p, b)
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
		if info.Updated.IsZero() {
			// A file without a session table (written by hand, or by
			// template): when it was last changed is when it was saved.
			if st, err := os.Stat(p); err == nil {
				info.Updated = st.ModTime()
			}
		}
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

// Repair moves aside the corrupt sessions of a listing: see Store.
func (s *FileStore) Repair(list []SessionInfo) []SessionInfo {
	out := make([]SessionInfo, 0, len(list))
	for _, info := range list {
		if !info.Corrupt() {
			out = append(out, info)
			continue
		}
		moved, err := QuarantineSession(info.Path, s.now())
		switch {
		case errors.Is(err, os.ErrNotExist):
			continue // another secpath moved it a moment ago
		case err == nil:
			info.Quarantined, info.Err = moved, &QuarantinedError{Path: info.Path, MovedTo: moved, Err: info.Err}
		default:
			info.Err = fmt.Errorf("%w; %v", info.Err, err)
		}
		out = append(out, info)
	}
	return out
}

// SaveSession saves a session in the sessions directory dir: the
// FileStore's Save.
func SaveSession(dir string, b *assess.Bank, f *File) (string, error) {
	return (&FileStore{Dir: dir}).Save(b, f)
}

// LoadSession reads a session of the sessions directory dir: the
// FileStore's Load, which moves nothing.
func LoadSession(dir, id string, b *assess.Bank) (*File, string, error) {
	return (&FileStore{Dir: dir}).Load(id, b)
}

// SaveFileAt writes a session to a file of its own choosing (one opened
// from elsewhere, which is saved where it is), atomically, mode 0600.
func SaveFileAt(path string, b *assess.Bank, f *File) error {
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, b, f); err != nil {
		return err
	}
	return WriteFileAtomic(path, buf.Bytes(), true)
}
