package assess

// KindYesNo asks a yes or no question. It records a fact (1 for yes) and,
// where the bank gives yes_level and no_level, a level.
const KindYesNo QuestionKind = "yesno"

var yesNoKind = KindDef{
	Kind:     KindYesNo,
	Shape:    ShapeYesNo,
	Evidence: EvidenceFact,
	level: func(q *Question, ans Answer, _ string) (float64, bool) {
		if ans.Bool == nil || q.YesLevel == nil || q.NoLevel == nil {
			return 0, false
		}
		if *ans.Bool {
			return float64(*q.YesLevel), true
		}
		return float64(*q.NoLevel), true
	},
	// A yes from any question recording the fact stands.
	record: func(_ *Bank, res *Result, q *Question, ans Answer) {
		if q.Fact != "" && ans.Bool != nil {
			v := 0.0
			if *ans.Bool {
				v = 1
			}
			res.Facts[q.Fact] = max(res.Facts[q.Fact], v)
		}
	},
	validate: func(v *validator, q *Question, owner string) { v.yesno(q, owner) },
}
