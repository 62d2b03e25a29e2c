package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/tui"
)

// leaveMsg asks an interface to save and close, saying why.
type leaveMsg struct{ reason string }

// idleTickMsg is the interface's idle check.
type idleTickMsg struct{}

// serveParticipant runs the assessment for one person on their own
// program, on their latest session when they have one, so reconnecting
// carries on where they were.
func (s *Server) serveParticipant(sess ssh.Session, p person) {
	if !s.claim(p) {
		wish.Fatalln(sess, "Your assessment is open in another window that does not close: carry on there, or close it and connect again.")
		return
	}
	defer s.release(p)
	dir, err := personDir(s.cfg.Data, p)
	if err != nil {
		s.log.Error("sessions directory", "who", p.short(), "err", err)
		wish.Fatalln(sess, "The server could not open your sessions. Tell the facilitator.")
		return
	}
	store := &storage.FileStore{Dir: dir, Now: s.cfg.Now}
	b := s.cfg.Bank
	list, err := store.List(b)
	if err != nil {
		s.log.Error("listing sessions", "who", p.short(), "err", err)
	}
	// A file that no longer parses is moved aside (never deleted), so the
	// next one down is resumed.
	list = store.Repair(list)
	var resume *storage.File
	for _, info := range list {
		if info.Err != nil {
			continue
		}
		if f, _, err := store.Load(info.ID, b); err == nil {
			resume = f
		}
		break
	}
	app := tui.New(tui.Options{Bank: b, Dir: dir, Resume: resume, Now: s.cfg.Now, NoFiles: true,
		Privacy:       "On this workshop server: your answers are kept here for you; the facilitator sees how far you are and, once you finish, your results in the room's view, under the name you give (or a pseudonym).",
		PrivacyStatus: "Workshop server: the facilitator sees your progress.",
		ResumeHint:    "Connect again to carry on where you left."})
	m := &participant{app: app, idle: s.cfg.Idle, now: s.cfg.Now, room: s.room, id: p.ID, last: s.cfg.Now()}
	if p.Code != "" {
		m.footer = "Your resume code: " + p.Code + " (type it when you connect again to carry on)"
	}
	s.room.join(p)
	defer s.room.part(p.ID)
	s.runProgram(sess, m, func(prog *tea.Program) { s.register(p, prog) })
	switch {
	case m.reason != "":
		wish.Println(sess, m.reason)
	case sess.Context().Err() == nil:
		wish.Println(sess, "Your answers are saved on the workshop server.")
	}
	if p.Code != "" {
		wish.Println(sess, "To carry on later, connect again and type your resume code: "+p.Code)
	} else {
		wish.Println(sess, "Connect again with the same key to carry on; your plan, without a terminal: ssh HOST plan --format md > plan.md")
	}
}

// live is a person's open interface.
type live struct {
	prog  *tea.Program // nil while it starts
	done  chan struct{}
	asked bool // told to leave for a newer window
}

// claim reserves a person's one interface. One already open (a window
// left behind, a laptop that slept with its connection half-open) is
// asked to save and close, and the new connection waits for it, so the
// newest window always carries on from every saved answer. false when
// the old one did not close in time.
func (s *Server) claim(p person) bool {
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		old := s.live[p.ID]
		if old == nil {
			s.live[p.ID] = &live{done: make(chan struct{})}
			s.running.Add(1)
			s.mu.Unlock()
			return true
		}
		prog, done := old.prog, old.done
		ask := prog != nil && !old.asked
		old.asked = old.asked || ask
		s.mu.Unlock()
		if ask {
			go prog.Send(leaveMsg{reason: "You connected again from another window, so this one has closed. Your answers are saved."})
		}
		select {
		case <-done:
		case <-time.After(time.Until(deadline)):
			return false
		case <-time.After(50 * time.Millisecond): // still starting: ask again
		}
	}
}

// register records a person's program, so Shutdown and a newer window
// can close it. A server already closing closes it at once.
func (s *Server) register(p person, prog *tea.Program) {
	s.mu.Lock()
	if l := s.live[p.ID]; l != nil {
		l.prog = prog
	}
	closing := s.closing
	s.mu.Unlock()
	if closing {
		go prog.Send(leaveMsg{reason: "The workshop server is closing. Your answers are saved."})
	}
}

func (s *Server) release(p person) {
	s.mu.Lock()
	if l := s.live[p.ID]; l != nil {
		close(l.done)
		delete(s.live, p.ID)
	}
	s.mu.Unlock()
	s.running.Done()
}

// runProgram runs a model on a session's terminal: input, output, TERM,
// window size and colour profile from the session (bubbletea.MakeOptions),
// resizes as the window changes, ending when the model quits or the
// connection goes.
func (s *Server) runProgram(sess ssh.Session, m tea.Model, register func(*tea.Program)) {
	var prog *tea.Program
	// The input ends when the person closes their side (a multiplexed
	// client keeps the connection open after); the interface then saves
	// and closes as if asked to leave.
	in := &endReader{r: sess, end: func() { prog.Send(leaveMsg{}) }}
	opts := append([]tea.ProgramOption{tea.WithContext(sess.Context())}, bubbletea.MakeOptions(sess)...)
	prog = tea.NewProgram(m, append(opts, tea.WithInput(in))...)
	register(prog)
	_, windows, _ := sess.Pty()
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case w, ok := <-windows:
				if !ok {
					return
				}
				prog.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	if _, err := prog.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		s.log.Error("interface stopped", "err", err)
	}
}

// endReader calls end, once, when its reader ends.
type endReader struct {
	r    io.Reader
	end  func()
	once sync.Once
}

func (e *endReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil {
		e.once.Do(func() { go e.end() })
	}
	return n, err
}

// participant is the assessment as served: the interface of internal/tui,
// an idle timer that only key presses reset, a line for a keyless
// visitor's resume code, and the progress the room view shows.
type participant struct {
	app    *tui.App
	room   *room
	id     string
	idle   time.Duration
	now    func() time.Time
	last   time.Time // the last key press
	footer string
	width  int    // the terminal's, for the footer
	reason string // why the server closed the interface, for the person
	// leaving: asked to save and close once already; asking again would
	// only start another save.
	leaving bool
	shown   progress
}

func (m *participant) Init() tea.Cmd {
	return tea.Batch(m.app.Init(), m.tick())
}

// tick schedules the next idle check: often enough that an idle session
// ends within a tenth of the limit of it, no more than every ten seconds.
func (m *participant) tick() tea.Cmd {
	if m.idle <= 0 {
		return nil
	}
	every := min(max(m.idle/10, 50*time.Millisecond), 10*time.Second)
	return tea.Tick(every, func(time.Time) tea.Msg { return idleTickMsg{} })
}

func (m *participant) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case idleTickMsg:
		if !m.leaving && m.now().Sub(m.last) >= m.idle {
			m.leaving = true
			m.reason = fmt.Sprintf("Closed after %s without a key press. Your answers are saved.", m.idle)
			return m, m.app.Leave()
		}
		return m, m.tick()
	case leaveMsg:
		if m.leaving {
			// Asked again (the server closing as the window is replaced):
			// the save under way ends in quitting already.
			return m, nil
		}
		m.leaving = true
		if m.reason == "" {
			m.reason = msg.reason
		}
		return m, m.app.Leave()
	case tea.KeyPressMsg:
		m.last = m.now()
		m.room.touch(m.id, m.last)
	case tea.WindowSizeMsg:
		m.width = msg.Width
		if m.footer != "" {
			msg.Height = max(1, msg.Height-1)
		}
		_, cmd := m.app.Update(msg)
		return m, cmd
	}
	_, cmd := m.app.Update(msg)
	var pr progress
	pr.session, pr.name, pr.done, pr.total = m.app.Progress()
	if pr != m.shown {
		m.shown = pr
		m.room.progress(m.id, pr)
	}
	return m, cmd
}

func (m *participant) View() tea.View {
	v := m.app.View()
	if m.footer != "" {
		v.Content += "\n" + ansi.Truncate(m.footer, max(1, m.width), "…")
	}
	return v
}
