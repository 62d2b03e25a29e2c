package export

import (
	"bufio"
	"bytes"
	"io"
	"regexp"
	"strings"

	"github.com/secpath/secpath/assess"
)

// WritePlainText writes a plan as the text a reader sees on the HTML page
// or in rendered Markdown: headings as lines of their own, no markup
// (no #, **, pipes or link targets), a two-column table as "label: value"
// lines and a wider one as one line per row naming each column. It is
// drawn from the Markdown, so it carries the same words in the same
// order. Paragraphs stay on one line each; whoever shows it wraps them to
// the width at hand.
func WritePlainText(w io.Writer, b *assess.Bank, p *assess.Plan) error {
	var md bytes.Buffer
	if err := WriteMarkdown(&md, b, p); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	var header []string // the open table's column names
	for _, line := range strings.Split(strings.TrimRight(md.String(), "\n"), "\n") {
		if out, ok := plainLine(line, &header); ok {
			bw.WriteString(out)
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

var (
	boldRe   = regexp.MustCompile(`\*\*([^*]*)\*\*`)
	emRe     = regexp.MustCompile(`(^|[\s(])[*_]([^*_\s][^*_]*)[*_]`)
	codeRe   = regexp.MustCompile("`([^`]*)`")
	linkRe   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	headRe   = regexp.MustCompile(`^#{1,6}\s+`)
	ruleRe   = regexp.MustCompile(`^\s*\|?\s*:?-{3,}`)
	escapeRe = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|<>])`)
)

// plainLine turns one Markdown line into what a reader sees; ok is false
// for a line that shows nothing (a table's rule or empty header).
func plainLine(line string, header *[]string) (string, bool) {
	if !strings.HasPrefix(strings.TrimSpace(line), "|") {
		*header = nil
	}
	switch t := strings.TrimSpace(line); {
	case t == "---" || t == "***" || t == "___":
		// A thematic break: the page shows a gap.
		return "", true
	case ruleRe.MatchString(line) && strings.Contains(line, "|"):
		return "", false
	case strings.HasPrefix(strings.TrimSpace(line), "|"):
		cells := tableCells(line)
		if *header == nil {
			*header = cells
			if strings.Join(cells, "") == "" {
				// A label/value table has no header to show.
				return "", false
			}
			if len(cells) > 2 {
				// The wide tables' columns are named on every row instead.
				return "", false
			}
			return strings.Join(cells, ": "), true
		}
		h := *header
		if len(cells) == 2 && (len(h) != 2 || strings.Join(h, "") == "") {
			return cells[0] + ": " + cells[1], true
		}
		var parts []string
		for i, c := range cells {
			if c == "" {
				continue
			}
			if i < len(h) && h[i] != "" {
				parts = append(parts, h[i]+": "+c)
			} else {
				parts = append(parts, c)
			}
		}
		return "- " + strings.Join(parts, "; "), true
	case headRe.MatchString(line):
		return inline(headRe.ReplaceAllString(line, "")), true
	case strings.HasPrefix(line, "> "):
		return "  " + inline(strings.TrimPrefix(line, "> ")), true
	}
	return inline(line), true
}

// tableCells splits a table row into its cells, without the markup.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(strings.TrimSuffix(line, "|"), "|")
	// An escaped pipe belongs to the cell.
	line = strings.ReplaceAll(line, `\|`, "\x00")
	cells := strings.Split(line, "|")
	for i, c := range cells {
		cells[i] = inline(strings.ReplaceAll(strings.TrimSpace(c), "\x00", "|"))
	}
	return cells
}

// inline removes emphasis, code spans, link targets and escapes.
func inline(s string) string {
	s = linkRe.ReplaceAllString(s, "$1")
	s = boldRe.ReplaceAllString(s, "$1")
	s = emRe.ReplaceAllString(s, "$1$2")
	s = codeRe.ReplaceAllString(s, "$1")
	s = escapeRe.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "<br>", " ")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}
