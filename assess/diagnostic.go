package assess

import (
	"cmp"
	"fmt"
	"slices"
)

// Diagnostic is one problem found in a bank or an answers file, with the
// place it was found. Line and Column are 0 when no position is known.
type Diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// Error formats the diagnostic as "file:line:col: message".
func (d Diagnostic) Error() string {
	switch {
	case d.File == "":
		return d.Message
	case d.Line == 0:
		return fmt.Sprintf("%s: %s", d.File, d.Message)
	case d.Column == 0:
		return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Message)
	default:
		return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Column, d.Message)
	}
}

// Report collects the errors and warnings of a validation.
type Report struct {
	Errors   []Diagnostic
	Warnings []Diagnostic
}

// OK reports whether there were no errors.
func (r *Report) OK() bool { return len(r.Errors) == 0 }

// Errorf records an error at a source position.
func (r *Report) Errorf(at Source, format string, args ...any) {
	r.Errors = append(r.Errors, diag(at, format, args...))
}

// Warnf records a warning at a source position.
func (r *Report) Warnf(at Source, format string, args ...any) {
	r.Warnings = append(r.Warnings, diag(at, format, args...))
}

// Merge appends another report's findings.
func (r *Report) Merge(o Report) {
	r.Errors = append(r.Errors, o.Errors...)
	r.Warnings = append(r.Warnings, o.Warnings...)
}

// Sort orders errors and warnings by file, line and column, so a long list
// reads top to bottom like the files themselves.
func (r *Report) Sort() {
	by := func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Message, b.Message))
	}
	slices.SortStableFunc(r.Errors, by)
	slices.SortStableFunc(r.Warnings, by)
}

func diag(at Source, format string, args ...any) Diagnostic {
	return Diagnostic{File: at.File, Line: at.Line, Column: at.Column, Message: fmt.Sprintf(format, args...)}
}

// InvalidError carries the errors of a failed validation as one error.
type InvalidError struct {
	Diagnostics []Diagnostic
}

func (e *InvalidError) Error() string {
	if len(e.Diagnostics) == 0 {
		return "invalid"
	}
	msg := e.Diagnostics[0].Error()
	if n := len(e.Diagnostics) - 1; n > 0 {
		msg += fmt.Sprintf(" (and %d more)", n)
	}
	return msg
}
