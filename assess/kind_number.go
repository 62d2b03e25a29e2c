package assess

// KindNumber asks for a number: years, people, money. It records a fact
// and, where the bank gives bands, a level.
const KindNumber QuestionKind = "number"

var numberKind = KindDef{
	Kind:     KindNumber,
	Shape:    ShapeNumber,
	Evidence: EvidenceFact,
	level: func(q *Question, ans Answer, _ string) (float64, bool) {
		if ans.Number == nil || len(q.Bands) == 0 {
			return 0, false
		}
		l := 0
		for _, t := range q.Bands {
			if *ans.Number >= t {
				l++
			}
		}
		return float64(min(l, MaxLevel)), true
	},
	// When two questions record the same fact the larger value wins.
	record: func(_ *Bank, res *Result, q *Question, ans Answer) {
		if q.Fact != "" && ans.Number != nil {
			if old, ok := res.Facts[q.Fact]; !ok || *ans.Number > old {
				res.Facts[q.Fact] = *ans.Number
			}
		}
	},
	validate: func(v *validator, q *Question, owner string) { v.number(q, owner) },
}
