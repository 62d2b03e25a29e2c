package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/secpath/secpath/assess"
)

// WriteJSON writes the plan as JSON following plan.schema.json.
func WriteJSON(w io.Writer, p *assess.Plan) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}
