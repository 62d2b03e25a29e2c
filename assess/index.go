package assess

import (
	"cmp"
	"slices"
)

// index holds id lookups for a bank.
//
// A bank is complete once loaded and only read from then on, so the index
// is built once, by Prepare, and never goes stale. It is never built
// lazily: a bank is shared between goroutines (every person assessed at
// once reads the same default bank), and a lookup that wrote the index on
// first use would race with every other reader. A bank that was not
// prepared (the literal banks tests build) still answers lookups, from an
// index built afresh for the call and thrown away, so reading it writes
// nothing either. The index is a plain pointer, with no lock: copying a
// Bank by value, as Sized does, copies no sync state.
type index struct {
	competencies   map[string]*Competency
	roles          map[string]*Role
	certifications map[string]*Certification
	facts          map[string]*Fact
	sections       map[string]*Section
	questions      map[string]*Question
}

// Prepare builds the bank's id index. Loaders call it once the bank is
// complete, before the bank is shared; after it, the bank must not be
// changed (a changed bank is prepared again, by whoever changed it, before
// anyone else reads it). Lookups on a bank that was never prepared still
// work, each building an index of its own.
func (b *Bank) Prepare() { b.index = buildIndex(b) }

// Prepared reports whether Prepare has built the index.
func (b *Bank) Prepared() bool { return b.index != nil }

// idx returns the prepared index, or for an unprepared bank a fresh one
// that is not kept.
func (b *Bank) idx() *index {
	if b.index != nil {
		return b.index
	}
	return buildIndex(b)
}

func buildIndex(b *Bank) *index {
	ix := &index{
		competencies:   make(map[string]*Competency, len(b.Competencies)),
		roles:          make(map[string]*Role, len(b.Roles)),
		certifications: make(map[string]*Certification, len(b.Certifications)),
		facts:          make(map[string]*Fact, len(b.Facts)),
		sections:       make(map[string]*Section, len(b.Sections)),
		questions:      make(map[string]*Question, len(b.Questions)),
	}
	// The first definition wins; duplicates are reported by Validate.
	for i := range b.Competencies {
		putFirst(ix.competencies, b.Competencies[i].ID, &b.Competencies[i])
	}
	for i := range b.Roles {
		putFirst(ix.roles, b.Roles[i].ID, &b.Roles[i])
	}
	for i := range b.Certifications {
		putFirst(ix.certifications, b.Certifications[i].ID, &b.Certifications[i])
	}
	for i := range b.Facts {
		putFirst(ix.facts, b.Facts[i].ID, &b.Facts[i])
	}
	for i := range b.Sections {
		putFirst(ix.sections, b.Sections[i].ID, &b.Sections[i])
	}
	for i := range b.Questions {
		putFirst(ix.questions, b.Questions[i].ID, &b.Questions[i])
	}
	return ix
}

func putFirst[T any](m map[string]*T, id string, v *T) {
	if _, ok := m[id]; !ok {
		m[id] = v
	}
}

// Competency returns the competency with the id, or nil.
func (b *Bank) Competency(id string) *Competency { return b.idx().competencies[id] }

// Role returns the role with the id, or nil.
func (b *Bank) Role(id string) *Role { return b.idx().roles[id] }

// Certification returns the certification with the id, or nil.
func (b *Bank) Certification(id string) *Certification { return b.idx().certifications[id] }

// Fact returns the fact with the id, or nil.
func (b *Bank) Fact(id string) *Fact { return b.idx().facts[id] }

// Section returns the section with the id, or nil.
func (b *Bank) Section(id string) *Section { return b.idx().sections[id] }

// Question returns the question with the id, or nil.
func (b *Bank) Question(id string) *Question { return b.idx().questions[id] }

// QuestionsFor returns the questions asked in a mode, section by section.
func (b *Bank) QuestionsFor(mode Mode) []*Question {
	out := make([]*Question, 0, len(b.Questions))
	for i := range b.Questions {
		if mode.Includes(&b.Questions[i]) {
			out = append(out, &b.Questions[i])
		}
	}
	// A section's questions are asked together, in the order the bank
	// lists its sections, whichever file each question is written in
	// (ratings and scenarios live in files of their own); within a
	// section, in the bank's order.
	order := make(map[string]int, len(b.Sections))
	for i := range b.Sections {
		if _, ok := order[b.Sections[i].ID]; !ok {
			order[b.Sections[i].ID] = i
		}
	}
	slices.SortStableFunc(out, func(x, y *Question) int { return cmp.Compare(sectionRank(order, x), sectionRank(order, y)) })
	return out
}

// sectionRank is a question's section's place in the bank; sections the
// bank does not list (Validate reports them) come last.
func sectionRank(order map[string]int, q *Question) int {
	if i, ok := order[q.Section]; ok {
		return i
	}
	return len(order)
}

// Mode is the length of the assessment.
type Mode string

// Modes.
const (
	Full  Mode = "full"
	Quick Mode = "quick"
)

// Includes reports whether a question is asked in this mode.
func (m Mode) Includes(q *Question) bool { return m != Quick || q.Quick }

// ParseMode reads a mode name; the empty string means full.
func ParseMode(s string) (Mode, bool) {
	switch Mode(s) {
	case "", Full:
		return Full, true
	case Quick:
		return Quick, true
	}
	return "", false
}
