// Package export writes a development plan for people and tools: Markdown
// (readable anywhere, good in a diff), JSON (versioned, with its schema in
// plan.schema.json), a self-contained HTML page with inline SVG charts that
// prints cleanly to PDF, and CSV of the actions for spreadsheets.
//
// Exports are plain files: no terminal escape codes, no external assets.
//
// How to add a format: its writer in a new file, a Format constant, and
// one line in formatDefs (format.go); the command line and the export
// screen list formats from that table.
package export
