package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// CohortCSVHeader is the first row of the cohort CSV. Columns are only
// ever added at the end, so a spreadsheet or a script that reads them by
// position keeps working:
//
//   - person, source: the member's name and file;
//   - next_role, next_readiness: the recommended next role and readiness
//     for it (0–100, on verified levels);
//   - competency, level, shortfall: the row's competency, its verified
//     level (0–5) and how far it is below the next role's target;
//   - next_fit: fit for the next role (0–100);
//   - next_readiness_claimed: readiness for it if every unverified claim
//     held, empty when that is no higher;
//   - next_blocked, next_blocked_months: whether an experience minimum of
//     the next role is not met (true/false), and the months it needs at
//     the earliest (empty when not blocked or unknown);
//   - blocked_roles: how many roles, of those not outgrown, are blocked;
//   - overall_judgement: the member's scenario score (0–5), empty when no
//     scenario was answered;
//   - judgement: the row's competency's scenario score, empty without one;
//   - unverified: whether the row's level is unverified (true/false);
//   - answered: whether the person gave anything to go on for the
//     competency (false: level and shortfall are empty, not zero);
//   - basis: whose ratings the person's levels rest on, self or mentor.
var CohortCSVHeader = []string{"person", "source", "next_role", "next_readiness", "competency", "level", "shortfall",
	"next_fit", "next_readiness_claimed", "next_blocked", "next_blocked_months", "blocked_roles", "overall_judgement", "judgement", "unverified",
	"answered", "basis"}

// CohortShade is the heatmap cell for a shortfall against a target, in
// levels: blank where the target is met (or the role does not ask for the
// competency), then ░ under 1, ▒ under 2, ▓ under 3 and █ from 3.
func CohortShade(shortfall float64) string {
	switch {
	case shortfall <= 0:
		return " "
	case shortfall < 1:
		return "░"
	case shortfall < 2:
		return "▒"
	case shortfall < 3:
		return "▓"
	}
	return "█"
}

// CohortShadeLegend explains CohortShade in words.
const CohortShadeLegend = "░ under 1 level short · ▒ under 2 · ▓ under 3 · █ 3 or more · blank: met"

// CohortUnanswered is the heatmap cell of a competency the person gave
// nothing for: a mark of its own, never a shade, since it is no figure.
const CohortUnanswered = "?"

// CohortUnansweredLegend explains CohortUnanswered.
const CohortUnansweredLegend = "? nothing answered (left out of the group's figures)"

// CohortHeading is a competency's name in at most room cells, for a
// column heading: the name when it fits, else a shorter form made of the
// name's whole words (the part before " and " when that is two words or
// more, "Security operations"; the words of the id that are words of the
// name, "Network infrastructure"; the part before " and "; the name's
// first words), and only when not even its first word fits, the name cut
// short.
func CohortHeading(name, id string, room int) string {
	fits := func(s string) bool { return s != "" && ansi.StringWidth(s) <= room }
	if fits(name) {
		return name
	}
	head, _, hasAnd := strings.Cut(name, " and ")
	if hasAnd && len(strings.Fields(head)) >= 2 && fits(head) {
		return head
	}
	if w := idWords(name, id); fits(w) {
		return w
	}
	if hasAnd && fits(head) {
		return head
	}
	words := strings.Fields(name)
	for n := len(words) - 1; n >= 1; n-- {
		for n > 1 && stopWord(words[n-1]) {
			n--
		}
		if s := strings.Join(words[:n], " "); fits(s) {
			return s
		}
	}
	return ansi.Truncate(name, room, "…")
}

// idWords spells a competency id in the name's own words when each word
// of the id is a word of the name ("network-infrastructure" of "Network
// and infrastructure security" is "Network infrastructure"), else "".
func idWords(name, id string) string {
	spelt := map[string]string{}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		spelt[strings.ToLower(w)] = w
	}
	var out []string
	for _, w := range strings.Split(id, "-") {
		s, ok := spelt[w]
		if !ok {
			return ""
		}
		out = append(out, s)
	}
	if len(out) < 2 {
		return ""
	}
	s := strings.Join(out, " ")
	r := []rune(s)
	return string(unicode.ToUpper(r[0])) + string(r[1:])
}

func stopWord(w string) bool {
	switch strings.ToLower(w) {
	case "and", "of", "the", "for", "&", "to", "in":
		return true
	}
	return false
}

// CohortGroup is a run of the cohort's competencies of one dimension, in
// the bank's order: the columns of one heatmap table.
type CohortGroup struct {
	Dimension assess.Dimension
	Title     string // "Technical", "Strategic", "Leadership"
	Columns   []int  // indexes into Cohort.Competencies
}

// CohortGroups splits the cohort's competencies by dimension, each group
// in the order its first competency comes, and a group longer than most
// into runs of at most most (most < 1 is no limit).
func CohortGroups(c *assess.Cohort, most int) []CohortGroup {
	var out []CohortGroup
	at := map[assess.Dimension]int{}
	for k := range c.Competencies {
		var d assess.Dimension
		if k < len(c.Dimensions) {
			d = c.Dimensions[k]
		}
		i, ok := at[d]
		if !ok {
			i = len(out)
			at[d] = i
			out = append(out, CohortGroup{Dimension: d, Title: dimensionTitle(d)})
		}
		out[i].Columns = append(out[i].Columns, k)
	}
	if most < 1 {
		return out
	}
	var split []CohortGroup
	for _, g := range out {
		for len(g.Columns) > most {
			split = append(split, CohortGroup{Dimension: g.Dimension, Title: g.Title, Columns: g.Columns[:most]})
			g.Columns = g.Columns[most:]
		}
		split = append(split, g)
	}
	return split
}

func dimensionTitle(d assess.Dimension) string {
	if d == "" {
		return "Competencies"
	}
	s := string(d)
	return strings.ToUpper(s[:1]) + s[1:]
}

// CohortCell is a person's heatmap cell for the k-th competency: the
// shade of the shortfall, or CohortUnanswered.
func CohortCell(p *assess.CohortPerson, k int) string {
	if !p.Answers(k) {
		return CohortUnanswered
	}
	return CohortShade(p.Shortfall[k])
}

// CohortMarks are the marks after a person's name: "*" where the levels
// rest on a mentor's view, "†" for an unfinished assessment.
func CohortMarks(p *assess.CohortPerson) string {
	m := ""
	if p.OnMentor() {
		m += "*"
	}
	if !p.Finished() {
		m += "†"
	}
	return m
}

// CohortMarksLegend explains CohortMarks.
const CohortMarksLegend = "* counted on a mentor's view · † unfinished: what was not answered counts as nothing"

// CohortReadiness is a member's readiness for their next role, as a
// range when unverified claims would raise it: "62%" or "62–80%".
func CohortReadiness(p assess.CohortPerson) string {
	return wording.ReadinessFigure(&assess.RoleFit{Readiness: p.NextReadiness, ReadinessClaimed: p.NextReadinessClaimed})
}

// CohortBlocked says whether a member's next role is blocked: "no",
// "~24 months" or "yes" when the months are unknown.
func CohortBlocked(p assess.CohortPerson) string {
	switch {
	case !p.NextBlocked:
		return "no"
	case p.NextBlockedMonths > 0:
		return fmt.Sprintf("~%d months", p.NextBlockedMonths)
	}
	return "yes"
}

// CohortJudgement is a member's overall judgement score, or "-".
func CohortJudgement(p assess.CohortPerson) string {
	if p.Judgement == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f", p.Judgement.Score)
}

// CohortRoleTitle is the title of a role of the cohort, or its id.
func CohortRoleTitle(c *assess.Cohort, id string) string {
	for _, r := range c.Roles {
		if r.ID == id {
			return r.Title
		}
	}
	return id
}

// WriteCohortMarkdown writes the cohort as GitHub-flavoured Markdown: the
// gap heatmap as a table, the readiness spread per role, who is closest to
// each role and the group's weakest competencies.
func WriteCohortMarkdown(w io.Writer, c *assess.Cohort) error {
	m := &mdWriter{w: w}
	m.f("# Cohort: %d %s\n\n", len(c.People), plural(len(c.People), "person", "people"))
	writeCohortFilesMarkdown(m, c)

	m.f("## Gaps against each person's next role\n\n")
	m.f("Shortfall in levels (0-5) below the target of each person's recommended next role: %s · %s.\n", CohortShadeLegend, CohortUnansweredLegend)
	if marks := cohortHasMarks(c); marks {
		m.f("After a name: %s.\n", esc(CohortMarksLegend))
	}
	var shortened []string
	for _, g := range CohortGroups(c, 0) {
		m.f("\n### %s\n\n| Person |", g.Title)
		for _, k := range g.Columns {
			h := CohortHeading(c.Names[k], c.Competencies[k], mdHeadingRoom)
			if h != c.Names[k] {
				shortened = append(shortened, h+" = "+c.Names[k])
			}
			m.f(" %s |", cell(h))
		}
		m.f("\n|---|")
		for range g.Columns {
			m.f(":-:|")
		}
		m.f("\n")
		for i := range c.People {
			p := &c.People[i]
			m.f("| %s |", cell(p.Name+CohortMarks(p)))
			for _, k := range g.Columns {
				switch {
				case !p.Answers(k):
					m.f(" %s |", CohortUnanswered)
				case p.Shortfall[k] > 0:
					m.f(" %s %.2f |", CohortShade(p.Shortfall[k]), p.Shortfall[k])
				default:
					m.f(" |")
				}
			}
			m.f("\n")
		}
	}
	if len(shortened) > 0 {
		m.f("\nHeadings shortened: %s.\n", esc(strings.Join(shortened, "; ")))
	}
	m.f("\nReadiness and fit for each person's next role; judgement is their scenario score (0-5); blocked roles counts the roles an experience minimum blocks; view is whose ratings the levels rest on.\n")
	m.f("\n| Person | Source | Next role | Readiness | Fit | Next role blocked | Judgement | Blocked roles | View | Answered |\n|---|---|---|--:|--:|---|--:|--:|---|--:|\n")
	for i := range c.People {
		p := c.People[i]
		m.f("| %s | %s | %s | %s | %.0f%% | %s | %s | %d | %s | %d of %d |\n", cell(p.Name), cell(p.Source), cell(CohortRoleTitle(c, p.NextRole)),
			esc(CohortReadiness(p)), p.NextFit, esc(CohortBlocked(p)), CohortJudgement(p), p.BlockedRoles, cell(CohortView(&p)), p.Answered, p.Asked)
	}
	m.f("\n## Readiness by role\n\n")
	m.f("Readiness in %%; the bands count people; blocked counts the people an experience minimum of the role blocks.\n\n")
	m.f("| Role | Min | Median | Max |")
	for _, l := range assess.BucketLabels {
		m.f(" %s |", esc(l))
	}
	m.f(" Blocked | Closest |\n|---|--:|--:|--:|")
	for range assess.BucketLabels {
		m.f("--:|")
	}
	m.f("--:|---|\n")
	for _, r := range c.Roles {
		m.f("| %s | %.0f | %.0f | %.0f |", cell(r.Title), r.Min, r.Median, r.Max)
		for _, n := range r.Buckets {
			m.f(" %d |", n)
		}
		m.f(" %d | %s (%.0f%%) |\n", r.Blocked, cell(r.Closest), r.Max)
	}

	m.f("\n## Weakest competencies\n\n")
	m.f("Where the group is furthest from its next roles: the share of people short of their next role's target, then the mean shortfall, then the mean level, each over the people who answered for the competency.\n\n")
	m.f("| # | Competency | People short | Mean shortfall | Mean level |\n|--:|---|--:|--:|--:|\n")
	for i, ws := range c.Weakest[:min(5, len(c.Weakest))] {
		m.f("| %d | %s | %d of %d | %.1f | %.1f |\n", i+1, cell(ws.Name), ws.Short, ws.Answered, ws.MeanShortfall, ws.MeanLevel)
	}
	return m.err
}

// WriteCohortCSV writes one row per person and competency, for
// spreadsheets, with the columns of CohortCSVHeader: the person, their
// next role with readiness, fit and what blocks it, their judgement, and
// their level, shortfall and judgement in the competency. Cells a
// spreadsheet would run as a formula are defused.
func WriteCohortCSV(w io.Writer, c *assess.Cohort) error {
	return writeCSVRows(w, CohortCSVHeader, func(row func(...string) error) error {
		for _, p := range c.People {
			claimed, months, overall := optNum(p.NextReadinessClaimed), "", ""
			if p.NextBlocked && p.NextBlockedMonths > 0 {
				months = strconv.Itoa(p.NextBlockedMonths)
			}
			if p.Judgement != nil {
				overall = num(p.Judgement.Score)
			}
			for k, id := range c.Competencies {
				var judgement *float64
				unverified := false
				if k < len(p.Judgements) {
					judgement, unverified = p.Judgements[k], p.UnverifiedLevels[k]
				}
				level, shortfall := num(p.Levels[k]), num(p.Shortfall[k])
				if !p.Answers(k) {
					level, shortfall = "", ""
				}
				if err := row(p.Name, p.Source, p.NextRole, num(p.NextReadiness), id, level, shortfall,
					num(p.NextFit), claimed, strconv.FormatBool(p.NextBlocked), months, strconv.Itoa(p.BlockedRoles), overall,
					optNum(judgement), strconv.FormatBool(unverified), strconv.FormatBool(p.Answers(k)), basisOf(p)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// WriteCohortJSON writes the cohort as indented JSON, the same bytes as
// json.Encoder with a two-space indent gives for the whole value, but a
// person at a time: the encoder would hold the whole text of a large
// cohort (several KiB a person) in memory twice over.
func WriteCohortJSON(w io.Writer, c *assess.Cohort) error {
	// value writes v as the encoder does at the given depth: its first
	// line unindented, the others indented by depth.
	var buf bytes.Buffer
	value := func(v any, depth int) error {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		buf.Reset()
		if err := json.Indent(&buf, data, strings.Repeat("  ", depth), "  "); err != nil {
			return err
		}
		_, err = w.Write(buf.Bytes())
		return err
	}
	write := func(s string) error {
		_, err := io.WriteString(w, s)
		return err
	}
	err := func() error {
		if err := write("{\n  \"people\": "); err != nil {
			return err
		}
		if len(c.People) == 0 {
			if err := value(c.People, 1); err != nil {
				return err
			}
		} else {
			if err := write("[\n    "); err != nil {
				return err
			}
			for i := range c.People {
				if i > 0 {
					if err := write(",\n    "); err != nil {
						return err
					}
				}
				if err := value(&c.People[i], 2); err != nil {
					return err
				}
			}
			if err := write("\n  ]"); err != nil {
				return err
			}
		}
		for _, f := range []struct {
			key string
			v   any
		}{{"competencies", c.Competencies}, {"competency_names", c.Names}, {"competency_dimensions", c.Dimensions}, {"roles", c.Roles}, {"weakest", c.Weakest}} {
			if err := write(",\n  \"" + f.key + "\": "); err != nil {
				return err
			}
			if err := value(f.v, 1); err != nil {
				return err
			}
		}
		if c.Files != nil {
			if err := write(",\n  \"files\": "); err != nil {
				return err
			}
			if err := value(c.Files, 1); err != nil {
				return err
			}
		}
		return write("\n}\n")
	}()
	if err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// optNum writes a number that may be missing as an empty cell.
func optNum(f *float64) string {
	if f == nil {
		return ""
	}
	return num(*f)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
