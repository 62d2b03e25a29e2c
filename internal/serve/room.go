package serve

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/storage"
)

// progress is how far a person's session is: what the room view shows of
// them, and all it ever holds of their assessment.
type progress struct {
	session, name string
	done, total   int
}

func (p progress) finished() bool { return p.total > 0 && p.done >= p.total }

// seat is one person in the room.
type seat struct {
	id, pseudonym string
	progress
	connected bool
	lastKey   time.Time
}

// room is what the facilitator sees: every participant the server knows,
// connected or not, and how far each is. The participants' programs write
// to it as they change, the room views read it; the cohort of those who
// finished is read from their sessions on disk when someone finishes.
type room struct {
	bank *assess.Bank
	data string
	now  func() time.Time

	mu       sync.Mutex
	seats    map[string]*seat
	finishes int // bumped when a session is finished, to rebuild the cohort
	cohort   *assess.Cohort
	built    int // the finishes the cohort was built at, -1 before the first
}

func newRoom(b *assess.Bank, data string, now func() time.Time) *room {
	r := &room{bank: b, data: data, now: now, seats: map[string]*seat{}, built: -1}
	// The people of an earlier run are in the room too, not connected, so
	// a restarted server shows the same room.
	for _, l := range r.latest() {
		s := r.seat(l.id)
		s.progress = progress{session: l.info.ID, name: l.info.Name, done: l.info.Answered, total: l.info.Asked}
		s.lastKey = l.info.Updated
	}
	return r
}

// seat returns a person's seat, adding it; the caller holds mu or is
// building the room.
func (r *room) seat(id string) *seat {
	s := r.seats[id]
	if s == nil {
		s = &seat{id: id, pseudonym: person{ID: id}.pseudonym()}
		r.seats[id] = s
	}
	return s
}

func (r *room) join(p person) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.seat(p.ID)
	s.connected, s.lastKey = true, r.now()
}

func (r *room) part(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seat(id).connected = false
}

func (r *room) touch(id string, t time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seat(id).lastKey = t
}

func (r *room) progress(id string, pr progress) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.seat(id)
	if pr.finished() && (!s.finished() || s.session != pr.session) {
		r.finishes++
	}
	s.progress = pr
}

// seatView is one row of the room view, its name already safe to show.
type seatView struct {
	Name      string
	Shared    bool // the person gave their name; else Name is a pseudonym
	Connected bool
	Done      int
	Total     int
	Idle      time.Duration
}

// snapshot is the room as it is now, connected people first, then by name.
func (r *room) snapshot() []seatView {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	out := make([]seatView, 0, len(r.seats))
	for _, s := range r.seats {
		v := seatView{Name: s.pseudonym, Connected: s.connected, Done: s.done, Total: s.total}
		if n := displayName(s.name); n != "" {
			v.Name, v.Shared = n, true
		}
		if s.connected {
			v.Idle = now.Sub(s.lastKey)
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Connected != out[j].Connected {
			return out[i].Connected
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// displayName is a name a participant typed, made safe for another
// person's terminal (every control code shown inert) and kept short.
func displayName(name string) string {
	n := strings.TrimSpace(safetext.Line(name))
	return ansi.Truncate(n, 28, "…")
}

// Cohort is the room's cohort: every finished session, by shared name
// or pseudonym, rebuilt only when someone has finished since the last.
func (r *room) Cohort() *assess.Cohort {
	r.mu.Lock()
	if r.built == r.finishes && r.cohort != nil {
		c := r.cohort
		r.mu.Unlock()
		return c
	}
	at := r.finishes
	r.mu.Unlock()
	c := r.buildCohort()
	r.mu.Lock()
	r.cohort, r.built = c, at
	r.mu.Unlock()
	return c
}

type latestSession struct {
	id   string // the person's
	dir  string
	info storage.SessionInfo
}

// latest is each person's most recent readable session, from disk.
func (r *room) latest() []latestSession {
	entries, err := os.ReadDir(filepath.Join(r.data, "people"))
	if err != nil {
		return nil
	}
	var out []latestSession
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(r.data, "people", e.Name())
		list, err := (&storage.FileStore{Dir: dir}).List(r.bank)
		if err != nil {
			continue
		}
		for _, info := range list {
			if info.Err == nil {
				out = append(out, latestSession{id: e.Name(), dir: dir, info: info})
				break
			}
		}
	}
	return out
}

func (r *room) buildCohort() *assess.Cohort {
	cb := assess.NewCohortBuilder(r.bank)
	for _, l := range r.latest() {
		if !l.info.Finished() {
			continue
		}
		f, _, err := (&storage.FileStore{Dir: l.dir}).Load(l.info.ID, r.bank)
		if err != nil {
			continue
		}
		name := displayName(f.Answers.Profile.Name)
		if name == "" {
			name = person{ID: l.id}.pseudonym()
		}
		cb.Add(cb.Entry(name, "session "+l.info.ID, assess.Score(r.bank, f.Answers)))
	}
	cb.DistinguishSameNames()
	return cb.Cohort()
}
