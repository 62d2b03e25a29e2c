package storage

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
)

func TestMentorRoundTripKeepsAnswers(t *testing.T) {
	b := miniBank(t)
	f, err := ParseAnswers("a.toml", []byte(goodAnswers), b)
	if err != nil {
		t.Fatal(err)
	}
	before := len(f.Answers.Items)
	f.Answers.Mentor = &assess.MentorView{
		Name: "Dana",
		Ratings: map[string]assess.MentorRating{"risk-rate": {Levels: map[string]int{"risk": 3}, Notes: "Ran the \"payments\" register"}, "ops-rate": {Notes: "Ask about on-call"},
			"crisis": {Levels: map[string]int{"risk": 4, "ops": 2}}},
		Gaps: []assess.AgreedGap{{Role: "manager", Competency: "ops", Matters: true, Priority: 1, Owner: "Ada",
			Due: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), CheckIn: time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC), Action: "Sit in the SOC"}},
		SignOff: assess.SignOff{Mentee: "Ada", Mentor: "Dana", Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
	}
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, b, f); err != nil {
		t.Fatal(err)
	}
	g, err := ParseAnswers("b.toml", buf.Bytes(), b)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	m := g.Answers.Mentor
	if m == nil || m.Name != "Dana" || m.Ratings["risk-rate"].Levels["risk"] != 3 || m.Ratings["risk-rate"].Notes != `Ran the "payments" register` || m.Ratings["ops-rate"].Rated() {
		t.Fatalf("mentor view: %+v", m)
	}
	if c := m.Ratings["crisis"].Levels; len(c) != 2 || c["risk"] != 4 || c["ops"] != 2 {
		t.Errorf("per-competency levels: %+v", c)
	}
	// One level for the one competency keeps the shape every version reads.
	if !strings.Contains(buf.String(), "[mentor.ratings.risk-rate]\nlevel = 3\n") || !strings.Contains(buf.String(), "levels = { risk = 4, ops = 2 }") {
		t.Errorf("rating shapes:\n%s", buf.String())
	}
	gap := m.Gaps[0]
	if gap.Owner != "Ada" || gap.Due.Format("2006-01-02") != "2027-03-01" || gap.CheckIn.Format("2006-01-02") != "2027-01-15" || !gap.Matters || gap.Priority != 1 {
		t.Errorf("gap: %+v", gap)
	}
	if !m.SignOff.Signed() || m.SignOff.Date.Format("2006-01-02") != "2026-12-01" {
		t.Errorf("sign-off: %+v", m.SignOff)
	}
	if len(g.Answers.Items) != before || g.Answers.Items["risk-rate"].Choice != 2 {
		t.Errorf("the mentee's answers changed: %+v", g.Answers.Items)
	}
}

func TestMentorSectionErrors(t *testing.T) {
	b := miniBank(t)
	cases := map[string]struct {
		text string
		line int
		want string
	}{
		"unknown question": {"[mentor.ratings.risk-rat]\nlevel = 2\n", 1, `mentor rating for unknown question "risk-rat" (did you mean "risk-rate"?)`},
		"level range":      {"[mentor.ratings.risk-rate]\nlevel = 6\n", 1, "level 6 is outside 0 to 5"},
		"gap role":         {"[[mentor.gap]]\nrole = \"mangr\"\ncompetency = \"risk\"\n", 1, `unknown role "mangr"`},
		"unknown key":      {"[mentor]\nnam = \"x\"\n", 2, `unknown key "mentor.nam"`},
		"not measured":     {"[mentor.ratings.crisis]\nlevels = { risk = 2, people = 3 }\n", 1, `the question does not measure "people" (it measures risk, ops)`},
		"levels range":     {"[mentor.ratings.crisis]\nlevels = { ops = 9 }\n", 1, `level 9 for "ops" is outside 0 to 5`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseAnswers("a.toml", []byte(c.text), b)
			var inv *assess.InvalidError
			if !errors.As(err, &inv) || inv.Diagnostics[0].Line != c.line || !strings.Contains(inv.Diagnostics[0].Message, c.want) {
				t.Errorf("got %v, want line %d %q", err, c.line, c.want)
			}
		})
	}
}

// TestMentorOldShape reads the mentor's section as files wrote it before
// ratings were per competency and a gap could be undecided: one level
// stands for every competency the question measures, and every recorded
// gap says whether it matters.
func TestMentorOldShape(t *testing.T) {
	b := miniBank(t)
	text := "[mentor]\nname = \"Dana\"\n\n[mentor.ratings.crisis]\nlevel = 3\n\n" +
		"[[mentor.gap]]\nrole = \"manager\"\ncompetency = \"ops\"\nmatters = false\npriority = 0\n\n" +
		"[[mentor.gap]]\nrole = \"manager\"\ncompetency = \"risk\"\npriority = 2\n"
	f, err := ParseAnswers("old.toml", []byte(text), b)
	if err != nil {
		t.Fatal(err)
	}
	m := f.Answers.Mentor
	if l := m.Ratings["crisis"].Levels; len(l) != 2 || l["risk"] != 3 || l["ops"] != 3 {
		t.Errorf("one level for a scenario: %+v", l)
	}
	if d := m.Gaps[0].Decision(); d != assess.DoesNotMatter {
		t.Errorf("matters = false: %q", d)
	}
	// A gap without matters is not decided yet, and is written back so.
	if d := m.Gaps[1].Decision(); d != assess.Undecided {
		t.Errorf("no matters key: %q", d)
	}
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, b, f); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, "competency = \"risk\"\npriority = 2\n") || !strings.Contains(out, "[mentor.ratings.crisis]\nlevel = 3\n") {
		t.Errorf("written back:\n%s", out)
	}
}
