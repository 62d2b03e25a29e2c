package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// Benchmarks of the commands end to end, in process: cobra, the bank,
// reading and checking the answers file, scoring and writing the output.
//
//	go test ./internal/cli -run '^$' -bench . -benchmem
//
// .ci/bench runs them and times the same commands as processes.

// runBench runs one command and fails the benchmark on a non-zero exit.
func runBench(b *testing.B, args ...string) {
	var out, errb bytes.Buffer
	if code := Run(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}); code != 0 {
		b.Fatalf("secpath %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
}

// BenchmarkScoreFile is `secpath score FILE` on a complete full-mode
// assessment: parse the file, score it, print the report. The target is
// under 15 ms wall for the whole process.
func BenchmarkScoreFile(b *testing.B) {
	file := filepath.Join(personaDir, "security-director.toml")
	b.ReportAllocs()
	for b.Loop() {
		runBench(b, "score", file)
	}
}

// BenchmarkScoreFileJSON is `secpath score FILE --json`.
func BenchmarkScoreFileJSON(b *testing.B) {
	file := filepath.Join(personaDir, "security-director.toml")
	b.ReportAllocs()
	for b.Loop() {
		runBench(b, "score", "--json", file)
	}
}

// BenchmarkPlan is `secpath plan FILE --format F` in every format.
func BenchmarkPlan(b *testing.B) {
	file := filepath.Join(personaDir, "soc-lead.toml")
	for _, f := range export.Formats() {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				runBench(b, "plan", file, "--format", string(f), "--start", "2026-12-01")
			}
		})
	}
}

// BenchmarkCohort1000 is `secpath cohort DIR` over 1,000 answers files
// generated from the personas: reading and checking every file, scoring
// it, building the cohort and writing the text report. The target is
// under 1 s. session-files are complete files as the quiz saves them
// (every question, its options as comments: about 78 KB each); compact
// files hold the answers alone (about 8 KB), as the cohort fixtures do.
func BenchmarkCohort1000(b *testing.B) {
	for _, compact := range []bool{false, true} {
		name := "session-files"
		if compact {
			name = "compact-files"
		}
		b.Run(name, func(b *testing.B) {
			benchCohort(b, 1000, compact)
		})
	}
}

// BenchmarkCohort10000 is the same over 10,000 compact files. Against
// BenchmarkCohort1000/compact-files it shows how the cohort grows: the
// targets are under 20 s and at most 12 times the time of 1,000 (10
// would be exactly linear).
func BenchmarkCohort10000(b *testing.B) {
	b.Run("compact-files", func(b *testing.B) {
		benchCohort(b, 10000, true)
	})
}

// benchCohort times the command over n generated files, and reports what
// the cohort itself keeps per person (summary-B/person): the heap the
// finished cohort holds, over its members. The process's peak memory
// should grow by about that per person (twice it, with the collector's
// headroom), not by what was read to make it.
func benchCohort(b *testing.B, n int, compact bool) {
	dir := b.TempDir()
	writeBenchCohort(b, dir, n, compact)
	summary := cohortSummaryBytes(b, dir) / float64(n)
	b.ReportAllocs()
	for b.Loop() {
		runBench(b, "cohort", dir)
	}
	b.ReportMetric(summary, "summary-B/person")
}

// cohortSummaryBytes is the heap a cohort read from dir holds once read.
func cohortSummaryBytes(tb testing.TB, dir string) float64 {
	tb.Helper()
	bank, _, err := questions.Default()
	if err != nil {
		tb.Fatal(err)
	}
	bank.Question("") // the bank's index is not the cohort's
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c, _, err := readCohort(io.Discard, dir, bank)
	if err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(c)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc)
}

// writeBenchCohort writes n answers files into dir, made from the personas
// with the cohort fixtures' variations: choices moved a level up or down
// on some questions, years scaled, certifications changed, and a name of
// their own. Each is a complete file as the quiz saves it, or with compact
// the answers alone.
func writeBenchCohort(tb testing.TB, dir string, n int, compact bool) {
	tb.Helper()
	bank, _, err := questions.Default()
	if err != nil {
		tb.Fatal(err)
	}
	base := map[string]*assess.Answers{}
	for _, v := range cohortVariants {
		if base[v.Base] == nil {
			f, err := storage.ReadAnswers(filepath.Join(personaDir, v.Base+".toml"), bank)
			if err != nil {
				tb.Fatal(err)
			}
			base[v.Base] = f.Answers
		}
	}
	shifts := []int{-1, 0, 1}
	// Written on every core: a cohort of 10,000 is a minute's work on one.
	next := make(chan int)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := writeBenchPerson(dir, bank, base, shifts, i, compact); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		tb.Fatal(err)
	default:
	}
}

// writeBenchPerson writes the i-th person of a benchmark cohort.
func writeBenchPerson(dir string, bank *assess.Bank, base map[string]*assess.Answers, shifts []int, i int, compact bool) error {
	v := cohortVariants[i%len(cohortVariants)]
	v.Name = fmt.Sprintf("%s %04d", v.Name, i)
	v.Shift = shifts[(i/len(cohortVariants))%len(shifts)]
	v.Every = 2 + i%3
	v.Years = 0.6 + float64(i%9)/10
	a := vary(bank, base[v.Base], v)
	var buf bytes.Buffer
	if err := storage.WriteAnswers(&buf, bank, &storage.File{Answers: a}); err != nil {
		return err
	}
	data := buf.Bytes()
	if compact {
		data = []byte(compactAnswers(buf.String()))
	}
	return os.WriteFile(filepath.Join(dir, fmt.Sprintf("person-%04d.toml", i)), data, 0o600)
}

// TestWriteBenchCohort writes the benchmark's cohorts for .ci/bench, which
// times the real binary on them: 1,000 session files into
// $SECPATH_BENCH_COHORT/session-files and 1,000 compact ones into
// $SECPATH_BENCH_COHORT/compact-files; and, for each count N in the
// comma-separated $SECPATH_BENCH_COHORT_COMPACT (say "10000"), N compact
// files into $SECPATH_BENCH_COHORT/compact-files-N.
func TestWriteBenchCohort(t *testing.T) {
	dir := os.Getenv("SECPATH_BENCH_COHORT")
	if dir == "" {
		t.Skip("set SECPATH_BENCH_COHORT=DIR to write two cohorts of 1,000 answers files under DIR")
	}
	cohorts := []struct {
		name    string
		n       int
		compact bool
	}{{"session-files", 1000, false}, {"compact-files", 1000, true}}
	if extra := strings.TrimSpace(os.Getenv("SECPATH_BENCH_COHORT_COMPACT")); extra != "" {
		for _, s := range strings.Split(extra, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 1 {
				t.Fatalf("SECPATH_BENCH_COHORT_COMPACT: %q is not a count of people", s)
			}
			cohorts = append(cohorts, struct {
				name    string
				n       int
				compact bool
			}{fmt.Sprintf("compact-files-%d", n), n, true})
		}
	}
	for _, c := range cohorts {
		sub := filepath.Join(dir, c.name)
		if err := os.MkdirAll(sub, 0o700); err != nil {
			t.Fatal(err)
		}
		writeBenchCohort(t, sub, c.n, c.compact)
	}
}

// TestWriteBenchQuizInput writes, into $SECPATH_BENCH_QUIZ, what .ci/bench
// types to take a full assessment from start to finish, answering every
// question as the soc-lead persona did:
//
//   - accessible.txt, the lines to pipe into `secpath --accessible`;
//   - tui-keys.txt, one tmux send-keys argument a line, for the
//     full-screen interface in a 100x30 terminal.
func TestWriteBenchQuizInput(t *testing.T) {
	dir := os.Getenv("SECPATH_BENCH_QUIZ")
	if dir == "" {
		t.Skip("set SECPATH_BENCH_QUIZ=DIR to write the scripted quiz into DIR")
	}
	bank, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := storage.ReadAnswers(filepath.Join(personaDir, "soc-lead.toml"), bank)
	if err != nil {
		t.Fatal(err)
	}
	// Accessible: full mode, aiming for the CISO, a name, the first role.
	lines := []string{"2", "2", "Bench Person", "1"}
	// Full-screen: down to the target, the next one in its list, start.
	keys := []string{"Down", "Right", "Enter"}
	number := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, q := range bank.QuestionsFor(assess.Full) {
		ans := f.Answers.Items[q.ID]
		switch q.Kind {
		case assess.KindRating, assess.KindScenario:
			c := max(1, ans.Choice)
			lines = append(lines, strconv.Itoa(c))
			for range c - 1 {
				keys = append(keys, "Down")
			}
			keys = append(keys, "Enter")
		case assess.KindYesNo:
			if ans.Bool != nil && !*ans.Bool {
				lines = append(lines, "2")
				keys = append(keys, "Down", "Enter")
			} else {
				lines = append(lines, "1")
				keys = append(keys, "Enter")
			}
		case assess.KindNumber:
			v := 0.0
			if ans.Number != nil {
				v = *ans.Number
			}
			lines = append(lines, number(v))
			keys = append(keys, number(v), "Enter")
		case assess.KindCertifications:
			// None held: the same keys whatever the bank's order.
			lines = append(lines, "0")
			keys = append(keys, "Enter")
		default:
			t.Fatalf("question %s: kind %s", q.ID, q.Kind)
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string][]string{"accessible.txt": lines, "tui-keys.txt": keys} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(text, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}
