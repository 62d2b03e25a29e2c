package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

// loadClaimingPersona opens a persona whose self-ratings are all at the
// top of the scale, so that many sit above what the scenarios and the
// experience support: the unverified face of every figure.
func (a *testApp) loadClaimingPersona(name string) {
	a.t.Helper()
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", name+".toml"), a.c.Bank)
	if err != nil {
		a.t.Fatal(err)
	}
	for id, ans := range f.Answers.Items {
		if q := a.c.Bank.Question(id); q != nil && q.Kind == assess.KindRating && ans.Choice > 0 {
			ans.Choice = topOption(q)
			f.Answers.Items[id] = ans
		}
	}
	f.Session.ID = testSession
	a.begin(f, false)
}

func TestRoleTable(t *testing.T) {
	cases := map[string]struct {
		width, longest int
		ranged         bool
		want           roleColumns
	}{
		// At 80 columns the titles win over the bar: CISO fits whole.
		"80x24":        {78, 41, false, roleColumns{Name: 37, Readiness: roleReadinessW}},
		"80x24 ranges": {78, 41, true, roleColumns{Name: 34, Readiness: roleRangeW}},
		"60x18":        {58, 41, false, roleColumns{Name: 17, Readiness: roleReadinessW}},
		"120x40":       {100, 41, false, roleColumns{Name: 41, Bar: 13, Readiness: roleReadinessW, LongBlock: true}},
		"short titles": {100, 20, true, roleColumns{Name: 20, Bar: 20, Readiness: roleRangeW, LongBlock: true}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got := roleTable(c.width, c.longest, c.ranged)
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
			block := roleBlockShort
			if got.LongBlock {
				block = roleBlockLong
			}
			row := roleMarkW + got.Name + roleRelationW + got.Readiness + roleFitW + block
			if got.Bar > 0 {
				row += 1 + got.Bar
			}
			if row > c.width && got.Name > 12 {
				t.Errorf("a row takes %d cells of %d", row, c.width)
			}
		})
	}
}

func TestLevelTable(t *testing.T) {
	cases := map[string]struct {
		width         int
		mentor, notes bool
		want          levelColumns
	}{
		"80x24":              {78, false, false, levelColumns{Name: 45, Bar: 10}},
		"80x24 notes":        {78, false, true, levelColumns{Name: 32, Bar: 10}},
		"80x24 mentor notes": {78, true, true, levelColumns{Name: 21, Bar: 10}},
		"120x40":             {100, false, true, levelColumns{Name: 46, Bar: 18}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got := levelTable(c.width, c.mentor, c.notes)
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
			row := 2 + got.Name + 1 + got.Bar + levelLevelW + levelJudgementW
			if c.mentor {
				row += levelMentorW
			}
			if c.notes {
				row += levelNoteW
			}
			if row > c.width {
				t.Errorf("a row takes %d cells of %d", row, c.width)
			}
		})
	}
}

// TestResultsShowTheFigures reads every results page for the figures the
// scoring model gives: readiness with its range, fit, relation, blocked
// roles, judgement and unverified levels.
func TestResultsShowTheFigures(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.loadClaimingPersona("soc-lead")
	a.send(resultsMsg{})
	res := a.results().result
	if wording.Unverifieds(res) == 0 || !wording.AnyRange(res) {
		t.Fatal("the claiming persona has no unverified level: the test needs one")
	}
	all := func() string {
		var b strings.Builder
		for {
			b.WriteString(a.screenText())
			before := a.screenText()
			a.press("pgdown")
			if a.screenText() == before {
				return b.String()
			}
		}
	}
	page := all()
	for _, want := range []string{"Judgement   " + wording.Judgement(res.Judgement), "readiness", "fit", "current", "ahead", "outgrown", "blocked ~", wording.ReadinessMeaning, wording.FitMeaning, wording.RangeMeaning, "Blocked"} {
		if !strings.Contains(page, want) {
			t.Errorf("readiness page lacks %q:\n%s", want, page)
		}
	}
	var ranged *assess.RoleFit
	for i := range res.Roles {
		if f := &res.Roles[i]; f.ReadinessClaimed != nil {
			ranged = f
			break
		}
	}
	if ranged == nil || !strings.Contains(page, wording.ReadinessFigure(ranged)) {
		t.Errorf("no readiness range on the page:\n%s", page)
	}
	// Outgrown roles come last.
	last := res.Roles[len(res.Roles)-1]
	if last.Relation != assess.RelOutgrown || strings.LastIndex(page, last.Title[:15]) < strings.Index(page, "sideways") {
		t.Errorf("outgrown roles are not last: %s %q\n%s", last.Relation, last.Title, page)
	}
	a.press("3")
	page = all()
	for _, want := range []string{"judgement", "unverified", "▒", "Judgement: " + wording.Judgement(res.Judgement)} {
		if !strings.Contains(page, want) {
			t.Errorf("competency page lacks %q:\n%s", want, page)
		}
	}
	a.press("4")
	if page = a.screenText(); !strings.Contains(page, "readiness") || !strings.Contains(page, "fit") {
		t.Errorf("gaps page lacks the role's figures:\n%s", page)
	}
}

// TestGapRowsFitTheWidth: on the gaps page every row, marker included,
// fits the terminal: the name column gives way to the figures, so
// "unverified" is never cut short.
func TestGapRowsFitTheWidth(t *testing.T) {
	for _, w := range []int{80, 100, 160} {
		a := newTestApp(t, w, 24, Options{})
		a.loadClaimingPersona("soc-lead")
		a.send(resultsMsg{})
		a.press("4")
		screen := a.screenText()
		// Find a role with an unverified gap (tab cycles the roles).
		for i := 0; i < 12 && !strings.Contains(screen, "unverifi"); i++ {
			a.press("tab")
			screen = a.screenText()
		}
		rows := 0
		for _, line := range strings.Split(screen, "\n") {
			if strings.Contains(line, "priority") {
				rows++
				if strings.Contains(line, "unverifi") && !strings.Contains(line, "unverified") {
					t.Errorf("%d columns: the marker is cut: %q", w, line)
				}
			}
		}
		if rows == 0 || !strings.Contains(screen, " unverified") {
			t.Errorf("%d columns: no unverified gap row:\n%s", w, screen)
		}
	}
}

// topOption is the 1-based rating option with the highest level: the
// "not part of my work" option comes last at level 0, so the last option
// is not the top one.
func topOption(q *assess.Question) int {
	best, level := 1, -1
	for i, o := range q.Options {
		if o.Level != nil && *o.Level > level {
			best, level = i+1, *o.Level
		}
	}
	return best
}

// A gap whose only rating was skipped is not described with the level-0
// indicator as if it were a fact about the person: it reads as not known.
func TestGapDetailSaysNotKnownForASkippedRating(t *testing.T) {
	b := defaultBank(t)
	var comp *assess.Competency
	for i := range b.Competencies {
		comp = &b.Competencies[i]
		break
	}
	g := gapScreen{c: &Common{Bank: b, Styles: NewStyles(true), Layout: ComputeLayout(80, 24)}, comp: comp,
		role: &b.Roles[0], gap: assess.Gap{Competency: comp.ID, Current: 0, Target: 3, Weight: 2, Priority: 6},
		score: assess.CompetencyScore{ID: comp.ID, Assessed: true}}
	text := strings.Join(g.lines(), "\n")
	if !strings.Contains(text, "Where you are (not known, counted as level 0)") || strings.Contains(text, "Where you are (level 0)") {
		t.Errorf("a skipped competency reads as a level:\n%s", text)
	}
	g.score.Evidenced = true
	if text := strings.Join(g.lines(), "\n"); !strings.Contains(text, "Where you are (level 0)") {
		t.Errorf("an evidenced level 0 is not shown as one:\n%s", text)
	}
}
