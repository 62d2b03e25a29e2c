package tui

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
)

// exportLabelWidth is the width of the field labels, "Format  ".
const exportLabelWidth = 10

// buildPreview lays the content out as a person would read it, at the
// screen's width: Markdown as wrapped text; the HTML page as the text a
// reader sees on it (its charts are named, not drawn); JSON as written,
// pretty-printed; CSV as an aligned table of the columns that say what to
// do and when; the answers file as written.
func (sv *saveScreen) buildPreview() {
	width := max(20, sv.c.Layout.Content)
	sv.preview, sv.previewNote = nil, ""
	if sv.data == nil {
		return
	}
	kind := sv.kinds()[sv.kind]
	var lines []string
	switch kind.format {
	case export.Markdown:
		sv.previewNote = "The Markdown file as text, wrapped to the screen."
		lines = textLines(string(sv.data))
	case export.HTML:
		sv.previewNote = "The page's text as a reader sees it. In a browser it also has charts of your levels and placement, and prints to PDF."
		var buf bytes.Buffer
		if err := export.WritePlainText(&buf, sv.c.Bank, sv.plan); err != nil {
			sv.previewNote = "No preview: " + err.Error()
			return
		}
		lines = textLines(buf.String())
	case export.JSON:
		sv.previewNote = fmt.Sprintf("JSON for scripts and other tools, schema version %d, as written, indented. It holds all the other formats show.", assess.PlanSchemaVersion)
		lines = textLines(string(sv.data))
	case export.CSV:
		var note string
		note, sv.preview = csvPreview(sv.data, width)
		sv.previewNote = note
		sv.clampOffset()
		return
	case "":
		sv.previewNote = "The answers file as written, for secpath score, plan and resume."
		lines = textLines(string(sv.data))
	default:
		sv.previewNote = "The file as written."
		lines = textLines(string(sv.data))
	}
	for _, l := range lines {
		sv.preview = append(sv.preview, wrapKeepIndent(l, width)...)
	}
	sv.clampOffset()
}

func (sv *saveScreen) clampOffset() {
	sv.offset = max(0, min(sv.offset, len(sv.preview)-sv.previewRoom()))
}

// textLines splits text into lines with no escape sequences or trailing
// blank lines.
func textLines(s string) []string {
	return strings.Split(strings.TrimRight(ansi.Strip(s), "\n"), "\n")
}

// wrapKeepIndent wraps a line at width, later lines indented under the
// text after its leading spaces and list marker ("- ", "1. "), so JSON
// keeps its nesting and a list item reads as one. Long words are broken,
// never dropped.
func wrapKeepIndent(line string, width int) []string {
	line = strings.TrimRight(strings.ReplaceAll(line, "\t", "    "), " ")
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	lead := len(line) - len(strings.TrimLeft(line, " "))
	body := line[lead:]
	indent := lead + markerWidth(body)
	if indent > width/2 {
		indent = min(lead, width/2)
	}
	parts := strings.Split(ansi.Wrap(body, width-indent, ""), "\n")
	out := make([]string, 0, len(parts))
	for i, p := range parts {
		if i == 0 {
			out = append(out, strings.Repeat(" ", lead)+p)
			continue
		}
		out = append(out, strings.Repeat(" ", indent)+strings.TrimLeft(p, " "))
	}
	return out
}

// markerWidth is the width of a list or comment marker at the start of
// s: "- ", "* ", "# ", "12. ", or 0.
func markerWidth(s string) int {
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "# ") {
		return 2
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && strings.HasPrefix(s[i:], ". ") {
		return i + 2
	}
	return 0
}

// csvColumn is a column the table preview shows, with the most it may
// take; the action, last, gets the rest.
type csvColumn struct {
	name, title string
	most        int
}

// csvColumns are the columns that say what to do and when; the
// competency is left out on a narrow screen, where the goal's number
// names it.
func csvColumns(width int) []csvColumn {
	cols := []csvColumn{{"goal", "goal", 4}, {"step", "step", 5}, {"start", "start", 10}, {"due", "due", 10}, {"category", "type", 10}}
	if width >= 100 {
		cols = append(cols, csvColumn{"competency", "competency", 24})
	}
	return append(cols, csvColumn{"action", "action", 0})
}

// csvPreview lays the CSV out as an aligned table of the columns that
// say what to do and when; the note says how many columns the file has.
func csvPreview(data []byte, width int) (string, []string) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(rows) == 0 {
		return "No preview: the CSV does not read back.", nil
	}
	cols := csvColumns(width)
	head := rows[0]
	idx := make([]int, len(cols))
	for i, c := range cols {
		idx[i] = -1
		for j, h := range head {
			if h == c.name {
				idx[i] = j
			}
		}
	}
	cell := func(r []string, i int) string {
		if idx[i] < 0 || idx[i] >= len(r) {
			return ""
		}
		return strings.Join(strings.Fields(ansi.Strip(r[idx[i]])), " ")
	}
	// Each column as wide as its widest cell, up to its most; the action
	// takes what is left.
	const gap = 2
	widths := make([]int, len(cols))
	fixed := 0
	for i, c := range cols {
		widths[i] = ansi.StringWidth(c.title)
		for _, r := range rows[1:] {
			widths[i] = max(widths[i], ansi.StringWidth(cell(r, i)))
		}
		if c.most > 0 {
			widths[i] = min(widths[i], c.most)
			fixed += widths[i] + gap
		}
	}
	widths[len(widths)-1] = max(10, width-fixed)
	line := func(cells []string) string {
		var sb strings.Builder
		for i, c := range cells {
			w := widths[i]
			c = ansi.Truncate(c, w, "…")
			sb.WriteString(c)
			if i < len(cells)-1 {
				sb.WriteString(strings.Repeat(" ", w-ansi.StringWidth(c)+gap))
			}
		}
		return strings.TrimRight(sb.String(), " ")
	}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	out := []string{line(titles)}
	for _, r := range rows[1:] {
		cells := make([]string, len(cols))
		for i := range cols {
			cells[i] = cell(r, i)
		}
		out = append(out, line(cells))
	}
	note := fmt.Sprintf("%s, one a row; %d of the file's %d columns shown here, all are in the file.",
		plural(len(rows)-1, "action"), len(cols), len(head))
	return note, out
}

// previewRoom is how many preview lines fit under the fields.
func (sv *saveScreen) previewRoom() int {
	return max(1, sv.c.Layout.Body-len(sv.headLines()))
}

// headLines are the screen's lines above the preview: the fields, any
// note or warning, and the preview's own heading.
func (sv *saveScreen) headLines() []string {
	s := sv.c.Styles
	width := sv.c.Layout.Content
	kind := sv.kinds()[sv.kind]
	field := func(f saveField, label, value string, choice bool) string {
		pre, lab := "  ", s.Muted.Render(fmt.Sprintf("%-*s", exportLabelWidth-2, label))
		if sv.field == f {
			pre, lab = s.Accent.Render("› "), s.Strong.Render(fmt.Sprintf("%-*s", exportLabelWidth-2, label))
		}
		if choice {
			room := max(10, width-exportLabelWidth-4)
			value = truncate(value, room)
			if sv.field == f {
				value = s.Accent.Render("‹ ") + s.Strong.Render(value) + s.Accent.Render(" ›")
			} else {
				value = s.Text.Render(value)
			}
		}
		return pre + lab + value
	}
	lines := []string{s.Section.Render("Export")}
	if kind.format != "" {
		lines = append(lines, field(fieldRole, "Role", sv.roleLabel(), true))
	} else {
		lines = append(lines, "  "+s.Muted.Render(fmt.Sprintf("%-*s", exportLabelWidth-2, "Role"))+s.Subtle.Render("none: the answers file holds every answer"))
	}
	lines = append(lines, field(fieldFormat, "Format", kind.label, true))
	pathView := sv.name.View()
	if sv.field != fieldPath {
		pathView = s.Text.Render(truncateLeft(sv.name.Value(), max(10, width-exportLabelWidth)))
	}
	lines = append(lines, field(fieldPath, "Path", pathView, false))
	if p := sv.path(); p != "" && (p != strings.TrimSpace(sv.name.Value()) || ansi.StringWidth(p) > width-exportLabelWidth) {
		// A long path breaks after a slash, so each piece reads whole.
		pre := strings.Repeat(" ", exportLabelWidth) + "saves to "
		for i, l := range strings.Split(ansi.Wrap(p, max(10, width-len(pre)), "/"), "\n") {
			if i > 0 {
				pre = strings.Repeat(" ", len(pre))
			}
			lines = append(lines, pre+s.Muted.Render(l))
		}
	}
	msg := func(text string, style func(...string) string) {
		lines = append(lines, hanging(strings.Repeat(" ", exportLabelWidth), text, width, style)...)
	}
	switch {
	case sv.busy:
		msg("Writing the file…", s.Muted.Render)
	case sv.err != "":
		msg(sv.err, s.ErrorText.Render)
	case sv.confirm != "":
		msg("This file already exists. Press enter again to replace it, or change the name.", s.Warn.Render)
	case sv.warn != "":
		msg(sv.warn, s.Warn.Render)
	case sv.note != "":
		msg(sv.note, s.Accent.Render)
	}
	note := wrap(sv.previewNote, width)
	if len(note) > 2 {
		note = wrap(firstSentence(sv.previewNote), width)
		if len(note) > 2 {
			note = note[:2]
		}
	}
	pos := "empty"
	if n := len(sv.preview); n > 0 {
		room := max(1, sv.c.Layout.Body-len(lines)-1-len(note))
		pos = fmt.Sprintf("lines %d–%d of %d", sv.offset+1, min(n, sv.offset+room), n)
	}
	rule := "preview · " + pos + " · ↑/↓ scroll "
	lines = append(lines, s.Subtle.Render(rule+strings.Repeat("─", max(0, width-ansi.StringWidth(rule)))))
	for _, l := range note {
		lines = append(lines, s.Subtle.Render(l))
	}
	return lines
}

// firstSentence is the text up to its first full stop.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// truncateLeft keeps the end of a path, which names the file, when it is
// too long to show whole.
func truncateLeft(s string, n int) string {
	if ansi.StringWidth(s) <= n {
		return s
	}
	return "…" + ansi.TruncateLeft(s, ansi.StringWidth(s)-n+1, "")
}

// roleLabel names the chosen role.
func (sv *saveScreen) roleLabel() string {
	id := sv.roles[sv.role]
	if id == "" {
		return sv.recTitle + " (recommended)"
	}
	if r := sv.c.Bank.Role(id); r != nil {
		return r.Title
	}
	return id
}

func (sv saveScreen) View() string {
	s := sv.c.Styles
	lines := sv.headLines()
	room := max(0, sv.c.Layout.Body-len(lines))
	for i := sv.offset; i < len(sv.preview) && i < sv.offset+room; i++ {
		lines = append(lines, s.Text.Render(sv.preview[i]))
	}
	return strings.Join(lines, "\n")
}
