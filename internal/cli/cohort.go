package cli

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

// cohortWidth is the widest the cohort's text output gets; $COLUMNS, when
// set and narrower, narrows it.
const cohortWidth = 100

func newCohortCmd(env Env, opts *options) *cobra.Command {
	var (
		format, out   string
		asJSON, force bool
	)
	cmd := &cobra.Command{
		Use:   "cohort DIR",
		Short: "Look at a team at once: gap heatmap, readiness per role, weakest competencies",
		Long: `Score every answers file (*.toml) in DIR, not its subdirectories, and show the
group: a heatmap of each person's shortfall against their recommended next role
per competency, the readiness spread for every role with who is closest to it,
and the five competencies where the group is weakest. A file that cannot be read
is skipped with one line on stderr; the others are still reported.

Formats: text (the default, at most 100 columns, or $COLUMNS when 80 to 99), md
(GitHub Markdown), csv (one row per person and competency) and json (--json).
-o writes to a file (mode 0600), never replacing one without --force.`,
		Args: exactArgs(1, "cohort needs a directory of answers files: secpath cohort DIR"),
		RunE: func(_ *cobra.Command, args []string) error {
			f := strings.ToLower(strings.TrimPrefix(format, "."))
			switch f {
			case "", "text", "txt":
				f = "text"
			case "markdown":
				f = "md"
			case "md", "csv", "json":
			default:
				return usagef("--format %q: cohort writes text, md, csv or json", format)
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
			c, skipped, err := readCohort(env.Stderr, args[0], b)
			if err != nil {
				return err
			}
			return writeCohortOutput(env, out, force, fmt.Sprintf("(cohort of %d, %s)", len(c.People), f), func(w io.Writer) error {
				switch f {
				case "json":
					return export.WriteCohortJSON(w, c)
				case "md":
					return export.WriteCohortMarkdown(w, c)
				case "csv":
					return export.WriteCohortCSV(w, c)
				}
				return writeCohort(w, b, c, args[0], skipped, textWidth(env))
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "", "text (default), md, csv or json")
	fl.BoolVar(&asJSON, "json", false, "print the cohort as JSON (the same as --format json)")
	fl.StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	fl.BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}

// textWidth is cohortWidth, or $COLUMNS when it is set and narrower (but
// not below 80, which the tables below the heatmap need).
func textWidth(env Env) int {
	if n, err := strconv.Atoi(strings.TrimSpace(env.Getenv("COLUMNS"))); err == nil && n > 0 {
		return max(80, min(cohortWidth, n))
	}
	return cohortWidth
}

// readCohort reads and scores every *.toml file of dir, in name order,
// and folds each member into the cohort as it comes. A file that cannot
// be read is reported on one line of stderr and left out and counted; it
// is an error only when no file could be read.
//
// Files are read and scored on every core, but folded in name order, so
// the cohort and the skipped lines are the same on any machine. What a
// file leaves behind is its member's row of the cohort: the decoded file
// and the Result are garbage as soon as the row is made, and at most a
// few rows wait to be folded at any time. Memory grows with the cohort's
// rows, not with what was read to make them.
func readCohort(stderr io.Writer, dir string, b *assess.Bank) (*assess.Cohort, int, error) {
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
	cb.Grow(tried)
	b.Question("") // build the bank's lookup index now, before the readers share it
	for r := range readMembers(dir, names, b, cb) {
		if r.err != nil {
			path := filepath.Join(dir, r.name)
			fmt.Fprintf(stderr, "secpath: skipped %s: %s\n", path, firstProblem(path, r.err))
			continue
		}
		cb.Add(r.entry)
	}
	if cb.Len() == 0 {
		return nil, tried, fmt.Errorf("%s: none of the %d answers files could be read", dir, tried)
	}
	cb.DistinguishSameNames()
	return cb.Cohort(), tried - cb.Len(), nil
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
func readMembers(dir string, names []string, b *assess.Bank, cb *assess.CohortBuilder) iter.Seq[memberRead] {
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
					j.out <- readMember(dir, j.name, b, cb)
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
// the file.
func readMember(dir, name string, b *assess.Bank, cb *assess.CohortBuilder) memberRead {
	f, err := storage.ReadRegularAnswers(filepath.Join(dir, name), b)
	if err != nil {
		return memberRead{name: name, err: err}
	}
	// A copy: the decoder's string is a slice of the file's whole text,
	// which it would keep in memory.
	who := strings.Clone(strings.TrimSpace(f.Answers.Profile.Name))
	if who == "" {
		who = strings.TrimSuffix(name, filepath.Ext(name))
	}
	return memberRead{name: name, entry: cb.Entry(who, name, assess.Score(b, f.Answers))}
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

// compLabelWidth is the width of the heatmap's row labels.
const compLabelWidth = 30

// shortCompName fits a competency name in the heatmap's label column:
// the name itself when it fits, else the part before " and " when that is
// two words or more ("Security operations and monitoring"), else the id in
// words ("network-infrastructure"), else the name cut short.
func shortCompName(name, id string) string {
	if ansi.StringWidth(name) <= compLabelWidth {
		return name
	}
	if head, _, ok := strings.Cut(name, " and "); ok && len(strings.Fields(head)) >= 2 {
		return head
	}
	if words := strings.ReplaceAll(id, "-", " "); len(words) <= compLabelWidth && words != "" {
		return strings.ToUpper(words[:1]) + words[1:]
	}
	return truncate(name, compLabelWidth)
}

// writeCohort prints the cohort for a terminal, in plain text of at most
// width columns.
func writeCohort(w io.Writer, b *assess.Bank, c *assess.Cohort, dir string, skipped, width int) error {
	lw := &lineWriter{w: w}
	n := len(c.People)
	from := dir
	if skipped > 0 {
		from += fmt.Sprintf(" (%d %s skipped)", skipped, map[bool]string{true: "file", false: "files"}[skipped == 1])
	}
	lw.wrapped("", fmt.Sprintf("Cohort of %d %s from %s · %s %s", n, map[bool]string{true: "person", false: "people"}[n == 1], from, b.Meta.Name, b.Meta.Version))

	// The heatmap: one row per competency, one column per person, as
	// many people as fit across, then another block.
	cols := export.CohortColumns(c)
	colW := 3
	for _, col := range cols {
		colW = max(colW, len([]rune(col))+1)
	}
	perBlock := max(1, (width-compLabelWidth-2)/colW)
	lw.line("")
	lw.line("Gaps against each person's next role, in levels (0-5) short of its target")
	lw.line("  " + export.CohortShadeLegend)
	for start := 0; start < n; start += perBlock {
		end := min(n, start+perBlock)
		lw.line("")
		var head strings.Builder
		head.WriteString(strings.Repeat(" ", compLabelWidth+2))
		for _, col := range cols[start:end] {
			head.WriteString(fmt.Sprintf("%-*s", colW, col))
		}
		lw.line(strings.TrimRight(head.String(), " "))
		for k, id := range c.Competencies {
			var row strings.Builder
			row.WriteString(fmt.Sprintf("%-*s  ", compLabelWidth, shortCompName(c.Names[k], id)))
			for _, p := range c.People[start:end] {
				row.WriteString(strings.Repeat(export.CohortShade(p.Shortfall[k]), colW-1) + " ")
			}
			lw.line(strings.TrimRight(row.String(), " "))
		}
	}
	lw.line("")
	nameW := 4
	for _, p := range c.People {
		nameW = max(nameW, min(28, len([]rune(p.Name))))
	}
	// Each person against their next role: readiness (a range where
	// unverified claims would raise it), fit, judgement, and whether an
	// experience minimum blocks it.
	lw.line(strings.TrimRight(fmt.Sprintf("  %-*s %-*s %9s %4s %9s  %-10s  %s", colW, "", nameW, "NAME", "READINESS", "FIT", "JUDGEMENT", "BLOCKED", "NEXT ROLE"), " "))
	for i, p := range c.People {
		lw.line(truncate(fmt.Sprintf("  %-*s %-*s %9s %4s %9s  %-10s  %s", colW, cols[i], nameW, truncate(p.Name, nameW),
			export.CohortReadiness(p), wording.Percent(p.NextFit), export.CohortJudgement(p), export.CohortBlocked(p), export.CohortRoleTitle(c, p.NextRole)), width))
	}

	lw.line("")
	lw.line("Readiness by role, % (people per band; blocked by an experience minimum)")
	titleW := 4
	for _, r := range c.Roles {
		titleW = max(titleW, len([]rune(r.Title)))
	}
	titleW = max(20, min(titleW, width-57))
	head := fmt.Sprintf("  %-*s %4s %4s %4s  ", titleW, "ROLE", "MIN", "MED", "MAX")
	for _, l := range assess.BucketLabels {
		head += fmt.Sprintf(" %5s", l)
	}
	lw.line(head + fmt.Sprintf(" %7s", "BLOCKED"))
	for _, r := range c.Roles {
		row := fmt.Sprintf("  %-*s %4.0f %4.0f %4.0f  ", titleW, truncate(r.Title, titleW), r.Min, r.Median, r.Max)
		for _, k := range r.Buckets {
			row += fmt.Sprintf(" %5d", k)
		}
		lw.line(row + fmt.Sprintf(" %7d", r.Blocked))
	}

	lw.line("")
	lw.line("Closest to each role")
	for _, r := range c.Roles {
		lw.line(truncate(fmt.Sprintf("  %-*s  %s (%.0f%%)", titleW, truncate(r.Title, titleW), r.Closest, r.Max), width))
	}

	lw.line("")
	lw.line("Weakest competencies for the group: people short of their next role's target,")
	lw.line("mean shortfall and mean level across everyone")
	weak := c.Weakest[:min(5, len(c.Weakest))]
	for i, ws := range weak {
		lw.line(fmt.Sprintf("  %d. %-34s %2d of %-2d short  shortfall %.1f  level %.1f", i+1, truncate(ws.Name, 34), ws.Short, n, ws.MeanShortfall, ws.MeanLevel))
	}
	return lw.err
}
