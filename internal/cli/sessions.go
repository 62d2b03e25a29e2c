package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/internal/storage"
)

func newSessionsCmd(env Env, opts *options) *cobra.Command {
	return &cobra.Command{
		Use:   "sessions",
		Short: "List saved assessments, newest first",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			b, dir, err := loadBankAndSessions(env, opts)
			if err != nil {
				return err
			}
			list, err := storage.ListSessions(dir, b)
			if err != nil {
				return err
			}
			if len(list) == 0 {
				fmt.Fprintf(env.Stdout, "No saved sessions in %s. Start one with: secpath\n", dir)
				return nil
			}
			fmt.Fprintf(env.Stdout, "%-21s %-18s %-6s %-9s %-17s %s\n", "ID", "NAME", "MODE", "ANSWERED", "UPDATED", "STATUS")
			for _, s := range list {
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
			fmt.Fprintf(env.Stdout, "\nResume one with: secpath resume ID   (files in %s)\n", dir)
			return nil
		},
	}
}

func newResumeCmd(env Env, opts *options) *cobra.Command {
	return &cobra.Command{
		Use:   "resume ID",
		Short: "Continue a saved assessment (see `secpath sessions`)",
		Args:  exactArgs(1, "resume needs a session id: secpath resume ID (see `secpath sessions`)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, dir, err := loadBankAndSessions(env, opts)
			if err != nil {
				return err
			}
			f, _, err := storage.LoadSession(dir, args[0], b)
			if err != nil {
				return err
			}
			return interactive(cmd.Context(), env, opts, f)
		},
	}
}
