package tui

import (
	"bytes"

	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/internal/storage"
)

// autosaver writes the session in the background after every change, one
// write at a time, and always the newest state.
//
// At most one write is in flight. A change that comes while one is in
// flight only marks the state dirty; when the write reports back, the
// state as it is then is encoded and written. So a write never races
// another, an older snapshot can never land after a newer one, and the
// newest state is always the next written. It lives in the root model and
// is used from Update only: encoding is done there, the file write in a
// command.
type autosaver struct {
	// snapshot encodes the session as it is now; ok is false when there
	// is nowhere to save it yet.
	snapshot func() (job saveJob, ok bool, err error)
	busy     bool // a write is in flight
	dirty    bool // the session changed since the write in flight was encoded
}

// saveJob is one encoded snapshot and where it goes.
type saveJob struct {
	dir, path string
	data      []byte
	answered  int
	skipped   int
}

// write is the command that writes the snapshot.
func (j saveJob) write() tea.Msg {
	if err := mkdirPrivate(j.dir); err != nil {
		return savedMsg{path: j.path, err: err, wrote: true}
	}
	if err := storage.WriteFileAtomic(j.path, j.data, true); err != nil {
		return savedMsg{path: j.path, err: err, wrote: true}
	}
	return savedMsg{path: j.path, answered: j.answered, skipped: j.skipped, wrote: true}
}

// changed tells the autosaver the session changed; it returns the write
// to run, or nil while one is in flight.
func (s *autosaver) changed() tea.Cmd {
	if s.busy {
		s.dirty = true
		return nil
	}
	return s.start()
}

// done takes a write's report and returns the next write when the
// session changed in the meantime.
func (s *autosaver) done(msg savedMsg) tea.Cmd {
	if !msg.wrote {
		return nil
	}
	s.busy = false
	if s.dirty {
		return s.start()
	}
	return nil
}

// idle reports whether everything changed is on disk or failed to be.
func (s *autosaver) idle() bool { return !s.busy && !s.dirty }

func (s *autosaver) start() tea.Cmd {
	s.dirty = false
	job, ok, err := s.snapshot()
	if err != nil {
		return send(savedMsg{err: err})
	}
	if !ok {
		return nil
	}
	s.busy = true
	return job.write
}

// snapshot encodes the session for the autosaver, stamping it as updated.
func (a *App) snapshot() (saveJob, bool, error) {
	st := a.c.State
	if st.File == nil || st.Path == "" {
		return saveJob{}, false, nil
	}
	st.File.Session.Updated = st.Now()
	var buf bytes.Buffer
	if err := storage.WriteAnswers(&buf, a.c.Bank, st.File); err != nil {
		return saveJob{}, false, err
	}
	answered := len(st.Questions(a.c.Bank)) - unanswered(a.c.Bank, st.File)
	skipped := 0
	for _, q := range st.Questions(a.c.Bank) {
		if st.File.Answers.Items[q.ID].Skipped {
			skipped++
		}
	}
	return saveJob{dir: st.Dir, path: st.Path, data: buf.Bytes(), answered: answered - skipped, skipped: skipped}, true, nil
}
