package assess

// Consistency of experience answers. Some years are part of others: years
// managing security work are years working in security, which are years
// in IT. An answer that puts more years in the part than in the whole is
// more likely a slip than a fact, but it may still be true (the person
// counts differently), so these rules never refuse an answer: they let a
// face ask the person to confirm it or change it.

// ConsistencyRule says the years of one fact are part of another's, so
// cannot be more.
type ConsistencyRule struct {
	Part, Whole string // fact ids
	// Why is the reason in words, for a face to give when it asks.
	Why string
}

// ConsistencyRules are the part-of relations between experience facts of
// the default bank. A bank without one of the facts simply has no such
// check.
var ConsistencyRules = []ConsistencyRule{
	{Part: "years_managing", Whole: "years_security", Why: "years managing security work are years working in security"},
	{Part: "years_security", Whole: "years_it", Why: "years in IT overall include the years in security"},
	{Part: "years_managing", Whole: "years_it", Why: "years in IT overall include the years managing security work"},
}

// Inconsistency is one rule an answers file breaks: the part's answer is
// larger than the whole's.
type Inconsistency struct {
	Rule ConsistencyRule
	// The questions that gave the two figures, and the figures.
	PartQuestion, WholeQuestion string
	Part, Whole                 float64
}

// Inconsistencies lists the consistency rules the answers break, in the
// order of ConsistencyRules. A rule whose facts are not both answered is
// not broken.
func (b *Bank) Inconsistencies(a *Answers) []Inconsistency {
	if a == nil {
		return nil
	}
	var out []Inconsistency
	for _, r := range ConsistencyRules {
		pq, pv, okP := b.numberFact(r.Part, a)
		wq, wv, okW := b.numberFact(r.Whole, a)
		if okP && okW && pv > wv {
			out = append(out, Inconsistency{Rule: r, PartQuestion: pq, WholeQuestion: wq, Part: pv, Whole: wv})
		}
	}
	return out
}

// InconsistenciesWith lists the rules the answers would break with ans as
// the answer to question id: what a face asks about before it keeps the
// answer. Only rules that involve the question are listed.
func (b *Bank) InconsistenciesWith(a *Answers, id string, ans Answer) []Inconsistency {
	if a == nil {
		return nil
	}
	trial := *a
	trial.Items = make(map[string]Answer, len(a.Items)+1)
	for k, v := range a.Items {
		trial.Items[k] = v
	}
	trial.Items[id] = ans
	var out []Inconsistency
	for _, in := range b.Inconsistencies(&trial) {
		if in.PartQuestion == id || in.WholeQuestion == id {
			out = append(out, in)
		}
	}
	return out
}

// numberFact finds the answered number question on a fact: its id and
// the number given.
func (b *Bank) numberFact(fact string, a *Answers) (string, float64, bool) {
	for i := range b.Questions {
		q := &b.Questions[i]
		if q.Kind != KindNumber || q.Fact != fact {
			continue
		}
		if ans, ok := a.Items[q.ID]; ok && !ans.Skipped && ans.Number != nil {
			return q.ID, *ans.Number, true
		}
	}
	return "", 0, false
}
