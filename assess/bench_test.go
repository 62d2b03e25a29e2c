package assess_test

import (
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// Benchmarks of the domain on the embedded bank and a complete persona:
// go test ./assess -run XXX -bench . -benchmem

func loadPersona(b *testing.B) (*assess.Bank, *assess.Answers) {
	b.Helper()
	bank, _, err := questions.Default()
	if err != nil {
		b.Fatal(err)
	}
	f, err := storage.ReadAnswers("../questions/testdata/personas/security-director.toml", bank)
	if err != nil {
		b.Fatal(err)
	}
	return bank, f.Answers
}

func BenchmarkScore(b *testing.B) {
	bank, a := loadPersona(b)
	b.ReportAllocs()
	for b.Loop() {
		assess.Score(bank, a)
	}
}

func BenchmarkBuildPlan(b *testing.B) {
	bank, a := loadPersona(b)
	start := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := assess.BuildPlan(bank, a, assess.PlanOptions{Start: start}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	bank, _ := loadPersona(b)
	b.ReportAllocs()
	for b.Loop() {
		bank.Validate()
	}
}
