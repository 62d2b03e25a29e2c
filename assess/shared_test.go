package assess_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// sharedWorkers is how many people use one bank at once in
// TestSharedBankManyAssessments.
const sharedWorkers = 32

// assessmentOutcome is what one whole assessment produces, compared
// between a run alone and the runs side by side.
type assessmentOutcome struct {
	Size        string
	Recommended string
	Readiness   map[string]float64
	PlanRole    string
	PlanGoals   int
	Asked       []string
	RoleTitles  []string
	SavedEqual  bool
}

// runAssessment does a whole assessment's worth of work against a bank:
// sets the organisation's size, scores, builds a plan, lists the questions
// asked, looks up every role, then writes the answers as a session file in
// its own directory, reads them back and scores them again.
func runAssessment(bank *assess.Bank, persona *assess.Answers, people float64, dir string) (assessmentOutcome, error) {
	a := *persona
	a.Items = make(map[string]assess.Answer, len(persona.Items))
	for k, v := range persona.Items {
		a.Items[k] = v
	}
	n := people
	a.Items["org-size"] = assess.Answer{Number: &n}

	var out assessmentOutcome
	res := assess.Score(bank, &a)
	out.Size = res.OrgSize.Size
	out.Recommended = res.Recommendation.WorkTowards
	out.Readiness = map[string]float64{}
	for _, f := range res.Roles {
		out.Readiness[f.ID] = f.Readiness
	}
	plan, err := assess.BuildPlan(bank, &a, assess.PlanOptions{Start: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return out, fmt.Errorf("building the plan: %w", err)
	}
	out.PlanRole, out.PlanGoals = plan.Role.ID, len(plan.Goals)
	for _, q := range bank.QuestionsAsked(a.Mode, &a) {
		out.Asked = append(out.Asked, q.ID)
	}
	for i := range bank.Roles {
		r := bank.Role(bank.Roles[i].ID)
		sized := bank.SizedRole(bank.Roles[i].ID, out.Size)
		if r == nil || sized == nil {
			return out, fmt.Errorf("role %s not found", bank.Roles[i].ID)
		}
		out.RoleTitles = append(out.RoleTitles, r.Title)
	}

	f := &storage.File{Answers: &a, Session: storage.Session{ID: "20261201-090000-0a0b", Started: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}}
	path, err := storage.SaveSession(dir, bank, f)
	if err != nil {
		return out, fmt.Errorf("saving: %w", err)
	}
	back, err := storage.ReadAnswers(path, bank)
	if err != nil {
		return out, fmt.Errorf("reading back: %w", err)
	}
	var first, second bytes.Buffer
	if err := storage.WriteAnswers(&first, bank, f); err != nil {
		return out, err
	}
	if err := storage.WriteAnswers(&second, bank, back); err != nil {
		return out, err
	}
	again := assess.Score(bank, back.Answers)
	out.SavedEqual = bytes.Equal(first.Bytes(), second.Bytes()) && again.Recommendation.WorkTowards == out.Recommended
	return out, nil
}

// TestSharedBankManyAssessments runs many assessments at once against one
// default bank, as a server with many people connected does: small,
// mid-size and large organisations (the sized banks are built while the
// others read), each writing and reading its own files. Under go test
// -race it fails on any write to the shared bank; without it, every
// outcome must still equal the one the same assessment gives alone.
func TestSharedBankManyAssessments(t *testing.T) {
	// The outcomes alone come from a bank of their own, so that the shared
	// bank is untouched when the workers start on it.
	alone, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := storage.ReadAnswers("../questions/testdata/personas/security-director.toml", alone)
	if err != nil {
		t.Fatal(err)
	}
	sizes := []float64{40, 1200, 20000} // small, mid, large
	want := make([]assessmentOutcome, len(sizes))
	for i, people := range sizes {
		if want[i], err = runAssessment(alone, f.Answers, people, t.TempDir()); err != nil {
			t.Fatal(err)
		}
	}
	if want[0].Size != assess.SizeSmall || want[1].Size != assess.SizeMid || want[2].Size != assess.SizeLarge {
		t.Fatalf("sizes read as %s, %s, %s; want small, mid, large", want[0].Size, want[1].Size, want[2].Size)
	}
	for i, w := range want {
		if !w.SavedEqual {
			t.Errorf("size %g: the answers did not survive a save and a read", sizes[i])
		}
		if len(w.Asked) == 0 || len(w.RoleTitles) != len(alone.Roles) || w.PlanGoals == 0 {
			t.Errorf("size %g: an empty assessment (%d asked, %d roles, %d goals)", sizes[i], len(w.Asked), len(w.RoleTitles), w.PlanGoals)
		}
	}

	bank, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	if bank == alone {
		t.Fatal("Default returned the same bank twice")
	}
	root := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, sharedWorkers)
	for w := range sharedWorkers {
		wg.Go(func() {
			k := w % len(sizes)
			dir := filepath.Join(root, fmt.Sprintf("person-%02d", w))
			got, err := runAssessment(bank, f.Answers, sizes[k], dir)
			if err != nil {
				errs <- fmt.Errorf("worker %d: %w", w, err)
				return
			}
			if !reflect.DeepEqual(got, want[k]) {
				errs <- fmt.Errorf("worker %d (%g people): got %+v, alone it gives %+v", w, sizes[k], got, want[k])
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	entries, err := os.ReadDir(root)
	if err != nil || len(entries) != sharedWorkers {
		t.Errorf("%d person directories, want %d (%v)", len(entries), sharedWorkers, err)
	}
}
