package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// Env is everything a command may touch of the world it runs in: its
// streams and whether each is a terminal, the environment variables, the
// working and home directories, the clock and the embedded bank. Commands
// read none of these from the process: cmd/secpath fills an Env from the
// process once, tests (and, serving many people, a server) fill one with
// their own, and two Envs side by side never see each other's.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// StdinTTY, StdoutTTY and StderrTTY say whether each stream is a
	// terminal. The full-screen interface needs both input and output to
	// be one.
	StdinTTY, StdoutTTY, StderrTTY bool
	// Environ is the environment as KEY=value pairs, given to the
	// full-screen interface (which reads TERM, COLORTERM, NO_COLOR... from
	// it) and, when Getenv is nil, to every lookup.
	Environ []string
	// Getenv looks a variable up; nil means looking it up in Environ.
	Getenv func(string) string
	// WorkDir is the working directory, where the interface saves exports
	// by default; "" means none is known.
	WorkDir string
	// HomeDir is the person's home directory; "" means $HOME.
	HomeDir string
	// StateHome is the base directory for state kept between runs; ""
	// means $XDG_STATE_HOME when that is an absolute path, else
	// ~/.local/state, as the XDG base directory specification says.
	StateHome string
	// Now is the clock; nil means the system clock. Tests pin it.
	Now func() time.Time
	// Bank loads the embedded bank; nil means questions.Default. main
	// passes the build started at initialisation (see internal/perf/prewarm),
	// a fuzz test one bank loaded once.
	Bank func() (*assess.Bank, assess.Report, error)

	// terminal is the raw output for the full-screen interface, which
	// writes escape sequences on purpose; every other command writes
	// through Stdout, which Run makes safe (see safetext).
	terminal io.Writer
}

// complete fills what was left out with the neutral choice: no
// environment variables, not a terminal, the system clock. Nothing is
// taken from the process.
func (e Env) complete() Env {
	if e.Getenv == nil {
		environ := e.Environ
		e.Getenv = func(key string) string { return lookupEnviron(environ, key) }
	}
	if e.Stdin == nil {
		e.Stdin = strings.NewReader("")
	}
	if e.Stdout == nil {
		e.Stdout = io.Discard
	}
	if e.Stderr == nil {
		e.Stderr = io.Discard
	}
	return e
}

// lookupEnviron finds a variable in KEY=value pairs; the last one wins, as
// it does for the C library's getenv on a list with duplicates.
func lookupEnviron(environ []string, key string) string {
	value := ""
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			value = v
		}
	}
	return value
}

// Today returns the current time from the environment's clock.
func (e Env) Today() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// defaultBank loads the embedded bank through the environment.
func (e Env) defaultBank() (*assess.Bank, assess.Report, error) {
	if e.Bank != nil {
		return e.Bank()
	}
	return questions.Default()
}

// home is the home directory: HomeDir, else $HOME.
func (e Env) home() string {
	if e.HomeDir != "" {
		return e.HomeDir
	}
	return e.Getenv("HOME")
}

// stateHome is the base directory for state, "" when the environment
// names none (the sessions then go under the home directory).
func (e Env) stateHome() string {
	if e.StateHome != "" {
		return e.StateHome
	}
	return e.Getenv("XDG_STATE_HOME")
}

// sessions opens the store of this environment's sessions directory, its
// clock dating the files it moves aside.
func (e Env) sessions() (*storage.FileStore, error) {
	dir, err := e.sessionsDir()
	if err != nil {
		return nil, err
	}
	return &storage.FileStore{Dir: dir, Now: e.Now}, nil
}

// sessionsDir is where this environment keeps sessions.
func (e Env) sessionsDir() (string, error) {
	dir, err := storage.SessionsDir(e.stateHome(), e.home())
	if errors.Is(err, storage.ErrNoHome) {
		return "", fmt.Errorf("cannot find a place for sessions: set XDG_STATE_HOME or HOME: %w", err)
	}
	return dir, err
}

// terminalOut is the output the full-screen interface draws on: the raw
// stream when Run has made Stdout safe, else Stdout.
func (e Env) terminalOut() io.Writer {
	if e.terminal != nil {
		return e.terminal
	}
	return e.Stdout
}
