package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
)

// TestManyProblemsAreCounted: a file with hundreds of problems reports the
// first few and counts the rest, quickly (suggestions are not worked out
// for what is not shown).
func TestManyProblemsAreCounted(t *testing.T) {
	b := miniBank(t)
	var text strings.Builder
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&text, "[answers.no-such-question-%d]\nanswer = 1\n", i)
	}
	start := time.Now()
	_, err := ParseAnswers("a.toml", []byte(text.String()), b)
	// A guard against a blow-up, not a speed claim (the benchmarks
	// measure speed): CI runs this under -race on two shared cores.
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	var inv *assess.InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("got %v", err)
	}
	if n := len(inv.Diagnostics); n != maxProblems+1 {
		t.Fatalf("%d diagnostics, want %d", n, maxProblems+1)
	}
	if last := inv.Diagnostics[maxProblems]; last.Message != fmt.Sprintf("and %d more problems; is this an answers file for this bank?", 5000-maxProblems) {
		t.Errorf("last: %s", last.Error())
	}
	if first := inv.Diagnostics[0]; first.Line != 1 || !strings.Contains(first.Message, "unknown question") {
		t.Errorf("first: %s", first.Error())
	}
}
