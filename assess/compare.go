package assess

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Change is a number before and after.
type Change struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Old   float64 `json:"old"`
	New   float64 `json:"new"`
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
	Role              string              `json:"role"` // the role gaps are compared for
	RoleTitle         string              `json:"role_title"`
	Roles             []Change            `json:"roles"`
	Competencies      []Change            `json:"competencies"`
	NewCertifications []string            `json:"new_certifications"`
	GapsClosed        []GapChange         `json:"gaps_closed"`
	GapsOpened        []GapChange         `json:"gaps_opened"`
	CalibrationBetter []CalibrationChange `json:"calibration_improved"`
	CalibrationWorse  []CalibrationChange `json:"calibration_worsened"`
	OldNext           string              `json:"old_next_role"`
	NewNext           string              `json:"new_next_role"`
	Summary           []string            `json:"summary"`
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
		Roles: []Change{}, Competencies: []Change{}, NewCertifications: []string{},
		GapsClosed: []GapChange{}, GapsOpened: []GapChange{}, CalibrationBetter: []CalibrationChange{}, CalibrationWorse: []CalibrationChange{},
	}
	if r := b.Role(c.Role); r != nil {
		c.RoleTitle = r.Title
	}
	for _, nf := range cur.Roles {
		if of := old.RoleFit(nf.ID); of != nil {
			c.Roles = append(c.Roles, Change{nf.ID, nf.Title, of.Readiness, nf.Readiness, round(nf.Readiness-of.Readiness, 1)})
		}
	}
	sort.SliceStable(c.Roles, func(i, j int) bool { return c.Roles[i].Delta > c.Roles[j].Delta })
	oldComp := map[string]CompetencyScore{}
	for _, cs := range old.Competencies {
		oldComp[cs.ID] = cs
	}
	for _, cs := range cur.Competencies {
		o, ok := oldComp[cs.ID]
		if !ok {
			continue
		}
		c.Competencies = append(c.Competencies, Change{cs.ID, cs.Name, o.Level, cs.Level, round(cs.Level-o.Level, 2)})
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
	c.Summary = compareSummary(b, c, of, nf)
	return c
}

func compareSummary(b *Bank, c *Comparison, of, nf *RoleFit) []string {
	var out []string
	if of != nil && nf != nil {
		out = append(out, fmt.Sprintf("Readiness for %s: %.0f%% → %.0f%% (%s).", nf.Title, of.Readiness, nf.Readiness, signed(nf.Readiness-of.Readiness)))
	}
	if c.OldNext != c.NewNext {
		if o, n := b.Role(c.OldNext), b.Role(c.NewNext); o != nil && n != nil {
			out = append(out, fmt.Sprintf("The recommended next step moved from %s to %s.", o.Title, n.Title))
		}
	}
	out = append(out, fmt.Sprintf("%s closed, %d opened.", count(len(c.GapsClosed), "gap"), len(c.GapsOpened)))
	if len(c.Competencies) > 0 && c.Competencies[0].Delta > 0 {
		top := c.Competencies[0]
		out = append(out, fmt.Sprintf("Biggest rise: %s, %.1f → %.1f.", top.Name, top.Old, top.New))
	}
	if len(c.NewCertifications) > 0 {
		out = append(out, fmt.Sprintf("New certifications: %s.", strings.Join(c.NewCertifications, ", ")))
	}
	if n := len(c.CalibrationBetter); n > 0 {
		out = append(out, fmt.Sprintf("Self-ratings and scenario answers came closer in %d competenc%s.", n, map[bool]string{true: "y", false: "ies"}[n == 1]))
	}
	return out
}

// signed writes a change in points, "no change" when it rounds to zero.
func signed(d float64) string {
	if math.Round(d) == 0 {
		return "no change"
	}
	return fmt.Sprintf("%+.0f", d)
}

func count(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
