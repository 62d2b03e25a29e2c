package wording

import (
	"fmt"
	"math"
	"strings"

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
		needs += " " + UnitFor(bl.Need, bl.Unit)
	}
	switch {
	case bl.NotAsked:
		return fmt.Sprintf("%s: needs %s; not asked in quick mode: run the full assessment.", bl.Name, needs)
	case bl.NotAnswered:
		return fmt.Sprintf("%s: needs %s, not answered.", bl.Name, needs)
	}
	return fmt.Sprintf("%s: needs %s, you have %g (%g short, about %s at the earliest).", bl.Name, needs, bl.Have, roundTo(bl.Need-bl.Have, 1), Count(bl.Months, "month", "months"))
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

// CertRule names the published rule a certification was checked
// against: its version, its date, the day it was last checked and the
// route taken, as in "2024 outline, 2024-04-15; rule checked on
// 2026-12-01; route: after the official training". It is the rule's
// provenance, for --explain and the JSON; the sentences people read say
// where they stand (CertMessage) and when the rule was read (CertChecked).
func CertRule(st assess.CertStatus) string {
	s := st.RuleVersion
	if st.RuleDate != "" {
		s += ", " + st.RuleDate
	}
	if st.RuleChecked != "" {
		s += "; rule checked on " + st.RuleChecked
	}
	if st.Route != "" {
		s += "; route: " + st.Route
	}
	return s
}

// CertChecked says, in a sentence, when the body's published rule was
// last read, or "" when the bank does not say.
func CertChecked(st assess.CertStatus) string {
	if st.RuleChecked == "" {
		return ""
	}
	return fmt.Sprintf("%s's published rule as read on %s.", st.Body, st.RuleChecked)
}

// CertStatusText is a certification's status as people read it: "held",
// "rule appears met" or "not yet"; the JSON keeps the status's code.
func CertStatusText(status string) string {
	switch status {
	case assess.StatusHeld:
		return "held"
	case assess.StatusMeetsRule:
		return "rule appears met"
	case assess.StatusNotYet:
		return "not yet"
	}
	return status
}

// CertMessage is where a person stands against a certification's rule,
// in plain sentences: held (and how to keep it current), no experience
// needed to sit the exam, the rule appearing to be met, or not yet and
// why. It never states eligibility as fact, and leaves the rule's
// version and sources to CertRule.
func CertMessage(st assess.CertStatus) string {
	switch st.Status {
	case assess.StatusHeld:
		s := st.Abbr + " held"
		if st.Year > 0 {
			s += fmt.Sprintf(" since %d", st.Year)
		}
		if st.Maintenance != "" {
			s += ". Keep it current: " + st.Maintenance
		}
		return endSentence(s)
	case assess.StatusMeetsRule:
		if st.ExamOnly {
			return fmt.Sprintf("%s asks for no experience: you can sit the exam.", st.Abbr)
		}
		s := fmt.Sprintf("Your answers appear to meet %s's experience rule", st.Body)
		if st.Route != "" {
			s += " (the route " + st.Route + ")"
		}
		s += fmt.Sprintf(". Confirm with %s before you apply.", st.Body)
		if st.Waiver > 0 {
			s += fmt.Sprintf(" This counts a waiver of %s.", Count(st.Waiver, "year", "years"))
		}
		return s
	}
	short := make([]string, 0, len(st.Shortfalls))
	for _, sh := range st.Shortfalls {
		short = append(short, Shortfall(sh))
	}
	s := "Not yet: " + strings.Join(short, " ")
	if st.Alternative != "" {
		s += " Another route: " + endSentence(st.Alternative)
	}
	return s
}

// Shortfall is one part of a certification's rule not met, in a
// sentence.
func Shortfall(sh assess.Shortfall) string {
	switch sh.Kind {
	case assess.ShortRequires:
		return fmt.Sprintf("It is awarded only to holders of %s, which your answers do not list.", strings.Join(sh.OneOf, " or "))
	case assess.ShortDomains:
		return fmt.Sprintf("Your answers suggest experience across %d of its %d domains; the rule asks for %d.", sh.Covered, sh.Domains, sh.Need)
	case assess.ShortDomain:
		if len(sh.OneOf) == 1 {
			return fmt.Sprintf("The experience must include its domain %s.", sh.OneOf[0])
		}
		return fmt.Sprintf("The experience must include one of its domains %s.", strings.Join(sh.OneOf, " or "))
	case assess.ShortExperience:
		// Worded as the blocker it is, below.
	}
	if sh.Experience == nil {
		return ""
	}
	return BlockerMessage(*sh.Experience)
}

// endSentence closes a sentence from the bank with a full stop when it
// has none.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// ResultNote words a note on a result for a person reading it.
func ResultNote(n assess.Note) string {
	switch n.Code {
	case assess.NoteNothingAnswered:
		return "Nothing was answered yet: every level and readiness is 0. Answer the questions (secpath, or fill in the answers file) to see where you stand."
	}
	return string(n.Code)
}
