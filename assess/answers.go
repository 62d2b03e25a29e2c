package assess

// Confidence is how sure a person is of one answer.
type Confidence string

// Confidence values; the empty value counts as medium.
const (
	ConfidenceLow    Confidence = "low"
	ConfidenceMedium Confidence = "medium"
	ConfidenceHigh   Confidence = "high"
)

// ParseConfidence reads a confidence name; "" is accepted as unset.
func ParseConfidence(s string) (Confidence, bool) {
	switch c := Confidence(s); c {
	case "", ConfidenceLow, ConfidenceMedium, ConfidenceHigh:
		return c, true
	}
	return "", false
}

// canonical returns the package's own constant for c. A confidence read
// from a file is a slice of the file's text; a Result that kept it would
// keep the whole file in memory, which adds up over a cohort of a
// thousand.
func (c Confidence) canonical() Confidence {
	switch c {
	case ConfidenceLow:
		return ConfidenceLow
	case ConfidenceMedium:
		return ConfidenceMedium
	case ConfidenceHigh:
		return ConfidenceHigh
	}
	return c
}

// factor is the weight an answer's evidence keeps at this confidence: a
// low-confidence answer counts half as much as a sure one against the
// other answers for the same competency.
func (c Confidence) factor() float64 {
	switch c {
	case ConfidenceLow:
		return 0.5
	case ConfidenceHigh:
		return 1
	case ConfidenceMedium:
	}
	return 0.8 // medium, and unset
}

// HeldCert is a certification the person holds, with the year obtained
// (0 when not given).
type HeldCert struct {
	ID   string `json:"id"`
	Year int    `json:"year,omitempty"`
}

// Answer is the reply to one question. Which field carries it depends on
// the question's kind: Choice (1-based option number) for rating and
// scenario, Number for number, Bool for yesno, Held for certifications.
type Answer struct {
	Choice     int
	Number     *float64
	Bool       *bool
	Held       []HeldCert
	Skipped    bool
	Evidence   string
	Confidence Confidence
}

// Given reports whether the answer holds a reply for a question of the
// kind (a skipped or empty answer does not).
func (a Answer) Given(kind QuestionKind) bool {
	d, _ := KindOf(kind)
	return a.givenShape(d.Shape)
}

// Profile describes the person assessed.
type Profile struct {
	Name string
	// CurrentRole is a role id from the bank, or free text.
	CurrentRole  string
	Organisation string
}

// Answers is a person's whole assessment.
type Answers struct {
	Bank        string
	BankVersion string
	Mode        Mode
	// Target is the role the person aims for, or "" to let secpath
	// recommend one.
	Target  string
	Profile Profile
	Items   map[string]Answer
	// Mentor holds a mentor's annotations, when there are any.
	Mentor *MentorView
}

// NewAnswers returns an empty assessment for a bank.
func NewAnswers(b *Bank, mode Mode) *Answers {
	return &Answers{Bank: b.Meta.Name, BankVersion: b.Meta.Version, Mode: mode, Items: map[string]Answer{}}
}
