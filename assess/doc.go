// Package assess is the pure domain of secpath: the competency model (a
// Bank), its validation, and the engine that turns a person's answers into
// competency levels, role readiness, ranked gaps, blockers, a recommended
// path, calibration flags and certification status.
//
// Nothing here touches a terminal, a file or the network. The loader in
// package questions decodes TOML into these types and records where each
// item came from (Source), so that validation errors can name a file, line
// and column; the CLI, the TUI and the exporters only consume the results.
//
// Each kind of question is defined once, in its own kind_*.go file (see
// kind.go for how to add one): faces take answers by its Shape and
// scoring weighs them by its Evidence.
//
// The formulas are written for a mentor to read in README.md beside this
// file.
package assess
