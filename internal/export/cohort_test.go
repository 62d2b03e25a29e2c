package export

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

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

// tinyCohort is two people and two competencies, one of them with a name a
// spreadsheet would run as a formula. Ada answered everything on her own;
// the other is unfinished, answered nothing for budget-finance, and is
// counted on a mentor's view (the mentor rated risk-management 3 against
// their own 1).
func tinyCohort() *assess.Cohort {
	claimed, j1, j2, m1, s1 := 80.0, 3.4, 2.0, 3.0, 1.0
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	return &assess.Cohort{
		Competencies: []string{"risk-management", "budget-finance"},
		Names:        []string{"Risk management", "Budget | finance"},
		Dimensions:   []assess.Dimension{assess.Strategic, assess.Strategic},
		People: []assess.CohortPerson{
			{Name: "Ada Lovelace", Source: "ada.toml", NextRole: "ciso", NextReadiness: 71.5, NextReadinessClaimed: &claimed, NextFit: 68.2, NextBlocked: true, NextBlockedMonths: 24,
				Judgement: &assess.Judgement{Score: 3.6, Scenarios: 30}, BlockedRoles: 2, Unverified: 1,
				Levels: []float64{2.5, 4}, Shortfall: []float64{2.5, 0}, Judgements: []*float64{&j1, &j2}, UnverifiedLevels: []bool{false, true},
				Date: at(20, 10), Answered: 125, Asked: 125, Basis: assess.BasisSelf, Unanswered: []bool{false, false}, Targets: []int8{5, 3}},
			{Name: "=HYPERLINK(\"http://x\")", Source: "-evil.toml", NextRole: "ciso", NextReadiness: 40, NextFit: 38,
				Levels: []float64{3, 0}, Shortfall: []float64{2, 3}, Judgements: []*float64{nil, nil}, UnverifiedLevels: []bool{false, false},
				Date: at(21, 10), Answered: 19, Asked: 125, Basis: assess.BasisMentor, MentorName: `Jo, "JJ" Okafor`, MentorDate: at(22, 8),
				Unanswered: []bool{false, true}, Targets: []int8{5, 3}, MentorLevels: []*float64{&m1, nil}, SelfLevels: []*float64{&s1, nil}},
		},
		Roles: []assess.RoleSpread{{ID: "ciso", Title: "Chief Information Security Officer", Min: 40, Median: 55.8, Max: 71.5, Mean: 55.8, Closest: "Ada Lovelace", Buckets: []int{1, 0, 1, 0, 0}, Blocked: 1}},
		// By hand: risk-management, both short (2.5 and 2), mean
		// shortfall 2.25, mean level (2.5+3)/2 = 2.75; budget-finance, Ada
		// alone answered: 4, not short.
		Weakest: []assess.WeakSpot{{ID: "risk-management", Name: "Risk management", MeanLevel: 2.75, Short: 2, MeanShortfall: 2.25, Answered: 2},
			{ID: "budget-finance", Name: "Budget | finance", MeanLevel: 4, Short: 0, MeanShortfall: 0, Answered: 1}},
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
		{"Ada Lovelace", "ada.toml", "ciso", "71.5", "risk-management", "2.5", "2.5", "68.2", "80", "true", "24", "2", "3.6", "3.4", "false", "true", "self"},
		{"Ada Lovelace", "ada.toml", "ciso", "71.5", "budget-finance", "4", "0", "68.2", "80", "true", "24", "2", "3.6", "2", "true", "true", "self"},
		{`'=HYPERLINK("http://x")`, "'-evil.toml", "ciso", "40", "risk-management", "3", "2", "38", "", "false", "", "0", "", "", "false", "true", "mentor"},
		// Nothing answered: no level and no shortfall, not zeros.
		{`'=HYPERLINK("http://x")`, "'-evil.toml", "ciso", "40", "budget-finance", "", "", "38", "", "false", "", "0", "", "", "false", "false", "mentor"},
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

func TestWriteCohortTidy(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCohortTidy(&buf, tinyCohort()); err != nil {
		t.Fatal(err)
	}
	// RFC 4180 quoting: a field with a comma or a quote quoted, its
	// quotes doubled; a line end after every record, the header too.
	want := strings.Join([]string{
		"person,source,date,rater,rater_name,competency,competency_name,dimension,level,judgement,target,target_role,counted",
		"Ada Lovelace,ada.toml,2026-11-20,self,,risk-management,Risk management,strategic,2.5,3.4,5,ciso,true",
		"Ada Lovelace,ada.toml,2026-11-20,self,,budget-finance,Budget | finance,strategic,4,2,3,ciso,true",
		// Counted on the mentor's 3 for risk; their own 1 beside it.
		`"'=HYPERLINK(""http://x"")",'-evil.toml,2026-11-21,self,,risk-management,Risk management,strategic,1,,5,ciso,false`,
		// Nobody gave budget a level: empty, and the self row is the one counted.
		`"'=HYPERLINK(""http://x"")",'-evil.toml,2026-11-21,self,,budget-finance,Budget | finance,strategic,,,3,ciso,true`,
		`"'=HYPERLINK(""http://x"")",'-evil.toml,2026-11-22,mentor,"Jo, ""JJ"" Okafor",risk-management,Risk management,strategic,3,,5,ciso,true`,
		`"'=HYPERLINK(""http://x"")",'-evil.toml,2026-11-22,mentor,"Jo, ""JJ"" Okafor",budget-finance,Budget | finance,strategic,,,3,ciso,false`,
	}, "\n") + "\n"
	if got := buf.String(); got != want {
		t.Errorf("tidy CSV:\n%s\nwant\n%s", got, want)
	}
}

func TestCohortHeading(t *testing.T) {
	for _, c := range []struct {
		name, id string
		room     int
		want     string
	}{
		{"Security architecture", "security-architecture", 30, "Security architecture"},
		// Two words before " and ": those.
		{"Security operations and monitoring", "security-operations", 22, "Security operations"},
		// One word before " and ": the id in the name's words.
		{"Network and infrastructure security", "network-infrastructure", 24, "Network infrastructure"},
		{"Executive and board communication", "board-communication", 20, "Board communication"},
		// The id is not the name's words: the word before " and ".
		{"Sourcing and vendor management", "it-sourcing", 20, "Sourcing"},
		// No " and ": the first words that fit, never ending on "of".
		{"Head of information risk", "info-risk", 12, "Head"},
		{"Vulnerability management and security testing", "vulnerability-management", 16, "Vulnerability"},
		// Not even a word fits: cut, as the last resort.
		{"Cross-functional influence", "influence", 10, "Cross-fun…"},
	} {
		got := CohortHeading(c.name, c.id, c.room)
		if got != c.want {
			t.Errorf("CohortHeading(%q, %d) = %q, want %q", c.name, c.room, got, c.want)
		}
		if ansi.StringWidth(got) > c.room {
			t.Errorf("%q is wider than %d", got, c.room)
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
		"### Strategic\n\n| Person | Risk management | Budget \\| finance |\n|---|:-:|:-:|\n",
		"| Ada Lovelace | ▓ 2.50 | |\n",
		// Unanswered is a ?, not a shade; the name carries its marks.
		"| =HYPERLINK(\"http://x\")\\*† | ▓ 2.00 | ? |\n",
		"After a name: \\* counted on a mentor's view",
		"| Ada Lovelace | ada.toml | Chief Information Security Officer | 72–80% | 68% | ~24 months | 3.6 | 2 | self | 125 of 125 |\n",
		"| =HYPERLINK(\"http://x\") | -evil.toml | Chief Information Security Officer | 40% | 38% | no | - | 0 | mentor (Jo, \"JJ\" Okafor) | 19 of 125 |\n",
		"| Chief Information Security Officer | 40 | 56 | 72 | 1 | 0 | 1 | 0 | 0 | 1 | Ada Lovelace (72%) |\n",
		"| 1 | Risk management | 2 of 2 | 2.2 | 2.8 |\n",
		"| 2 | Budget \\| finance | 0 of 1 | 0.0 | 4.0 |\n",
		"Counted on a mentor's view",
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
	if got := strings.Count(md.String(), "\n| "); got < 3*len(members)+len(members)+len(b.Roles)+5 {
		t.Errorf("markdown has only %d table rows", got)
	}
}
