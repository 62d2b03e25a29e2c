package wording

import (
	"testing"

	"github.com/secpath/secpath/assess"
)

// Every kind the domain defines is worded: a kind registered in assess
// but not here would show faces an empty instruction.
func TestEveryKindWorded(t *testing.T) {
	for _, k := range assess.Kinds() {
		if KindInstruction(k) == "" {
			t.Errorf("%s has no instruction", k)
		}
		if h := KindFileHint(k); h == "" || h == string(k) && k != assess.KindNumber {
			t.Errorf("%s has no file hint (got %q)", k, h)
		}
	}
	if got := KindInstruction(assess.KindScenario); got != "Scenario: choose what you would do." {
		t.Errorf("scenario instruction = %q", got)
	}
	if got := KindFileHint("ranking"); got != "ranking" {
		t.Errorf("unknown kind's hint = %q, want its name", got)
	}
}
