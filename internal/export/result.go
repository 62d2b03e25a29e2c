package export

import (
	"slices"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// WordResult is a copy of a scored result with its message fields
// written from its data, for `secpath score --json`: the domain returns
// blockers, calibration flags, certification standings and mentor
// differences as data, and readers of the JSON want the words beside it.
// The result itself is left as it is.
func WordResult(res *assess.Result) *assess.Result {
	if res == nil {
		return nil
	}
	c := *res
	c.Roles = slices.Clone(res.Roles)
	for i := range c.Roles {
		c.Roles[i].Blockers = wordBlockers(c.Roles[i].Blockers)
	}
	c.Recommendation.Reasons, c.Recommendation.Rationale = wordReasons(res.Recommendation.Reasons)
	c.Calibration = slices.Clone(res.Calibration)
	for i := range c.Calibration {
		c.Calibration[i].Message = wording.Calibration(c.Calibration[i])
	}
	c.MentorDifferences = wordDifferences(res.MentorDifferences)
	c.Notes = slices.Clone(res.Notes)
	for i := range c.Notes {
		c.Notes[i].Message = wording.ResultNote(c.Notes[i])
	}
	c.Certifications = slices.Clone(res.Certifications)
	for i := range c.Certifications {
		c.Certifications[i] = wordCert(c.Certifications[i])
	}
	return &c
}

// wordBlockers is a copy of blockers with their messages written.
func wordBlockers(bls []assess.Blocker) []assess.Blocker {
	if bls == nil {
		return nil
	}
	out := slices.Clone(bls)
	for i := range out {
		out[i].Message = wording.BlockerMessage(out[i])
	}
	return out
}

// wordDifferences is a copy of mentor differences with their messages
// written.
func wordDifferences(ds []assess.MentorDifference) []assess.MentorDifference {
	if ds == nil {
		return nil
	}
	out := slices.Clone(ds)
	for i := range out {
		out[i].Message = wording.MentorDifference(out[i])
	}
	return out
}

// wordCert is a certification's standing with its message written, and
// the experience blockers among its shortfalls with theirs.
func wordCert(st assess.CertStatus) assess.CertStatus {
	st.Message = wording.CertMessage(st)
	st.Shortfalls = slices.Clone(st.Shortfalls)
	for i := range st.Shortfalls {
		if bl := st.Shortfalls[i].Experience; bl != nil {
			w := *bl
			w.Message = wording.BlockerMessage(w)
			st.Shortfalls[i].Experience = &w
		}
	}
	return st
}

// wordReasons is a copy of a recommendation's reasons with the messages
// of their blockers written, and the reasons in words; both nil when
// there are none, as for a bank without roles.
func wordReasons(rs []assess.Reason) ([]assess.Reason, []string) {
	if rs == nil {
		return nil, nil
	}
	out := slices.Clone(rs)
	for i := range out {
		out[i].Blockers = wordBlockers(out[i].Blockers)
	}
	return out, wording.Rationale(rs)
}
