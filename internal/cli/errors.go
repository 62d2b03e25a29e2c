package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// Exit codes, as the command-line contract promises.
const (
	ExitOK      = 0
	ExitInvalid = 1
	ExitUsage   = 2
	ExitAborted = 130
)

// ErrAborted is returned when the user leaves without finishing.
var ErrAborted = errors.New("aborted")

// usageError marks a mistake in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitCode maps an error to the process exit code.
func exitCode(err error) int {
	var ue usageError
	var se *SignalError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &se):
		return se.ExitCode()
	case errors.As(err, &ue):
		return ExitUsage
	case errors.Is(err, ErrAborted):
		return ExitAborted
	}
	return ExitInvalid
}

// maxReported bounds the problems printed for one error: a file with
// thousands of them is better fixed from the first few.
const maxReported = 50

// reportError prints an error for a person: every diagnostic of an invalid
// file on its own line, anything else as one line. A usage error ends with
// where to read the usage of the command that was called (its path, as
// "secpath plan"), since that help lists the command's flags and examples.
func reportError(w io.Writer, err error, command string) {
	var inv *assess.InvalidError
	if errors.As(err, &inv) {
		var fix *storage.FixError
		errors.As(err, &fix)
		for i, d := range inv.Diagnostics {
			if i == maxReported {
				fmt.Fprintf(w, "secpath: and %d more problems\n", len(inv.Diagnostics)-i)
				break
			}
			if fix != nil && d == fix.At {
				d.Message += fixHint(fix.Kind)
			}
			fmt.Fprintf(w, "secpath: %s\n", d.Error())
		}
		return
	}
	var sl silent
	if errors.As(err, &sl) {
		return
	}
	var ue usageError
	if errors.As(err, &ue) {
		if command == "" {
			command = "secpath"
		}
		fmt.Fprintf(w, "secpath: %s\nRun '%s --help' for usage.\n", ue.err, command)
		return
	}
	fmt.Fprintf(w, "secpath: %s\n", err)
}

// fixHint words, for the command line, how to fix a problem of an answers
// file that lies outside the file (see storage.FixError).
func fixHint(kind error) string {
	switch {
	case errors.Is(kind, storage.ErrEmpty):
		return "; write a blank one with `secpath template -o FILE`"
	case errors.Is(kind, storage.ErrOtherBank):
		return "; pass --questions with the bank it was made for"
	}
	return ""
}
