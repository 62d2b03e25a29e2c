package assess

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Content rules added with the conditional questions, organisation sizes,
// role facts and rule freshness. They live apart from validate.go so each
// file stays readable; Validate runs them all.

// Sizes an organisation can have. "mid" is the base a role describes; a
// role or a number question can adjust itself for the other two.
const (
	SizeSmall = "small"
	SizeMid   = "mid"
	SizeLarge = "large"
)

// SizeAdjustable lists the sizes a bank can adjust for.
var SizeAdjustable = []string{SizeSmall, SizeLarge}

// Thresholds of the organisation sizes, in people.
const (
	SmallBelow = 250  // under 250 people is a small organisation
	LargeAbove = 5000 // over 5,000 people is a large one
)

// RuleStaleAfter is how old a certification rule's last check may be
// before validate asks for it to be checked again.
const RuleStaleAfter = 365 * 24 * time.Hour

// MaxActionStep is the most level steps an action may promise: reading or
// a single exposure moves one step, sustained experience at most two.
var MaxActionStep = map[Category]int{Education: 1, Exposure: 1, Experience: 2}

// OptionLengthRatio is how many times longer than the shortest option the
// longest option of a scenario may be: beyond it length gives the answer
// away.
const OptionLengthRatio = 2.5

func (v *validator) conditions(q *Question, owner string) {
	if q.When != "" && q.Unless != "" {
		v.r.Errorf(q.Src.At("when"), "%s: use when or unless, not both", owner)
	}
	if q.When != "" {
		v.factRef(q.Src.At("when"), owner+" when", q.When, FactBool)
	}
	if q.Unless != "" {
		v.factRef(q.Src.At("unless"), owner+" unless", q.Unless, FactBool)
	}
	if q.Regime != "" && q.When == "" {
		v.r.Warnf(q.Src.At("regime"), "%s is set under %s but is asked of everyone: add when = \"<fact>\" so only people under those rules see it, and an alternative with unless", owner, q.Regime)
	}
	if (q.When != "" || q.Unless != "") && q.Quick {
		v.r.Warnf(q.Src.At("quick"), "%s depends on a fact but is in quick mode: keep quick-mode questions asked of everyone", owner)
	}
	if len(q.SizeBands) > 0 && q.Kind != KindNumber {
		v.r.Errorf(q.Src.At("size_bands"), "%s: size_bands only apply to number questions with bands", owner)
	}
	for _, size := range sortedKeys(q.SizeBands) {
		at := q.Src.At("size_bands." + size)
		if !slices.Contains(SizeAdjustable, size) {
			v.r.Errorf(at, "%s: size %q is not one of %s", owner, size, strings.Join(SizeAdjustable, ", "))
		}
		if !ascendingBands(q.SizeBands[size]) {
			v.r.Errorf(at, "%s: size_bands.%s must be 5 ascending thresholds, one for each level 1 to 5", owner, size)
		}
		if len(q.Bands) == 0 {
			v.r.Errorf(at, "%s has size_bands but no bands for a mid-size organisation", owner)
		}
	}
	notRelevant := 0
	for n, o := range q.Options {
		if !o.NotRelevant {
			continue
		}
		notRelevant++
		at := o.Src
		if at.Line == 0 {
			at = q.Src
		}
		if q.Kind != KindRating || o.Level == nil || *o.Level != MinLevel {
			v.r.Errorf(at.At("not_relevant"), "%s: option %d: not_relevant marks the level-0 option of a rating question that says the work is not part of the job", owner, n+1)
		}
	}
	if notRelevant > 1 {
		v.r.Errorf(q.Src, "%s has %d options marked not_relevant; one is enough", owner, notRelevant)
	}
	if q.Kind == KindRating && notRelevant == 0 {
		v.r.Warnf(q.Src, "%s has no \"not part of my work\" option: add a level-0 option with not_relevant = true, so \"not yet\" and \"not relevant\" are different answers", owner)
	}
	if q.Kind == KindRating {
		v.oneBehaviour(q, owner)
	}
	if q.Kind == KindScenario {
		v.optionBalance(q, owner)
	}
}

func ascendingBands(b []float64) bool {
	if len(b) != MaxLevel {
		return false
	}
	for i := range b {
		if math.IsNaN(b[i]) || math.IsInf(b[i], 0) || (i > 0 && b[i] <= b[i-1]) {
			return false
		}
	}
	return true
}

// oneBehaviour warns about rating options that describe two behaviours at
// once: a person who does one of them cannot answer truthfully.
func (v *validator) oneBehaviour(q *Question, owner string) {
	for n, o := range q.Options {
		t := strings.TrimSpace(o.Text)
		inner := strings.TrimSuffix(t, ".")
		if strings.Contains(t, ";") || strings.Contains(inner, ". ") {
			at := o.Src
			if at.Line == 0 {
				at = q.Src
			}
			v.r.Warnf(at.At("text"), "%s: option %d reads as two behaviours (a ';' or a second sentence): describe the one that marks the level", owner, n+1)
		}
	}
}

// optionBalance warns when a scenario's options differ so much in length
// that the length gives the answer away.
func (v *validator) optionBalance(q *Question, owner string) {
	shortest, longest := math.MaxInt, 0
	for _, o := range q.Options {
		n := len([]rune(strings.TrimSpace(o.Text)))
		shortest, longest = min(shortest, n), max(longest, n)
	}
	if len(q.Options) >= 2 && shortest > 0 && float64(longest) > OptionLengthRatio*float64(shortest) {
		v.r.Warnf(q.Src, "%s: its longest option is %d characters and its shortest %d; keep options of comparable length (within %.1f times) so length does not give the answer away", owner, longest, shortest, OptionLengthRatio)
	}
}

// roleContent checks a role's facts and size adjustments.
func (v *validator) roleContent(ro *Role, owner string) {
	for _, f := range ro.Facts {
		at := f.Src
		if at.Line == 0 {
			at = ro.Src.At("facts")
		}
		if strings.TrimSpace(f.Text) == "" || strings.TrimSpace(f.Source) == "" {
			v.r.Errorf(at, "%s: a role fact needs its text and its source", owner)
		}
		if f.Year < 1990 || f.Year > 2100 {
			v.r.Errorf(at.At("year"), "%s: a role fact needs the year it was published", owner)
		}
	}
	for _, size := range sortedKeys(ro.Size) {
		adj := ro.Size[size]
		at := adj.Src
		if at.Line == 0 {
			at = ro.Src.At("size")
		}
		if !slices.Contains(SizeAdjustable, size) {
			v.r.Errorf(at, "%s: size %q is not one of %s (the role itself describes a mid-size organisation)", owner, size, strings.Join(SizeAdjustable, ", "))
		}
		seen := map[string]bool{}
		for _, t := range adj.Targets {
			if v.compRef(t.Src.At("competency"), owner+" size "+size, t.Competency) && seen[t.Competency] {
				v.r.Errorf(t.Src, "%s size %s targets %q twice", owner, size, t.Competency)
			}
			seen[t.Competency] = true
			if t.Level < 1 || t.Level > MaxLevel || !positive(t.Weight) {
				v.r.Errorf(t.Src, "%s size %s: target for %q needs a level of 1 to 5 and a weight greater than 0", owner, size, t.Competency)
			}
		}
		for _, fact := range sortedKeys(adj.Experience) {
			fat := at.At("experience." + fact)
			v.factRef(fat, owner+" size "+size+" experience", fact, FactNumber)
			if x := adj.Experience[fact]; x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
				v.r.Errorf(fat, "%s size %s: experience minimum for %q must be 0 or more", owner, size, fact)
			}
		}
	}
}

// actionSteps warns about actions that promise more level steps than
// their kind of learning can give.
func (v *validator) actionSteps(a *Action, owner string) {
	if most, ok := MaxActionStep[a.Category]; ok && a.To-a.From > most {
		v.r.Warnf(a.Src.At("to"), "%s: %s promises %d level steps (from %d to %d); %s moves at most %d", owner, a.Category, a.To-a.From, a.From, a.To, a.Category, most)
	}
}

// seniorityCrosswalk checks every role's targets against the scale's own
// crosswalk to SFIA levels of responsibility: a role of seniority 4 (SFIA
// 4, "independent") asks no level above the one the scale puts at SFIA 4,
// and its targets reach that level somewhere, or the role says less than
// its seniority.
func (v *validator) seniorityCrosswalk() {
	for i := range v.b.Roles {
		ro := &v.b.Roles[i]
		want, ok := v.b.CrosswalkLevel(ro.Seniority)
		if !ok {
			continue
		}
		top := 0
		for _, t := range ro.Targets {
			top = max(top, t.Level)
			if t.Level > want {
				v.r.Warnf(t.Src.At("level"), "role %q (seniority %d) asks level %d in %q; the scale puts SFIA level %d at %d, so a role of this seniority asks at most that", ro.ID, ro.Seniority, t.Level, t.Competency, ro.Seniority, want)
			}
		}
		if len(ro.Targets) > 0 && top < want {
			v.r.Warnf(ro.Src.At("targets"), "role %q (seniority %d) asks nothing above level %d; the scale puts SFIA level %d at %d, so its main competencies should reach it", ro.ID, ro.Seniority, top, ro.Seniority, want)
		}
	}
}

// CrosswalkLevel returns the scale level whose SFIA column covers a
// seniority (SFIA level of responsibility), read from the bank's scale
// ("4", "2–3", "6-7").
func (b *Bank) CrosswalkLevel(seniority int) (int, bool) {
	for _, l := range b.Scale {
		lo, hi, ok := sfiaRange(l.SFIA)
		if ok && lo <= seniority && seniority <= hi {
			return l.Level, true
		}
	}
	return 0, false
}

func sfiaRange(s string) (lo, hi int, ok bool) {
	s = strings.NewReplacer("–", "-", "—", "-", " ", "").Replace(s)
	a, b, ranged := strings.Cut(s, "-")
	if _, err := fmt.Sscanf(a, "%d", &lo); err != nil || a == "" {
		return 0, 0, false
	}
	hi = lo
	if ranged {
		if _, err := fmt.Sscanf(b, "%d", &hi); err != nil || hi < lo {
			return 0, 0, false
		}
	}
	return lo, hi, true
}

// Freshness reports certification rules that are due a check on the given
// day: never checked, last checked more than a year ago, or with an
// announced change whose date has passed. It is apart from Validate
// because it depends on the day.
func (b *Bank) Freshness(today time.Time) []Diagnostic {
	var r Report
	for _, c := range b.Certifications {
		rs := c.Rule.Src
		if rs.Line == 0 {
			rs = c.Src
		}
		owner := fmt.Sprintf("certification %q", c.ID)
		switch {
		case c.Rule.LastVerified.IsZero():
			r.Warnf(rs, "%s: the rule has no last_verified date; check it on the awarding body's page and record the day", owner)
		case today.Sub(c.Rule.LastVerified) > RuleStaleAfter:
			r.Warnf(rs.At("last_verified"), "%s: the rule was last checked on %s, more than a year ago; check it again on the awarding body's page", owner, c.Rule.LastVerified.Format(time.DateOnly))
		}
		if !c.Rule.ChangesOn.IsZero() && !today.Before(c.Rule.ChangesOn) {
			r.Warnf(rs.At("changes_on"), "%s: the change announced for %s (%s) has taken effect; update the rule", owner, c.Rule.ChangesOn.Format(time.DateOnly), c.Rule.Changes)
		}
	}
	r.Sort()
	return r.Warnings
}
