package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/internal/storage"
)

func newSessionsCmd(env Env, opts *options) *cobra.Command {
	return &cobra.Command{
		Use:   "sessions",
		Short: "List saved assessments by person, newest first",
		Long: `List the saved assessments, grouped by person: the person seen most recently
first, and each person's sessions newest first, so the one to resume or compare
with is at the top. Files that could not be read come last. Resume one with
secpath resume ID, or compare two with secpath compare OLD NEW.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			b, store, err := loadBankAndSessions(env, opts)
			if err != nil {
				return err
			}
			dir := store.Dir
			list, err := store.List(b)
			if err != nil {
				return err
			}
			// Files that no longer parse are moved aside here, where the
			// person asked to see the sessions, and each move is told.
			list = reportQuarantined(env, store.Repair(list))
			if len(list) == 0 {
				fmt.Fprintf(env.Stdout, "No saved sessions in %s. Start one with: secpath\n", dir)
				return nil
			}
			fmt.Fprintf(env.Stdout, "%-21s %-18s %-6s %-9s %-17s %s\n", "ID", "NAME", "MODE", "ANSWERED", "UPDATED", "STATUS")
			for _, g := range groupSessions(list) {
				fmt.Fprintf(env.Stdout, "\n%s\n", g.title())
				for _, s := range g.sessions {
					if s.Err != nil {
						fmt.Fprintf(env.Stdout, "%-21s %-18s %-6s %-9s %-17s unreadable: %v\n", s.ID, "", "", "", s.Updated.Local().Format("2006-01-02 15:04"), s.Err)
						continue
					}
					status := "in progress"
					if s.Finished() {
						status = "finished"
					}
					name := s.Name
					if name == "" {
						name = "-"
					}
					fmt.Fprintf(env.Stdout, "%-21s %-18s %-6s %-9s %-17s %s\n", s.ID, truncate(name, 18), s.Mode, fmt.Sprintf("%d/%d", s.Answered, s.Asked), s.Updated.Local().Format("2006-01-02 15:04"), status)
				}
			}
			fmt.Fprintf(env.Stdout, "\nResume one with: secpath resume ID   (files in %s)\n", dir)
			return nil
		},
	}
}

func newResumeCmd(env Env, opts *options) *cobra.Command {
	return &cobra.Command{
		Use:   "resume ID|FILE",
		Short: "Continue a saved assessment (see `secpath sessions`), or open a session file",
		Long: `Continue a saved assessment by its id (a unique prefix is enough), or open a
session file from elsewhere, for example one your mentor reviewed and sent back:
it is saved where it is.`,
		Args: exactArgs(1, "resume needs a session id or file: secpath resume ID (see `secpath sessions`)"),
		ValidArgsFunction: func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeSessions(env, opts, toComplete), cobra.ShellCompDirectiveDefault
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			b, store, err := loadBankAndSessions(env, opts)
			if err != nil {
				return err
			}
			if isFileArg(args[0]) {
				f, err := storage.ReadAnswers(args[0], b)
				if err != nil {
					return err
				}
				return interactive(cmd.Context(), env, opts, launch{resume: f, path: args[0]})
			}
			f, err := loadSession(store, args[0], b)
			if errors.Is(err, storage.ErrNoSession) {
				return fmt.Errorf("%s: no such file, and no such session (see `secpath sessions`)", args[0])
			}
			if err != nil {
				return err
			}
			return interactive(cmd.Context(), env, opts, launch{resume: f})
		},
	}
}

func newReviewCmd(env Env, opts *options) *cobra.Command {
	return &cobra.Command{
		Use:   "review FILE",
		Short: "Review a mentee's session file as their mentor",
		Long: `Open a mentee's session file as their mentor: rate what you see beside their
answers, take notes, agree the gaps and sign off. The mentee's answers are never
changed; your view is saved in the same file, which the mentee can open again with
secpath resume FILE.`,
		Args: exactArgs(1, "review needs the mentee's file: secpath review FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := loadBank(opts)
			if err != nil {
				return err
			}
			f, err := storage.ReadAnswers(args[0], b)
			if err != nil {
				return err
			}
			return interactive(cmd.Context(), env, opts, launch{resume: f, path: args[0], review: true})
		},
	}
}

// isFileArg reports whether an argument that may be a file or a session id
// names something on disk: then it is read as a file, and a directory or an
// unreadable file is reported as such rather than as an unknown session.
func isFileArg(arg string) bool {
	_, err := os.Stat(arg)
	return err == nil || !errors.Is(err, os.ErrNotExist)
}

// reportQuarantined says on stderr where each session file that did not
// parse was moved, and returns the list without them.
func reportQuarantined(env Env, list []storage.SessionInfo) []storage.SessionInfo {
	kept := make([]storage.SessionInfo, 0, len(list))
	for _, s := range list {
		if s.Quarantined != "" {
			fmt.Fprintf(env.Stderr, "secpath: %v\n", s.Err)
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// completeSessions offers the ids of the saved sessions that begin with
// prefix, newest first, each with its person and progress; files are
// offered too, since resume opens one. It only reads: a file that no
// longer parses is left for `secpath sessions` to move aside and report.
func completeSessions(env Env, opts *options, prefix string) []cobra.Completion {
	b, store, err := loadBankAndSessions(env, opts)
	if err != nil {
		return nil
	}
	list, err := store.List(b)
	if err != nil {
		return nil
	}
	list = slices.Clone(list)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Updated.After(list[j].Updated) })
	var out []cobra.Completion
	for _, s := range list {
		if s.Err != nil || !strings.HasPrefix(s.ID, prefix) {
			continue
		}
		name := strings.TrimSpace(s.Name)
		if name == "" {
			name = "-"
		}
		out = append(out, cobra.CompletionWithDesc(s.ID, fmt.Sprintf("%s, %d/%d answered", name, s.Answered, s.Asked)))
	}
	return out
}

// sessionGroup is one person's saved sessions, newest first.
type sessionGroup struct {
	name       string // the profile name, "-" when there is none
	unreadable bool
	sessions   []storage.SessionInfo
}

func (g sessionGroup) title() string {
	n := len(g.sessions)
	count := fmt.Sprintf("%d session", n)
	if n != 1 {
		count += "s"
	}
	switch {
	case g.unreadable:
		return fmt.Sprintf("Unreadable (%s)", count)
	case n > 1:
		return fmt.Sprintf("%s (%s, newest first)", g.name, count)
	}
	return fmt.Sprintf("%s (%s)", g.name, count)
}

// groupSessions puts the sessions of each person together, newest first,
// so the latest of each person's history, the one to resume or compare
// with, is at the top of their group. The person seen
// most recently comes first; files that could not be read come last.
// Names are matched without regard to case or surrounding spaces, and the
// newest session's spelling heads the group.
func groupSessions(list []storage.SessionInfo) []sessionGroup {
	list = slices.Clone(list)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Updated.After(list[j].Updated) })
	var (
		groups     []sessionGroup
		unreadable sessionGroup
		index      = map[string]int{}
	)
	unreadable.unreadable = true
	for _, s := range list {
		if s.Err != nil {
			unreadable.sessions = append(unreadable.sessions, s)
			continue
		}
		name := strings.TrimSpace(s.Name)
		if name == "" {
			name = "-"
		}
		key := strings.ToLower(name)
		i, ok := index[key]
		if !ok {
			i = len(groups)
			index[key] = i
			groups = append(groups, sessionGroup{name: name})
		}
		groups[i].sessions = append(groups[i].sessions, s)
	}
	latest := func(g sessionGroup) (t int64) {
		for _, s := range g.sessions {
			t = max(t, s.Updated.UnixNano())
		}
		return t
	}
	sort.SliceStable(groups, func(i, j int) bool { return latest(groups[i]) > latest(groups[j]) })
	if len(unreadable.sessions) > 0 {
		groups = append(groups, unreadable)
	}
	for _, g := range groups {
		sort.SliceStable(g.sessions, func(i, j int) bool {
			a, b := g.sessions[i], g.sessions[j]
			if !a.Updated.Equal(b.Updated) {
				return a.Updated.After(b.Updated)
			}
			return a.ID > b.ID
		})
	}
	return groups
}
