package export

import (
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/secpath/secpath/assess"
)

// CohortCSVHeader is the first row of the cohort CSV.
var CohortCSVHeader = []string{"person", "source", "next_role", "next_readiness", "competency", "level", "shortfall"}

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

// CohortColumns returns a short, unique column label for every person of
// the cohort, in order: their initials ("Priya Raman" → "PR"), with a digit
// added where two people share them.
func CohortColumns(c *assess.Cohort) []string {
	out := make([]string, len(c.People))
	seen := map[string]int{}
	for i, p := range c.People {
		in := initials(p.Name)
		seen[in]++
		if n := seen[in]; n > 1 {
			in += strconv.Itoa(n)
		}
		out[i] = in
	}
	return out
}

// initials takes the first letter of each word, at most three (first and
// last two words for longer names); a one-word name gives its first two
// letters.
func initials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '_' || r == '.'
	})
	if len(words) == 0 {
		return "?"
	}
	if len(words) == 1 {
		r := []rune(words[0])
		return strings.ToUpper(string(r[:min(2, len(r))]))
	}
	if len(words) > 3 {
		words = []string{words[0], words[len(words)-2], words[len(words)-1]}
	}
	var sb strings.Builder
	for _, w := range words {
		sb.WriteRune(unicode.ToUpper([]rune(w)[0]))
	}
	return sb.String()
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
	cols := CohortColumns(c)

	m.f("## Gaps against each person's next role\n\n")
	m.f("Shortfall in levels (0-5) below the target of each person's recommended next role: %s.\n\n", CohortShadeLegend)
	m.f("| Competency |")
	for _, col := range cols {
		m.f(" %s |", cell(col))
	}
	m.f("\n|---|")
	for range cols {
		m.f(":-:|")
	}
	m.f("\n")
	for k, name := range c.Names {
		m.f("| %s |", cell(name))
		for _, p := range c.People {
			if s := p.Shortfall[k]; s > 0 {
				m.f(" %s %.2f |", CohortShade(s), s)
			} else {
				m.f(" |")
			}
		}
		m.f("\n")
	}
	m.f("\n| Column | Person | Source | Next role | Readiness |\n|---|---|---|---|--:|\n")
	for i, p := range c.People {
		m.f("| %s | %s | %s | %s | %.0f%% |\n", cell(cols[i]), cell(p.Name), cell(p.Source), cell(CohortRoleTitle(c, p.NextRole)), p.NextReadiness)
	}

	m.f("\n## Readiness by role\n\n")
	m.f("Readiness in %%; the bands count people.\n\n")
	m.f("| Role | Min | Median | Max |")
	for _, l := range assess.BucketLabels {
		m.f(" %s |", esc(l))
	}
	m.f(" Closest |\n|---|--:|--:|--:|")
	for range assess.BucketLabels {
		m.f("--:|")
	}
	m.f("---|\n")
	for _, r := range c.Roles {
		m.f("| %s | %.0f | %.0f | %.0f |", cell(r.Title), r.Min, r.Median, r.Max)
		for _, n := range r.Buckets {
			m.f(" %d |", n)
		}
		m.f(" %s (%.0f%%) |\n", cell(r.Closest), r.Max)
	}

	m.f("\n## Weakest competencies\n\n")
	m.f("Where the group is furthest from its next roles: people short of their next role's target, then the mean shortfall, then the mean level.\n\n")
	m.f("| # | Competency | People short | Mean shortfall | Mean level |\n|--:|---|--:|--:|--:|\n")
	for i, ws := range c.Weakest[:min(5, len(c.Weakest))] {
		m.f("| %d | %s | %d of %d | %.1f | %.1f |\n", i+1, cell(ws.Name), ws.Short, len(c.People), ws.MeanShortfall, ws.MeanLevel)
	}
	return m.err
}

// WriteCohortCSV writes one row per person and competency, for
// spreadsheets: the person, their file, their next role and readiness for
// it, and their level and shortfall in the competency. Cells a spreadsheet
// would run as a formula are defused.
func WriteCohortCSV(w io.Writer, c *assess.Cohort) error {
	return writeCSVRows(w, CohortCSVHeader, func(row func(...string) error) error {
		for _, p := range c.People {
			for k, id := range c.Competencies {
				if err := row(p.Name, p.Source, p.NextRole, num(p.NextReadiness), id, num(p.Levels[k]), num(p.Shortfall[k])); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
