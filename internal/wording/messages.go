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

// Calibration is a calibration flag in words: a self-rating above the
// scenario answers, below them, or above what the experience answers
// support.
func Calibration(c assess.Calibration) string {
	switch {
	case c.Against == "facts":
		return fmt.Sprintf("You rated yourself %.1f in %s, but your experience answers (team, budget, incidents or board exposure) support about %.0f. Until a mentor has seen the work, secpath counts it as unverified.", c.Self, c.Name, c.Evidence)
	case c.Over:
		return fmt.Sprintf("You rated yourself %.1f in %s, but your scenario answers point to %.1f. Bring a concrete example to your mentor: which is closer to what you have done?", c.Self, c.Name, c.Evidence)
	}
	return fmt.Sprintf("Your scenario choices in %s (%.1f) are ahead of the work you rated (%.1f): you know what good looks like. The level counts what you have done, so look for a chance to do it; if you have done more than you rated, show your mentor the evidence.", c.Name, c.Evidence, c.Self)
}

// MentorDifference is a difference between mentor and mentee in words,
// with what to do about it: write down the evidence when the mentor sees
// more, agree what would show the higher level when less.
func MentorDifference(d assess.MentorDifference) string {
	who := d.MentorName
	if who == "" {
		who = "your mentor"
	}
	if d.Mentor > d.Self {
		return fmt.Sprintf("%s: %s sees %.1f where your answers give %.1f. Write down the evidence %s has seen.", d.Name, who, d.Mentor, d.Self, who)
	}
	return fmt.Sprintf("%s: %s sees %.1f where your answers give %.1f. Agree what work would show the higher level.", d.Name, who, d.Mentor, d.Self)
}
