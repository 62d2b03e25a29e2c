package tui

import "strings"

// cell is one character cell of a chart: a glyph in a style.
type cell struct {
	glyph string
	style *Style
}

// drawCells draws a row of cells with one Render per run of cells in the
// same style, rather than one per cell: a chart of a few hundred cells
// drawn cell by cell made the slowest frames of the interface.
func drawCells(cells []cell) string {
	var b, run strings.Builder
	for i := 0; i < len(cells); {
		j := i
		run.Reset()
		for ; j < len(cells) && cells[j].style == cells[i].style; j++ {
			run.WriteString(cells[j].glyph)
		}
		b.WriteString(cells[i].style.Render(run.String()))
		i = j
	}
	return b.String()
}
