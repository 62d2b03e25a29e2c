package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/secpath/secpath/assess"
)

// CohortTidyHeader is the first row of the tidy cohort CSV: one row per
// person, competency and rater, for spreadsheets and BI tools that pivot
// and filter long data. Columns are only ever added at the end:
//
//   - person, source: the member's name and file;
//   - date: the day (YYYY-MM-DD, UTC) the rater's view was last saved:
//     the assessment's for self, the mentor's review for mentor; empty when
//     unknown;
//   - rater: self (the person's own answers) or mentor (the mentor's
//     rating); rater_name: the mentor's name on mentor rows;
//   - competency, competency_name, dimension: the competency's id, name
//     and dimension (technical, strategic, leadership);
//   - level: the rater's level (0–5), empty where the rater gave nothing
//     for it (never a 0 that was not given);
//   - judgement: the person's scenario (situational-judgement) score for
//     the competency, on self rows, empty without one;
//   - target, target_role: the target level of the person's recommended
//     next role for the competency (empty where the role sets none) and
//     that role's id;
//   - counted: true on the row whose level the cohort counts for the
//     person and competency (the mentor's where a mentor's view is counted
//     and the mentor rated it, else the person's own), so filtering on it
//     gives the cohort's figures.
//
// A person without a mentor's view has self rows only; one with a
// mentor's view has a mentor row for every competency too.
var CohortTidyHeader = []string{"person", "source", "date", "rater", "rater_name", "competency", "competency_name", "dimension",
	"level", "judgement", "target", "target_role", "counted"}

// WriteCohortTidy writes the tidy CSV of CohortTidyHeader: a header row,
// then the rows, quoted as RFC 4180 says (a field holding a comma, a quote
// or a line break in quotes, its quotes doubled). Lines end in LF, as in
// every CSV secpath writes: a carriage return is a control code the
// output never carries raw (see safetext), and spreadsheets and BI tools
// read either. Cells a spreadsheet would run as a formula are defused.
func WriteCohortTidy(w io.Writer, c *assess.Cohort) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CohortTidyHeader); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	row := make([]string, len(CohortTidyHeader))
	for i := range c.People {
		p := &c.People[i]
		raters := []assess.Basis{assess.BasisSelf}
		if p.MentorLevels != nil {
			raters = append(raters, assess.BasisMentor)
		}
		for _, rater := range raters {
			date, name := p.Date, ""
			if rater == assess.BasisMentor {
				name = p.MentorName
				if !p.MentorDate.IsZero() {
					date = p.MentorDate
				}
			}
			for k, id := range c.Competencies {
				level, counted := tidyLevel(p, k, rater)
				judgement := ""
				if rater == assess.BasisSelf && k < len(p.Judgements) {
					judgement = optNum(p.Judgements[k])
				}
				target := ""
				if k < len(p.Targets) && p.Targets[k] > 0 {
					target = strconv.Itoa(int(p.Targets[k]))
				}
				dim := ""
				if k < len(c.Dimensions) {
					dim = string(c.Dimensions[k])
				}
				copy(row, []string{p.Name, p.Source, day(date), string(rater), name, id, c.Names[k], dim,
					level, judgement, target, p.NextRole, strconv.FormatBool(counted)})
				for j := range row {
					row[j] = defuse(row[j])
				}
				if err := cw.Write(row); err != nil {
					return fmt.Errorf("writing CSV: %w", err)
				}
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// tidyLevel is a rater's level of the k-th competency ("" where they gave
// none) and whether the cohort counts it.
func tidyLevel(p *assess.CohortPerson, k int, rater assess.Basis) (level string, counted bool) {
	mentorRated := k < len(p.MentorLevels) && p.MentorLevels[k] != nil
	if rater == assess.BasisMentor {
		if mentorRated {
			level = num(*p.MentorLevels[k])
		}
		return level, p.OnMentor() && mentorRated
	}
	switch {
	case p.OnMentor():
		if k < len(p.SelfLevels) && p.SelfLevels[k] != nil {
			level = num(*p.SelfLevels[k])
		}
	case p.Answers(k) && k < len(p.Levels):
		level = num(p.Levels[k])
	}
	return level, !p.OnMentor() || !mentorRated
}

// day is t's date in UTC, or "" for the zero time.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// CohortView says whose ratings a person's levels rest on: "self", or
// "mentor" with the mentor's name when there is one.
func CohortView(p *assess.CohortPerson) string {
	if !p.OnMentor() {
		return "self"
	}
	if p.MentorName != "" {
		return "mentor (" + p.MentorName + ")"
	}
	return "mentor"
}

// basisOf is the CSV's basis cell.
func basisOf(p assess.CohortPerson) string {
	if p.OnMentor() {
		return string(assess.BasisMentor)
	}
	return string(assess.BasisSelf)
}

// mdHeadingRoom is the width a Markdown heatmap heading is shortened to.
const mdHeadingRoom = 22

// cohortHasMarks reports whether any person's name carries a mark.
func cohortHasMarks(c *assess.Cohort) bool {
	for i := range c.People {
		if CohortMarks(&c.People[i]) != "" {
			return true
		}
	}
	return false
}

// cohortListMost is how many files or people a summary names before it
// only counts the rest.
const cohortListMost = 10

// CohortSummary is what a report says first about where the cohort came
// from: how many files were read, used and set aside and why, which
// were set aside (the first few of each kind), whom the cohort counts on a
// mentor's view, and what the files were chosen by. Each string is a
// paragraph; list items start with "- ".
func CohortSummary(c *assess.Cohort) []string {
	var out []string
	f := c.Files
	if f != nil {
		unfinished, older := 0, 0
		for _, sa := range f.SetAside {
			if sa.Reason == assess.SetAsideOlder {
				older++
			} else {
				unfinished++
			}
		}
		s := fmt.Sprintf("%d %s read: %d used", f.Read, plural(f.Read, "file", "files"), f.Used)
		var aside []string
		if unfinished > 0 {
			aside = append(aside, fmt.Sprintf("%d unfinished", unfinished))
		}
		if older > 0 {
			aside = append(aside, fmt.Sprintf("%d older %s of a person counted on a later one", older, plural(older, "assessment", "assessments")))
		}
		if len(aside) > 0 {
			s += "; set aside " + strings.Join(aside, " and ")
		}
		if f.Unreadable > 0 {
			s += fmt.Sprintf("; %d unreadable (named on stderr)", f.Unreadable)
		}
		out = append(out, s+".")
		switch {
		case f.Choice.AllSessions && f.Choice.IncludeUnfinished:
			out = append(out, "Every assessment counts, finished or not (--all-sessions, --include-unfinished).")
		case f.Choice.AllSessions:
			out = append(out, "Every finished assessment counts, a person as often as they have one (--all-sessions); --include-unfinished adds the unfinished ones.")
		case f.Choice.IncludeUnfinished:
			out = append(out, "Each person's latest assessment counts, finished or not (--include-unfinished); a person is the name in their answers file, or the file without one. --all-sessions counts the older ones too.")
		default:
			out = append(out, "Each person's latest finished assessment counts; a person is the name in their answers file, or the file without one. --include-unfinished and --all-sessions count the others.")
		}
		shown := map[assess.SetAsideReason]int{}
		for _, sa := range f.SetAside {
			shown[sa.Reason]++
			if shown[sa.Reason] > cohortListMost {
				continue
			}
			if sa.Reason == assess.SetAsideOlder {
				out = append(out, fmt.Sprintf("- older: %s (%s; counted on %s)", sa.Source, sa.Name, sa.Kept))
			} else {
				out = append(out, fmt.Sprintf("- unfinished: %s (%s, %d of %d answered)", sa.Source, sa.Name, sa.Answered, sa.Asked))
			}
		}
		for _, r := range []assess.SetAsideReason{assess.SetAsideUnfinished, assess.SetAsideOlder} {
			if n := shown[r] - cohortListMost; n > 0 {
				out = append(out, fmt.Sprintf("- and %d more %s", n, map[assess.SetAsideReason]string{assess.SetAsideUnfinished: "unfinished", assess.SetAsideOlder: "older"}[r]))
			}
		}
	}
	var onMentor []string
	n := 0
	for i := range c.People {
		p := &c.People[i]
		if p.OnMentor() {
			n++
			if n <= cohortListMost {
				who := p.Name
				if p.MentorName != "" {
					who += " (by " + p.MentorName + ")"
				}
				onMentor = append(onMentor, who)
			}
		}
	}
	if n > cohortListMost {
		onMentor = append(onMentor, fmt.Sprintf("and %d more", n-cohortListMost))
	}
	switch {
	case n > 0:
		out = append(out, fmt.Sprintf("Counted on a mentor's view (the mentor's rating wherever they gave one; --self-only for their own answers): %s.", strings.Join(onMentor, ", ")))
	case f != nil && f.Choice.SelfOnly:
		out = append(out, "Everyone is counted on their own answers (--self-only), mentors' views aside.")
	}
	return out
}

// writeCohortFilesMarkdown writes CohortSummary as paragraphs and a list.
func writeCohortFilesMarkdown(m *mdWriter, c *assess.Cohort) {
	lines := CohortSummary(c)
	for i, l := range lines {
		if strings.HasPrefix(l, "- ") {
			m.f("- %s\n", esc(strings.TrimPrefix(l, "- ")))
			if i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "- ") {
				m.f("\n")
			}
			continue
		}
		m.f("%s\n\n", esc(l))
	}
}
