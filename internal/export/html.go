package export

import (
	"errors"
	"io"

	"github.com/secpath/secpath/assess"
)

// WriteHTML writes the plan as one self-contained HTML page.
func WriteHTML(w io.Writer, b *assess.Bank, p *assess.Plan) error {
	return errors.New("HTML export is not written yet")
}
