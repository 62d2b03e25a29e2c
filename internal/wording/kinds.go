package wording

import "github.com/secpath/secpath/assess"

// KindInstruction is the one sentence a face shows above the answer to a
// question of a kind: "Scenario: choose what you would do." It is the
// only place outside package assess that names each kind, so a new kind
// is worded here once (exhaustive in CI refuses a missing case).
func KindInstruction(k assess.QuestionKind) string {
	switch k {
	case assess.KindRating:
		return "Choose the one closest to what you have actually done."
	case assess.KindScenario:
		return "Scenario: choose what you would do."
	case assess.KindYesNo:
		return "Yes or no."
	case assess.KindNumber:
		return "A number."
	case assess.KindCertifications:
		return "Select every certification you hold."
	}
	return ""
}

// KindFileHint is how the answers file's comment names a kind of
// question, beside the question's text: "scenario: pick what you would
// do".
func KindFileHint(k assess.QuestionKind) string {
	switch k {
	case assess.KindRating:
		return "pick the option closest to what you have done"
	case assess.KindScenario:
		return "scenario: pick what you would do"
	case assess.KindYesNo:
		return "yes or no"
	case assess.KindNumber:
		return "number"
	case assess.KindCertifications:
		return "certifications held"
	}
	return string(k)
}
