package cli

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
)

type roleTargetJSON struct {
	Competency string  `json:"competency"`
	Name       string  `json:"name"`
	Level      int     `json:"level"`
	Weight     float64 `json:"weight"`
}

type roleFactJSON struct {
	Text   string `json:"text"`
	Year   int    `json:"year"`
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
}

// roleSizeJSON is a role as it reads for one size of organisation: the
// note and the whole target list and experience minimums after the
// adjustment, so a reader need not apply it.
type roleSizeJSON struct {
	Note       string             `json:"note"`
	Experience map[string]float64 `json:"experience"`
	Targets    []roleTargetJSON   `json:"targets"`
}

type roleJSON struct {
	ID             string             `json:"id"`
	Title          string             `json:"title"`
	Aliases        []string           `json:"aliases"`
	Family         string             `json:"family"`
	Track          string             `json:"track"`
	Seniority      int                `json:"seniority"`
	Entry          bool               `json:"entry"`
	Summary        string             `json:"summary"`
	ReportsTo      string             `json:"reports_to"`
	FedBy          []string           `json:"fed_by"`
	LeadsTo        []string           `json:"leads_to"`
	Certifications []string           `json:"certifications"`
	ExpectsOneOf   []string           `json:"expects_one_of"`
	Experience     map[string]float64 `json:"experience"`
	Refs           assess.Refs        `json:"refs"`
	Targets        []roleTargetJSON   `json:"targets"`
	Facts          []roleFactJSON     `json:"facts"`
	// Sizes holds the role as it reads in a small or large organisation,
	// where the bank adjusts it.
	Sizes map[string]roleSizeJSON `json:"sizes,omitempty"`
}

func newRolesCmd(env Env, opts *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "roles",
		Short: "List the roles of the bank: what each does, where it leads, what it needs",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			b, err := loadBank(opts)
			if err != nil {
				return err
			}
			if asJSON {
				out := make([]roleJSON, 0, len(b.Roles))
				for _, ro := range b.Roles {
					out = append(out, toRoleJSON(b, ro))
				}
				return writeJSON(env.Stdout, out)
			}
			return writeRoles(env.Stdout, b)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the roles as JSON")
	return cmd
}

func toRoleJSON(b *assess.Bank, ro assess.Role) roleJSON {
	r := roleJSON{
		ID: ro.ID, Title: ro.Title, Aliases: orEmpty(ro.Aliases), Family: ro.FamilyName(), Track: ro.Track, Seniority: ro.Seniority, Entry: ro.Entry,
		Summary: ro.Summary, ReportsTo: ro.ReportsTo, FedBy: orEmpty(b.FedBy(ro.ID)), LeadsTo: orEmpty(ro.LeadsTo),
		Certifications: orEmpty(ro.Certifications), ExpectsOneOf: orEmpty(ro.ExpectsOneOf),
		Experience: ro.Experience, Refs: ro.Refs,
	}
	if r.Experience == nil {
		r.Experience = map[string]float64{}
	}
	r.Targets = targetsJSON(b, ro.Targets)
	r.Facts = []roleFactJSON{}
	for _, f := range ro.Facts {
		r.Facts = append(r.Facts, roleFactJSON{Text: f.Text, Year: f.Year, Source: f.Source, URL: f.URL})
	}
	for _, size := range assess.SizeAdjustable {
		adj, ok := ro.Size[size]
		if !ok {
			continue
		}
		sized := b.SizedRole(ro.ID, size)
		if r.Sizes == nil {
			r.Sizes = map[string]roleSizeJSON{}
		}
		exp := sized.Experience
		if exp == nil {
			exp = map[string]float64{}
		}
		r.Sizes[size] = roleSizeJSON{Note: adj.Note, Experience: exp, Targets: targetsJSON(b, sized.Targets)}
	}
	return r
}

func targetsJSON(b *assess.Bank, ts []assess.Target) []roleTargetJSON {
	out := make([]roleTargetJSON, 0, len(ts))
	for _, t := range ts {
		name := t.Competency
		if c := b.Competency(t.Competency); c != nil {
			name = c.Name
		}
		out = append(out, roleTargetJSON{Competency: t.Competency, Name: name, Level: t.Level, Weight: t.Weight})
	}
	return out
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeRoles prints the roles like a careers page: what the job is, where
// it sits on the map, what it asks for.
func writeRoles(w io.Writer, b *assess.Bank) error {
	ew := &lineWriter{w: w}
	for i, ro := range b.Roles {
		if i > 0 {
			ew.line("")
		}
		ew.line(fmt.Sprintf("%s  [%s]", ro.Title, ro.ID))
		head := fmt.Sprintf("%s track · seniority %d of 7", ro.Track, ro.Seniority)
		if ro.Entry {
			head += " · a common starting point"
		}
		ew.line("  " + head)
		for _, l := range wrapText(ro.Summary, 76) {
			ew.line("  " + l)
		}
		if len(ro.Aliases) > 0 {
			ew.wrapped("  Also called: ", strings.Join(ro.Aliases, ", "))
		}
		if ro.ReportsTo != "" {
			ew.wrapped("  Reports to: ", ro.ReportsTo)
		}
		if from := b.FedBy(ro.ID); len(from) > 0 {
			ew.wrapped("  Comes from: ", roleTitles(b, from))
		}
		if len(ro.LeadsTo) > 0 {
			ew.wrapped("  Leads to:   ", roleTitles(b, ro.LeadsTo))
		}
		var needs []string
		for _, f := range sortedFacts(ro.Experience) {
			name := f
			if fact := b.Fact(f); fact != nil {
				name = strings.ToLower(fact.Name[:1]) + fact.Name[1:]
			}
			needs = append(needs, fmt.Sprintf("%g+ %s", ro.Experience[f], name))
		}
		if len(ro.ExpectsOneOf) > 0 {
			needs = append(needs, "one of "+certLabels(b, ro.ExpectsOneOf, " / "))
		}
		if len(needs) > 0 {
			ew.wrapped("  Typically:  ", strings.Join(needs, "; "))
		}
		if len(ro.Certifications) > 0 {
			ew.wrapped("  Credentials that help: ", certLabels(b, ro.Certifications, ", "))
		}
		targets := append([]assess.Target(nil), ro.Targets...)
		sort.SliceStable(targets, func(i, j int) bool {
			if targets[i].Weight != targets[j].Weight {
				return targets[i].Weight > targets[j].Weight
			}
			return targets[i].Level > targets[j].Level
		})
		var key []string
		for _, t := range targets {
			if t.Weight < 3 {
				continue
			}
			name := t.Competency
			if c := b.Competency(t.Competency); c != nil {
				name = c.Name
			}
			key = append(key, fmt.Sprintf("%s %d", name, t.Level))
		}
		if len(key) > 0 {
			ew.wrapped("  Essential (level 0-5): ", strings.Join(key, ", "))
		}
		for _, size := range assess.SizeAdjustable {
			if adj, ok := ro.Size[size]; ok && adj.Note != "" {
				ew.wrapped(fmt.Sprintf("  In a %s organisation: ", size), adj.Note)
			}
		}
		for _, f := range ro.Facts {
			ew.wrapped("  Fact: ", fmt.Sprintf("%s (%s, %d)", f.Text, f.Source, f.Year))
		}
		if refs := refText(ro.Refs); refs != "" {
			ew.wrapped("  Frameworks: ", refs)
		}
	}
	return ew.err
}

func refText(r assess.Refs) string {
	var parts []string
	add := func(label string, xs []string) {
		if len(xs) > 0 {
			parts = append(parts, label+" "+strings.Join(xs, ", "))
		}
	}
	add("NICE", r.NICE)
	add("ECSF", r.ECSF)
	add("SFIA", r.SFIA)
	add("e-CF", r.ECF)
	add("CSF", r.CSF)
	add("CISSP", r.CISSP)
	add("CISM", r.CISM)
	add("O*NET-SOC", r.ONET)
	// ESCO URIs are too long for an 80-column line; roles --json has them.
	add("see", r.Other)
	return strings.Join(parts, " · ")
}

func roleTitles(b *assess.Bank, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if ro := b.Role(id); ro != nil {
			out[i] = ro.Title
		}
	}
	return strings.Join(out, ", ")
}

func certLabels(b *assess.Bank, ids []string, sep string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if c := b.Certification(id); c != nil {
			out[i] = c.Label()
		}
	}
	return strings.Join(out, sep)
}

func sortedFacts(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lineWriter writes lines and remembers the first error.
type lineWriter struct {
	w   io.Writer
	err error
}

func (l *lineWriter) line(s string) {
	if l.err == nil {
		_, l.err = fmt.Fprintln(l.w, s)
	}
}

// wrapped writes "label text" wrapped at 78 columns, continuation lines
// indented under the text.
func (l *lineWriter) wrapped(label, text string) {
	lw := ansi.StringWidth(label)
	for i, s := range wrapText(text, 78-lw) {
		if i == 0 {
			l.line(label + s)
		} else {
			l.line(strings.Repeat(" ", lw) + s)
		}
	}
}

// wrapText breaks text at spaces into lines of at most width cells.
func wrapText(s string, width int) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	return strings.Split(ansi.Wordwrap(s, max(width, 20), ""), "\n")
}
