package assess

import (
	"math"
	"sort"
)

// Change is a number before and after.
type Change struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Old   float64 `json:"old"`
	New   float64 `json:"new"`
	Delta float64 `json:"delta"`
}

// RoleChange is one role's readiness (the Change) and fit before and
// after, and whether it was and is blocked.
type RoleChange struct {
	Change
	OldFit     float64 `json:"old_fit"`
	NewFit     float64 `json:"new_fit"`
	FitDelta   float64 `json:"fit_delta"`
	OldBlocked bool    `json:"old_blocked"`
	NewBlocked bool    `json:"new_blocked"`
	// NewBlockedMonths is the time the role still needs at the earliest,
	// when it is blocked now.
	NewBlockedMonths int `json:"new_blocked_months,omitempty"`
	// Relation is where the role stands in the newer assessment.
	Relation Relation `json:"relation"`
}

// CompetencyChange is one competency's level (the Change) and judgement
// before and after, and whether the level was and is unverified.
type CompetencyChange struct {
	Change
	OldJudgement  *float64 `json:"old_judgement,omitempty"`
	NewJudgement  *float64 `json:"new_judgement,omitempty"`
	OldUnverified bool     `json:"old_unverified,omitempty"`
	NewUnverified bool     `json:"new_unverified,omitempty"`
}

// JudgementChange is the overall judgement score before and after, each
// nil when that assessment answered no scenario.
type JudgementChange struct {
	Old *Judgement `json:"old"`
	New *Judgement `json:"new"`
	// Delta is New − Old when both are there, else 0.
	Delta float64 `json:"delta"`
}

// GapChange is a gap that closed or opened between two assessments.
type GapChange struct {
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	Old        float64 `json:"old"`
	New        float64 `json:"new"`
	Target     int     `json:"target"`
}

// CalibrationChange is a competency whose self-rating and scenario
// evidence moved closer together or further apart.
type CalibrationChange struct {
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	OldSpread  float64 `json:"old_spread"`
	NewSpread  float64 `json:"new_spread"`
}

// Comparison is what changed between two assessments of one person.
type Comparison struct {
	Role         string             `json:"role"` // the role gaps are compared for
	RoleTitle    string             `json:"role_title"`
	Roles        []RoleChange       `json:"roles"`
	Competencies []CompetencyChange `json:"competencies"`
	Judgement    JudgementChange    `json:"judgement"`
	// OldBlocked and NewBlocked count the roles blocked by an experience
	// minimum; OldUnverified and NewUnverified the unverified levels.
	OldBlocked        int                 `json:"old_blocked"`
	NewBlocked        int                 `json:"new_blocked"`
	OldUnverified     int                 `json:"old_unverified"`
	NewUnverified     int                 `json:"new_unverified"`
	NewCertifications []string            `json:"new_certifications"`
	GapsClosed        []GapChange         `json:"gaps_closed"`
	GapsOpened        []GapChange         `json:"gaps_opened"`
	CalibrationBetter []CalibrationChange `json:"calibration_improved"`
	CalibrationWorse  []CalibrationChange `json:"calibration_worsened"`
	OldNext           string              `json:"old_next_role"`
	NewNext           string              `json:"new_next_role"`
	// Summary is what changed in words, a sentence a line: left empty by
	// the domain and written by the faces (internal/wording), the JSON
	// writer included.
	Summary []string `json:"summary"`
}

// Compare lines up two results computed with the same bank. Gaps are
// compared for the newer assessment's recommended next role.
func Compare(b *Bank, old, cur *Result) *Comparison { return CompareFor(b, old, cur, "") }

// CompareFor is Compare with the gaps compared for a chosen role ("" for
// the newer assessment's recommended next role).
func CompareFor(b *Bank, old, cur *Result, role string) *Comparison {
	if b.Role(role) == nil {
		role = cur.Recommendation.NextRole
	}
	c := &Comparison{
		Role: role, OldNext: old.Recommendation.NextRole, NewNext: cur.Recommendation.NextRole,
		Roles: []RoleChange{}, Competencies: []CompetencyChange{}, NewCertifications: []string{},
		Judgement:  JudgementChange{Old: old.Judgement, New: cur.Judgement},
		GapsClosed: []GapChange{}, GapsOpened: []GapChange{}, CalibrationBetter: []CalibrationChange{}, CalibrationWorse: []CalibrationChange{},
	}
	if r := b.Role(c.Role); r != nil {
		c.RoleTitle = r.Title
	}
	if old.Judgement != nil && cur.Judgement != nil {
		c.Judgement.Delta = round(cur.Judgement.Score-old.Judgement.Score, 2)
	}
	for _, of := range old.Roles {
		if of.Blocked {
			c.OldBlocked++
		}
	}
	for _, nf := range cur.Roles {
		if nf.Blocked {
			c.NewBlocked++
		}
		if of := old.RoleFit(nf.ID); of != nil {
			rc := RoleChange{
				Change: Change{nf.ID, nf.Title, of.Readiness, nf.Readiness, round(nf.Readiness-of.Readiness, 1)},
				OldFit: of.Fit, NewFit: nf.Fit, FitDelta: round(nf.Fit-of.Fit, 1),
				OldBlocked: of.Blocked, NewBlocked: nf.Blocked, Relation: nf.Relation,
			}
			if nf.Blocked {
				rc.NewBlockedMonths = nf.BlockedMonths
			}
			c.Roles = append(c.Roles, rc)
		}
	}
	sort.SliceStable(c.Roles, func(i, j int) bool { return c.Roles[i].Delta > c.Roles[j].Delta })
	oldComp := map[string]CompetencyScore{}
	for _, cs := range old.Competencies {
		oldComp[cs.ID] = cs
		if cs.Unverified {
			c.OldUnverified++
		}
	}
	for _, cs := range cur.Competencies {
		if cs.Unverified {
			c.NewUnverified++
		}
		o, ok := oldComp[cs.ID]
		if !ok {
			continue
		}
		c.Competencies = append(c.Competencies, CompetencyChange{
			Change:       Change{cs.ID, cs.Name, o.Level, cs.Level, round(cs.Level-o.Level, 2)},
			OldJudgement: o.Judgement, NewJudgement: cs.Judgement, OldUnverified: o.Unverified, NewUnverified: cs.Unverified,
		})
		// Calibration: the spread between self-rating and scenarios.
		if o.Self != nil && o.Judgement != nil && cs.Self != nil && cs.Judgement != nil {
			os, ns := math.Abs(*o.Self-*o.Judgement), math.Abs(*cs.Self-*cs.Judgement)
			ch := CalibrationChange{cs.ID, cs.Name, round(os, 2), round(ns, 2)}
			switch {
			case os >= CalibrationGap && ns < os-0.5:
				c.CalibrationBetter = append(c.CalibrationBetter, ch)
			case ns >= CalibrationGap && ns > os+0.5:
				c.CalibrationWorse = append(c.CalibrationWorse, ch)
			}
		}
	}
	sort.SliceStable(c.Competencies, func(i, j int) bool { return c.Competencies[i].Delta > c.Competencies[j].Delta })
	for _, h := range cur.Held {
		if !old.holds(h.ID) {
			label := h.ID
			if cert := b.Certification(h.ID); cert != nil {
				label = cert.Label()
			}
			c.NewCertifications = append(c.NewCertifications, label)
		}
	}
	of, nf := old.RoleFit(c.Role), cur.RoleFit(c.Role)
	if of != nil && nf != nil {
		oldGaps, newGaps := map[string]Gap{}, map[string]Gap{}
		for _, g := range of.Gaps {
			oldGaps[g.Competency] = g
		}
		for _, g := range nf.Gaps {
			newGaps[g.Competency] = g
			if _, was := oldGaps[g.Competency]; !was {
				c.GapsOpened = append(c.GapsOpened, GapChange{g.Competency, g.Name, round(old.Level(g.Competency), 2), g.Current, g.Target})
			}
		}
		for _, g := range of.Gaps {
			if _, still := newGaps[g.Competency]; !still {
				c.GapsClosed = append(c.GapsClosed, GapChange{g.Competency, g.Name, g.Current, round(cur.Level(g.Competency), 2), g.Target})
			}
		}
	}
	return c
}
