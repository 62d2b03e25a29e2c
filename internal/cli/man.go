package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The manual pages are written here from the command tree, in the man(7)
// macros, rather than with cobra's doc package: that would bring a
// Markdown converter and its parser into the binary to produce what a
// hundred lines of roff do. Each page comes from the same Use, Long,
// Example and flags as --help, so the two cannot drift apart.

func newManCmd(env Env) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "man [COMMAND]",
		Short: "Print secpath's manual page, or write one page per command with --dir",
		Long: `Print the manual page of secpath, or of one of its commands, in roff for man(1).
With --dir, write every page into DIR instead (secpath.1, secpath-plan.1, ...),
creating DIR if needed and replacing pages written before; then man finds them
when DIR is a man1 directory on its search path.`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) > 1:
				return usagef("man takes at most one command: secpath man [COMMAND]")
			case len(args) == 1 && dir != "":
				return usagef("man: give a COMMAND or --dir, not both")
			}
			return nil
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, c := range manCommands(cmd.Root())[1:] {
				names = append(names, cobra.CompletionWithDesc(c.Name(), c.Short))
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			if dir != "" {
				return writeManDir(env, root, dir)
			}
			page := root
			if len(args) == 1 {
				c, _, err := root.Find(args)
				if err != nil || c == root || !c.IsAvailableCommand() {
					return usagef("man: no command %q (see 'secpath --help')", args[0])
				}
				page = c
			}
			_, err := env.Stdout.Write(manPage(page))
			return err
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "write one page per command into `DIR`")
	_ = cmd.MarkFlagDirname("dir")
	return cmd
}

// manCommands is the root and every command a person can run, in the
// order of the help.
func manCommands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			out = append(out, c)
		}
	}
	return out
}

// manName is the page name of a command: secpath, secpath-plan.
func manName(c *cobra.Command) string {
	return strings.ReplaceAll(c.CommandPath(), " ", "-")
}

// writeManDir writes every page into dir. Each page replaces the one of
// that name atomically, readable by everyone as installed pages are.
func writeManDir(env Env, root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("man: %w", err)
	}
	cmds := manCommands(root)
	for _, c := range cmds {
		if err := writeFileReplacing(filepath.Join(dir, manName(c)+".1"), manPage(c)); err != nil {
			return fmt.Errorf("man: %w", err)
		}
	}
	fmt.Fprintf(env.Stderr, "Wrote %d manual pages to %s\n", len(cmds), dir)
	return nil
}

// writeFileReplacing writes a file through a temporary one renamed over
// it, so a reader sees the old page or the new one, never half of one.
func writeFileReplacing(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		_ = os.Remove(name)
	}
	return err
}

// manPage renders one command's page.
func manPage(c *cobra.Command) []byte {
	var b bytes.Buffer
	root := c.Root()
	// cobra adds --help (and the root's --version) only to the command it
	// runs; the page lists them as the command's help does.
	c.InitDefaultHelpFlag()
	c.InitDefaultVersionFlag()
	fmt.Fprintf(&b, ".TH %s 1 \"\" %s \"secpath manual\"\n", roffQuote(strings.ToUpper(manName(c))), roffQuote("secpath "+root.Version))
	// Left-justified and unhyphenated: page names and flags broken at a
	// hyphen read as two words.
	b.WriteString(".nh\n.ad l\n")
	b.WriteString(".SH NAME\n")
	fmt.Fprintf(&b, "%s \\- %s\n", roffEscape(manName(c)), roffEscape(c.Short))

	b.WriteString(".SH SYNOPSIS\n")
	rest := strings.TrimSpace(strings.TrimPrefix(c.Use, c.Name()))
	fmt.Fprintf(&b, "\\fB%s\\fR", roffEscape(c.CommandPath()))
	if c.HasAvailableFlags() {
		b.WriteString(" [\\fIflags\\fR]")
	}
	if rest != "" {
		fmt.Fprintf(&b, " %s", roffEscape(rest))
	}
	b.WriteString("\n")
	if c == root {
		b.WriteString(".br\n\\fBsecpath\\fR \\fICOMMAND\\fR [\\fIflags\\fR] [\\fIARGS\\fR]\n")
	}

	b.WriteString(".SH DESCRIPTION\n")
	long := c.Long
	if long == "" {
		long = c.Short + "."
	}
	roffText(&b, long)

	if c == root {
		b.WriteString(".SH COMMANDS\n")
		for _, sub := range manCommands(root)[1:] {
			fmt.Fprintf(&b, ".TP\n\\fB%s\\fR\n%s (see \\fB%s\\fR(1))\n", roffEscape(sub.CommandPath()+" "+strings.TrimSpace(strings.TrimPrefix(sub.Use, sub.Name()))), roffEscape(sub.Short), roffEscape(manName(sub)))
		}
	}

	if c.HasAvailableFlags() {
		b.WriteString(".SH OPTIONS\n")
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden {
				return
			}
			varname, usage := pflag.UnquoteUsage(f)
			if d := f.DefValue; d != "" && d != "false" && d != "[]" && d != "0" {
				if f.Value.Type() == "string" {
					d = strconv.Quote(d)
				}
				usage += " (default " + d + ")"
			}
			b.WriteString(".TP\n")
			if f.Shorthand != "" {
				fmt.Fprintf(&b, "\\fB\\-%s\\fR, ", roffEscape(f.Shorthand))
			}
			fmt.Fprintf(&b, "\\fB\\-\\-%s\\fR", roffEscape(f.Name))
			if varname != "" {
				fmt.Fprintf(&b, " \\fI%s\\fR", roffEscape(varname))
			}
			b.WriteString("\n" + roffEscape(usage) + "\n")
		})
	}

	if c.Example != "" {
		b.WriteString(".SH EXAMPLES\n.RS 4\n.nf\n")
		for _, l := range strings.Split(strings.TrimRight(c.Example, "\n"), "\n") {
			b.WriteString(roffLine(strings.TrimPrefix(l, "  ")) + "\n")
		}
		b.WriteString(".fi\n.RE\n")
	}

	if c == root {
		b.WriteString(`.SH ENVIRONMENT
.TP
\fBXDG_STATE_HOME\fR
where the sessions directory is: $XDG_STATE_HOME/secpath/sessions, by default ~/.local/state/secpath/sessions
.TP
\fBACCESSIBLE\fR
set (to anything but 0 or false), numbered line prompts instead of the full\-screen interface, as \-\-accessible
.TP
\fBTERM\fR
dumb chooses the numbered line prompts too
.TP
\fBNO_COLOR\fR
set, no colour
.TP
\fBCOLUMNS\fR
the width of the text report of cohort, when it is 80 to 99 (otherwise 100 columns)
.SH EXIT STATUS
0 success; 1 invalid input, failed validation, an I/O error or a save that failed; 2 wrong usage;
130 aborted (ctrl+c, or input that ended early); stopped by a signal, 128 plus its number.
`)
	}

	b.WriteString(".SH SEE ALSO\n")
	var see []string
	for _, o := range manCommands(root) {
		if o != c {
			see = append(see, "\\fB"+roffEscape(manName(o))+"\\fR(1)")
		}
	}
	b.WriteString(strings.Join(see, ", ") + "\n")
	return b.Bytes()
}

// roffText writes help text as paragraphs: a blank line starts a new one,
// and indented lines (commands to type) are kept as they are, unfilled.
func roffText(b *bytes.Buffer, text string) {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	indented := false
	for _, l := range lines {
		isIndented := strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")
		if isIndented != indented {
			if isIndented {
				b.WriteString(".RS 4\n.nf\n")
			} else {
				b.WriteString(".fi\n.RE\n")
			}
			indented = isIndented
		}
		switch {
		case strings.TrimSpace(l) == "":
			b.WriteString(".PP\n")
		case indented:
			b.WriteString(roffLine(strings.TrimSpace(l)) + "\n")
		default:
			b.WriteString(roffLine(l) + "\n")
		}
	}
	if indented {
		b.WriteString(".fi\n.RE\n")
	}
}

// roffEscape makes text literal in roff: a backslash is the escape
// character and a plain "-" may be set as a hyphen, which breaks a
// command copied from the page.
func roffEscape(s string) string {
	return strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
}

// roffLine escapes a line of text and keeps a leading "." or "'" from
// being read as a request.
func roffLine(s string) string {
	s = roffEscape(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffQuote quotes an argument of a request.
func roffQuote(s string) string {
	return `"` + strings.ReplaceAll(roffEscape(s), `"`, `\(dq`) + `"`
}
