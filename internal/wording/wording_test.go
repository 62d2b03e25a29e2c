package wording

import (
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
)

func fp(v float64) *float64 { return &v }

func TestReadiness(t *testing.T) {
	cases := map[string]struct {
		fit          assess.RoleFit
		figure, long string
	}{
		"verified":     {assess.RoleFit{Readiness: 62.4, Assessed: 5, Targets: 5}, "62%", "readiness 62%"},
		"claims":       {assess.RoleFit{Readiness: 62, ReadinessClaimed: fp(80.2), Assessed: 5, Targets: 5}, "62–80%", "readiness 62% (up to 80% if unverified claims hold)"},
		"same rounded": {assess.RoleFit{Readiness: 62.2, ReadinessClaimed: fp(62.4), Assessed: 5, Targets: 5}, "62%", "readiness 62%"},
		"quick mode":   {assess.RoleFit{Readiness: 50, Assessed: 3, Targets: 5}, "50%", "readiness 50% (over the 3 of its 5 targets this mode assessed)"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if got := ReadinessFigure(&c.fit); got != c.figure {
				t.Errorf("figure %q, want %q", got, c.figure)
			}
			if got := Readiness(&c.fit); got != c.long {
				t.Errorf("words %q, want %q", got, c.long)
			}
		})
	}
	f := assess.RoleFit{Readiness: 62, ReadinessClaimed: fp(80), Fit: 58, Assessed: 1, Targets: 1}
	if got, want := Figures(&f), "readiness 62% (up to 80% if unverified claims hold) · fit 58%"; got != want {
		t.Errorf("Figures %q, want %q", got, want)
	}
}

func TestRelationsFitTheColumn(t *testing.T) {
	for _, r := range []assess.Relation{assess.RelCurrent, assess.RelAhead, assess.RelLateral, assess.RelOther, assess.RelOutgrown} {
		if w := Relation(r); w == "" || len(w) > RelationWidth {
			t.Errorf("%s reads %q", r, w)
		}
	}
}

func TestBlocked(t *testing.T) {
	b := &assess.Bank{Facts: []assess.Fact{
		{ID: "years_security", Name: "Years working in information security", Unit: "years"},
		{ID: "board", Name: "Board exposure"},
	}}
	f := assess.RoleFit{Blocked: true, BlockedMonths: 36, Blockers: []assess.Blocker{
		{Kind: "experience", Fact: "years_security", Need: 5, Have: 2, Months: 36},
		{Kind: "experience", Fact: "board", Need: 1, NotAnswered: true},
		{Kind: "certification", OneOf: []string{"CISM"}},
	}}
	for got, want := range map[string]string{
		Blocked(&f, false): "blocked ~36 months",
		Blocked(&f, true):  "blocked ~36 mo",
		Earliest(b, &f):    "blocked: years working in information security, ~36 months",
		BlockedBy(b, &f):   "2 of 5 years working in information security; board exposure: not answered (1 needed). About 36 months at the earliest.",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	if len(Blocked(&f, true)) > BlockedWidth {
		t.Errorf("short marker wider than BlockedWidth")
	}
	open := assess.RoleFit{}
	if Blocked(&open, false) != "" || BlockedBy(b, &open) != "" || Earliest(b, &open) != "" {
		t.Error("a role that is not blocked has a marker")
	}
	quick := assess.RoleFit{Blocked: true, Blockers: []assess.Blocker{{Kind: "experience", Fact: "years_security", Need: 5, NotAsked: true}}}
	if got := BlockedBy(b, &quick); !strings.Contains(got, "not asked in quick mode") || Blocked(&quick, true) != "years unknown" || !strings.HasPrefix(Earliest(b, &quick), "not known yet: ") {
		t.Errorf("not asked: %q / %q", got, Blocked(&quick, true))
	}
}

func TestJudgementAndLevel(t *testing.T) {
	if got := Judgement(nil); got != "no scenario answered yet" {
		t.Errorf("no judgement: %q", got)
	}
	if got := Judgement(&assess.Judgement{Score: 3.44, Scenarios: 30}); got != "3.4 of 5 over 30 scenarios" {
		t.Errorf("judgement: %q", got)
	}
	c := assess.CompetencyScore{Level: 2.5, Judgement: fp(1), Unverified: true, Claimed: fp(4)}
	if got := Level(c); got != "2.5, judgement 1.0, unverified (claimed 4.0)" {
		t.Errorf("level: %q", got)
	}
	for _, s := range []string{ReadinessMeaning, FitMeaning, RangeMeaning} {
		if len([]rune(s)) > 78 {
			t.Errorf("%q does not fit one line at 80 columns", s)
		}
	}
}
