package cli

import "github.com/spf13/cobra"

// examples are the Examples of every command's help and manual page, by
// command name (the root is "secpath"). They are kept together so that one
// test checks each command has them and they read as one set.
var examples = map[string]string{
	"secpath": `  # Take the assessment (offers to resume an unfinished one)
  secpath

  # Numbered line prompts, for a screen reader or a pipe
  secpath --accessible

  # A mentor sits beside the mentee
  secpath --mentor

  # On your organisation's own bank
  secpath --questions ./our-bank`,
	"validate": `  # Check your own bank before handing it out
  secpath validate ./our-bank

  # The same, as JSON for a CI job
  secpath validate ./our-bank --json`,
	"roles": `  secpath roles
  secpath roles --json | jq '.[].id'`,
	"template": `  # A blank answers file, filled in with any editor, then scored
  secpath template -o me.toml
  secpath score me.toml

  # Only the quick-mode questions
  secpath template --quick -o quick.toml`,
	"score": `  secpath score me.toml

  # The answers behind every level, and the formulas
  secpath score me.toml --explain

  # As JSON
  secpath score me.toml --json`,
	"plan": `  # A Markdown plan for the recommended next role, from today
  secpath plan me.toml -o plan.md

  # For the CISO role, starting on the first of the month, as HTML
  secpath plan me.toml --role ciso --start 2027-01-01 --format html -o plan.html

  # What if you held CISM and managed people for three years?
  secpath plan me.toml --assume cert=cism --assume years-managing=3`,
	"compare": `  # Two files
  secpath compare q1.toml q2.toml

  # Two saved sessions, by a unique prefix of their ids
  secpath compare 20260301 20260601`,
	"cohort": `  # The team's heatmap and readiness in the terminal
  secpath cohort ./team

  # As Markdown for the wiki, or CSV for a spreadsheet
  secpath cohort ./team --format md -o team.md
  secpath cohort ./team --format csv -o team.csv`,
	"sessions": `  secpath sessions
  secpath resume 20261201-0930`,
	"resume": `  # A saved session, by a unique prefix of its id
  secpath resume 20261201-0930

  # A session file your mentor reviewed and sent back
  secpath resume ada-reviewed.toml`,
	"review": `  # A mentor opens the mentee's file; the mentee resumes it afterwards
  secpath review ada.toml`,
	"version": `  secpath version
  secpath --version`,
	"completion": `  # Try it in this shell
  source <(secpath completion bash)

  # Install it
  secpath completion bash > ~/.local/share/bash-completion/completions/secpath
  secpath completion zsh > ~/.zfunc/_secpath
  secpath completion fish > ~/.config/fish/completions/secpath.fish`,
	"man": `  # Read it now
  secpath man | man -l -
  secpath man plan | man -l -

  # Install every page where man finds them
  secpath man --dir ~/.local/share/man/man1`,
}

// addExamples gives every command its Examples.
func addExamples(root *cobra.Command) {
	root.Example = examples[root.Name()]
	for _, c := range root.Commands() {
		c.Example = examples[c.Name()]
	}
}
