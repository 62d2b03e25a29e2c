package export

import _ "embed" // for PlanSchema

// PlanSchema is the JSON Schema (draft 2020-12) of the plan JSON that
// WriteJSON writes: every field, its type and range, and which fields are
// always present. It versions with assess.PlanSchemaVersion.
//
//go:embed plan.schema.json
var PlanSchema []byte
