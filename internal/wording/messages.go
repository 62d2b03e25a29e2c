package wording

import (
	"fmt"
	"math"

	"github.com/secpath/secpath/assess"
)

// The sentences of a result the domain returns as data: a role's
// blockers, the calibration flags, the certifications' standing and the
// mentor's differences. Every face prints these; the JSON writers fill
// the results' message fields with them.

// BlockerMessage is a blocker in a sentence: an experience minimum not
// met ("Years managing security work or people: needs 5 years, you have 3
// (2 short, about 24 months at the earliest).", or that its question was
// not answered or not asked), or an expected certification none of which
// is recorded.
func BlockerMessage(bl assess.Blocker) string {
	if bl.Kind == "certification" {
		return fmt.Sprintf("Employers usually expect one of %s; none is recorded.", orList(bl.OneOf))
	}
	needs := fmt.Sprintf("%g", bl.Need)
	if bl.Unit != "" {
		needs += " " + bl.Unit
	}
	switch {
	case bl.NotAsked:
		return fmt.Sprintf("%s: needs %s; not asked in quick mode: run the full assessment.", bl.Name, needs)
	case bl.NotAnswered:
		return fmt.Sprintf("%s: needs %s, not answered.", bl.Name, needs)
	}
	return fmt.Sprintf("%s: needs %s, you have %g (%g short, about %d months at the earliest).", bl.Name, needs, bl.Have, roundTo(bl.Need-bl.Have, 1), bl.Months)
}

// roundTo rounds to the given decimal places, as the domain rounds.
func roundTo(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}
