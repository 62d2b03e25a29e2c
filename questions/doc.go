// Package questions holds secpath's default bank (the TOML files under
// bank/, embedded in the binary) and the strict loader that reads any bank
// directory into an assess.Bank.
//
// The loader rejects unknown keys and wrong types, records where every item
// came from so validation can name file, line and column, and never panics
// on any input: a broken bank yields a list of diagnostics, not a crash.
package questions
