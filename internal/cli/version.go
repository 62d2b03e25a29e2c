package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
)

// readBuildInfo is where the version comes from: the module version the
// go command records in the binary, and the commit it was built from. A
// variable so that tests can give the answers of a released build and of a
// local one.
var readBuildInfo = debug.ReadBuildInfo

// devel is what the go command records as the version of a module built
// from its own checkout rather than fetched at a version.
const devel = "(devel)"

// buildVersion says which secpath this is, on one line: the version set
// at link time if there is one, else the module version (v1.2.3 for a
// `go install ...@v1.2.3`), else "(devel)" followed by the commit, its
// time and whether the checkout had changes, when the build recorded
// them (go build does inside a git checkout unless -buildvcs=false).
func buildVersion(read func() (*debug.BuildInfo, bool)) string {
	if Version != "" {
		return Version
	}
	bi, ok := read()
	if !ok || bi == nil {
		return devel
	}
	v := bi.Main.Version
	if v != "" && v != devel {
		return v
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return devel
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	var extra []string
	if at != "" {
		extra = append(extra, at)
	}
	if modified {
		extra = append(extra, "modified")
	}
	out := devel + " " + rev
	if len(extra) > 0 {
		out += " (" + strings.Join(extra, ", ") + ")"
	}
	return out
}

// bankIdentity names a bank the way a person checks that two people used
// the same one: name, version and schema, and how much it holds.
func bankIdentity(b *assess.Bank) string {
	return fmt.Sprintf("%s %s (schema %d): %d roles, %d competencies, %d questions, %d certifications",
		b.Meta.Name, b.Meta.Version, b.Meta.Schema, len(b.Roles), len(b.Competencies), len(b.Questions), len(b.Certifications))
}

func newVersionCmd(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of secpath and of its embedded bank",
		Long: `Print the version of secpath (the module version of a released build; for a
build from a checkout, "(devel)" with the commit, its time and whether it had
local changes), the Go release and platform it was built with, and the
embedded bank: its name, version, schema and what it holds. secpath --version
prints the first line alone.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(env.Stdout, "secpath %s\n", buildVersion(readBuildInfo))
			fmt.Fprintf(env.Stdout, "built with %s for %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
			b, _, err := env.defaultBank()
			if err != nil {
				// The version is still worth printing when the bank is not.
				fmt.Fprintf(env.Stdout, "embedded bank unavailable: %v\n", err)
				return nil
			}
			fmt.Fprintf(env.Stdout, "embedded bank %s\n", bankIdentity(b))
			return nil
		},
	}
}
