package questions

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// TestPersonas scores complete answers files written for six people from
// the role descriptions, and checks that secpath names the next step, the
// long-term role and the top gaps a mentor would name for each.
func TestPersonas(t *testing.T) {
	b, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		position, next, long string
		topGaps              []string // the first gaps for the next role, in order
		calibrated           []string // competencies flagged, at least these
		certs                map[string]string
	}{
		// Deep in tooling and incidents, light on governance and money.
		"soc-lead": {"technical-security-manager", "it-security-manager", "ciso",
			[]string{"risk-management", "governance-policy", "budget-finance"}, nil,
			map[string]string{"gcih": assess.StatusHeld, "cissp": assess.StatusMeetsRule}},
		// Audit and compliance strength; the programme route to CISO.
		"grc-lead": {"grc-analyst", "security-program-manager", "ciso",
			[]string{"programme-management", "budget-finance", "cross-functional-influence"}, nil,
			map[string]string{"cism": assess.StatusHeld}},
		// Aiming at security from IT; over-rates incident response.
		"it-manager": {"it-manager", "it-security-manager", "it-security-manager",
			[]string{"risk-management", "regulatory-compliance", "security-architecture"}, []string{"incident-response"},
			map[string]string{"pmp": assess.StatusHeld}},
		// A lawyer already doing the privacy manager's job.
		"privacy-counsel": {"privacy-manager", "cpo", "cpo",
			[]string{"cross-functional-influence", "risk-management", "governance-policy"}, nil,
			map[string]string{"cipp-e": assess.StatusHeld}},
		// Fifteen years, board exposure: ready for the top job.
		"security-director": {"it-security-manager", "ciso", "ciso",
			[]string{"cross-functional-influence", "budget-finance", "security-strategy"}, nil,
			map[string]string{"cissp": assess.StatusHeld, "cism": assess.StatusHeld}},
		// Two years in: the technical path, with the basics to build first.
		"new-analyst": {"security-engineer", "technical-security-manager", "ciso",
			[]string{"security-architecture", "vulnerability-management", "team-leadership"}, nil,
			map[string]string{"security-plus": assess.StatusHeld, "cissp": assess.StatusNotYet}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f, err := storage.ReadAnswers(filepath.Join("testdata", "personas", name+".toml"), b)
			if err != nil {
				t.Fatal(err)
			}
			res := assess.Score(b, f.Answers)
			if res.Answered != res.Asked {
				t.Errorf("persona answers %d of %d questions", res.Answered, res.Asked)
			}
			rec := res.Recommendation
			if rec.Position != c.position || rec.NextRole != c.next || rec.LongTermRole != c.long {
				t.Errorf("path: got %s → %s → %s, want %s → %s → %s\n%s", rec.Position, rec.NextRole, rec.LongTermRole,
					c.position, c.next, c.long, strings.Join(rec.Rationale, "\n"))
			}
			var gaps []string
			for _, g := range res.RoleFit(c.next).Gaps {
				gaps = append(gaps, g.Competency)
			}
			if len(gaps) < len(c.topGaps) || strings.Join(gaps[:len(c.topGaps)], ",") != strings.Join(c.topGaps, ",") {
				t.Errorf("top gaps for %s: got %v, want %v first", c.next, gaps, c.topGaps)
			}
			flagged := map[string]bool{}
			for _, cal := range res.Calibration {
				flagged[cal.Competency] = true
			}
			for _, comp := range c.calibrated {
				if !flagged[comp] {
					t.Errorf("calibration does not flag %s: %+v", comp, res.Calibration)
				}
			}
			status := map[string]string{}
			for _, cs := range res.Certifications {
				status[cs.ID] = cs.Status
			}
			for id, want := range c.certs {
				if status[id] != want {
					t.Errorf("certification %s: got %q, want %q", id, status[id], want)
				}
			}
		})
	}
}
