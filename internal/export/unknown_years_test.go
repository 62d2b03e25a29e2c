package export

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// In quick mode the years a certification rule asks for may never have
// been asked: the plan gives such a certification no date, and reads it
// as not known rather than as a date nobody's answers support. A
// certification held gets no list of exam domains to study.
func TestQuickPlanDatesOnlyWhatIsKnown(t *testing.T) {
	b := planFixtures{}.bank(t)
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "panel", "quick-itsm.toml"), b)
	if err != nil {
		t.Fatal(err)
	}
	p, err := assess.BuildPlan(b, f.Answers, assess.PlanOptions{Start: fixtureStart, Role: "ciso"})
	if err != nil {
		t.Fatal(err)
	}
	unknown, held := 0, 0
	for _, c := range p.Certifications {
		if c.YearsUnknown {
			unknown++
			if c.From != nil {
				t.Errorf("%s: dated %s although its years were not asked", c.ID, c.From)
			}
		}
		if c.Status == assess.StatusHeld {
			held++
			if len(c.StudyDomains) > 0 {
				t.Errorf("%s is held but has exam domains to study: %v", c.ID, c.StudyDomains)
			}
		}
	}
	if unknown == 0 || held == 0 {
		t.Fatalf("the fixture no longer has a certification with unasked years (%d) and one held (%d)", unknown, held)
	}
	var md strings.Builder
	if err := WriteMarkdown(&md, b, p); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "not asked in quick mode") && strings.Contains(md.String(), "should be met around 2029") {
		t.Errorf("the Markdown dates a rule whose years were not asked:\n%s", md.String())
	}
}
