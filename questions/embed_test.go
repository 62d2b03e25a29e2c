package questions

import (
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/secpath/secpath/assess"
)

// TestEveryEmbeddedFileDecodes decodes each shipped file on its own,
// strictly, so a broken file is named even if merging would hide it.
func TestEveryEmbeddedFileDecodes(t *testing.T) {
	names, err := fs.Glob(FS(), "*.toml")
	if err != nil || len(names) < 5 {
		t.Fatalf("embedded files: %v %v", names, err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		var doc fileDoc
		md, err := toml.Decode(string(data), &doc)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if u := md.Undecoded(); len(u) > 0 {
			t.Errorf("%s: unknown keys %v", name, u)
		}
	}
}

// TestDefaultBank holds the shipped bank to the content rules: it loads
// with no errors and no warnings and meets the published counts.
func TestDefaultBank(t *testing.T) {
	b, rep, err := DefaultWithPositions()
	if err != nil {
		t.Fatalf("default bank: %v", err)
	}
	for _, w := range rep.Warnings {
		t.Errorf("warning: %s", w.Error())
	}
	// Every certification rule was checked recently enough on the day the
	// bank was released; validate checks the same against today.
	for _, w := range b.Freshness(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("freshness: %s", w.Error())
	}
	quick, scenarios := 0, 0
	for _, q := range b.Questions {
		if q.Quick {
			quick++
		}
		if q.Kind == assess.KindScenario {
			scenarios++
		}
	}
	checks := []struct {
		what     string
		got, min int
	}{
		{"roles", len(b.Roles), 15},
		{"competencies", len(b.Competencies), 29},
		{"questions", len(b.Questions), 120},
		{"scenarios", scenarios, 40},
		{"certifications", len(b.Certifications), 28},
		{"actions", len(b.Actions), 4 * len(b.Competencies)},
	}
	for _, c := range checks {
		if c.got < c.min {
			t.Errorf("%s: %d, want at least %d", c.what, c.got, c.min)
		}
	}
	// Quick mode: one rating per competency, the facts the leadership
	// roles rest on, and a few scenarios: about twenty minutes, well under
	// half of the full assessment.
	if full := len(b.Questions); quick < 30 || quick > 50 || 2*quick > full {
		t.Errorf("quick mode has %d questions of %d, want 30-50 and under half", quick, len(b.Questions))
	}
}

// TestDefaultBankContent checks the rules the validator only warns about,
// as hard failures for the shipped bank, plus a few it cannot know.
func TestDefaultBankContent(t *testing.T) {
	b, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range b.Questions {
		if strings.TrimSpace(q.MentorPrompt) == "" {
			t.Errorf("question %s has no mentor prompt", q.ID)
		}
		for i, o := range q.Options {
			if len(o.Text) > assess.MaxOptionText {
				t.Errorf("question %s option %d is %d characters", q.ID, i+1, len(o.Text))
			}
		}
	}
	// Every competency: 3 questions incl. a scenario in full mode, and in
	// quick mode one that gives evidence of work (a scenario alone makes
	// no level).
	for _, c := range b.Competencies {
		full, scen, quick := 0, 0, 0
		for _, q := range b.Questions {
			if _, ok := q.Measures[c.ID]; !ok {
				continue
			}
			full++
			if q.Kind == assess.KindScenario {
				scen++
			}
			if q.Quick && q.Kind != assess.KindScenario {
				quick++
			}
		}
		if full < 3 || scen < 1 || quick < 1 {
			t.Errorf("competency %s: %d questions, %d scenarios, %d quick", c.ID, full, scen, quick)
		}
	}
	// Each 70-20-10 category is represented for every competency.
	for _, c := range b.Competencies {
		cats := map[assess.Category]int{}
		for _, a := range b.Actions {
			if a.Competency == c.ID {
				cats[a.Category]++
			}
		}
		if cats[assess.Experience] == 0 || cats[assess.Exposure]+cats[assess.Education] == 0 {
			t.Errorf("competency %s actions are unbalanced: %v", c.ID, cats)
		}
	}
	// The role graph expresses the paths the product promises.
	paths := [][2]string{
		{"security-engineer", "technical-security-manager"},
		{"technical-security-manager", "it-security-manager"},
		{"it-security-manager", "ciso"},
		{"security-program-manager", "it-security-manager"},
		{"security-program-manager", "ciso"},
		{"it-manager", "cio"},
		{"privacy-manager", "cpo"},
	}
	for _, p := range paths {
		if r := b.Role(p[0]); r == nil || !contains(r.LeadsTo, p[1]) {
			t.Errorf("role graph lacks %s -> %s", p[0], p[1])
		}
	}
	// Every certification rule can be checked: version and date.
	for _, c := range b.Certifications {
		if c.Rule.Version == "" || c.Rule.Date.IsZero() || c.Rule.Source == "" {
			t.Errorf("certification %s rule lacks version, date or source", c.ID)
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// TestFastDefaultMatchesFullLoad checks that the start-up load (without
// positions) gives the same bank as the full one.
func TestFastDefaultMatchesFullLoad(t *testing.T) {
	fast, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	full, _, err := DefaultWithPositions()
	if err != nil {
		t.Fatal(err)
	}
	if len(fast.Questions) != len(full.Questions) || len(fast.Actions) != len(full.Actions) || len(fast.Roles) != len(full.Roles) {
		t.Fatal("banks differ in size")
	}
	for i := range fast.Questions {
		a, b := fast.Questions[i], full.Questions[i]
		if a.ID != b.ID || a.Text != b.Text || len(a.Options) != len(b.Options) {
			t.Errorf("question %d differs: %s / %s", i, a.ID, b.ID)
		}
	}
	if full.Questions[0].Src.Line == 0 || fast.Questions[0].Src.Line != 0 {
		t.Errorf("positions: full %d, fast %d", full.Questions[0].Src.Line, fast.Questions[0].Src.Line)
	}
}

// TestQuickModeDecidesWhatMatters keeps quick mode honest about the two
// roles this tool is for: every experience minimum of IT Security Manager
// and CISO, and every essential (weight 3) target of theirs, rests on a
// quick question that gives evidence of work (a rating, a fact), so quick
// mode cannot make a gap vanish by not asking. Team size, budget owned
// and board exposure are asked too: the claims in team leadership, budget
// and board communication are checked against them.
func TestQuickModeDecidesWhatMatters(t *testing.T) {
	b, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	facts, work := map[string]bool{}, map[string]bool{}
	for _, q := range b.QuestionsFor(assess.Quick) {
		if q.Fact != "" {
			facts[q.Fact] = true
		}
		if q.Kind != assess.KindScenario {
			for comp := range q.Measures {
				work[comp] = true
			}
		}
	}
	for _, id := range []string{"it-security-manager", "ciso"} {
		ro := b.Role(id)
		for fact := range ro.Experience {
			if !facts[fact] {
				t.Errorf("%s needs %s, which quick mode does not ask", id, fact)
			}
		}
		for _, tg := range ro.Targets {
			if tg.Weight >= 3 && !work[tg.Competency] {
				t.Errorf("%s: essential target %s has no quick question giving evidence of work", id, tg.Competency)
			}
		}
	}
	for _, fact := range []string{"years_security", "years_managing", "team_size", "budget_owned", "board_exposure"} {
		if !facts[fact] {
			t.Errorf("quick mode does not ask for %s", fact)
		}
	}
}
