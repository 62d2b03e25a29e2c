package wording

import (
	"testing"

	"github.com/secpath/secpath/assess"
)

func TestNumberWording(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 2.5: "2.5", 50: "50", 999: "999", 1000: "1,000", 3000000: "3,000,000", 1e9: "1,000,000,000", 1500.5: "1500.5", -2000: "-2,000"} {
		if got := Number(v); got != want {
			t.Errorf("Number(%g) = %q, want %q", v, got, want)
		}
	}
	b := &assess.Bank{Facts: []assess.Fact{{ID: "years_security", Unit: "years"}}}
	q := &assess.Question{ID: "y", Kind: assess.KindNumber, Fact: "years_security", Min: fp(0), Max: fp(50)}
	people := &assess.Question{ID: "o", Kind: assess.KindNumber, Unit: "people", Min: fp(1), Max: fp(3000000)}
	open := &assess.Question{ID: "n", Kind: assess.KindNumber}
	for _, c := range []struct {
		q    *assess.Question
		want string
	}{{q, "0 to 50 years"}, {people, "1 to 3,000,000 people"}, {open, "0 to 1,000,000,000"}} {
		if got := NumberRange(b, c.q); got != c.want {
			t.Errorf("NumberRange(%s) = %q, want %q", c.q.ID, got, c.want)
		}
	}
	for in, want := range map[string]string{
		"51":  "51 is out of range: enter a number from 0 to 50 years.",
		"abc": "Enter a number from 0 to 50 years, such as 8 or 2.5.",
		"2,5": "Use a full stop for decimals, such as 2.5, not a comma.",
	} {
		_, p := q.ParseNumber(in)
		if got := Problem(b, q, p); got != want {
			t.Errorf("Problem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnswerWording(t *testing.T) {
	b := &assess.Bank{
		Facts:          []assess.Fact{{ID: "years_security", Unit: "years"}},
		Certifications: []assess.Certification{{ID: "cissp", Abbr: "CISSP"}, {ID: "cism", Abbr: "CISM"}},
	}
	yes, no := true, false
	rating := &assess.Question{ID: "r", Kind: assess.KindRating, Options: []assess.Option{{Text: "None."}, {Text: " I keep the register. "}}}
	years := &assess.Question{ID: "y", Kind: assess.KindNumber, Fact: "years_security"}
	yn := &assess.Question{ID: "b", Kind: assess.KindYesNo}
	certs := &assess.Question{ID: "c", Kind: assess.KindCertifications}
	for _, c := range []struct {
		q    *assess.Question
		a    assess.Answer
		want string
	}{
		{rating, assess.Answer{Choice: 2}, "2, I keep the register"},
		{rating, assess.Answer{}, ""},
		{rating, assess.Answer{Choice: 2, Skipped: true}, ""},
		{years, assess.Answer{Number: fp(12000)}, "12,000 years"},
		{yn, assess.Answer{Bool: &yes}, "yes"},
		{yn, assess.Answer{Bool: &no}, "no"},
		{certs, assess.Answer{Held: []assess.HeldCert{{ID: "cissp", Year: 2019}, {ID: "cism"}, {ID: "gone"}}}, "CISSP (2019), CISM, gone"},
		{certs, assess.Answer{Held: []assess.HeldCert{}}, "none"},
	} {
		if got := Answer(b, c.q, c.a); got != c.want {
			t.Errorf("Answer(%s, %+v) = %q, want %q", c.q.ID, c.a, got, c.want)
		}
	}
}
