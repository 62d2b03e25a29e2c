package assess

import (
	"sort"
	"strings"
)

// A room's folder holds more than one assessment per person: the session
// a participant abandoned and started again, last quarter's and this
// quarter's, a copy a mentor reviewed. Counting each as a person would
// count people twice and unfinished ones at a fraction of their level, so
// the cohort takes each person's latest finished assessment, and sets the
// others aside with the reason. A person is known by the name in their
// answers file (ignoring case and runs of spaces), or, without one, by the
// file's name, which the caller puts in the record's Name.

// CohortChoice says which assessments a cohort counts.
type CohortChoice struct {
	// AllSessions counts every assessment as a member, not only each
	// person's latest.
	AllSessions bool `json:"all_sessions"`
	// IncludeUnfinished counts unfinished assessments as well as finished
	// ones (and so may count a person on an unfinished one that is their
	// latest).
	IncludeUnfinished bool `json:"include_unfinished"`
	// SelfOnly counts every assessment on the mentee's own answers, never
	// on a mentor's view.
	SelfOnly bool `json:"self_only"`
}

// SetAsideReason says why an assessment is not counted.
type SetAsideReason string

// Reasons an assessment is set aside.
const (
	// SetAsideUnfinished is an assessment with questions neither answered
	// nor skipped.
	SetAsideUnfinished SetAsideReason = "unfinished"
	// SetAsideOlder is an assessment of a person counted on a later one.
	SetAsideOlder SetAsideReason = "older"
)

// SetAside is an assessment the cohort does not count, and why.
type SetAside struct {
	Source   string         `json:"source"`
	Name     string         `json:"name"`
	Reason   SetAsideReason `json:"reason"`
	Answered int            `json:"answered"`
	Asked    int            `json:"asked"`
	// Kept is the file the person is counted on instead, for an older
	// assessment.
	Kept string `json:"kept,omitempty"`
}

// PersonKey is what tells people apart across files: the name with case
// and runs of spaces ignored.
func PersonKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// CohortSelector chooses the assessments a cohort counts as they are
// offered, in file order, keeping one entry per person (per file with
// AllSessions): what the cohort will hold, and no more. Into then adds
// them to a CohortBuilder in the order of their files.
type CohortSelector struct {
	choice CohortChoice
	kept   []selected
	byKey  map[string]int // person key → index in kept
	aside  []selected
	seq    int
}

type selected struct {
	e   CohortEntry
	seq int // the order it was offered in
}

// NewCohortSelector starts a selection.
func NewCohortSelector(choice CohortChoice) *CohortSelector {
	return &CohortSelector{choice: choice, byKey: map[string]int{}}
}

// Offer considers the next assessment. An unscored entry (made without a
// Result) can only be set aside: the caller leaves unfinished files
// unscored when they are not counted.
func (s *CohortSelector) Offer(e CohortEntry) {
	it := selected{e: e, seq: s.seq}
	s.seq++
	p := &e.person
	if !e.scored || (!p.Finished() && !s.choice.IncludeUnfinished) {
		s.aside = append(s.aside, it)
		return
	}
	if s.choice.AllSessions {
		s.kept = append(s.kept, it)
		return
	}
	key := PersonKey(p.Name)
	i, ok := s.byKey[key]
	if !ok {
		s.byKey[key] = len(s.kept)
		s.kept = append(s.kept, it)
		return
	}
	if later(it, s.kept[i]) {
		s.aside = append(s.aside, s.kept[i])
		s.kept[i] = it
	} else {
		s.aside = append(s.aside, it)
	}
}

// later reports whether a is a later assessment than b: saved later, or
// on the same date reviewed by a mentor when b is not, or else offered
// later (the later file name).
func later(a, b selected) bool {
	pa, pb := &a.e.person, &b.e.person
	if !pa.Date.Equal(pb.Date) {
		return pa.Date.After(pb.Date)
	}
	if ma, mb := pa.MentorLevels != nil, pb.MentorLevels != nil; ma != mb {
		return ma
	}
	return a.seq > b.seq
}

// Offered is how many assessments were offered.
func (s *CohortSelector) Offered() int { return s.seq }

// Len is how many are kept so far.
func (s *CohortSelector) Len() int { return len(s.kept) }

// Into adds the kept entries to the builder in the order they were
// offered, and returns the assessments set aside, in that order too, an
// older one naming the file its person is counted on. The selector is not
// to be used after it.
func (s *CohortSelector) Into(cb *CohortBuilder) []SetAside {
	sort.Slice(s.kept, func(i, j int) bool { return s.kept[i].seq < s.kept[j].seq })
	keptBy := make(map[string]string, len(s.kept))
	if !s.choice.AllSessions {
		for _, k := range s.kept {
			keptBy[PersonKey(k.e.person.Name)] = k.e.person.Source
		}
	}
	cb.Grow(len(s.kept))
	for _, k := range s.kept {
		cb.Add(k.e)
	}
	s.kept = nil
	sort.Slice(s.aside, func(i, j int) bool { return s.aside[i].seq < s.aside[j].seq })
	out := make([]SetAside, 0, len(s.aside))
	for _, a := range s.aside {
		p := &a.e.person
		sa := SetAside{Source: p.Source, Name: p.Name, Reason: SetAsideUnfinished, Answered: p.Answered, Asked: p.Asked}
		if a.e.scored && (p.Finished() || s.choice.IncludeUnfinished) {
			sa.Reason, sa.Kept = SetAsideOlder, keptBy[PersonKey(p.Name)]
		}
		out = append(out, sa)
	}
	s.aside = nil
	return out
}
