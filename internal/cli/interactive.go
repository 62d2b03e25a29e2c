package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/accessible"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/tui"
)

// useAccessible decides between the full-screen interface and numbered
// line prompts: the flag, ACCESSIBLE, TERM=dumb, or input or output that is
// not a terminal all choose the prompts.
func useAccessible(env Env, opts *options) bool {
	if opts.accessible {
		return true
	}
	if v := strings.ToLower(env.Getenv("ACCESSIBLE")); v != "" && v != "0" && v != "false" {
		return true
	}
	if env.Getenv("TERM") == "dumb" {
		return true
	}
	return !isTerminal(env.Stdin) || !isTerminal(env.Stdout)
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// interactive runs the assessment: a new one (offering to resume the last
// unfinished session) or, with resume set, a saved one.
func interactive(ctx context.Context, env Env, opts *options, resume *storage.File) error {
	b, dir, err := loadBankAndSessions(env, opts)
	if err != nil {
		return err
	}
	if useAccessible(env, opts) {
		return runAccessible(env, b, dir, resume)
	}
	var offer *storage.SessionInfo
	if resume == nil {
		if list, err := storage.ListSessions(dir, b); err == nil {
			for i := range list {
				if list[i].Err == nil && !list[i].Finished() {
					offer = &list[i]
					break
				}
			}
		}
	}
	wd, _ := os.Getwd()
	out, err := tui.Run(ctx, tui.Options{Bank: b, Dir: dir, Resume: resume, Offer: offer, WorkDir: wd}, env.Stdin, env.Stdout, os.Environ())
	if err != nil {
		return fmt.Errorf("the interface stopped: %w", err)
	}
	if out.Started {
		printOutcome(env, out.Path, out.SessionID, out.Finished, out.SaveErr)
	}
	return nil
}

func printOutcome(env Env, path, id string, finished bool, saveErr error) {
	if saveErr != nil {
		fmt.Fprintf(env.Stderr, "secpath: the last save failed: %v\n", saveErr)
	}
	fmt.Fprintf(env.Stdout, "Your answers are saved in %s\n", path)
	if finished {
		fmt.Fprintf(env.Stdout, "See the full report with: secpath score %s\n", path)
	} else {
		fmt.Fprintf(env.Stdout, "Resume with: secpath resume %s\n", id)
	}
}

func runAccessible(env Env, b *assess.Bank, dir string, resume *storage.File) error {
	f := resume
	isNew := f == nil
	if isNew {
		now := time.Now()
		f = &storage.File{Answers: assess.NewAnswers(b, assess.Full), Session: storage.Session{ID: storage.NewSessionID(now), Started: now}}
	}
	var path string
	save := func(f *storage.File) error {
		p, err := storage.SaveSession(dir, b, f)
		path = p
		return err
	}
	res, err := accessible.Run(accessible.Options{Bank: b, File: f, Save: save, In: env.Stdin, Out: env.Stdout, New: isNew})
	if path == "" {
		path = storage.SessionPath(dir, f.Session.ID)
	}
	switch {
	case errors.Is(err, accessible.ErrAborted):
		printOutcome(env, path, f.Session.ID, false, nil)
		return fmt.Errorf("%w: %v", ErrAborted, err)
	case err != nil:
		return err
	}
	if res.Finished {
		fmt.Fprintln(env.Stdout)
		if err := writeScore(env.Stdout, b, f.Answers, assess.Score(b, f.Answers), false); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout)
	}
	if !res.Quit {
		printOutcome(env, path, f.Session.ID, res.Finished, nil)
	}
	return nil
}
