// Package wording holds the phrases every face of secpath uses for the
// figures of a result: readiness with the range unverified claims would
// give, fit, where a role stands against the person, why a role is blocked,
// and the judgement score; and every sentence the domain returns as data:
// a development plan's (plan.go), the recommendation's reasons
// (rationale.go), the blockers, calibration flags, certification
// standings and mentor differences (messages.go), and what changed
// between two assessments (compare.go). The JSON writers fill the
// results' message and rationale fields from these same functions.
//
// The full-screen interface, `secpath score`, `compare`, `cohort` and the
// accessible mode all print these figures. Writing them in one place keeps
// a figure reading the same wherever a person or a mentor meets it; the
// faces still choose the layout, the styles and the sentences around them.
// Nothing here draws: every function returns plain text.
package wording

import (
	"fmt"
	"math"
	"strings"

	"github.com/secpath/secpath/assess"
)

// The one-line explanations of the two figures every role carries, and of
// the range readiness shows when self-ratings are unverified.
const (
	ReadinessMeaning = "Readiness: share of the role's target levels you meet."
	FitMeaning       = "Fit: how closely your whole profile matches the role."
	RangeMeaning     = "Ranges: from your verified levels to what unverified self-ratings would give."
	// FitDetail says what lowers fit besides shortfalls, for a legend.
	FitDetail = "Fit also falls where you are far above a role's targets, and for a role in another field."
)

// JudgementMeaning says what the judgement score is and how little it
// moves a level, so nobody reads it as a level of its own.
var JudgementMeaning = fmt.Sprintf("Judgement: what your scenario answers show you would do, 0-5, kept apart from the levels; it moves a level by at most +%g or -%g, and only where there is evidence of work.", assess.JudgementUp, assess.JudgementDown)

// Percent writes a 0–100 figure as a whole percentage.
func Percent(v float64) string { return fmt.Sprintf("%.0f%%", v) }

// claimedHigher reports whether the unverified figure differs from the
// verified one once both are rounded to whole per cent.
func claimedHigher(f *assess.RoleFit) bool {
	return f.ReadinessClaimed != nil && math.Round(*f.ReadinessClaimed) > math.Round(f.Readiness)
}

// ReadinessFigure is readiness alone, as a range when unverified claims
// would raise it: "62%" or "62–80%".
func ReadinessFigure(f *assess.RoleFit) string {
	if claimedHigher(f) {
		return fmt.Sprintf("%.0f–%.0f%%", f.Readiness, *f.ReadinessClaimed)
	}
	return Percent(f.Readiness)
}

// Readiness is readiness in words: "readiness 62% (up to 80% if
// unverified claims hold)", saying when the mode assessed only some of the
// role's targets.
func Readiness(f *assess.RoleFit) string {
	s := "readiness " + Percent(f.Readiness)
	var notes []string
	if claimedHigher(f) {
		notes = append(notes, fmt.Sprintf("up to %.0f%% if unverified claims hold", *f.ReadinessClaimed))
	}
	if f.Assessed < f.Targets {
		notes = append(notes, fmt.Sprintf("over the %d of its %d targets this mode assessed", f.Assessed, f.Targets))
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, "; ") + ")"
	}
	return s
}

// Fit is fit in words: "fit 58%".
func Fit(f *assess.RoleFit) string { return "fit " + Percent(f.Fit) }

// Figures is readiness and fit together, as the role lines print them:
// "readiness 62% (up to 80% if unverified claims hold) · fit 58%".
func Figures(f *assess.RoleFit) string { return Readiness(f) + " · " + Fit(f) }

// Relation names where a role stands against the person, in a word or two
// that fits a column.
func Relation(r assess.Relation) string {
	switch r {
	case assess.RelCurrent:
		return "current"
	case assess.RelAhead:
		return "ahead"
	case assess.RelLateral:
		return "sideways"
	case assess.RelOther:
		return "other field"
	case assess.RelOutgrown:
		return "outgrown"
	}
	return string(r)
}

// RelationWidth is the width of the longest Relation.
const RelationWidth = 11

// RelationMeaning explains the relation words, for a legend.
const RelationMeaning = "Current: where you stand. Ahead: a step up in your field. Sideways: as senior, in your field. Other field: another profession. Outgrown: below where you stand."

// binding is the experience blocker that holds a role back longest: the
// most months, or one whose fact is unknown when none has months.
func binding(f *assess.RoleFit) *assess.Blocker {
	var best *assess.Blocker
	for i := range f.Blockers {
		bl := &f.Blockers[i]
		if bl.Kind != "experience" {
			continue
		}
		if best == nil || bl.Months > best.Months {
			best = bl
		}
	}
	return best
}

// Blocked is the marker of a blocked role with the earliest time it could
// open: "blocked ~36 months" ("blocked ~36 mo" when short), or "years
// unknown" when the years it needs were not answered or not asked: the
// role may be open, and no one can tell yet. It is "" for a role that is
// not blocked.
func Blocked(f *assess.RoleFit, short bool) string {
	if !f.Blocked {
		return ""
	}
	if f.BlockedMonths <= 0 {
		return "years unknown"
	}
	if short {
		return fmt.Sprintf("blocked ~%d mo", f.BlockedMonths)
	}
	return "blocked ~" + Count(f.BlockedMonths, "month", "months")
}

// BlockedWidth is the widest short Blocked marker for up to 999 months.
const BlockedWidth = len("blocked ~999 mo")

// factName is a fact's name as it reads inside a sentence.
func factName(b *assess.Bank, id string) (name, unit string) {
	name = strings.ReplaceAll(id, "_", " ")
	if f := b.Fact(id); f != nil {
		name, unit = f.Name, f.Unit
	}
	if r := []rune(name); len(r) > 1 && !isUpper(r[1]) {
		name = strings.ToLower(string(r[:1])) + string(r[1:])
	}
	return name, unit
}

func isUpper(r rune) bool { return r >= 'A' && r <= 'Z' }

// Blocker is one experience blocker in a few words: "3 of 5 years
// managing security work or people" (a fact named after its unit reads as
// a phrase), "board exposure: 0 of 1", "years working in information
// security: not answered (5 needed)", "…: not asked in quick mode (5
// needed)".
func Blocker(b *assess.Bank, bl assess.Blocker) string {
	name, unit := factName(b, bl.Fact)
	need := fmt.Sprintf("%g", bl.Need)
	if unit != "" {
		need += " " + unit
	}
	switch {
	case bl.NotAsked:
		return fmt.Sprintf("%s: not asked in quick mode (%s needed)", name, need)
	case bl.NotAnswered:
		return fmt.Sprintf("%s: not answered (%s needed)", name, need)
	case unit != "" && strings.HasPrefix(name, unit+" "):
		return fmt.Sprintf("%g of %g %s", bl.Have, bl.Need, name)
	}
	return fmt.Sprintf("%s: %g of %s", name, bl.Have, need)
}

// BlockedBy says what blocks a role and when it could open at the
// earliest: "3 of 5 years managing security work or people; 9 of 10 years
// working in information security. About 24 months at the earliest." It
// is "" for a role that is not blocked.
func BlockedBy(b *assess.Bank, f *assess.RoleFit) string {
	if !f.Blocked {
		return ""
	}
	var parts []string
	for _, bl := range f.Blockers {
		if bl.Kind == "experience" {
			parts = append(parts, Blocker(b, bl))
		}
	}
	s := strings.Join(parts, "; ") + "."
	switch bl := binding(f); {
	case f.BlockedMonths > 0:
		s += fmt.Sprintf(" About %s at the earliest.", Count(f.BlockedMonths, "month", "months"))
	case bl != nil && bl.NotAsked:
		s += " The full assessment asks it."
	}
	return s
}

// Earliest is the binding blocker and the months it needs, as in
// "blocked: years in IT overall, security included, ~36 months"; "" for a
// role that is not blocked.
func Earliest(b *assess.Bank, f *assess.RoleFit) string {
	bl := binding(f)
	if bl == nil {
		return ""
	}
	name, _ := factName(b, bl.Fact)
	if f.BlockedMonths > 0 {
		return fmt.Sprintf("blocked: %s, ~%s", name, Count(f.BlockedMonths, "month", "months"))
	}
	if bl.NotAsked {
		return fmt.Sprintf("not known yet: %s, not asked in quick mode (the full assessment asks)", name)
	}
	return fmt.Sprintf("not known yet: %s, not answered", name)
}

// Judgement is the overall judgement score: "3.4 of 5 over 30 scenarios",
// or "no scenario answered yet".
func Judgement(j *assess.Judgement) string {
	if j == nil || j.Scenarios == 0 {
		return "no scenario answered yet"
	}
	word := "scenarios"
	if j.Scenarios == 1 {
		word = "scenario"
	}
	return fmt.Sprintf("%.1f of 5 over %d %s", j.Score, j.Scenarios, word)
}

// Level is a competency's level with its judgement: "2.5", "2.5,
// judgement 3.4", "2.5, judgement 1.0, unverified (claimed 4.0)".
func Level(c assess.CompetencyScore) string {
	s := fmt.Sprintf("%.1f", c.Level)
	if c.Judgement != nil {
		s += fmt.Sprintf(", judgement %.1f", *c.Judgement)
	}
	if c.Unverified {
		s += ", " + Unverified(c)
	}
	return s
}

// Unverified says a level is capped and from what: "unverified (claimed
// 4.0)"; "" for a verified level.
func Unverified(c assess.CompetencyScore) string {
	if !c.Unverified {
		return ""
	}
	if c.Claimed != nil {
		return fmt.Sprintf("unverified (claimed %.1f)", *c.Claimed)
	}
	return "unverified"
}

// Unverifieds counts the competencies whose level is unverified.
func Unverifieds(res *assess.Result) int {
	n := 0
	for _, c := range res.Competencies {
		if c.Unverified {
			n++
		}
	}
	return n
}

// AnyRange reports whether any role's readiness shows a range.
func AnyRange(res *assess.Result) bool {
	for i := range res.Roles {
		if claimedHigher(&res.Roles[i]) {
			return true
		}
	}
	return false
}

// NextStep names the recommended next step: the role's title, or "grow in
// <title>" when the step is to grow where the person stands.
func NextStep(b *assess.Bank, rec assess.Recommendation) string {
	ro := b.Role(rec.NextRole)
	if ro == nil {
		return ""
	}
	if rec.NextRole == rec.Position {
		return "grow in " + ro.Title
	}
	return ro.Title
}

// Towards is the role a person growing in place works towards, when it is
// not the next step itself ("" otherwise).
func Towards(rec assess.Recommendation) string {
	if rec.WorkTowards == "" || rec.WorkTowards == rec.NextRole {
		return ""
	}
	return rec.WorkTowards
}

// OrgSize says which size of organisation the role targets were read for:
// "Role targets for a mid-size organisation (250 to 5,000 people; no size
// given, so mid-size assumed)".
func OrgSize(o assess.OrgSize) string {
	var span string
	switch o.Size {
	case assess.SizeSmall:
		span = fmt.Sprintf("a small organisation (under %d people", assess.SmallBelow)
	case assess.SizeLarge:
		span = fmt.Sprintf("a large organisation (over %s people", thousands(assess.LargeAbove))
	default:
		span = fmt.Sprintf("a mid-size organisation (%d to %s people", assess.SmallBelow, thousands(assess.LargeAbove))
	}
	if o.Assumed {
		return "Role targets for " + span + "; no size given, so mid-size assumed)."
	}
	return fmt.Sprintf("Role targets for %s; you said about %s).", span, thousands(int(o.People)))
}

// thousands writes a whole number with thousands separators: 5,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// SecondsPerQuestion is the time a question takes on average, reading it,
// choosing and moving on; the assessments' lengths are quoted from it.
const SecondsPerQuestion = 25

// Minutes is how long n questions take, to the nearest five minutes:
// "about 20 minutes".
func Minutes(n int) string {
	m := int(math.Round(float64(n*SecondsPerQuestion)/60/5)) * 5
	return fmt.Sprintf("about %d minutes", max(5, m))
}

// NotEvidenced says why a competency with no rating, certification or
// experience answer behind it reads as level 0.
const NotEvidenced = "No answer shows this work yet: its rating question was skipped or left open, so it counts as level 0 until you answer it. Answer it (o on the results opens the sections) before planning around this gap."
