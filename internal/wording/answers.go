package wording

import (
	"fmt"
	"math"
	"strings"

	"github.com/secpath/secpath/assess"
)

// Number writes a number as a person reads it: whole numbers of 1,000
// and more with thousands separators, fractions as typed (2.5).
func Number(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) >= 1000 && math.Abs(v) <= assess.MaxNumber {
		return thousands(int(v))
	}
	return assess.FormatNumber(v)
}

// Unit is the unit of a number question, or of the fact it records:
// "years", "people".
func Unit(b *assess.Bank, q *assess.Question) string {
	if q.Unit != "" {
		return q.Unit
	}
	if q.Fact != "" {
		if f := b.Fact(q.Fact); f != nil {
			return f.Unit
		}
	}
	return ""
}

// NumberRange is the range a number question accepts, with its unit:
// "0 to 50 years", "1 to 3,000,000 people".
func NumberRange(b *assess.Bank, q *assess.Question) string {
	lo, hi := q.NumberBounds()
	s := Number(lo) + " to " + Number(hi)
	if u := Unit(b, q); u != "" {
		s += " " + u
	}
	return s
}

// Answer words an answer for a person to recognise: "2: I keep the risk
// register …", "yes", "8 years", "CISSP (2019), CISM", "none". An answer
// that gives nothing is "".
func Answer(b *assess.Bank, q *assess.Question, a assess.Answer) string {
	if !a.Given(q.Kind) {
		return ""
	}
	switch q.Shape() {
	case assess.ShapeChoice:
		if a.Choice <= len(q.Options) {
			return fmt.Sprintf("%d, %s", a.Choice, strings.TrimRight(strings.TrimSpace(q.Options[a.Choice-1].Text), "."))
		}
	case assess.ShapeYesNo:
		if *a.Bool {
			return "yes"
		}
		return "no"
	case assess.ShapeNumber:
		if u := Unit(b, q); u != "" {
			return Number(*a.Number) + " " + u
		}
		return Number(*a.Number)
	case assess.ShapeCertList:
		return Held(b, a.Held)
	case assess.ShapeUnknown:
	}
	return ""
}

// Held lists certifications held by their labels, with the year where
// given: "CISSP (2019), CISM"; "none" for an empty list.
func Held(b *assess.Bank, held []assess.HeldCert) string {
	if len(held) == 0 {
		return "none"
	}
	parts := make([]string, len(held))
	for i, h := range held {
		parts[i] = h.ID
		if c := b.Certification(h.ID); c != nil {
			parts[i] = c.Label()
		}
		if h.Year > 0 {
			parts[i] += fmt.Sprintf(" (%d)", h.Year)
		}
	}
	return strings.Join(parts, ", ")
}

// Problem words a problem with a typed answer as a prompt to try again,
// for the interactive faces: "Enter a number from 0 to 50 years."
func Problem(b *assess.Bank, q *assess.Question, p *assess.Problem) string {
	switch p.Code {
	case assess.ProblemChoice:
		if q.Shape() == assess.ShapeYesNo {
			return "Enter 1 for yes or 2 for no."
		}
		return fmt.Sprintf("Enter a number from 1 to %d.", p.Options)
	case assess.ProblemYesNo:
		return "Enter 1 for yes or 2 for no."
	case assess.ProblemNotNumber:
		return "Enter a number from " + NumberRange(b, q) + ", such as 8 or 2.5."
	case assess.ProblemDecimalComma:
		return "Use a full stop for decimals, such as 2.5, not a comma."
	case assess.ProblemNumberRange:
		shown := p.Value
		if len(shown) > 20 {
			shown = "That number"
		}
		return shown + " is out of range: enter a number from " + NumberRange(b, q) + "."
	case assess.ProblemCertYear:
		return fmt.Sprintf("Enter a year from %d to %d, or leave it empty.", p.FirstYear, p.LastYear)
	case assess.ProblemUnknownCert:
		return fmt.Sprintf("There is no certification %q.", p.Cert)
	case assess.ProblemDuplicateCert:
		return fmt.Sprintf("%s is listed twice.", p.Cert)
	case assess.ProblemKind:
		return fmt.Sprintf("This secpath cannot ask %s questions.", q.Kind)
	}
	return p.Error() + "."
}
