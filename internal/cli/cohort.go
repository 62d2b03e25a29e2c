package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/storage"
)

// cohortWidth is the widest the cohort's text output gets; $COLUMNS, when
// set and narrower, narrows it.
const cohortWidth = 100

func newCohortCmd(env Env, opts *options) *cobra.Command {
	var (
		format, out   string
		asJSON, force bool
		choice        assess.CohortChoice
	)
	cmd := &cobra.Command{
		Use:   "cohort DIR",
		Short: "Look at a team at once: gap heatmap, readiness per role, weakest competencies",
		Long: `Score every answers file (*.toml) in DIR, not its subdirectories, and show the
group: a heatmap of each person's shortfall against their recommended next role
per competency, the readiness spread for every role with who is closest to it,
and the five competencies where the group is weakest. A file that cannot be read
is skipped with one line on stderr; the others are still reported.

Each person counts once, on their latest finished assessment. A person is the
name in their answers file (ignoring case and extra spaces), or the file's name
when it gives none; latest is the session's last save (or, in a file without
one, when the file last changed). Unfinished assessments and a person's older
ones are set aside, and the report says how many and which: --include-unfinished
counts unfinished ones too, --all-sessions every assessment, not only the
latest. A competency a person gave nothing for shows as ?, never as a level of
0, and is left out of the group's figures.

Where a mentor reviewed an assessment, it counts on the mentor's view (their
rating wherever they gave one, the person's own answers elsewhere), and the
report names those people; --self-only counts everyone on their own answers.

Formats: text (the default, at most 100 columns, or $COLUMNS when 80 to 99), md
(GitHub Markdown), csv (one row per person and competency), tidy (one row per
person, competency and rater, self or mentor, for spreadsheets and BI tools)
and json (--json). -o writes to a file (mode 0600), never replacing one without
--force.`,
		Args: exactArgs(1, "cohort needs a directory of answers files: secpath cohort DIR"),
		RunE: func(_ *cobra.Command, args []string) error {
			f := strings.ToLower(strings.TrimPrefix(format, "."))
			switch f {
			case "", "text", "txt":
				f = "text"
			case "markdown":
				f = "md"
			case "md", "csv", "json", "tidy":
			default:
				return usagef("--format %q: cohort writes text, md, csv, tidy or json", format)
			}
			if asJSON {
				if format != "" && f != "json" {
					return usagef("--json and --format %s: choose one", format)
				}
				f = "json"
			}
			b, err := loadBank(opts)
			if err != nil {
				return err
			}
			c, _, err := readCohortWith(env.Stderr, args[0], b, choice)
			if err != nil {
				return err
			}
			if f == "csv" || f == "tidy" {
				// A spreadsheet has no room for the summary: one line
				// on stderr says what was set aside.
				if note := setAsideNote(c); note != "" {
					fmt.Fprintln(env.Stderr, "secpath: "+note)
				}
			}
			return writeCohortOutput(env, out, force, fmt.Sprintf("(cohort of %d, %s)", len(c.People), f), func(w io.Writer) error {
				switch f {
				case "json":
					return export.WriteCohortJSON(w, c)
				case "md":
					return export.WriteCohortMarkdown(w, c)
				case "csv":
					return export.WriteCohortCSV(w, c)
				case "tidy":
					return export.WriteCohortTidy(w, c)
				}
				return writeCohort(w, b, c, args[0], textWidth(env))
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "text (default), md, csv, tidy or json")
	fl.BoolVar(&asJSON, "json", false, "print the cohort as JSON (the same as --format json)")
	fl.StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists")
	fl.BoolVar(&choice.AllSessions, "all-sessions", false, "count every assessment, not only each person's latest")
	fl.BoolVar(&choice.IncludeUnfinished, "include-unfinished", false, "count unfinished assessments too")
	fl.BoolVar(&choice.SelfOnly, "self-only", false, "count everyone on their own answers, never a mentor's view")
	return cmd
}

// setAsideNote is one line on what the cohort left out, or "".
func setAsideNote(c *assess.Cohort) string {
	if c.Files == nil || len(c.Files.SetAside) == 0 {
		return ""
	}
	unfinished := 0
	for _, sa := range c.Files.SetAside {
		if sa.Reason == assess.SetAsideUnfinished {
			unfinished++
		}
	}
	older := len(c.Files.SetAside) - unfinished
	var parts []string
	if unfinished > 0 {
		parts = append(parts, fmt.Sprintf("%d unfinished (--include-unfinished counts them)", unfinished))
	}
	if older > 0 {
		parts = append(parts, fmt.Sprintf("%d older %s of a person counted on a later one (--all-sessions counts them)", older, map[bool]string{true: "assessment", false: "assessments"}[older == 1]))
	}
	return fmt.Sprintf("cohort of %d from %d files; set aside %s", c.Files.Used, c.Files.Read, strings.Join(parts, " and "))
}

// textWidth is cohortWidth, or $COLUMNS when it is set and narrower (but
// not below 80, which the tables below the heatmap need).
func textWidth(env Env) int {
	if n, err := strconv.Atoi(strings.TrimSpace(env.Getenv("COLUMNS"))); err == nil && n > 0 {
		return max(80, min(cohortWidth, n))
	}
	return cohortWidth
}

// readCohort is readCohortWith by the default choice: each person's
// latest finished assessment, on a mentor's view where there is one.
func readCohort(stderr io.Writer, dir string, b *assess.Bank) (*assess.Cohort, int, error) {
	return readCohortWith(stderr, dir, b, assess.CohortChoice{})
}

// readCohortWith reads and scores every *.toml file of dir, in name
// order, chooses the assessments the cohort counts as they come (see
// assess.CohortSelector) and folds those into the cohort. A file that
// cannot be read is reported on one line of stderr and left out and
// counted (the int returned); it is an error only when no file could be
// read, or none is counted.
//
// Files are read and scored on every core, but chosen and folded in name
// order, so the cohort and the skipped lines are the same on any machine.
// What a file leaves behind is its member's row of the cohort: the
// decoded file and the Result are garbage as soon as the row is made, at
// most a few rows wait to be chosen at any time, and the choice keeps one
// row per person. Memory grows with the cohort's rows, not with what was
// read to make them. An unfinished file the cohort will not count is not
// even scored.
func readCohortWith(stderr io.Writer, dir string, b *assess.Bank, choice assess.CohortChoice) (*assess.Cohort, int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, 0, fmt.Errorf("%s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".toml" && !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	tried := len(names)
	if tried == 0 {
		return nil, 0, fmt.Errorf("%s: no answers files (*.toml) in the directory", dir)
	}
	cb := assess.NewCohortBuilder(b)
	sel := assess.NewCohortSelector(choice)
	b.Question("") // build the bank's lookup index now, before the readers share it
	unreadable := 0
	for r := range readMembers(dir, names, b, cb, choice) {
		if r.err != nil {
			path := filepath.Join(dir, r.name)
			fmt.Fprintf(stderr, "secpath: skipped %s: %s\n", path, firstProblem(path, r.err))
			unreadable++
			continue
		}
		sel.Offer(r.entry)
	}
	if sel.Offered() == 0 {
		return nil, tried, fmt.Errorf("%s: none of the %d answers files could be read", dir, tried)
	}
	aside := sel.Into(cb)
	if cb.Len() == 0 {
		return nil, unreadable, fmt.Errorf("%s: none of the %d readable answers files is a finished assessment; --include-unfinished counts unfinished ones", dir, sel.Offered())
	}
	used := cb.Len()
	cb.DistinguishSameNames()
	c := cb.Cohort()
	c.Files = &assess.CohortFiles{Read: tried, Used: used, Unreadable: unreadable, SetAside: aside, Choice: choice}
	return c, unreadable, nil
}

// memberRead is one file's outcome: its member's entry, or why it was
// skipped.
type memberRead struct {
	name  string
	entry assess.CohortEntry
	err   error
}

// readWindow is how many files may be read ahead of the one being folded:
// enough to keep every core busy when one file takes longer than the
// next, few enough that the entries waiting are a handful.
const readWindow = 64

// readMembers reads, scores and summarises the files on every core and
// yields them in the order of names. The bank is only read: its lookup
// index is built before this point.
func readMembers(dir string, names []string, b *assess.Bank, cb *assess.CohortBuilder, choice assess.CohortChoice) iter.Seq[memberRead] {
	return func(yield func(memberRead) bool) {
		type job struct {
			name string
			out  chan memberRead
		}
		jobs := make(chan job)
		// Each file's result comes back on a channel of its own, queued
		// here in name order; the queue's length bounds the read-ahead.
		queue := make(chan chan memberRead, readWindow)
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			defer close(queue)
			defer close(jobs)
			for _, name := range names {
				out := make(chan memberRead, 1)
				select {
				case queue <- out:
				case <-stop:
					return
				}
				select {
				case jobs <- job{name, out}:
				case <-stop:
					return
				}
			}
		}()
		for range min(runtime.GOMAXPROCS(0), len(names)) {
			go func() {
				for j := range jobs {
					j.out <- readMember(dir, j.name, b, cb, choice)
				}
			}()
		}
		for out := range queue {
			if !yield(<-out) {
				return
			}
		}
	}
}

// readMember reads, checks and scores one answers file and keeps its
// member's entry. A member without a name in the profile is named after
// the file. An unfinished file the cohort will not count is not scored:
// its entry only says whose it is and how far it got. A file with a
// mentor's ratings is scored on the mentor's view and, for the mentee's
// own levels beside it, on the mentee's answers, unless the choice is the
// mentee's answers alone.
func readMember(dir, name string, b *assess.Bank, cb *assess.CohortBuilder, choice assess.CohortChoice) memberRead {
	path := filepath.Join(dir, name)
	f, err := storage.ReadRegularAnswers(path, b)
	if err != nil {
		return memberRead{name: name, err: err}
	}
	a := f.Answers
	// Copies: the decoder's strings are slices of the file's whole text,
	// which they would keep in memory.
	who := strings.Clone(strings.TrimSpace(a.Profile.Name))
	if who == "" {
		who = strings.TrimSuffix(name, filepath.Ext(name))
	}
	rec := assess.CohortRecord{Name: who, Source: name, Date: assessedAt(path, f)}
	rec.Answered, rec.Asked = assess.Progress(b, a)
	if a.Mentor != nil {
		rec.MentorName, rec.MentorDate = strings.Clone(strings.TrimSpace(a.Mentor.Name)), a.Mentor.Updated
	}
	if rec.Answered < rec.Asked && !choice.IncludeUnfinished {
		return memberRead{name: name, entry: cb.EntryFrom(rec)}
	}
	self := assess.ScoreOpts(b, a, assess.ScoreOptions{Basis: assess.BasisSelf})
	rec.Result = self
	if !choice.SelfOnly && a.Mentor.HasRatings() {
		rec.Result, rec.Self = assess.ScoreOpts(b, a, assess.ScoreOptions{Basis: assess.BasisMentor}), self
	}
	return memberRead{name: name, entry: cb.EntryFrom(rec)}
}

// assessedAt is when an assessment was last saved: its session's last
// save, else its start, else (a file written by hand or by template, with
// no session table) when the file last changed.
func assessedAt(path string, f *storage.File) time.Time {
	if t := f.Session.Updated; !t.IsZero() {
		return t
	}
	if t := f.Session.Started; !t.IsZero() {
		return t
	}
	if st, err := os.Stat(path); err == nil {
		return st.ModTime()
	}
	return time.Time{}
}

// writeCohortOutput streams the report to stdout, or with -o to FILE
// (written whole or not at all, as writeOutput does), through a buffer:
// a large cohort's report is tens of MiB, never held in memory at once.
func writeCohortOutput(env Env, out string, force bool, what string, write func(io.Writer) error) error {
	if out == "" || out == "-" {
		bw := bufio.NewWriterSize(env.Stdout, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	af, err := storage.CreateAtomic(out, force)
	if err != nil {
		return forceHint(err)
	}
	defer af.Abort()
	// The file is as safe to cat as the terminal's output (see safetext).
	sw := safetext.NewWriter(af)
	bw := bufio.NewWriterSize(sw, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := af.Commit(); err != nil {
		return forceHint(err)
	}
	fmt.Fprintf(env.Stderr, "Wrote %s %s\n", out, what)
	return nil
}

// firstProblem says what is wrong with a file in a few words: the first
// diagnostic with its line, and how many more there are.
func firstProblem(path string, err error) string {
	var inv *assess.InvalidError
	if errors.As(err, &inv) && len(inv.Diagnostics) > 0 {
		d := inv.Diagnostics[0]
		msg := d.Message
		if d.Line > 0 {
			msg = fmt.Sprintf("line %d: %s", d.Line, msg)
		}
		if n := len(inv.Diagnostics) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more %s)", n, map[bool]string{true: "problem", false: "problems"}[n == 1])
		}
		return msg
	}
	return strings.TrimPrefix(err.Error(), path+": ")
}
