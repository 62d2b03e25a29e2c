package assess

// Rating and scenario questions are both answered by choosing an option;
// they differ in what the choice counts as. A rating is the person's own
// account of the work they do; a scenario is a judgement call whose
// options carry a level per competency it tests.

// KindRating asks how far the person does a piece of work, by options.
const KindRating QuestionKind = "rating"

// KindScenario asks what the person would do in a situation.
const KindScenario QuestionKind = "scenario"

var ratingKind = KindDef{
	Kind:     KindRating,
	Shape:    ShapeChoice,
	Evidence: EvidenceClaim,
	level:    optionLevel,
	record:   func(*Bank, *Result, *Question, Answer) {},
	validate: func(v *validator, q *Question, owner string) { v.choice(q, owner, true) },
}

var scenarioKind = KindDef{
	Kind:     KindScenario,
	Shape:    ShapeChoice,
	Evidence: EvidenceJudgement,
	level:    optionLevel,
	record:   func(*Bank, *Result, *Question, Answer) {},
	validate: func(v *validator, q *Question, owner string) { v.choice(q, owner, false) },
}

// optionLevel is the level the chosen option gives a competency.
func optionLevel(q *Question, ans Answer, comp string) (float64, bool) {
	if ans.Choice < 1 || ans.Choice > len(q.Options) {
		return 0, false
	}
	l, ok := q.Options[ans.Choice-1].LevelFor(comp)
	return float64(l), ok
}
