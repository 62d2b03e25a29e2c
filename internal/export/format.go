package export

import (
	"fmt"
	"io"
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

// Formats lists every format, in menu order.
var Formats = []Format{Markdown, HTML, JSON, CSV}

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimPrefix(s, "."))); f {
	case Markdown, JSON, HTML, CSV:
		return f, nil
	case "markdown":
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown format %q: use md, json, html or csv", s)
}

// Extension is the file extension for a format.
func (f Format) Extension() string { return "." + string(f) }

// Write writes a plan in a format.
func Write(w io.Writer, f Format, b *assess.Bank, p *assess.Plan) error {
	switch f {
	case Markdown:
		return WriteMarkdown(w, b, p)
	case JSON:
		return WriteJSON(w, p)
	case HTML:
		return WriteHTML(w, b, p)
	case CSV:
		return WriteCSV(w, p)
	}
	return fmt.Errorf("unknown format %q", f)
}
