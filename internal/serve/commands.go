package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"charm.land/ssh"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/storage"
)

// commandNames are the commands run without a terminal; accesscontrol
// refuses any other by name.
var commandNames = []string{"plan", "score", "sessions", "cohort", "help"}

const commandHelp = `Commands (run as: ssh -p PORT HOST COMMAND):
  plan [SESSION] [--format md|html|json|csv] [--role ID]   your development plan
  score [SESSION] [--json]                                 your readiness per role
  sessions                                                 your saved sessions
  cohort [--format md|csv|json]                            the room (facilitators)
Without a command, with a terminal, the assessment starts where you left it.
`

// usageErr is a mistake in how a command was typed: exit status 2.
type usageErr struct{ msg string }

func (e usageErr) Error() string { return e.msg }

// command runs one command for a person on their own data and returns the
// exit status. Output goes to the person's connection only; text is made
// safe for a terminal as the personal secpath's commands make it.
func (s *Server) command(sess ssh.Session, p person) int {
	args := sess.Command()
	var out bytes.Buffer
	err := s.run(&out, p, args[0], args[1:])
	if err != nil {
		fmt.Fprintln(sess.Stderr(), safetext.Line(args[0]+": "+err.Error()))
		if errors.As(err, new(usageErr)) {
			return 2
		}
		return 1
	}
	if _, err := sess.Write(out.Bytes()); err != nil {
		return 1
	}
	return 0
}

func (s *Server) run(out *bytes.Buffer, p person, name string, args []string) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "md", "")
	role := fs.String("role", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args); err != nil {
		return usageErr{err.Error() + "; see: help"}
	}
	if fs.NArg() > 1 {
		return usageErr{"too many arguments; see: help"}
	}
	b := s.cfg.Bank
	switch name {
	case "help":
		out.WriteString(commandHelp)
		return nil
	case "cohort":
		if !p.Facilitator {
			return errors.New("only a facilitator sees the room")
		}
		return writeCohort(out, s.room.Cohort(), *format)
	}
	dir, err := personDir(s.cfg.Data, p)
	if err != nil {
		s.log.Error("sessions directory", "who", p.short(), "err", err)
		return errors.New("the server could not open your sessions")
	}
	store := &storage.FileStore{Dir: dir, Now: s.cfg.Now}
	if name == "sessions" {
		return writeSessions(out, store, b)
	}
	f, err := pick(store, b, fs.Arg(0))
	if err != nil {
		return err
	}
	switch name {
	case "score":
		res := assess.Score(b, f.Answers)
		if *asJSON {
			for i := range res.Competencies {
				res.Competencies[i].Contributions = nil
			}
			data, err := json.MarshalIndent(export.WordResult(res), "", "  ")
			if err != nil {
				return fmt.Errorf("encoding the result: %w", err)
			}
			out.Write(safetext.JSON(data))
			out.WriteByte('\n')
			return nil
		}
		return writeScore(out, b, res)
	case "plan":
		ft, err := export.ParseFormat(*format)
		if err != nil {
			return usageErr{err.Error()}
		}
		plan, err := assess.BuildPlan(b, f.Answers, assess.PlanOptions{Role: *role, Start: s.cfg.Now()})
		if errors.Is(err, assess.ErrNothingToPlan) {
			return fmt.Errorf("%w: answer the questions first, or name a role with --role", err)
		}
		if err != nil {
			return usageErr{"--role: " + err.Error()}
		}
		var buf bytes.Buffer
		if err := export.Write(&buf, ft, b, plan); err != nil {
			return fmt.Errorf("writing the plan: %w", err)
		}
		return writeSafe(out, ft, buf.Bytes())
	}
	return usageErr{"unknown command " + name}
}

// writeSafe passes an export through the terminal-safe filter of its
// format: HTML and JSON escape in their own syntax, text is filtered.
func writeSafe(out *bytes.Buffer, ft export.Format, data []byte) error {
	switch ft {
	case export.HTML:
		out.Write(data)
	case export.JSON:
		out.Write(safetext.JSON(data))
	case export.Markdown, export.CSV:
		w := safetext.NewWriter(out)
		if _, err := w.Write(data); err != nil {
			return err
		}
		return w.Flush()
	}
	return nil
}

// pick is the session a command is about: the one named (by id or a
// unique prefix), else the most recent.
func pick(store *storage.FileStore, b *assess.Bank, id string) (*storage.File, error) {
	if id == "" {
		list, err := store.List(b)
		if err != nil {
			return nil, errors.New("your sessions could not be read")
		}
		for _, info := range list {
			if info.Err == nil {
				id = info.ID
				break
			}
		}
		if id == "" {
			return nil, errors.New("you have no saved session yet: connect with a terminal to take the assessment")
		}
	}
	f, _, err := store.Load(id, b)
	switch {
	case errors.Is(err, storage.ErrNoSession):
		return nil, fmt.Errorf("you have no session %q; see: sessions", id)
	case errors.Is(err, storage.ErrAmbiguous):
		return nil, fmt.Errorf("%q matches more than one of your sessions; give more of the id", id)
	case err != nil:
		return nil, fmt.Errorf("session %q could not be read", id)
	}
	return f, nil
}

func writeSessions(out *bytes.Buffer, store *storage.FileStore, b *assess.Bank) error {
	list, err := store.List(b)
	if err != nil {
		return errors.New("your sessions could not be read")
	}
	if len(list) == 0 {
		out.WriteString("No saved sessions yet: connect with a terminal to take the assessment.\n")
		return nil
	}
	w := safetext.NewWriter(out)
	fmt.Fprintf(w, "%-22s %-6s %-10s %-17s %s\n", "SESSION", "MODE", "ANSWERED", "UPDATED", "NAME")
	for _, info := range list {
		if info.Err != nil {
			fmt.Fprintf(w, "%-22s unreadable\n", info.ID)
			continue
		}
		state := fmt.Sprintf("%d/%d", info.Answered, info.Asked)
		if info.Finished() {
			state += " done"
		}
		fmt.Fprintf(w, "%-22s %-6s %-10s %-17s %s\n", info.ID, info.Mode, state, info.Updated.Format("2006-01-02 15:04"), safetext.Line(info.Name))
	}
	return w.Flush()
}

func writeScore(out *bytes.Buffer, b *assess.Bank, res *assess.Result) error {
	w := safetext.NewWriter(out)
	fmt.Fprintf(w, "Answered %d of %d questions.\n", res.Answered, res.Asked)
	if rec := res.Recommendation; rec.NextRole != "" {
		fmt.Fprintf(w, "Next step: %s\n", roleTitle(b, rec.NextRole))
		if rec.LongTermRole != "" {
			fmt.Fprintf(w, "Long-term: %s\n", roleTitle(b, rec.LongTermRole))
		}
	}
	fmt.Fprintln(w, "\nReadiness per role:")
	for _, rf := range res.Roles {
		blocked := ""
		if rf.Blocked {
			blocked = "  (an experience minimum is not met yet)"
		}
		fmt.Fprintf(w, "  %-40s %3.0f%%%s\n", rf.Title, rf.Readiness, blocked)
	}
	fmt.Fprintln(w, "\nYour plan: plan --format md (or html, json, csv)")
	return w.Flush()
}

func roleTitle(b *assess.Bank, id string) string {
	if r := b.Role(id); r != nil {
		return r.Title
	}
	return id
}

func writeCohort(out *bytes.Buffer, c *assess.Cohort, format string) error {
	var buf bytes.Buffer
	var err error
	switch strings.ToLower(format) {
	case "md", "markdown":
		err = export.WriteCohortMarkdown(&buf, c)
	case "csv":
		err = export.WriteCohortCSV(&buf, c)
	case "json":
		if err = export.WriteCohortJSON(&buf, c); err == nil {
			out.Write(safetext.JSON(buf.Bytes()))
		}
		return err
	default:
		return usageErr{fmt.Sprintf("--format %q: use md, csv or json", format)}
	}
	if err != nil {
		return fmt.Errorf("writing the cohort: %w", err)
	}
	w := safetext.NewWriter(out)
	if _, err := w.Write(buf.Bytes()); err != nil {
		return err
	}
	return w.Flush()
}

// timeAgo says how long ago, for the room view.
func timeAgo(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	}
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}
