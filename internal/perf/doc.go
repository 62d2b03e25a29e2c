// Package perf names every piece of code in secpath that exists only to
// be fast, with the benchmark that proves it is worth its complexity.
// Each was measured against the plain code it replaces (figures on the
// 2-core machine the project is built on, December 2026); code that a
// benchmark did not justify was not kept.
//
//   - The pre-decoded bank (questions/bank_gen.go, written by
//     `go generate ./questions`): the embedded bank as Go literals, so
//     start-up builds it instead of decoding its TOML. BenchmarkDefault
//     0.5 ms against BenchmarkDecodeTOML 50 ms (./questions); a test proves
//     the two banks equal, so the copy can never drift from the TOML.
//   - The bank's early background build and the character-width table
//     (internal/perf/prewarm, imported first by cmd/secpath): both are
//     started while lipgloss detects the terminal's colours, which the
//     main goroutine waits for anyway. .ci/bench's start-up figure against
//     the minimal Bubble Tea program (internal/perf/minimal) measures it.
//   - The style fast path (newStyle in internal/tui/styles.go): styles that
//     only set bold, italic, faint and colours are written as their escape
//     sequences instead of through lipgloss's renderer; tests hold every
//     style to lipgloss's output byte for byte. BenchmarkView
//     (./internal/tui): the competencies page at 200x60 takes 0.3 ms with
//     it and 1.0 ms without, the readiness page 0.27 ms and 0.7 ms.
//   - The cohort's one-pass fold (internal/cli/cohort*.go, assess/cohort.go):
//     each file is read, scored and folded into the summary in turn, so
//     time and memory grow with the number of people and no more.
//     BenchmarkCohort1000 and BenchmarkCohort10000 (./internal/cli), and
//     .ci/bench's cohort rows with the 10,000/1,000 ratio.
//   - The sanitiser's clean-text check (isClean in internal/safetext): most
//     text has nothing to escape and is returned as it is, without a copy.
//
// Subpackages: minimal, the smallest Bubble Tea v2 program, the yardstick
// for start-up; prewarm, the early start-up work above.
package perf
