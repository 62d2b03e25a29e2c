package assess

import (
	"testing"
	"time"
)

// Every kind is fully defined: a shape faces can take, evidence scoring
// can weigh, and each of its rules.
func TestKindDefsComplete(t *testing.T) {
	want := map[QuestionKind]struct {
		shape    Shape
		evidence Evidence
	}{
		KindRating:         {ShapeChoice, EvidenceClaim},
		KindScenario:       {ShapeChoice, EvidenceJudgement},
		KindYesNo:          {ShapeYesNo, EvidenceFact},
		KindNumber:         {ShapeNumber, EvidenceFact},
		KindCertifications: {ShapeCertList, EvidenceCertificates},
	}
	if got := len(Kinds()); got != len(want) {
		t.Fatalf("Kinds() has %d kinds, want %d", got, len(want))
	}
	for _, k := range Kinds() {
		d, ok := KindOf(k)
		if !ok {
			t.Fatalf("KindOf(%q) not found", k)
		}
		w := want[k]
		if d.Shape != w.shape || d.Evidence != w.evidence {
			t.Errorf("%s: shape %d evidence %d, want %d %d", k, d.Shape, d.Evidence, w.shape, w.evidence)
		}
		if d.level == nil || d.record == nil || d.validate == nil {
			t.Errorf("%s: a rule is missing", k)
		}
	}
	if got := kindList(); got != "rating, scenario, yesno, number, certifications" {
		t.Errorf("kindList() = %q", got)
	}
}

// A kind nobody defines takes no answer and gives no level, so a caller
// that skipped validation gets nothing rather than a panic.
func TestUnknownKind(t *testing.T) {
	d, ok := KindOf("ranking")
	if ok || d.Kind != "ranking" || d.Shape != ShapeUnknown || d.Evidence != EvidenceNone {
		t.Fatalf("KindOf(ranking) = %+v, %v", d, ok)
	}
	q := &Question{ID: "q", Kind: "ranking"}
	if (Answer{Choice: 1}).Given(q.Kind) {
		t.Error("an answer to an unknown kind counts as given")
	}
	if l, ok := d.level(q, Answer{Choice: 1}, "c"); ok || l != 0 {
		t.Errorf("level = %v, %v", l, ok)
	}
	b := &Bank{}
	if p := b.CheckAnswer(q, Answer{Choice: 1}, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); p == nil || p.Code != ProblemKind {
		t.Errorf("CheckAnswer = %v, want a kind problem", p)
	}
}

// What each shape counts as given, hand-listed.
func TestGivenByShape(t *testing.T) {
	n, yes := 3.0, true
	cases := []struct {
		kind QuestionKind
		a    Answer
		want bool
	}{
		{KindRating, Answer{Choice: 2}, true},
		{KindScenario, Answer{}, false},
		{KindScenario, Answer{Choice: 1, Skipped: true}, false},
		{KindNumber, Answer{Number: &n}, true},
		{KindNumber, Answer{Choice: 1}, false},
		{KindYesNo, Answer{Bool: &yes}, true},
		{KindCertifications, Answer{Held: []HeldCert{}}, true},
		{KindCertifications, Answer{}, false},
	}
	for _, c := range cases {
		if got := c.a.Given(c.kind); got != c.want {
			t.Errorf("%s %+v: Given = %v, want %v", c.kind, c.a, got, c.want)
		}
	}
}
