package export

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// WriteJSON writes the plan as JSON following plan.schema.json. The plan
// is data; the JSON also carries its sentences (a goal's statement and
// measure, a phase's name, the check-ins' reviews, the estimate's
// assumptions, the certifications' reasons and study, the strengths) for
// readers that want the words, written from the data as the other formats
// write them.
func WriteJSON(w io.Writer, p *assess.Plan) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(worded(p)); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// worded is a copy of the plan with its text fields written from its
// data; the plan itself is left as it is. A plan read back from its JSON
// words the same, so its JSON is the same again.
func worded(p *assess.Plan) *assess.Plan {
	if p == nil {
		return nil
	}
	c := *p
	c.Reasons, c.Rationale = wordReasons(p.Reasons)
	c.Strengths = wording.Strengths(p.Strong)
	c.BasisNote = wording.PlanBasis(p)
	c.Goals = slices.Clone(p.Goals)
	for i := range c.Goals {
		g := &c.Goals[i]
		g.Actions = slices.Clone(g.Actions)
		for k := range g.Actions {
			g.Actions[k].Evidence = wording.ActionEvidence(g.Actions[k])
		}
		g.Statement, g.Measure = wording.GoalStatement(*g), wording.GoalMeasure(*g)
	}
	c.Timeline = slices.Clone(p.Timeline)
	for i := range c.Timeline {
		c.Timeline[i].Name = wording.PhaseName(c.Timeline[i])
	}
	c.Certifications = slices.Clone(p.Certifications)
	for i := range c.Certifications {
		cs := &c.Certifications[i]
		cs.Why, cs.Study = wording.CertReason(cs.Reason), wording.StudyDomains(cs.StudyDomains)
		cs.CertStatus = wordCert(cs.CertStatus)
	}
	c.CheckIns = slices.Clone(p.CheckIns)
	for i := range c.CheckIns {
		c.CheckIns[i].Review = wording.CheckPoints(c.CheckIns[i].Points)
	}
	c.Estimate.Assumptions = wording.Premises(p.Estimate.Premises)
	c.Estimate.Premises = slices.Clone(p.Estimate.Premises)
	for i := range c.Estimate.Premises {
		if pb := c.Estimate.Premises[i].Blocker; pb != nil {
			w := *pb
			w.Message = wording.BlockerMessage(w.Blocker)
			c.Estimate.Premises[i].Blocker = &w
		}
	}
	if p.Mentor != nil {
		m := *p.Mentor
		m.Differences = wordDifferences(m.Differences)
		c.Mentor = &m
	}
	c.Blockers = slices.Clone(p.Blockers)
	for i := range c.Blockers {
		c.Blockers[i].Message = wording.BlockerMessage(c.Blockers[i].Blocker)
	}
	return &c
}
