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
	three := 3
	f.Answers.Mentor = &assess.MentorView{
		Name:    "Dana",
		Ratings: map[string]assess.MentorRating{"risk-rate": {Level: &three, Notes: "Ran the \"payments\" register"}, "ops-rate": {Notes: "Ask about on-call"}},
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
	if m == nil || m.Name != "Dana" || *m.Ratings["risk-rate"].Level != 3 || m.Ratings["risk-rate"].Notes != `Ran the "payments" register` || m.Ratings["ops-rate"].Level != nil {
		t.Fatalf("mentor view: %+v", m)
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
