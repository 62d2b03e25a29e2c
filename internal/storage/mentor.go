package storage

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/secpath/secpath/assess"
)

// The mentor's section of an answers file, read back into the domain. Files
// written before ratings were per competency hold one level per question,
// and every recorded gap says whether it matters; both still read as they
// meant.

// convertMentor checks the mentor's section against the bank.
func convertMentor(b *assess.Bank, rm *rawMentor, rep *assess.Report, at func(string) assess.Source) *assess.MentorView {
	m := &assess.MentorView{Name: rm.Name, Updated: rm.Updated, Ratings: map[string]assess.MentorRating{},
		SignOff: assess.SignOff{Mentee: rm.SignOff.Mentee, Mentor: rm.SignOff.Mentor, Date: rm.SignOff.Date}}
	for _, id := range sortedRatingIDs(rm.Ratings) {
		r := rm.Ratings[id]
		where := func() assess.Source { return at("mentor.ratings." + id) }
		q := b.Question(id)
		if q == nil {
			rep.Errorf(where(), "mentor rating for unknown question %q%s", id, suggestQuestion(b, id))
			continue
		}
		if rating, ok := convertRating(q, r, rep, where); ok {
			m.Ratings[id] = rating
		}
	}
	for i, g := range rm.Gaps {
		where := func() assess.Source { return at(fmt.Sprintf("mentor.gap[%d]", i)) }
		switch {
		case b.Role(g.Role) == nil:
			rep.Errorf(where(), "agreed gap %d: unknown role %q%s", i+1, g.Role, suggestRole(b, g.Role))
			continue
		case b.Competency(g.Competency) == nil:
			rep.Errorf(where(), "agreed gap %d: unknown competency %q", i+1, g.Competency)
			continue
		case g.Priority < 0 || g.Priority > 9:
			rep.Errorf(where(), "agreed gap %d: priority %d must be 1 (highest) to 9, or 0 for none", i+1, g.Priority)
			continue
		}
		m.Gaps = append(m.Gaps, assess.AgreedGap{Role: g.Role, Competency: g.Competency, Matters: g.Matters != nil && *g.Matters,
			Undecided: g.Matters == nil, Priority: g.Priority, Owner: g.Owner, Due: g.Due, CheckIn: g.CheckIn, Action: g.Action, Notes: g.Notes})
	}
	return m
}

// convertRating reads one question's rating: level applies to every
// competency the question measures, levels to the competencies it names.
func convertRating(q *assess.Question, r rawRating, rep *assess.Report, where func() assess.Source) (assess.MentorRating, bool) {
	inRange := func(l int) bool { return l >= assess.MinLevel && l <= assess.MaxLevel }
	if r.Level != nil && !inRange(*r.Level) {
		rep.Errorf(where(), "mentor rating for %q: level %d is outside 0 to 5", q.ID, *r.Level)
		return assess.MentorRating{}, false
	}
	out := assess.MentorRating{Notes: r.Notes}
	if r.Level != nil || len(r.Levels) > 0 {
		out.Levels = map[string]int{}
	}
	if r.Level != nil {
		for comp := range q.Measures {
			out.Levels[comp] = *r.Level
		}
	}
	for _, comp := range slices.Sorted(maps.Keys(r.Levels)) {
		l := r.Levels[comp]
		switch {
		case q.Measures[comp] == 0:
			rep.Errorf(where(), "mentor rating for %q: the question does not measure %q (it measures %s)", q.ID, comp, strings.Join(q.MeasuredOrder(), ", "))
			return assess.MentorRating{}, false
		case !inRange(l):
			rep.Errorf(where(), "mentor rating for %q: level %d for %q is outside 0 to 5", q.ID, l, comp)
			return assess.MentorRating{}, false
		}
		out.Levels[comp] = l
	}
	return out, true
}

func sortedRatingIDs(m map[string]rawRating) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
