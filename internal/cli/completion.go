package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// completionShells are the shells cobra writes completion scripts for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// newCompletionCmd writes a shell's completion script. cobra's generators
// do the work; secpath's own command (rather than cobra's default one)
// gives it the same help, examples and usage errors as the other commands.
// The scripts ask the binary itself (its hidden __complete command) what
// to offer, so they follow the commands and flags of the installed secpath.
func newCompletionCmd() *cobra.Command {
	var noDesc bool
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script for bash, zsh, fish or PowerShell",
		Long: `Print the script that completes secpath's commands, flags and session ids in
your shell. Load it once to try it, or install it to have it in every new shell:

bash (needs the bash-completion package):
    secpath completion bash > ~/.local/share/bash-completion/completions/secpath
zsh (then in ~/.zshrc: fpath=(~/.zfunc $fpath); autoload -U compinit; compinit):
    mkdir -p ~/.zfunc && secpath completion zsh > ~/.zfunc/_secpath
fish:
    secpath completion fish > ~/.config/fish/completions/secpath.fish
PowerShell (add the line to $PROFILE):
    secpath completion powershell | Out-String | Invoke-Expression

Start a new shell afterwards. After upgrading secpath, the installed script
still works: it asks the binary what to complete.`,
		ValidArgs: completionShells,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("completion needs a shell: secpath completion bash|zsh|fish|powershell")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return writeCompletion(cmd.Root(), cmd.OutOrStdout(), args[0], !noDesc)
		},
	}
	cmd.Flags().BoolVar(&noDesc, "no-descriptions", false, "complete names alone, without what each does")
	return cmd
}

// writeCompletion writes the completion script of one shell.
func writeCompletion(root *cobra.Command, w io.Writer, shell string, desc bool) error {
	switch shell {
	case "bash":
		return root.GenBashCompletionV2(w, desc)
	case "zsh":
		if desc {
			return root.GenZshCompletion(w)
		}
		return root.GenZshCompletionNoDesc(w)
	case "fish":
		return root.GenFishCompletion(w, desc)
	case "powershell":
		if desc {
			return root.GenPowerShellCompletionWithDesc(w)
		}
		return root.GenPowerShellCompletion(w)
	}
	return usagef("completion: unknown shell %q: choose bash, zsh, fish or powershell", shell)
}

// completeFlags makes the shell offer what a flag or argument takes: the
// formats of plan and cohort, the bank's role ids, directories for a bank,
// and saved sessions where a session id is taken. Only completion changes:
// the commands still check what they are given.
func completeFlags(env Env, opts *options, root, plan, cohort, compare *cobra.Command) {
	fixed := func(c *cobra.Command, flag string, values ...string) {
		_ = c.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
	}
	fixed(plan, "format", "md", "json", "html", "csv")
	fixed(cohort, "format", "text", "md", "csv", "json")
	_ = plan.RegisterFlagCompletionFunc("role", func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		b, err := loadBank(opts)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []cobra.Completion
		for _, r := range b.Roles {
			if strings.HasPrefix(r.ID, prefix) {
				ids = append(ids, cobra.CompletionWithDesc(r.ID, r.Title))
			}
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	compare.ValidArgsFunction = func(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= 2 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return completeSessions(env, opts, prefix), cobra.ShellCompDirectiveDefault
	}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("questions") != nil {
			_ = c.MarkFlagDirname("questions")
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
