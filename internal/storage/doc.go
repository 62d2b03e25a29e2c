// Package storage reads and writes secpath's files: answers files (the
// same TOML format for hand-filled answers, templates and saved quiz
// sessions), with positioned errors checked against the bank, and atomic,
// private (0600) writes that never overwrite a file unless told to.
package storage
