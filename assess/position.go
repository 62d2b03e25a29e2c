package assess

import (
	"math"
	"strings"
	"unicode"
)

// PerformingReadiness is the readiness from which secpath takes it that a
// person already works at a role's level when their current role does not
// name one; EssentialShortfall is how far below an essential (weight 3)
// target they may still be. Someone at 88% of a role with every essential
// target a level short is not yet doing that job.
const (
	PerformingReadiness = 80.0
	EssentialShortfall  = 1.0
)

// NormaliseTitle folds a job title as MatchRole does before comparing
// it: lower case, letters and digits only, single spaces, "&" read as
// "and". A face that filters the roles as a person types folds the words
// the same way, so what it finds and what MatchRole matches agree.
func NormaliseTitle(s string) string { return normaliseTitle(s) }

// normaliseTitle folds a job title for matching: lower case, accents off, letters and
// digits only, single spaces, "&" read as "and".
func normaliseTitle(s string) string {
	s = strings.ReplaceAll(foldAccents(s), "&", " and ")
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// personFamily is the profession a person is in: the family of the role
// their current role names; otherwise privacy when they have more years in
// privacy than in security, IT when their years in IT outside security are
// more than twice their years in security, and security otherwise (the
// profession this tool serves). A family the bank does not have falls back
// to the family of its first role.
func personFamily(b *Bank, a *Answers, res *Result) string {
	if r := b.MatchRole(a.Profile.CurrentRole); r != nil {
		return r.FamilyName()
	}
	sec, priv, it := res.Facts["years_security"], res.Facts["years_privacy"], res.Facts["years_it"]
	fam := "security"
	switch {
	case priv > sec:
		fam = "privacy"
	case it-sec > 2*sec:
		fam = "it"
	}
	for i := range b.Roles {
		if b.Roles[i].FamilyName() == fam {
			return fam
		}
	}
	if len(b.Roles) > 0 {
		return b.Roles[0].FamilyName()
	}
	return fam
}

// performing reports whether a person appears to work at a role's level
// already: readiness of PerformingReadiness or more, no essential target
// EssentialShortfall or more short, and the role's experience minimums met.
func performing(b *Bank, ro *Role, res *Result) bool {
	f := res.RoleFit(ro.ID)
	if f == nil || f.Readiness < PerformingReadiness || f.Blocked {
		return false
	}
	for _, t := range ro.Targets {
		if t.Weight >= 3 && res.assessed[t.Competency] && float64(t.Level)-res.levels[t.Competency] >= EssentialShortfall {
			return false
		}
	}
	return true
}

// inferPosition places a person whose current role names no role: the
// most senior role of their family they are performing at (ties: the
// better fit). Otherwise a role they could start in, whose experience
// minimums they meet: the family's common starting role whose profile is
// shaped most like theirs (see shape; ties keep the bank's order),
// else the family's least senior role; when their family has none they
// meet (a lawyer with a year of privacy work), the starting roles of the
// target's family, then of any family. The first role of the bank is the
// last resort. Roles marked title_only are never inferred.
func inferPosition(b *Bank, a *Answers, res *Result) *Role {
	better := func(x, y *Role) bool { // x fits better than y
		return y == nil || res.RoleFit(x.ID).Fit > res.RoleFit(y.ID).Fit
	}
	var best *Role
	for i := range b.Roles {
		ro := &b.Roles[i]
		if ro.TitleOnly || ro.FamilyName() != res.Family || !performing(b, ro, res) {
			continue
		}
		if best == nil || ro.Seniority > best.Seniority || (ro.Seniority == best.Seniority && better(ro, best)) {
			best = ro
		}
	}
	if best != nil {
		return best
	}
	open := func(ro *Role) bool { return !res.RoleFit(ro.ID).Blocked }
	pick := func(family string, entryOnly bool) *Role {
		var best *Role
		for i := range b.Roles {
			ro := &b.Roles[i]
			if ro.TitleOnly || (family != "" && ro.FamilyName() != family) || (entryOnly && !ro.Entry) || !open(ro) {
				continue
			}
			switch {
			case best == nil, entryOnly && shape(ro, res) > shape(best, res)+1e-9:
				best = ro
			case !entryOnly && (ro.Seniority < best.Seniority || (ro.Seniority == best.Seniority && better(ro, best))):
				best = ro
			}
		}
		return best
	}
	if r := pick(res.Family, true); r != nil {
		return r
	}
	if r := pick(res.Family, false); r != nil {
		return r
	}
	if t := b.Role(a.Target); t != nil {
		if r := pick(t.FamilyName(), true); r != nil {
			return r
		}
	}
	if r := pick("", true); r != nil {
		return r
	}
	return &b.Roles[0]
}

// shape says how much a person's profile is shaped like a role's: the
// weighted covariance, over the role's assessed targets, of the person's
// levels and the role's target levels, each taken from its own mean, over
// the spread of the targets. Starting roles differ in shape more than in
// height (an engineer's targets peak in technical work, a GRC analyst's in
// risk and compliance), and a beginner's levels are low everywhere, so the
// shape, not the readiness, says which start suits them; a flat profile
// suits none better than another.
func shape(ro *Role, res *Result) float64 {
	var w, lm, tm float64
	for _, t := range ro.Targets {
		if res.assessed[t.Competency] {
			w += t.Weight
			lm += t.Weight * res.levels[t.Competency]
			tm += t.Weight * float64(t.Level)
		}
	}
	if w == 0 {
		return 0
	}
	lm, tm = lm/w, tm/w
	var cov, vt float64
	for _, t := range ro.Targets {
		if res.assessed[t.Competency] {
			dt := float64(t.Level) - tm
			cov += t.Weight * (res.levels[t.Competency] - lm) * dt
			vt += t.Weight * dt * dt
		}
	}
	if vt == 0 {
		return 0
	}
	return cov / math.Sqrt(vt)
}
