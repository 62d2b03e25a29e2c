package export

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/secpath/secpath/assess"
)

// Format is an export format.
type Format string

// The formats.
const (
	Markdown Format = "md"
	JSON     Format = "json"
	HTML     Format = "html"
	CSV      Format = "csv"
)

// formatDef is one export format: its name, the other names it is known
// by (also as file extensions), what it is called in a menu and in a
// sentence, and its writer.
type formatDef struct {
	format     Format
	aliases    []string
	name       string
	label      string
	inSentence string
	write      func(w io.Writer, b *assess.Bank, p *assess.Plan) error
}

// How to add a format: write its writer in a new file of this package,
// give it a Format constant above, and add a line here (menu order). The
// command line's --format, the interface's export screen and Write all
// read this table.
func formatDefs() []formatDef {
	return []formatDef{
		{Markdown, []string{"markdown"}, "Markdown", "Markdown", "Markdown", WriteMarkdown},
		{HTML, []string{"htm"}, "HTML", "HTML page (prints to PDF)", "an HTML page", WriteHTML},
		{JSON, nil, "JSON", "JSON (for other tools)", "JSON", func(w io.Writer, _ *assess.Bank, p *assess.Plan) error { return WriteJSON(w, p) }},
		{CSV, nil, "CSV", "CSV of the actions", "CSV", func(w io.Writer, _ *assess.Bank, p *assess.Plan) error { return WriteCSV(w, p) }},
	}
}

// Formats lists every format, in menu order.
func Formats() []Format {
	defs := formatDefs()
	out := make([]Format, len(defs))
	for i, d := range defs {
		out[i] = d.format
	}
	return out
}

func lookup(f Format) (formatDef, bool) {
	for _, d := range formatDefs() {
		if d.format == f {
			return d, true
		}
	}
	return formatDef{}, false
}

// ParseFormat reads a format name ("md", "markdown", ".html"), in any case.
func ParseFormat(s string) (Format, error) {
	name := strings.ToLower(strings.TrimPrefix(s, "."))
	var names []string
	for _, d := range formatDefs() {
		if name == string(d.format) || slices.Contains(d.aliases, name) {
			return d.format, nil
		}
		names = append(names, string(d.format))
	}
	return "", fmt.Errorf("unknown format %q: use %s or %s", s, strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// Extension is the file extension for a format.
func (f Format) Extension() string { return "." + string(f) }

// Name is what a format is called in a menu: "Markdown".
func (f Format) Name() string {
	if d, ok := lookup(f); ok {
		return d.name
	}
	return string(f)
}

// Label is how a menu of exports lists the format: "HTML page (prints to
// PDF)".
func (f Format) Label() string {
	if d, ok := lookup(f); ok {
		return d.label
	}
	return string(f)
}

// InSentence names the format inside a sentence: "an HTML page".
func (f Format) InSentence() string {
	if d, ok := lookup(f); ok {
		return d.inSentence
	}
	return string(f)
}

// Extensions are the file extensions that name the format: its own
// first, then its aliases' (".md", ".markdown").
func (f Format) Extensions() []string {
	d, ok := lookup(f)
	if !ok {
		return nil
	}
	out := []string{f.Extension()}
	for _, a := range d.aliases {
		out = append(out, "."+a)
	}
	return out
}

// Write writes a plan in a format.
func Write(w io.Writer, f Format, b *assess.Bank, p *assess.Plan) error {
	d, ok := lookup(f)
	if !ok {
		return fmt.Errorf("unknown format %q", f)
	}
	return d.write(w, b, p)
}
