// Package export writes a development plan for people and tools: Markdown
// (readable anywhere, good in a diff), JSON (versioned, with its schema in
// plan.schema.json), a self-contained HTML page with inline SVG charts that
// prints cleanly to PDF, and CSV of the actions for spreadsheets.
//
// Exports are plain files: no terminal escape codes, no external assets.
package export
