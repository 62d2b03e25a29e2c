package assess

import (
	"math"
	"slices"
)

// OrgSize is the size of organisation a result was scored for.
type OrgSize struct {
	// Size is small, mid or large.
	Size string `json:"size"`
	// People is the head count the person gave; 0 when not given.
	People float64 `json:"people,omitempty"`
	// Assumed is true when no size was given and mid-size was assumed.
	Assumed bool `json:"assumed,omitempty"`
}

// SizeOf classifies a head count: under SmallBelow is small, over
// LargeAbove is large, anything else mid.
func SizeOf(people float64) string {
	switch {
	case people < SmallBelow:
		return SizeSmall
	case people > LargeAbove:
		return SizeLarge
	}
	return SizeMid
}

// OrgSizeOf reads the organisation's size from the answer to the question
// that records the org_size fact; without one it assumes mid-size.
func OrgSizeOf(b *Bank, a *Answers) OrgSize {
	if a != nil {
		for i := range b.Questions {
			q := &b.Questions[i]
			if q.Kind != KindNumber || q.Fact != OrgSizeFact {
				continue
			}
			if ans, ok := a.Items[q.ID]; ok && ans.Number != nil && !math.IsNaN(*ans.Number) && *ans.Number > 0 {
				return OrgSize{Size: SizeOf(*ans.Number), People: *ans.Number}
			}
		}
	}
	return OrgSize{Size: SizeMid, Assumed: true}
}

// OrgSizeFact is the fact that records the organisation's head count.
const OrgSizeFact = "org_size"

// Sized returns the bank as it reads for an organisation of one size:
// roles with their size adjustments applied and number questions with
// their size bands. The bank itself is not changed; for mid-size, or a
// bank with no adjustments, it is returned as it is. The copy is prepared
// (its own index, over its own roles and questions) before it is returned:
// it belongs to the caller alone until then, so building the index races
// with nothing.
func (b *Bank) Sized(size string) *Bank {
	if size == "" || size == SizeMid || !b.adjustsFor(size) {
		return b
	}
	c := *b
	c.Roles = slices.Clone(b.Roles)
	for i := range c.Roles {
		c.Roles[i] = c.Roles[i].sized(size)
	}
	c.Questions = slices.Clone(b.Questions)
	for i := range c.Questions {
		if bands, ok := c.Questions[i].SizeBands[size]; ok {
			c.Questions[i].Bands = bands
		}
	}
	c.Prepare()
	return &c
}

func (b *Bank) adjustsFor(size string) bool {
	for i := range b.Roles {
		if _, ok := b.Roles[i].Size[size]; ok {
			return true
		}
	}
	for i := range b.Questions {
		if _, ok := b.Questions[i].SizeBands[size]; ok {
			return true
		}
	}
	return false
}

// SizedRole returns a role as it reads for an organisation of one size,
// or nil for an unknown role.
func (b *Bank) SizedRole(id, size string) *Role {
	ro := b.Role(id)
	if ro == nil {
		return nil
	}
	r := ro.sized(size)
	return &r
}

// sized applies the role's adjustments for a size: a listed target
// replaces the role's target for that competency or adds one, and a
// listed experience minimum replaces the role's.
func (r Role) sized(size string) Role {
	adj, ok := r.Size[size]
	if !ok {
		return r
	}
	targets := slices.Clone(r.Targets)
	for _, t := range adj.Targets {
		if k := slices.IndexFunc(targets, func(x Target) bool { return x.Competency == t.Competency }); k >= 0 {
			targets[k] = t
		} else {
			targets = append(targets, t)
		}
	}
	r.Targets = targets
	if len(adj.Experience) > 0 {
		exp := make(map[string]float64, len(r.Experience)+len(adj.Experience))
		for k, v := range r.Experience {
			exp[k] = v
		}
		for k, v := range adj.Experience {
			exp[k] = v
		}
		r.Experience = exp
	}
	return r
}

// Asks reports whether a question is put to a person with these answers:
// a question with When is asked only when that yes/no fact is yes, one
// with Unless only when it is not. With no answers the facts count as not
// yes, so the alternatives are asked.
func (b *Bank) Asks(q *Question, a *Answers) bool {
	switch {
	case q.When != "":
		return b.factYes(q.When, a)
	case q.Unless != "":
		return !b.factYes(q.Unless, a)
	}
	return true
}

func (b *Bank) factYes(fact string, a *Answers) bool {
	if a == nil {
		return false
	}
	for i := range b.Questions {
		q := &b.Questions[i]
		if q.Kind == KindYesNo && q.Fact == fact {
			if ans, ok := a.Items[q.ID]; ok && ans.Bool != nil && *ans.Bool {
				return true
			}
		}
	}
	return false
}

// QuestionsAsked returns the questions of a mode that are put to a person
// with these answers, in bank order: QuestionsFor less the questions whose
// When or Unless fact rules them out.
func (b *Bank) QuestionsAsked(mode Mode, a *Answers) []*Question {
	qs := b.QuestionsFor(mode)
	out := qs[:0]
	for _, q := range qs {
		if b.Asks(q, a) {
			out = append(out, q)
		}
	}
	return out
}
