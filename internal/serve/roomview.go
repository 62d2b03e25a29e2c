package serve

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/safetext"
)

// serveRoom runs the facilitator's live view of the room.
func (s *Server) serveRoom(sess ssh.Session, p person) {
	key := "room:" + p.ID
	if !s.claim(person{ID: key}) {
		wish.Fatalln(sess, "The room is already open in another window of yours.")
		return
	}
	defer s.release(person{ID: key})
	m := &roomView{room: s.room, every: time.Second, width: 80, height: 24}
	s.runProgram(sess, m, func(prog *tea.Program) { s.register(person{ID: key}, prog) })
}

type roomTickMsg struct{}

// roomView is the facilitator's screen: who is connected, how far each
// is and how long since their last key, and, as people finish, the room's
// gaps and readiness. It redraws every second; names are shown only as
// participants gave them (made safe), otherwise as pseudonyms.
type roomView struct {
	room          *room
	every         time.Duration
	width, height int
	scroll        int
	lines         []string
}

func (m *roomView) Init() tea.Cmd { m.refresh(); return m.tick() }

func (m *roomView) tick() tea.Cmd {
	return tea.Tick(m.every, func(time.Time) tea.Msg { return roomTickMsg{} })
}

func (m *roomView) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case roomTickMsg:
		m.refresh()
		return m, m.tick()
	case leaveMsg:
		return m, tea.Quit
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.refresh()
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c", "esc":
			return m, tea.Quit
		case "down", "j", "pgdown", "space":
			step := 1
			if msg.String() == "pgdown" || msg.String() == "space" {
				step = max(1, m.height-3)
			}
			m.scroll = min(m.scroll+step, max(0, len(m.lines)-(m.height-2)))
		case "up", "k", "pgup":
			step := 1
			if msg.String() == "pgup" {
				step = max(1, m.height-3)
			}
			m.scroll = max(0, m.scroll-step)
		}
	}
	return m, nil
}

func (m *roomView) View() tea.View {
	body := m.height - 2
	lines := m.lines
	if m.scroll > 0 && m.scroll < len(lines) {
		lines = lines[m.scroll:]
	}
	if body > 0 && len(lines) > body {
		lines = lines[:body]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	content := strings.Join(lines, "\n") + "\n\n" + ansi.Truncate("↑/↓ scroll · q quit · updates every second", m.width, "")
	v := tea.NewView(safetext.Frame(content))
	v.AltScreen = true
	return v
}

// refresh lays the room out again from the room's state.
func (m *roomView) refresh() {
	seats := m.room.snapshot()
	connected, finished := 0, 0
	for _, s := range seats {
		if s.Connected {
			connected++
		}
		if s.Total > 0 && s.Done >= s.Total {
			finished++
		}
	}
	var l []string
	l = append(l, fmt.Sprintf("secpath workshop: the room · %d connected · %d finished · %d in all", connected, finished, len(seats)), "")
	l = append(l, fmt.Sprintf("  %-30s %-10s %-24s %s", "PARTICIPANT", "STATUS", "PROGRESS", "IDLE"))
	if len(seats) == 0 {
		l = append(l, "  Nobody yet. Participants connect with: ssh -p PORT HOST")
	}
	for _, s := range seats {
		status := "away"
		if s.Connected {
			status = "connected"
		}
		prog := "not started"
		if s.Total > 0 {
			prog = fmt.Sprintf("%s %d/%d", progressBar(s.Done, s.Total, 12), s.Done, s.Total)
			if s.Done >= s.Total {
				prog += " done"
			}
		}
		idle := "-"
		if s.Connected {
			idle = timeAgo(s.Idle)
		}
		name := s.Name
		if !s.Shared {
			name += " *"
		}
		l = append(l, fmt.Sprintf("  %-30s %-10s %-24s %s", name, status, prog, idle))
	}
	l = append(l, "  * a pseudonym: the participant gave no name")
	if finished > 0 {
		l = append(l, "")
		l = append(l, cohortLines(m.room.Cohort())...)
	}
	m.lines = l
}

func progressBar(done, total, width int) string {
	n := 0
	if total > 0 {
		n = min(width, done*width/total)
	}
	return strings.Repeat("█", n) + strings.Repeat("░", width-n)
}

// cohortLines is the room's cohort: readiness per role, the weakest
// competencies and the gap heatmap of the people who finished.
func cohortLines(c *assess.Cohort) []string {
	if len(c.People) == 0 {
		return nil
	}
	l := []string{fmt.Sprintf("The room so far (%d finished)", len(c.People)), "", "  Readiness by role (median, range)"}
	for _, r := range c.Roles {
		l = append(l, fmt.Sprintf("    %-36s %3.0f%%  %3.0f–%.0f%%  closest: %s", ansi.Truncate(r.Title, 36, "…"), r.Median, r.Min, r.Max, r.Closest))
	}
	l = append(l, "", "  Weakest competencies (people short of their next role's target)")
	for i, w := range c.Weakest[:min(5, len(c.Weakest))] {
		l = append(l, fmt.Sprintf("    %d. %-34s %d of %d short, mean shortfall %.1f", i+1, ansi.Truncate(w.Name, 34, "…"), w.Short, len(c.People), w.MeanShortfall))
	}
	// People are numbered columns with a key below: initials would read
	// as nobody ("APT"), and full names do not fit across.
	l = append(l, "", "  Gaps against each person's next role: "+export.CohortShadeLegend+", "+export.CohortUnanswered+" not answered")
	head := fmt.Sprintf("    %-30s", "")
	for i := range c.People {
		head += fmt.Sprintf(" %-3d", i+1)
	}
	l = append(l, head)
	for k, name := range c.Names {
		row := fmt.Sprintf("    %-30s", ansi.Truncate(name, 30, "…"))
		for i := range c.People {
			row += " " + export.CohortCell(&c.People[i], k) + "  "
		}
		l = append(l, row)
	}
	l = append(l, "")
	for i, p := range c.People {
		l = append(l, fmt.Sprintf("    %d = %s", i+1, p.Name))
	}
	return l
}
