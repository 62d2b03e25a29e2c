package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
)

// SignalError is the cause of a run's context when a signal stopped it:
// SIGINT, SIGTERM or SIGHUP. The exit status is 128 plus the signal's
// number, as shells report a process killed by it: 130, 143 and 129.
type SignalError struct{ Signal os.Signal }

func (e *SignalError) Error() string {
	return fmt.Sprintf("stopped by %s", signalName(e.Signal))
}

// ExitCode is 128 plus the signal's number.
func (e *SignalError) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return ExitAborted
}

func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "an interrupt (SIGINT)"
	case syscall.SIGTERM:
		return "a request to terminate (SIGTERM)"
	case syscall.SIGHUP:
		return "the terminal closing (SIGHUP)"
	}
	return s.String()
}

// signalled returns the SignalError that cancelled ctx, or nil.
func signalled(ctx context.Context) error {
	var se *SignalError
	if errors.As(context.Cause(ctx), &se) {
		return se
	}
	return nil
}
