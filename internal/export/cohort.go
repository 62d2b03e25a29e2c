package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

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
//   - unverified: whether the row's level is unverified (true/false).
var CohortCSVHeader = []string{"person", "source", "next_role", "next_readiness", "competency", "level", "shortfall",
	"next_fit", "next_readiness_claimed", "next_blocked", "next_blocked_months", "blocked_roles", "overall_judgement", "judgement", "unverified"}

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
	m.f("\nReadiness and fit for each person's next role; judgement is their scenario score (0-5); blocked roles counts the roles an experience minimum blocks.\n")
	m.f("\n| Column | Person | Source | Next role | Readiness | Fit | Next role blocked | Judgement | Blocked roles |\n|---|---|---|---|--:|--:|---|--:|--:|\n")
	for i, p := range c.People {
		m.f("| %s | %s | %s | %s | %s | %.0f%% | %s | %s | %d |\n", cell(cols[i]), cell(p.Name), cell(p.Source), cell(CohortRoleTitle(c, p.NextRole)),
			esc(CohortReadiness(p)), p.NextFit, esc(CohortBlocked(p)), CohortJudgement(p), p.BlockedRoles)
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
	m.f("Where the group is furthest from its next roles: people short of their next role's target, then the mean shortfall, then the mean level.\n\n")
	m.f("| # | Competency | People short | Mean shortfall | Mean level |\n|--:|---|--:|--:|--:|\n")
	for i, ws := range c.Weakest[:min(5, len(c.Weakest))] {
		m.f("| %d | %s | %d of %d | %.1f | %.1f |\n", i+1, cell(ws.Name), ws.Short, len(c.People), ws.MeanShortfall, ws.MeanLevel)
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
				if err := row(p.Name, p.Source, p.NextRole, num(p.NextReadiness), id, num(p.Levels[k]), num(p.Shortfall[k]),
					num(p.NextFit), claimed, strconv.FormatBool(p.NextBlocked), months, strconv.Itoa(p.BlockedRoles), overall,
					optNum(judgement), strconv.FormatBool(unverified)); err != nil {
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
		}{{"competencies", c.Competencies}, {"competency_names", c.Names}, {"roles", c.Roles}, {"weakest", c.Weakest}} {
			if err := write(",\n  \"" + f.key + "\": "); err != nil {
				return err
			}
			if err := value(f.v, 1); err != nil {
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
