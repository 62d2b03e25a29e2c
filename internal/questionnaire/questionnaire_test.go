package questionnaire

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/questions"
)

func today() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }

// mini is the small valid bank of the loader's tests: eight questions in
// one section, in this order: years, degree, certs, risk-rate, ops-rate,
// crisis, team, and a last one.
func mini(t *testing.T) *assess.Bank {
	t.Helper()
	b, _, err := questions.LoadDir("../../questions/testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func ids(qs []*assess.Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

func TestOpensWhereThePersonLeftOff(t *testing.T) {
	b := mini(t)
	a := assess.NewAnswers(b, assess.Full)
	order := ids(b.QuestionsAsked(assess.Full, a))
	if len(order) < 6 || order[0] != "years" || order[3] != "risk-rate" {
		t.Fatalf("the mini bank changed: %v", order)
	}
	// Nothing answered: the first question.
	if e := New(b, a, "", today); e.Index() != 0 || e.Position() != "years" {
		t.Errorf("fresh: at %d (%s)", e.Index(), e.Position())
	}
	// The first two done: the first open one.
	a.Items["years"] = assess.Answer{Number: new(8.0)}
	a.Items["degree"] = assess.Answer{Skipped: true}
	if e := New(b, a, "", today); e.Position() != "certs" {
		t.Errorf("first open: %s", e.Position())
	}
	// A saved position wins over the first open question.
	if e := New(b, a, "crisis", today); e.Position() != "crisis" {
		t.Errorf("saved position: %s", e.Position())
	}
	// A saved position that is no longer asked falls back.
	if e := New(b, a, "gone", today); e.Position() != "certs" {
		t.Errorf("unknown position: %s", e.Position())
	}
	// Everything done: the first question, to look back over.
	for _, id := range order {
		a.Items[id] = assess.Answer{Skipped: true}
	}
	if e := New(b, a, "", today); e.Index() != 0 || !e.Finished() || e.Done() != len(order) {
		t.Errorf("all done: at %d, finished %v, done %d", e.Index(), e.Finished(), e.Done())
	}
}

func TestMoves(t *testing.T) {
	b := mini(t)
	e := New(b, assess.NewAnswers(b, assess.Full), "", today)
	if s := e.Move(-1); s != AtStart || e.Index() != 0 {
		t.Errorf("back from the first: %v at %d", s, e.Index())
	}
	if s := e.Move(1); s != Moved || e.Position() != "degree" {
		t.Errorf("forward: %v at %s", s, e.Position())
	}
	e.GoToIndex(e.Total() - 1)
	if s := e.Move(1); s != PastEnd || e.Current() != nil || e.Position() != "" {
		t.Errorf("past the end: %v, current %v", s, e.Current())
	}
	if s := e.Move(-1); s != Moved || e.Index() != e.Total()-1 {
		t.Errorf("back from the end: %v at %d", s, e.Index())
	}
	if !e.GoTo("crisis") || e.Position() != "crisis" || e.GoTo("gone") {
		t.Errorf("GoTo: at %s", e.Position())
	}
}

func TestSetChecksWithTheKindsRules(t *testing.T) {
	b := mini(t)
	a := assess.NewAnswers(b, assess.Full)
	e := New(b, a, "years", today)
	var p *assess.Problem
	if err := e.Set(assess.Answer{Number: new(1e20)}); !errors.As(err, &p) || p.Code != assess.ProblemNumberRange {
		t.Errorf("a number past the bounds: %v", err)
	}
	if _, ok := a.Items["years"]; ok {
		t.Errorf("a refused answer was recorded: %+v", a.Items["years"])
	}
	if err := e.Set(assess.Answer{Number: new(6.0), Evidence: "SOC, 6 years"}); err != nil || *a.Items["years"].Number != 6 {
		t.Errorf("a good answer: %v %+v", err, a.Items["years"])
	}
	// Skipping keeps the note and the confidence.
	if err := e.Skip(); err != nil || !a.Items["years"].Skipped || a.Items["years"].Evidence != "SOC, 6 years" || a.Items["years"].Number != nil {
		t.Errorf("skip: %v %+v", err, a.Items["years"])
	}
	// An answer with nothing in it is no answer at all.
	if err := e.Set(assess.Answer{}); err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Items["years"]; ok {
		t.Errorf("an empty answer is stored")
	}
	e.GoTo("certs")
	next := today().Year() + 1
	if err := e.Set(assess.Answer{Held: []assess.HeldCert{{ID: "cert-a", Year: next}}}); !errors.As(err, &p) || p.Code != assess.ProblemCertYear {
		t.Errorf("a certification from next year: %v", err)
	}
	e.ReadOnly = true
	if err := e.Set(assess.Answer{Held: []assess.HeldCert{}}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read only: %v", err)
	}
	if err := e.Skip(); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read only skip: %v", err)
	}
}

func TestRequiredQuestionIsNotSkipped(t *testing.T) {
	orig := mini(t)
	b := *orig
	b.Questions = slices.Clone(orig.Questions)
	no := false
	b.Questions[0].Skippable = &no
	a := assess.NewAnswers(&b, assess.Full)
	e := New(&b, a, "years", today)
	if err := e.Skip(); !errors.Is(err, ErrRequired) {
		t.Errorf("skip of a required question: %v", err)
	}
	if _, ok := a.Items["years"]; ok {
		t.Errorf("recorded: %+v", a.Items["years"])
	}
}

func TestAnAnswerChangesWhatIsAsked(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := assess.NewAnswers(b, assess.Full)
	e := New(b, a, "regime-us-listed", today)
	before := e.Total()
	if slices.Contains(ids(e.Questions()), "sec-8k-materiality") {
		t.Fatalf("the SEC scenario is asked before the question that brings it")
	}
	yes := true
	if err := e.Set(assess.Answer{Bool: &yes}); err != nil {
		t.Fatal(err)
	}
	if s := e.Move(1); s != Moved {
		t.Fatalf("move: %v", s)
	}
	if !slices.Contains(ids(e.Questions()), "sec-8k-materiality") {
		t.Errorf("a yes does not bring the SEC scenario")
	}
	// The scenario replaces its alternative: as many questions as before.
	if e.Total() != before {
		t.Errorf("%d questions after the yes, %d before", e.Total(), before)
	}
	// Back to the question, still current after the list changed.
	e.Move(-1)
	if e.Position() != "regime-us-listed" {
		t.Errorf("back: at %s", e.Position())
	}
}

func TestNextOpenAndSections(t *testing.T) {
	b := mini(t)
	a := assess.NewAnswers(b, assess.Full)
	order := ids(b.QuestionsAsked(assess.Full, a))
	for _, id := range order {
		a.Items[id] = assess.Answer{Skipped: true}
	}
	delete(a.Items, order[2])
	delete(a.Items, order[5])
	e := New(b, a, "", today)
	if e.Index() != 2 {
		t.Fatalf("opened at %d", e.Index())
	}
	if s := e.NextOpen(); s != Moved || e.Index() != 5 {
		t.Errorf("next open: %v at %d", s, e.Index())
	}
	if s := e.NextOpen(); s != PastEnd {
		t.Errorf("no more open: %v at %d", s, e.Index())
	}
	if first, n := e.Open(); first != 2 || n != 2 || e.Done() != len(order)-2 || e.Finished() {
		t.Errorf("open: %d, %d", first, n)
	}
	secs := e.Sections()
	if len(secs) != 1 || secs[0].ID != "main" || secs[0].Total != len(order) || secs[0].Done != len(order)-2 || secs[0].First != 0 || secs[0].FirstOpen != 2 {
		t.Errorf("sections: %+v", secs)
	}
}

func TestTargetRolesFromTheBank(t *testing.T) {
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	roles := TargetRoles(b)
	if len(roles) != len(b.Roles) || roles[0].ID != "it-security-manager" || roles[1].ID != "ciso" || roles[2].Featured {
		t.Errorf("target roles start %s, %s, %s", roles[0].ID, roles[1].ID, roles[2].ID)
	}
	// With nothing featured, the bank's order.
	plain := *b
	plain.Roles = slices.Clone(b.Roles)
	for i := range plain.Roles {
		plain.Roles[i].Featured = false
	}
	if got := TargetRoles(&plain); got[0].ID != b.Roles[0].ID {
		t.Errorf("unfeatured: %s first", got[0].ID)
	}
}
