package assess

import "slices"

// KindCertifications asks which of the bank's certifications the person
// holds. It gives levels only through each certification's evidence (see
// Score), and records what is held.
const KindCertifications QuestionKind = "certifications"

var certificationsKind = KindDef{
	Kind:     KindCertifications,
	Shape:    ShapeCertList,
	Evidence: EvidenceCertificates,
	level:    func(*Question, Answer, string) (float64, bool) { return 0, false },
	record: func(b *Bank, res *Result, _ *Question, ans Answer) {
		for _, h := range ans.Held {
			// The bank's id, not the answer's: a result must not keep
			// the answers file's text alive (see canonical).
			if c := b.Certification(h.ID); c != nil && !slices.ContainsFunc(res.Held, func(x HeldCert) bool { return x.ID == h.ID }) {
				res.Held = append(res.Held, HeldCert{ID: c.ID, Year: h.Year})
			}
		}
	},
	validate: func(v *validator, q *Question, owner string) {
		if len(q.Options) > 0 || q.Fact != "" || len(q.Measures) > 0 {
			v.r.Errorf(q.Src, "%s: a certifications question lists the bank's certifications itself; remove options, fact and measures", owner)
		}
	},
}
