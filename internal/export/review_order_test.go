package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// TestReviewedPlanAgreedOrder exports a reviewed plan whose gaps were
// recorded out of order: the Markdown lists them in the agreed order
// (priorities 1 and 2, then agreed as mattering without a priority, then
// not decided, then agreed not to matter), the goals follow it, and a
// scenario rated per competency shows each level.
func TestReviewedPlanAgreedOrder(t *testing.T) {
	b := planFixtures{}.bank(t)
	f, err := storage.ReadAnswers("../../questions/testdata/reviewed/soc-lead-reviewed.toml", b)
	if err != nil {
		t.Fatal(err)
	}
	m := f.Answers.Mentor
	// Recorded after "data protection" (agreed not to matter): a gap not
	// decided yet, then one agreed as mattering without a priority.
	m.Gaps = append(m.Gaps,
		assess.AgreedGap{Role: "it-security-manager", Competency: "cloud-security", Undecided: true, Action: "Shadow the cloud team's quarterly review"},
		assess.AgreedGap{Role: "it-security-manager", Competency: "governance-policy", Matters: true, Owner: "Priya Raman", Due: time.Date(2027, 10, 31, 0, 0, 0, 0, time.UTC)},
	)
	m.Ratings["budget-cut-20"] = assess.MentorRating{Levels: map[string]int{"budget-finance": 2, "security-strategy": 3}, Notes: "Has never owned a budget line."}
	p, err := assess.BuildPlan(b, f.Answers, assess.PlanOptions{Start: fixtureStart})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range p.Goals {
		got = append(got, g.Competency)
	}
	if len(got) < 3 || got[0] != "budget-finance" || got[1] != "risk-management" || got[2] != "governance-policy" {
		t.Errorf("goals: %v, want budget-finance, risk-management, governance-policy first", got)
	}
	var buf bytes.Buffer
	if err := Write(&buf, Markdown, b, p); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	rows := []string{
		"| 1 | Budget and resource allocation | yes |",
		"| 2 | Risk management | yes |",
		"| - | Governance and policy | yes | Priya Raman | 2027-10-31 |",
		"| - | Cloud security | not decided |  | - | - | Shadow the cloud team's quarterly review |",
		"| - | Data protection and cryptography | no |",
	}
	at := 0
	for _, row := range rows {
		i := strings.Index(md[at:], row)
		if i < 0 {
			t.Fatalf("after byte %d the Markdown lacks %q (rows out of order?):\n%s", at, row, md)
		}
		at += i + len(row)
	}
	if want := "What do you do? (mentor's ratings: Budget and resource allocation 2, Security strategy and business alignment 3): Has never owned a budget line."; !strings.Contains(md, want) {
		t.Errorf("the Markdown lacks %q", want)
	}
}
