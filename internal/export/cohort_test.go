package export

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

func TestCohortShade(t *testing.T) {
	for _, c := range []struct {
		shortfall float64
		want      string
	}{
		{0, " "}, {-1, " "}, {0.25, "░"}, {0.99, "░"}, {1, "▒"}, {1.99, "▒"}, {2, "▓"}, {2.99, "▓"}, {3, "█"}, {5, "█"},
	} {
		if got := CohortShade(c.shortfall); got != c.want {
			t.Errorf("CohortShade(%v) = %q, want %q", c.shortfall, got, c.want)
		}
	}
}

func TestCohortColumns(t *testing.T) {
	c := &assess.Cohort{}
	for _, n := range []string{"Ada Lovelace", "Alan Lee", "sam", "Mary Ann de la Cruz", "jo-bloggs", "Ada Lovelace", ""} {
		c.People = append(c.People, assess.CohortPerson{Name: n})
	}
	want := []string{"AL", "AL2", "SA", "MLC", "JB", "AL3", "?"}
	if got := CohortColumns(c); !slices.Equal(got, want) {
		t.Errorf("CohortColumns = %q, want %q", got, want)
	}
}

// tinyCohort is two people and two competencies, one of them with a name a
// spreadsheet would run as a formula.
func tinyCohort() *assess.Cohort {
	claimed, j1, j2 := 80.0, 3.4, 2.0
	return &assess.Cohort{
		Competencies: []string{"risk-management", "budget-finance"},
		Names:        []string{"Risk management", "Budget | finance"},
		People: []assess.CohortPerson{
			{Name: "Ada Lovelace", Source: "ada.toml", NextRole: "ciso", NextReadiness: 71.5, NextReadinessClaimed: &claimed, NextFit: 68.2, NextBlocked: true, NextBlockedMonths: 24,
				Judgement: &assess.Judgement{Score: 3.6, Scenarios: 30}, BlockedRoles: 2, Unverified: 1,
				Levels: []float64{2.5, 4}, Shortfall: []float64{2.5, 0}, Judgements: []*float64{&j1, &j2}, UnverifiedLevels: []bool{false, true}},
			{Name: "=HYPERLINK(\"http://x\")", Source: "-evil.toml", NextRole: "ciso", NextReadiness: 40, NextFit: 38,
				Levels: []float64{1, 0.75}, Shortfall: []float64{4, 0.25}, Judgements: []*float64{nil, nil}, UnverifiedLevels: []bool{false, false}},
		},
		Roles:   []assess.RoleSpread{{ID: "ciso", Title: "Chief Information Security Officer", Min: 40, Median: 55.8, Max: 71.5, Mean: 55.8, Closest: "Ada Lovelace", Buckets: []int{1, 0, 1, 0, 0}, Blocked: 1}},
		Weakest: []assess.WeakSpot{{ID: "risk-management", Name: "Risk management", MeanLevel: 1.75, Short: 2, MeanShortfall: 3.25}, {ID: "budget-finance", Name: "Budget | finance", MeanLevel: 2.38, Short: 1, MeanShortfall: 0.13}},
	}
}

func TestWriteCohortCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCohortCSV(&buf, tinyCohort()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		CohortCSVHeader,
		{"Ada Lovelace", "ada.toml", "ciso", "71.5", "risk-management", "2.5", "2.5", "68.2", "80", "true", "24", "2", "3.6", "3.4", "false"},
		{"Ada Lovelace", "ada.toml", "ciso", "71.5", "budget-finance", "4", "0", "68.2", "80", "true", "24", "2", "3.6", "2", "true"},
		{`'=HYPERLINK("http://x")`, "'-evil.toml", "ciso", "40", "risk-management", "1", "4", "38", "", "false", "", "0", "", "", "false"},
		{`'=HYPERLINK("http://x")`, "'-evil.toml", "ciso", "40", "budget-finance", "0.75", "0.25", "38", "", "false", "", "0", "", "", "false"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

func TestWriteCohortMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCohortMarkdown(&buf, tinyCohort()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{
		"# Cohort: 2 people\n",
		"| Competency | AL | =H |\n|---|:-:|:-:|\n",
		"| Risk management | ▓ 2.50 | █ 4.00 |\n",
		"| Budget \\| finance | | ░ 0.25 |\n", // a | in a name does not break the table
		"| AL | Ada Lovelace | ada.toml | Chief Information Security Officer | 72–80% | 68% | ~24 months | 3.6 | 2 |\n",
		"| =H | =HYPERLINK(\"http://x\") | -evil.toml | Chief Information Security Officer | 40% | 38% | no | - | 0 |\n",
		"| Chief Information Security Officer | 40 | 56 | 72 | 1 | 0 | 1 | 0 | 0 | 1 | Ada Lovelace (72%) |\n",
		"| 1 | Risk management | 2 of 2 | 3.2 | 1.8 |\n",
		"| 2 | Budget \\| finance | 1 of 2 | 0.1 | 2.4 |\n",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("markdown lacks %q:\n%s", s, out)
		}
	}
	// Every table row has as many cells as its header.
	var cols int
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "|") {
			cols = 0
			continue
		}
		n := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|")
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Errorf("row with %d cells under a header of %d: %q", n-1, cols-1, l)
		}
	}
}

// TestCohortFromPersonas runs the writers on the real personas: every
// person and competency is in each format.
func TestCohortFromPersonas(t *testing.T) {
	fx := planFixtures{}
	b := fx.bank(t)
	var members []assess.CohortMember
	for _, name := range fx.personas(t) {
		f, err := storage.ReadAnswers(filepath.Join(fixturePersonaDir, name+".toml"), b)
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, assess.CohortMember{Name: f.Answers.Profile.Name, Source: name + ".toml", Result: assess.Score(b, f.Answers)})
	}
	c := assess.BuildCohort(b, members)
	var md, cs bytes.Buffer
	if err := WriteCohortMarkdown(&md, c); err != nil {
		t.Fatal(err)
	}
	if err := WriteCohortCSV(&cs, c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&cs).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(members)*len(b.Competencies) {
		t.Errorf("%d CSV rows for %d people × %d competencies", len(rows), len(members), len(b.Competencies))
	}
	for _, m := range members {
		if !strings.Contains(md.String(), "| "+m.Name+" | "+m.Source+" |") {
			t.Errorf("markdown legend lacks %s", m.Name)
		}
	}
	if got := strings.Count(md.String(), "\n| "); got < len(b.Competencies)+len(members)+len(b.Roles)+5 {
		t.Errorf("markdown has only %d table rows", got)
	}
}
