package assess

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// The rules for answering each kind of question, in one place. The
// full-screen interface, accessible mode, the answers-file reader and
// writer and the template all check answers here, so a number, a year or
// an option number that one of them accepts, all of them accept. Each face
// words a problem in its own way (a prompt says "Enter…", a file message
// names the TOML value), from the bounds a Problem carries.

// MaxNumber bounds every number answer where the bank sets no tighter
// maximum: beyond it a number is a typing slip, and a float that large no
// longer writes back as the integer literal a person typed.
const MaxNumber = 1e9

// FirstCertYear is the earliest year a certification can be recorded as
// obtained in; the latest is the current year.
const FirstCertYear = 1970

// ProblemCode names what is wrong with an answer.
type ProblemCode string

// The problems an answer can have.
const (
	// ProblemChoice: no option with that number (Options says how many).
	ProblemChoice ProblemCode = "choice"
	// ProblemNotNumber: not a plain decimal number.
	ProblemNotNumber ProblemCode = "not-number"
	// ProblemDecimalComma: a comma used as a decimal point ("2,5").
	ProblemDecimalComma ProblemCode = "decimal-comma"
	// ProblemNumberRange: a number outside Lo..Hi.
	ProblemNumberRange ProblemCode = "number-range"
	// ProblemYesNo: neither yes nor no.
	ProblemYesNo ProblemCode = "yes-no"
	// ProblemUnknownCert: Cert is not in the bank.
	ProblemUnknownCert ProblemCode = "unknown-cert"
	// ProblemDuplicateCert: Cert is listed twice.
	ProblemDuplicateCert ProblemCode = "duplicate-cert"
	// ProblemCertYear: the year of Cert is outside FirstYear..LastYear.
	ProblemCertYear ProblemCode = "cert-year"
	// ProblemKind: a kind this version of secpath cannot ask.
	ProblemKind ProblemCode = "kind"
)

// Problem says why an answer does not fit its question, with what a face
// needs to word it.
type Problem struct {
	Code ProblemCode
	Kind QuestionKind
	// Options is the number of options of a rating or scenario question.
	Options int
	// Lo and Hi bound a number question (see Question.NumberBounds).
	Lo, Hi float64
	// Value is the value given, as typed or as read.
	Value string
	// Cert is the certification concerned, as given.
	Cert string
	// FirstYear and LastYear bound a certification year.
	FirstYear, LastYear int
}

// Error words the problem plainly; faces usually word it themselves.
func (p *Problem) Error() string {
	switch p.Code {
	case ProblemChoice:
		return fmt.Sprintf("choose an option from 1 to %d", p.Options)
	case ProblemNotNumber:
		return fmt.Sprintf("%q is not a number", p.Value)
	case ProblemDecimalComma:
		return fmt.Sprintf("%q uses a comma as the decimal point: use a full stop, as in 2.5", p.Value)
	case ProblemNumberRange:
		return fmt.Sprintf("%s is outside the accepted range %s to %s", p.Value, FormatNumber(p.Lo), FormatNumber(p.Hi))
	case ProblemYesNo:
		return "answer yes or no"
	case ProblemUnknownCert:
		return fmt.Sprintf("unknown certification %q", p.Cert)
	case ProblemDuplicateCert:
		return fmt.Sprintf("certification %q is listed twice", p.Cert)
	case ProblemCertYear:
		return fmt.Sprintf("the year for %q must be a year from %d to %d", p.Cert, p.FirstYear, p.LastYear)
	case ProblemKind:
		return fmt.Sprintf("this secpath cannot ask %s questions", p.Kind)
	}
	return string(p.Code)
}

// FormatNumber writes a number as a person would type it: no exponent,
// no trailing zeros.
func FormatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// NumberBounds is the range a number question accepts: the bank's min and
// max where it sets them, else 0 and MaxNumber (every number secpath asks
// for, years, people or money, is a count or an amount).
func (q *Question) NumberBounds() (lo, hi float64) {
	lo, hi = 0, MaxNumber
	if q.Min != nil {
		lo = *q.Min
	}
	if q.Max != nil {
		hi = *q.Max
	}
	return lo, hi
}

// CertYears is the range of years a certification may be recorded as
// obtained in, on a given day.
func CertYears(today time.Time) (first, last int) { return FirstCertYear, today.Year() }

// CheckNumber checks a number against a question's bounds.
func (q *Question) CheckNumber(v float64) *Problem {
	lo, hi := q.NumberBounds()
	if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
		return &Problem{Code: ProblemNumberRange, Kind: q.Kind, Lo: lo, Hi: hi, Value: FormatNumber(v)}
	}
	return nil
}

// CheckHeld checks a list of certifications held: every id in the bank,
// none twice, every year from FirstCertYear to this year.
func (b *Bank) CheckHeld(held []HeldCert, today time.Time) *Problem {
	first, last := CertYears(today)
	seen := make(map[string]bool, len(held))
	for _, h := range held {
		switch {
		case b.Certification(h.ID) == nil:
			return &Problem{Code: ProblemUnknownCert, Kind: KindCertifications, Cert: h.ID}
		case seen[h.ID]:
			return &Problem{Code: ProblemDuplicateCert, Kind: KindCertifications, Cert: h.ID}
		case h.Year != 0 && (h.Year < first || h.Year > last):
			return &Problem{Code: ProblemCertYear, Kind: KindCertifications, Cert: h.ID, Value: strconv.Itoa(h.Year), FirstYear: first, LastYear: last}
		}
		seen[h.ID] = true
	}
	return nil
}

// CheckAnswer reports what is wrong with an answer to a question, or nil
// when it fits: an option number that exists, a number in its bounds, a
// list of known certifications with years in range. An answer that gives
// nothing (skipped, or not yet answered) fits.
func (b *Bank) CheckAnswer(q *Question, a Answer, today time.Time) *Problem {
	switch q.Shape() {
	case ShapeChoice:
		if a.Choice != 0 && (a.Choice < 1 || a.Choice > len(q.Options)) {
			return &Problem{Code: ProblemChoice, Kind: q.Kind, Options: len(q.Options), Value: strconv.Itoa(a.Choice)}
		}
	case ShapeNumber:
		if a.Number != nil {
			return q.CheckNumber(*a.Number)
		}
	case ShapeYesNo:
	case ShapeCertList:
		return b.CheckHeld(a.Held, today)
	case ShapeUnknown:
		return &Problem{Code: ProblemKind, Kind: q.Kind}
	}
	return nil
}

// ParseChoice reads an option number typed for a rating, scenario or
// yes/no question (yes/no: 1 is yes, 2 is no, as the faces list them).
func (q *Question) ParseChoice(s string) (int, *Problem) {
	n := len(q.Options)
	if q.Shape() == ShapeYesNo {
		n = 2
	}
	c, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || c < 1 || c > n {
		return 0, &Problem{Code: ProblemChoice, Kind: q.Kind, Options: n, Value: s}
	}
	return c, nil
}

// ParseYesNo reads a yes/no answer: 1, y or yes; 2, n or no, in any case.
func ParseYesNo(s string) (bool, *Problem) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "y", "yes":
		return true, nil
	case "2", "n", "no":
		return false, nil
	}
	return false, &Problem{Code: ProblemYesNo, Kind: KindYesNo, Value: s}
}

// ParseNumber reads a number typed for a number question and checks it
// against the question's bounds. It takes plain decimals with a full stop
// ("7", "2.5", ".5") and commas between groups of three digits
// ("1,500,000"); it refuses exponents, hexadecimal, "NaN" and "Inf",
// which strconv alone would take and no person means, and a comma used
// as a decimal point, which would silently read ten times too large.
func (q *Question) ParseNumber(s string) (float64, *Problem) {
	s = strings.TrimSpace(s)
	plain, ok := plainDecimal(s)
	if !ok {
		code := ProblemNotNumber
		if decimalComma(s) {
			code = ProblemDecimalComma
		}
		return 0, &Problem{Code: code, Kind: q.Kind, Value: s}
	}
	v, err := strconv.ParseFloat(plain, 64)
	if err != nil {
		lo, hi := q.NumberBounds()
		return 0, &Problem{Code: ProblemNumberRange, Kind: q.Kind, Lo: lo, Hi: hi, Value: s}
	}
	if p := q.CheckNumber(v); p != nil {
		p.Value = s
		return 0, p
	}
	return v, nil
}

// plainDecimal checks s is an optional minus, digits (optionally grouped
// by commas in threes) and an optional fraction, and returns it without
// the commas.
func plainDecimal(s string) (string, bool) {
	body := strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(body, ".")
	if hasFrac && (frac == "" || !allDigits(frac)) {
		return "", false
	}
	if whole == "" {
		return s, hasFrac
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 || !allDigits(groups[0]) {
			return "", false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 || !allDigits(g) {
				return "", false
			}
		}
		return strings.ReplaceAll(s, ",", ""), true
	}
	return s, allDigits(whole)
}

// decimalComma reports a number written with a comma where a full stop
// belongs: "2,5" or "1500,75".
func decimalComma(s string) bool {
	whole, frac, ok := strings.Cut(strings.TrimPrefix(s, "-"), ",")
	return ok && whole != "" && allDigits(whole) && frac != "" && len(frac) != 3 && allDigits(frac)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Done reports whether a question is dealt with in an assessment:
// answered or skipped. The progress counts, the overview and the resume
// point all ask this.
func (a *Answers) Done(q *Question) bool {
	ans, ok := a.Items[q.ID]
	return ok && (ans.Skipped || ans.Given(q.Kind))
}
