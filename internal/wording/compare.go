package wording

import (
	"fmt"
	"math"
	"strings"

	"github.com/secpath/secpath/assess"
)

// CompareSummary is what changed between two assessments, a sentence a
// line: readiness and fit for the role compared, the judgement score,
// roles no longer blocked, unverified self-ratings, the next step, gaps
// closed and opened, the biggest rise, new certifications and closer
// calibration. The bank names the next steps.
func CompareSummary(b *assess.Bank, c *assess.Comparison) []string {
	var out []string
	for _, r := range c.Roles {
		if r.ID == c.Role {
			out = append(out, fmt.Sprintf("Readiness for %s: %.0f%% → %.0f%% (%s); fit %.0f%% → %.0f%% (%s).", r.Name, r.Old, r.New, signedPoints(r.New-r.Old), r.OldFit, r.NewFit, signedPoints(r.NewFit-r.OldFit)))
			break
		}
	}
	switch j := c.Judgement; {
	case j.Old != nil && j.New != nil:
		out = append(out, fmt.Sprintf("Judgement in the scenarios: %.1f → %.1f of 5.", j.Old.Score, j.New.Score))
	case j.New != nil:
		out = append(out, fmt.Sprintf("Judgement in the scenarios: %.1f of 5; no scenario was answered before.", j.New.Score))
	}
	var opened []string
	for _, r := range c.Roles {
		if r.OldBlocked && !r.NewBlocked {
			opened = append(opened, r.Name)
		}
	}
	if len(opened) > 0 {
		out = append(out, fmt.Sprintf("No longer blocked by experience: %s.", strings.Join(opened, ", ")))
	}
	if c.OldUnverified != c.NewUnverified {
		out = append(out, fmt.Sprintf("Unverified self-ratings: %d → %d.", c.OldUnverified, c.NewUnverified))
	}
	if c.OldNext != c.NewNext {
		if o, n := b.Role(c.OldNext), b.Role(c.NewNext); o != nil && n != nil {
			out = append(out, fmt.Sprintf("The recommended next step moved from %s to %s.", o.Title, n.Title))
		}
	}
	gaps := "1 gap"
	if n := len(c.GapsClosed); n != 1 {
		gaps = fmt.Sprintf("%d gaps", n)
	}
	out = append(out, fmt.Sprintf("%s closed, %d opened.", gaps, len(c.GapsOpened)))
	if len(c.Competencies) > 0 && c.Competencies[0].Delta > 0 {
		top := c.Competencies[0]
		out = append(out, fmt.Sprintf("Biggest rise: %s, %.1f → %.1f.", top.Name, top.Old, top.New))
	}
	if len(c.NewCertifications) > 0 {
		out = append(out, fmt.Sprintf("New certifications: %s.", strings.Join(c.NewCertifications, ", ")))
	}
	switch n := len(c.CalibrationBetter); {
	case n == 1:
		out = append(out, "Self-ratings and scenario answers came closer in 1 competency.")
	case n > 1:
		out = append(out, fmt.Sprintf("Self-ratings and scenario answers came closer in %d competencies.", n))
	}
	return out
}

// signedPoints writes a change in points, "no change" when it rounds to
// zero.
func signedPoints(d float64) string {
	if math.Round(d) == 0 {
		return "no change"
	}
	return fmt.Sprintf("%+.0f", d)
}
