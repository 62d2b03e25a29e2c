package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

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
	return !env.StdinTTY || !env.StdoutTTY
}

// launch says how the interface opens.
type launch struct {
	resume *storage.File // a saved session to continue
	path   string        // set when resume came from a file outside the sessions directory
	review bool          // a mentor reviews the file at path
}

// interactive runs the assessment: a new one (offering to resume the last
// unfinished session), a saved one, or a mentor's review of a file.
func interactive(ctx context.Context, env Env, opts *options, l launch) error {
	b, store, err := loadBankAndSessions(env, opts)
	if err != nil {
		return err
	}
	dir := store.Dir
	if useAccessible(env, opts) && l.review {
		return usagef("review needs the full-screen interface: run it in a terminal of at least %dx%d (without --accessible)", tui.MinWidth, tui.MinHeight)
	}
	// Sessions are read here, before the interface starts, so that nothing
	// inside it has to touch the disk to offer a resume or a comparison.
	// Any session file that no longer parses is then moved aside, and the
	// person told where it went.
	list, _ := store.List(b)
	list = store.Repair(list)
	var notice string
	for _, s := range list {
		if s.Quarantined != "" {
			notice = "A session file that no longer parses was moved aside to " + s.Quarantined
		}
	}
	list = reportQuarantined(env, list)
	// The session about to be continued is locked for this process, so
	// that a second secpath on it is told who has it rather than both
	// writing over each other's answers.
	if l.resume != nil && l.resume.Session.ID != "" {
		at := l.path
		if at == "" {
			at = store.Path(l.resume.Session.ID)
		}
		lock, err := storage.LockFile(at, env.Today())
		if errors.Is(err, storage.ErrLocked) {
			return fmt.Errorf("%w: close it there first; meanwhile its results can be read with: secpath score %s", err, at)
		}
		if err != nil {
			return err
		}
		defer lock.Release()
	}
	if useAccessible(env, opts) {
		return runAccessible(env, b, store, l.resume, l.path)
	}
	topts := tui.Options{Bank: b, Dir: dir, Resume: l.resume, Mentor: opts.mentor, PreviousByName: previousByName(store, b, list), Notice: notice}
	if l.review {
		topts.ReviewPath, topts.Mentor = l.path, true
	} else if l.path != "" {
		topts.SavePath = l.path
	}
	if l.resume == nil {
		for i := range list {
			if list[i].Err == nil && !list[i].Finished() {
				// Offered only when no other secpath has it open; the
				// lock is held while this one runs, in case it is taken.
				lock, err := storage.LockFile(list[i].Path, env.Today())
				if err != nil {
					topts.Notice = err.Error() + ", so it is not offered here"
					break
				}
				defer lock.Release()
				if f, _, err := store.Load(list[i].ID, b); err == nil {
					topts.Offer, topts.OfferFile = &list[i], f
				}
				break
			}
		}
	}
	// Exports go to one documented folder (see tui.ExportDir), not to
	// wherever secpath was started.
	topts.WorkDir, topts.Now = tui.ExportDir(env.Getenv("XDG_DOCUMENTS_DIR"), env.stateHome(), env.home(), env.WorkDir), env.Now
	out, err := tui.Run(ctx, topts, env.Stdin, env.terminalOut(), env.Environ)
	if sig := signalled(ctx); sig != nil {
		// Stopped by a signal: every answer was saved as it was given;
		// say where, and exit as the signal asks.
		if out.Started {
			_ = printOutcome(env, out.Path, out.SessionID, false, out.SaveErr)
		}
		return sig
	}
	if err != nil {
		return fmt.Errorf("the interface stopped: %w", err)
	}
	switch {
	case out.Review:
		if out.SaveErr != nil {
			return fmt.Errorf("the last save of the review failed, so its latest notes are not on disk; the last good copy is %s: %w", out.Path, out.SaveErr)
		}
		fmt.Fprintf(env.Stdout, "The review is saved in %s, beside the mentee's answers.\nThe mentee sees it with: secpath resume %s\n", out.Path, out.Path)
	case out.Started:
		return printOutcome(env, out.Path, out.SessionID, out.Finished, out.SaveErr)
	}
	return nil
}

// previousByName maps each person's lower-cased name to their most recent
// finished assessment, for the compare screen.
func previousByName(store storage.Store, b *assess.Bank, list []storage.SessionInfo) map[string]*storage.File {
	out := map[string]*storage.File{}
	for _, s := range list { // newest first
		key := strings.ToLower(strings.TrimSpace(s.Name))
		if s.Err != nil || !s.Finished() || key == "" || out[key] != nil {
			continue
		}
		if f, _, err := store.Load(s.ID, b); err == nil {
			out[key] = f
		}
	}
	return out
}

// printOutcome says where the answers are. After a failed save it says
// they are not all on disk, and where the last good copy is, and returns
// an error so that the exit status says so too.
func printOutcome(env Env, path, id string, finished bool, saveErr error) error {
	if saveErr != nil {
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("no save succeeded, so nothing of this assessment is on disk: %w", saveErr)
		}
		return fmt.Errorf("the last save failed, so your latest answers are not on disk; the last good copy is %s (resume it with: secpath resume %s): %w", path, id, saveErr)
	}
	fmt.Fprintf(env.Stdout, "Your answers are saved in %s\n", path)
	if finished {
		fmt.Fprintf(env.Stdout, "See the full report with: secpath score %s\n", path)
	} else {
		fmt.Fprintf(env.Stdout, "Resume with: secpath resume %s\n", id)
	}
	return nil
}

// runAccessible runs the numbered prompts: a new assessment, a saved
// session, or a file from elsewhere (at), which is saved where it is, as
// the full-screen interface does.
func runAccessible(env Env, b *assess.Bank, store *storage.FileStore, resume *storage.File, at string) error {
	f := resume
	isNew := f == nil
	now := env.Today()
	if isNew {
		f = &storage.File{Answers: assess.NewAnswers(b, assess.Full), Session: storage.Session{ID: storage.NewSessionID(now), Started: now}}
	}
	if f.Session.ID == "" {
		// A hand-filled file or a template has no session table yet: it
		// becomes a session the first time it is saved.
		f.Session.ID, f.Session.Started = storage.NewSessionID(now), now
	}
	var path string
	save := func(f *storage.File) error {
		if at != "" {
			path = at
			return storage.SaveFileAt(at, b, f)
		}
		p, err := store.Save(b, f)
		path = p
		return err
	}
	res, err := accessible.Run(accessible.Options{Bank: b, File: f, Save: save, In: env.Stdin, Out: env.Stdout, New: isNew, ResumeAs: at})
	if path == "" {
		path = store.Path(f.Session.ID)
	}
	switch {
	case errors.Is(err, accessible.ErrNotSaved):
		return printOutcome(env, path, resumeArg(f, at), false, err)
	case res.Unsaved && errors.Is(err, accessible.ErrAborted):
		return fmt.Errorf("%w: %v", ErrAborted, err)
	case errors.Is(err, accessible.ErrAborted):
		_ = printOutcome(env, path, resumeArg(f, at), false, nil)
		return fmt.Errorf("%w: %v", ErrAborted, err)
	case err != nil:
		return err
	}
	if res.Finished {
		fmt.Fprintln(env.Stdout)
		if err := accessible.WriteResults(env.Stdout, b, f.Answers, assess.Score(b, f.Answers)); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout)
	}
	if !res.Quit {
		return printOutcome(env, path, resumeArg(f, at), res.Finished, nil)
	}
	return nil
}

// resumeArg is what to type after `secpath resume` to carry on: the path
// of a file saved where it was opened, else the session's id.
func resumeArg(f *storage.File, at string) string {
	if at != "" {
		return at
	}
	return f.Session.ID
}
