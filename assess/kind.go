package assess

// Question kinds are defined in one place each. A KindDef says how a kind
// is answered (its Shape, which every face and the answers file know how
// to take), what its answers count as (its Evidence, which scoring knows
// how to weigh), the level an answer gives a competency, the facts and
// certifications it records, and how the bank's questions of that kind
// are checked. Nothing outside this package switches on a QuestionKind:
// faces switch on the Shape, scoring on the Evidence.
//
// How to add a question kind:
//
//  1. Write kind_<name>.go here with a QuestionKind constant and a KindDef
//     (reuse a Shape and an Evidence; see kind_number.go for a small one).
//  2. Add the KindDef to kindDefs below.
//  3. Give the kind its instruction in internal/wording (KindInstruction),
//     the one sentence faces show above the answer.
//
// A kind that needs a Shape no face has yet (a ranking, a free text) is a
// new way of answering, not only a new kind: each face then learns the
// shape once, and `exhaustive` in CI names every switch that must.

// Shape is how a question is answered: what a face asks for and what the
// answers file holds.
type Shape int

// The shapes of an answer.
const (
	// ShapeUnknown is the shape of a kind this secpath does not know;
	// validation refuses such a bank, so faces only see it from a broken
	// caller.
	ShapeUnknown Shape = iota
	// ShapeChoice is one of the question's options, by number (Answer.Choice).
	ShapeChoice
	// ShapeYesNo is yes or no (Answer.Bool).
	ShapeYesNo
	// ShapeNumber is a number within the question's bounds (Answer.Number).
	ShapeNumber
	// ShapeCertList is the certifications held, each with an optional
	// year (Answer.Held).
	ShapeCertList
)

// Evidence is what an answer of a kind counts as when a competency is
// scored (see Score and the README beside this package).
type Evidence int

// The kinds of evidence.
const (
	// EvidenceNone counts for nothing: a kind this secpath does not know.
	EvidenceNone Evidence = iota
	// EvidenceClaim is a self-rating of work done.
	EvidenceClaim
	// EvidenceJudgement is the choice made in a scenario: it moves a
	// level towards it, never makes one alone.
	EvidenceJudgement
	// EvidenceFact is experience in numbers or yes/no: it bounds a claim.
	EvidenceFact
	// EvidenceCertificates counts through each certification's own
	// evidence in the bank.
	EvidenceCertificates
)

// KindDef is everything the domain knows about one kind of question.
type KindDef struct {
	Kind     QuestionKind
	Shape    Shape
	Evidence Evidence
	// level is the level an answer gives one measured competency, if any.
	level func(q *Question, a Answer, comp string) (float64, bool)
	// record stores the facts and certifications an answer gives.
	record func(b *Bank, res *Result, q *Question, a Answer)
	// validate checks a bank's question of this kind beyond what every
	// question is checked for.
	validate func(v *validator, q *Question, owner string)
}

// kindDefs is every kind, in the order the bank's documentation lists them.
func kindDefs() []*KindDef {
	return []*KindDef{&ratingKind, &scenarioKind, &yesNoKind, &numberKind, &certificationsKind}
}

// Kinds lists every question kind this secpath can ask.
func Kinds() []QuestionKind {
	defs := kindDefs()
	out := make([]QuestionKind, len(defs))
	for i, d := range defs {
		out[i] = d.Kind
	}
	return out
}

// unknownKind stands for a kind no KindDef defines: it takes no answer and
// gives no level.
var unknownKind = KindDef{
	level:    func(*Question, Answer, string) (float64, bool) { return 0, false },
	record:   func(*Bank, *Result, *Question, Answer) {},
	validate: func(*validator, *Question, string) {},
}

// KindOf returns the definition of a kind, and false for a kind this
// secpath does not know.
func KindOf(k QuestionKind) (KindDef, bool) {
	for _, d := range kindDefs() {
		if d.Kind == k {
			return *d, true
		}
	}
	d := unknownKind
	d.Kind = k
	return d, false
}

// Def is the definition of the question's kind (see KindOf).
func (q *Question) Def() KindDef {
	d, _ := KindOf(q.Kind)
	return d
}

// Shape is how the question is answered.
func (q *Question) Shape() Shape { return q.Def().Shape }

// Given reports whether the answer holds a reply of the given shape (a
// skipped or empty answer does not).
func (a Answer) givenShape(s Shape) bool {
	if a.Skipped {
		return false
	}
	switch s {
	case ShapeChoice:
		return a.Choice > 0
	case ShapeNumber:
		return a.Number != nil
	case ShapeYesNo:
		return a.Bool != nil
	case ShapeCertList:
		return a.Held != nil
	case ShapeUnknown:
	}
	return false
}

// kindList names every kind for a message: "rating, scenario, yesno,
// number, certifications".
func kindList() string {
	var b []byte
	for i, k := range Kinds() {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, k...)
	}
	return string(b)
}
