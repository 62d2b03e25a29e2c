package assess

import (
	"testing"
	"time"
)

func TestParseNumber(t *testing.T) {
	years := &Question{ID: "y", Kind: KindNumber, Min: fp(0), Max: fp(50)}
	open := &Question{ID: "o", Kind: KindNumber}
	cases := []struct {
		q    *Question
		in   string
		want float64
		code ProblemCode
	}{
		{years, "7", 7, ""},
		{years, " 2.5 ", 2.5, ""},
		{years, ".5", 0.5, ""},
		{years, "50", 50, ""},
		{years, "51", 0, ProblemNumberRange},
		{years, "-1", 0, ProblemNumberRange},
		{years, "2,5", 0, ProblemDecimalComma},
		{years, "abc", 0, ProblemNotNumber},
		{years, "", 0, ProblemNotNumber},
		{years, "1e3", 0, ProblemNotNumber},
		{years, "0x10", 0, ProblemNotNumber},
		{years, "NaN", 0, ProblemNotNumber},
		{years, "Inf", 0, ProblemNotNumber},
		{years, "5.", 0, ProblemNotNumber},
		{years, "-", 0, ProblemNotNumber},
		// Thousands separators in groups of three; anything else is not a
		// number rather than a silently different one.
		{open, "1,500,000", 1500000, ""},
		{open, "1,500.25", 1500.25, ""},
		{open, "12,00", 0, ProblemDecimalComma},
		{open, "1,5000", 0, ProblemDecimalComma},
		{open, "1,500,00", 0, ProblemNotNumber},
		{open, ",500", 0, ProblemNotNumber},
		// No max in the bank: MaxNumber bounds it, so a number that would
		// not write back as an integer literal is refused.
		{open, "1000000000", 1e9, ""},
		{open, "1000000001", 0, ProblemNumberRange},
		{open, "100000000000000000000", 0, ProblemNumberRange},
		{open, "-3", 0, ProblemNumberRange},
	}
	for _, c := range cases {
		v, p := c.q.ParseNumber(c.in)
		switch {
		case c.code == "" && p != nil:
			t.Errorf("%s %q: problem %v, want %g", c.q.ID, c.in, p, c.want)
		case c.code != "" && (p == nil || p.Code != c.code):
			t.Errorf("%s %q: got %g, %v, want problem %s", c.q.ID, c.in, v, p, c.code)
		case c.code == "" && v != c.want:
			t.Errorf("%s %q: got %g, want %g", c.q.ID, c.in, v, c.want)
		}
	}
	if _, p := years.ParseNumber("51"); p.Lo != 0 || p.Hi != 50 || p.Value != "51" {
		t.Errorf("range problem carries %+v, want bounds 0..50 and the value typed", p)
	}
}

func TestCheckAnswer(t *testing.T) {
	b := testBank()
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	q := func(id string) *Question { return b.Question(id) }
	cases := []struct {
		name string
		q    *Question
		a    Answer
		code ProblemCode
	}{
		{"option in range", q("r-tech1"), Answer{Choice: 6}, ""},
		{"option 7 of 6", q("r-tech1"), Answer{Choice: 7}, ProblemChoice},
		{"negative option", q("s-mix"), Answer{Choice: -1}, ProblemChoice},
		{"not answered", q("r-tech1"), Answer{}, ""},
		{"skipped", q("n-years"), Answer{Skipped: true}, ""},
		{"number", q("n-years"), Answer{Number: fp(12)}, ""},
		{"number beyond MaxNumber", q("n-years"), Answer{Number: fp(1e20)}, ProblemNumberRange},
		{"negative number, no min", q("n-years"), Answer{Number: fp(-2)}, ProblemNumberRange},
		{"yes", q("y-board"), Answer{Bool: bp(true)}, ""},
		{"certs", q("c-held"), Answer{Held: []HeldCert{{ID: "cert-a", Year: 2026}, {ID: "cert-b"}}}, ""},
		{"none held", q("c-held"), Answer{Held: []HeldCert{}}, ""},
		{"unknown cert", q("c-held"), Answer{Held: []HeldCert{{ID: "cissp"}}}, ProblemUnknownCert},
		{"cert twice", q("c-held"), Answer{Held: []HeldCert{{ID: "cert-a"}, {ID: "cert-a", Year: 2020}}}, ProblemDuplicateCert},
		{"next year", q("c-held"), Answer{Held: []HeldCert{{ID: "cert-a", Year: 2027}}}, ProblemCertYear},
		{"1969", q("c-held"), Answer{Held: []HeldCert{{ID: "cert-a", Year: 1969}}}, ProblemCertYear},
		{"1970", q("c-held"), Answer{Held: []HeldCert{{ID: "cert-a", Year: 1970}}}, ""},
		{"unknown kind", &Question{ID: "x", Kind: "essay"}, Answer{}, ProblemKind},
	}
	for _, c := range cases {
		p := b.CheckAnswer(c.q, c.a, today)
		if (p == nil) != (c.code == "") || (p != nil && p.Code != c.code) {
			t.Errorf("%s: got %v, want %q", c.name, p, c.code)
		}
	}
	p := b.CheckAnswer(q("c-held"), Answer{Held: []HeldCert{{ID: "cert-a", Year: 2027}}}, today)
	if p.FirstYear != 1970 || p.LastYear != 2026 || p.Cert != "cert-a" || p.Error() != `the year for "cert-a" must be a year from 1970 to 2026` {
		t.Errorf("year problem: %+v %q", p, p.Error())
	}
}

func TestParseChoiceAndYesNo(t *testing.T) {
	b := testBank()
	r := b.Question("r-tech1")
	for in, want := range map[string]int{"1": 1, " 6 ": 6, "0": 0, "7": 0, "x": 0, "": 0} {
		got, p := r.ParseChoice(in)
		if got != want || (want == 0) != (p != nil) {
			t.Errorf("ParseChoice(%q) = %d, %v; want %d", in, got, p, want)
		}
	}
	if _, p := r.ParseChoice("9"); p.Options != 6 {
		t.Errorf("choice problem options %d, want 6", p.Options)
	}
	yn := b.Question("y-board")
	if _, p := yn.ParseChoice("3"); p == nil || p.Options != 2 {
		t.Errorf("a yes/no question has two choices: %v", p)
	}
	for in, want := range map[string]bool{"1": true, "Y": true, "yes": true, "2": false, "n": false, "No": false} {
		if got, p := ParseYesNo(in); p != nil || got != want {
			t.Errorf("ParseYesNo(%q) = %v, %v", in, got, p)
		}
	}
	if _, p := ParseYesNo("maybe"); p == nil || p.Code != ProblemYesNo {
		t.Errorf("ParseYesNo(maybe) = %v", p)
	}
}

func TestAnswersDone(t *testing.T) {
	b := testBank()
	a := answers(map[string]Answer{
		"r-tech1": {Choice: 2}, "r-tech2": {Skipped: true}, "r-strat1": {Evidence: "notes only"},
		"c-held": {Held: []HeldCert{}}, "y-board": {},
	})
	for id, want := range map[string]bool{"r-tech1": true, "r-tech2": true, "r-strat1": false, "c-held": true, "y-board": false, "n-years": false} {
		if got := a.Done(b.Question(id)); got != want {
			t.Errorf("Done(%s) = %v, want %v", id, got, want)
		}
	}
}
