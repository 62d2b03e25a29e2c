package export

// A small JSON Schema (draft 2020-12) validator for the keywords
// plan.schema.json uses, so the tests can check the plan JSON against its
// schema without a new dependency. It knows: $ref (to "#" JSON pointers,
// such as "#/$defs/date"), type (a name or an array of names, "integer"
// included), const, enum, properties, required, additionalProperties (false,
// true or a schema), items, minItems, maxItems, minimum, maximum,
// exclusiveMinimum, exclusiveMaximum, pattern and format "date". Annotations
// ($schema, $id, $defs, title, description, $comment, default, examples)
// are ignored. Any other keyword is reported as a violation, so the schema
// cannot rely on a keyword that would silently not be checked.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
)

// schemaViolation is one way a document fails its schema. Path is a JSON
// pointer (RFC 6901) into the document: "" is the whole document; a missing
// required property is reported at the path it should have had.
type schemaViolation struct {
	Path string
	Msg  string
}

func (v schemaViolation) String() string {
	p := v.Path
	if p == "" {
		p = "(document)"
	}
	return p + ": " + v.Msg
}

type schemaValidator struct {
	root     any
	patterns map[string]*regexp.Regexp
	out      []schemaViolation
}

// annotationKeywords are read by people, not checked.
var annotationKeywords = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$comment": true,
	"title": true, "description": true, "default": true, "examples": true,
}

// assertionKeywords are the keywords the validator checks.
var assertionKeywords = map[string]bool{
	"$ref": true, "type": true, "const": true, "enum": true,
	"properties": true, "required": true, "additionalProperties": true, "items": true,
	"minItems": true, "maxItems": true, "minimum": true, "maximum": true,
	"exclusiveMinimum": true, "exclusiveMaximum": true, "pattern": true, "format": true,
}

func newSchemaValidator(schema []byte) (*schemaValidator, error) {
	root, err := decodeJSON(schema)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return &schemaValidator{root: root, patterns: map[string]*regexp.Regexp{}}, nil
}

// decodeJSON reads exactly one JSON value, keeping numbers exact.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("more than one JSON value")
	}
	return v, nil
}

// Validate returns every violation of the schema in doc, in document order.
func (v *schemaValidator) Validate(doc []byte) ([]schemaViolation, error) {
	x, err := decodeJSON(doc)
	if err != nil {
		return nil, err
	}
	v.out = nil
	v.check(v.root, x, "", "#")
	return v.out, nil
}

func (v *schemaValidator) fail(path, format string, args ...any) {
	v.out = append(v.out, schemaViolation{path, fmt.Sprintf(format, args...)})
}

// resolve follows a "#/a/b" reference from the schema's root.
func (v *schemaValidator) resolve(ref string) (any, bool) {
	if !strings.HasPrefix(ref, "#") {
		return nil, false
	}
	node := v.root
	ptr := strings.TrimPrefix(ref, "#")
	if ptr == "" {
		return node, true
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil, false
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := node.(map[string]any)
		if !ok {
			return nil, false
		}
		if node, ok = m[tok]; !ok {
			return nil, false
		}
	}
	return node, true
}

func pointerToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// check validates instance x at path against schema s, found at sloc in
// the schema (for messages about the schema itself).
func (v *schemaValidator) check(s, x any, path, sloc string) {
	switch s := s.(type) {
	case bool:
		if !s {
			v.fail(path, "not allowed here (schema %s is false)", sloc)
		}
		return
	case map[string]any:
		v.checkObject(s, x, path, sloc)
	default:
		v.fail(path, "schema %s is not an object or a boolean", sloc)
	}
}

func (v *schemaValidator) checkObject(s map[string]any, x any, path, sloc string) {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !annotationKeywords[k] && !assertionKeywords[k] {
			v.fail(path, "schema %s uses unsupported keyword %q", sloc, k)
		}
	}
	if ref, ok := s["$ref"]; ok {
		r, _ := ref.(string)
		target, ok := v.resolve(r)
		if !ok {
			v.fail(path, "schema %s: cannot resolve $ref %q", sloc, ref)
		} else {
			v.check(target, x, path, r)
		}
	}
	if t, ok := s["type"]; ok && !v.checkType(t, x, path, sloc) {
		return // the other keywords would only repeat the type error
	}
	if c, ok := s["const"]; ok && !jsonEqual(c, x) {
		v.fail(path, "must be %s, not %s", show(c), show(x))
	}
	if e, ok := s["enum"]; ok {
		vals, _ := e.([]any)
		if !slices.ContainsFunc(vals, func(c any) bool { return jsonEqual(c, x) }) {
			var names []string
			for _, c := range vals {
				names = append(names, show(c))
			}
			v.fail(path, "%s is not one of %s", show(x), strings.Join(names, ", "))
		}
	}
	switch x := x.(type) {
	case map[string]any:
		v.checkProperties(s, x, path, sloc)
	case []any:
		v.checkItems(s, x, path, sloc)
	case string:
		v.checkString(s, x, path, sloc)
	case json.Number:
		v.checkNumber(s, x, path, sloc)
	}
}

func (v *schemaValidator) checkType(t, x any, path, sloc string) bool {
	var names []string
	switch t := t.(type) {
	case string:
		names = []string{t}
	case []any:
		for _, n := range t {
			s, _ := n.(string)
			names = append(names, s)
		}
	default:
		v.fail(path, "schema %s: type must be a string or an array of strings", sloc)
		return false
	}
	for _, n := range names {
		switch n {
		case "object", "array", "string", "number", "integer", "boolean", "null":
		default:
			v.fail(path, "schema %s: unknown type %q", sloc, n)
			return false
		}
		if hasType(n, x) {
			return true
		}
	}
	v.fail(path, "must be of type %s, not %s", strings.Join(names, " or "), typeName(x))
	return false
}

func hasType(name string, x any) bool {
	switch name {
	case "integer":
		n, ok := x.(json.Number)
		if !ok {
			return false
		}
		r, ok := new(big.Rat).SetString(string(n))
		return ok && r.IsInt()
	case "number":
		_, ok := x.(json.Number)
		return ok
	}
	return typeName(x) == name
}

func typeName(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if hasType("integer", x) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", x)
}

func (v *schemaValidator) checkProperties(s map[string]any, x map[string]any, path, sloc string) {
	props, _ := s["properties"].(map[string]any)
	if req, ok := s["required"]; ok {
		names, _ := req.([]any)
		for _, n := range names {
			name, _ := n.(string)
			if _, ok := x[name]; !ok {
				v.fail(path+"/"+pointerToken(name), "required property %q is missing", name)
			}
		}
	}
	keys := make([]string, 0, len(x))
	for k := range x {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	extra, hasExtra := s["additionalProperties"]
	for _, k := range keys {
		p := path + "/" + pointerToken(k)
		if ps, ok := props[k]; ok {
			v.check(ps, x[k], p, sloc+"/properties/"+pointerToken(k))
			continue
		}
		if !hasExtra {
			continue
		}
		if b, ok := extra.(bool); ok && !b {
			v.fail(p, "property %q is not allowed", k)
			continue
		}
		v.check(extra, x[k], p, sloc+"/additionalProperties")
	}
}

func (v *schemaValidator) checkItems(s map[string]any, x []any, path, sloc string) {
	if n, ok := intKeyword(s, "minItems"); ok && len(x) < n {
		v.fail(path, "has %d items, fewer than the minimum of %d", len(x), n)
	}
	if n, ok := intKeyword(s, "maxItems"); ok && len(x) > n {
		v.fail(path, "has %d items, more than the maximum of %d", len(x), n)
	}
	if items, ok := s["items"]; ok {
		for i, it := range x {
			v.check(items, it, fmt.Sprintf("%s/%d", path, i), sloc+"/items")
		}
	}
}

func intKeyword(s map[string]any, k string) (int, bool) {
	n, ok := s[k].(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	return int(i), err == nil
}

func (v *schemaValidator) checkString(s map[string]any, x, path, sloc string) {
	if p, ok := s["pattern"].(string); ok {
		re, ok := v.patterns[p]
		if !ok {
			var err error
			if re, err = regexp.Compile(p); err != nil {
				v.fail(path, "schema %s: bad pattern %q: %v", sloc, p, err)
				return
			}
			v.patterns[p] = re
		}
		if !re.MatchString(x) {
			v.fail(path, "%q does not match the pattern %s", x, p)
		}
	}
	if f, ok := s["format"].(string); ok {
		switch f {
		case "date":
			// RFC 3339 full-date: a real calendar day.
			if _, err := time.Parse("2006-01-02", x); err != nil {
				v.fail(path, "%q is not a date (YYYY-MM-DD)", x)
			}
		default:
			v.fail(path, "schema %s: unsupported format %q", sloc, f)
		}
	}
}

func (v *schemaValidator) checkNumber(s map[string]any, x json.Number, path, sloc string) {
	val, _ := new(big.Rat).SetString(string(x))
	bound := func(k string) (*big.Rat, bool) {
		n, ok := s[k].(json.Number)
		if !ok {
			if _, present := s[k]; present {
				v.fail(path, "schema %s: %s must be a number", sloc, k)
			}
			return nil, false
		}
		r, ok := new(big.Rat).SetString(string(n))
		return r, ok
	}
	if b, ok := bound("minimum"); ok && val.Cmp(b) < 0 {
		v.fail(path, "%s is less than the minimum of %s", x, b.RatString())
	}
	if b, ok := bound("maximum"); ok && val.Cmp(b) > 0 {
		v.fail(path, "%s is greater than the maximum of %s", x, b.RatString())
	}
	if b, ok := bound("exclusiveMinimum"); ok && val.Cmp(b) <= 0 {
		v.fail(path, "%s must be greater than %s", x, b.RatString())
	}
	if b, ok := bound("exclusiveMaximum"); ok && val.Cmp(b) >= 0 {
		v.fail(path, "%s must be less than %s", x, b.RatString())
	}
}

// jsonEqual compares decoded JSON values, numbers by value (1 equals 1.0).
func jsonEqual(a, b any) bool {
	switch a := a.(type) {
	case json.Number:
		bn, ok := b.(json.Number)
		if !ok {
			return false
		}
		ra, ok1 := new(big.Rat).SetString(string(a))
		rb, ok2 := new(big.Rat).SetString(string(bn))
		return ok1 && ok2 && ra.Cmp(rb) == 0
	case []any:
		bs, ok := b.([]any)
		if !ok || len(a) != len(bs) {
			return false
		}
		for i := range a {
			if !jsonEqual(a[i], bs[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return false
		}
		for k, av := range a {
			bv, ok := bm[k]
			if !ok || !jsonEqual(av, bv) {
				return false
			}
		}
		return true
	}
	return a == b
}

func show(x any) string {
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Sprint(x)
	}
	return string(b)
}

// ---- the validator's own tests ----

func mustValidator(t *testing.T, schema string) *schemaValidator {
	t.Helper()
	v, err := newSchemaValidator([]byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func violationPaths(vs []schemaViolation) []string {
	var out []string
	for _, v := range vs {
		if !slices.Contains(out, v.Path) {
			out = append(out, v.Path)
		}
	}
	sort.Strings(out)
	return out
}

// TestSchemaValidatorRejectsPlans starts from a valid plan and breaks it in
// one way per case: the validator must report exactly the broken places.
func TestSchemaValidatorRejectsPlans(t *testing.T) {
	_, p := planFixtures{}.plan(t, "soc-lead")
	var buf bytes.Buffer
	if err := WriteJSON(&buf, p); err != nil {
		t.Fatal(err)
	}
	v, err := newSchemaValidator(PlanSchema)
	if err != nil {
		t.Fatal(err)
	}
	if vs, err := v.Validate(buf.Bytes()); err != nil || len(vs) != 0 {
		t.Fatalf("the unbroken plan must be valid: %v %v", err, vs)
	}
	obj := func(m map[string]any, path ...any) map[string]any {
		var cur any = m
		for _, k := range path {
			switch k := k.(type) {
			case string:
				cur = cur.(map[string]any)[k]
			case int:
				cur = cur.([]any)[k]
			}
		}
		return cur.(map[string]any)
	}
	cases := []struct {
		name  string
		edit  func(m map[string]any)
		paths []string
		msg   string
	}{
		{"missing required top-level field", func(m map[string]any) { delete(m, "goals") }, []string{"/goals"}, `required property "goals" is missing`},
		{"missing required nested field", func(m map[string]any) { delete(obj(m, "goals", 0), "due") }, []string{"/goals/0/due"}, "required"},
		{"missing required field in a certification", func(m map[string]any) { delete(obj(m, "certifications", 1), "rule_version") }, []string{"/certifications/1/rule_version"}, "required"},
		{"string for an integer", func(m map[string]any) { obj(m, "goals", 0)["n"] = "1" }, []string{"/goals/0/n"}, "must be of type integer, not string"},
		{"fraction for an integer", func(m map[string]any) { obj(m, "goals", 1)["target"] = json.Number("3.5") }, []string{"/goals/1/target"}, "type integer"},
		{"null for an array", func(m map[string]any) { m["blockers"] = nil }, []string{"/blockers"}, "must be of type array, not null"},
		{"object for a string", func(m map[string]any) { m["name"] = map[string]any{} }, []string{"/name"}, "type string"},
		{"extra top-level property", func(m map[string]any) { m["score"] = json.Number("1") }, []string{"/score"}, `property "score" is not allowed`},
		{"extra nested property", func(m map[string]any) { obj(m, "goals", 0, "actions", 1)["owned_by"] = "me" }, []string{"/goals/0/actions/1/owned_by"}, "not allowed"},
		{"extra property with a slash in its name", func(m map[string]any) { obj(m, "estimate")["a/b~c"] = true }, []string{"/estimate/a~1b~0c"}, "not allowed"},
		{"readiness over 100", func(m map[string]any) { obj(m, "role")["readiness"] = json.Number("100.5") }, []string{"/role/readiness"}, "greater than the maximum of 100"},
		{"readiness below 0", func(m map[string]any) { obj(m, "long_term")["readiness"] = json.Number("-1") }, []string{"/long_term/readiness"}, "less than the minimum of 0"},
		{"level over 5", func(m map[string]any) { obj(m, "goals", 2)["current"] = json.Number("5.01") }, []string{"/goals/2/current"}, "maximum of 5"},
		{"zero weight", func(m map[string]any) { obj(m, "goals", 0)["weight"] = json.Number("0") }, []string{"/goals/0/weight"}, "greater than 0"},
		{"bad category", func(m map[string]any) { obj(m, "goals", 0, "actions", 0)["category"] = "training" }, []string{"/goals/0/actions/0/category"}, `"training" is not one of "experience", "exposure", "education"`},
		{"bad certification status", func(m map[string]any) { obj(m, "certifications", 0)["status"] = "eligible" }, []string{"/certifications/0/status"}, "is not one of"},
		{"bad check-in kind", func(m map[string]any) { obj(m, "check_ins", 0)["kind"] = "weekly" }, []string{"/check_ins/0/kind"}, "is not one of"},
		{"bad blocker kind", func(m map[string]any) { obj(m, "blockers", 0)["kind"] = "budget" }, []string{"/blockers/0/kind"}, "is not one of"},
		{"schema version 1", func(m map[string]any) { m["schema_version"] = json.Number("1") }, []string{"/schema_version"}, "must be 2"},
		{"date that is not a day", func(m map[string]any) { m["start"] = "2026-13-01" }, []string{"/start"}, "is not a date"},
		{"date in another form", func(m map[string]any) { obj(m, "timeline", 0)["to"] = "1 March 2027" }, []string{"/timeline/0/to"}, "does not match the pattern"},
		{"date with a time", func(m map[string]any) { obj(m, "goals", 0, "actions", 0)["due"] = "2027-01-26T00:00:00Z" }, []string{"/goals/0/actions/0/due"}, "is not a date"},
		{"bad step", func(m map[string]any) { obj(m, "goals", 0, "actions", 0)["step"] = "2-3" }, []string{"/goals/0/actions/0/step"}, "pattern"},
		{"too few timeline phases", func(m map[string]any) { m["timeline"] = m["timeline"].([]any)[:4] }, []string{"/timeline"}, "fewer than the minimum of 5"},
		{"bad timeline kind", func(m map[string]any) { obj(m, "timeline", 0, "items", 0)["kind"] = "milestone" }, []string{"/timeline/0/items/0/kind"}, "is not one of"},
		{"timeline item without a date", func(m map[string]any) { delete(obj(m, "timeline", 0, "items", 0), "date") }, []string{"/timeline/0/items/0/date"}, "required"},
		{"bad reach", func(m map[string]any) { obj(m, "goals", 0, "actions", 0)["reach"] = "lead" }, []string{"/goals/0/actions/0/reach"}, `"lead" is not one of "contribute"`},
		{"seniority over 7", func(m map[string]any) { obj(m, "goals", 0, "actions", 0)["min_seniority"] = json.Number("8") }, []string{"/goals/0/actions/0/min_seniority"}, "maximum of 7"},
		{"later step beyond 5", func(m map[string]any) { obj(m, "goals", 0, "later", 0)["to"] = json.Number("6") }, []string{"/goals/0/later/0/to"}, "maximum of 5"},
		{"goal without its step", func(m map[string]any) { delete(obj(m, "goals", 1), "to") }, []string{"/goals/1/to"}, "required"},
		{"bad estimate bound", func(m map[string]any) { obj(m, "estimate")["bound"] = "budget" }, []string{"/estimate/bound"}, "is not one of"},
		{"fit over 100", func(m map[string]any) { obj(m, "role")["fit"] = json.Number("101") }, []string{"/role/fit"}, "maximum of 100"},
		{"bad relation", func(m map[string]any) { obj(m, "roles", 0)["relation"] = "sideways" }, []string{"/roles/0/relation"}, "is not one of"},
		{"blocker months 0", func(m map[string]any) { obj(m, "blockers", 0)["months"] = json.Number("0") }, []string{"/blockers/0/months"}, "minimum of 1"},
		{"level without a target", func(m map[string]any) { delete(obj(m, "levels", 0), "target") }, []string{"/levels/0/target"}, "required"},
		{"too many goals", func(m map[string]any) { g := m["goals"].([]any); m["goals"] = append(g, g[0]) }, []string{"/goals"}, "more than the maximum of 5"},
		{"every violation is reported", func(m map[string]any) {
			delete(m, "bank")
			obj(m, "position")["readiness"] = json.Number("101")
			obj(m, "goals", 4)["extra"] = 1
		}, []string{"/bank", "/goals/4/extra", "/position/readiness"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := decodeJSON(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			c.edit(doc.(map[string]any))
			broken, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			vs, err := v.Validate(broken)
			if err != nil {
				t.Fatal(err)
			}
			if got := violationPaths(vs); !slices.Equal(got, c.paths) {
				t.Fatalf("violations at %q, want %q: %v", got, c.paths, vs)
			}
			if c.msg != "" && !slices.ContainsFunc(vs, func(x schemaViolation) bool { return strings.Contains(x.Msg, c.msg) }) {
				t.Errorf("no violation says %q: %v", c.msg, vs)
			}
		})
	}
}

func TestSchemaValidatorKeywords(t *testing.T) {
	schema := `{
	  "$defs": {"small": {"type": "integer", "minimum": 1, "exclusiveMaximum": 10}},
	  "type": "object",
	  "additionalProperties": {"type": ["string", "null"]},
	  "properties": {
	    "n": {"$ref": "#/$defs/small"},
	    "tags": {"type": "array", "minItems": 1, "items": {"enum": ["a", 2, null]}},
	    "c": {"const": {"x": [1, 2]}},
	    "no": false
	  }
	}`
	v := mustValidator(t, schema)
	cases := []struct {
		doc   string
		paths []string
	}{
		{`{"n": 3, "tags": ["a", 2, null], "c": {"x": [1.0, 2]}, "free": "text", "other": null}`, nil},
		{`{"n": 3.0}`, nil},                 // 3.0 is an integer
		{`{"n": 10}`, []string{"/n"}},       // exclusive maximum
		{`{"n": 0}`, []string{"/n"}},        // minimum through $ref
		{`{"n": 2.5}`, []string{"/n"}},      // not an integer
		{`{"tags": []}`, []string{"/tags"}}, // minItems
		{`{"tags": ["b"]}`, []string{"/tags/0"}},
		{`{"c": {"x": [1, 3]}}`, []string{"/c"}},
		{`{"free": 1}`, []string{"/free"}}, // additionalProperties schema
		{`{"no": 1}`, []string{"/no"}},     // false schema
		{`[]`, []string{""}},
	}
	for _, c := range cases {
		vs, err := v.Validate([]byte(c.doc))
		if err != nil {
			t.Fatalf("%s: %v", c.doc, err)
		}
		if got := violationPaths(vs); !slices.Equal(got, c.paths) {
			t.Errorf("%s: violations at %q, want %q: %v", c.doc, got, c.paths, vs)
		}
	}
	if _, err := v.Validate([]byte(`{} {}`)); err == nil {
		t.Error("two documents in one must be an error")
	}
}

// TestSchemaValidatorRejectsUnknownKeywords: a keyword the validator does
// not implement must not pass silently.
func TestSchemaValidatorRejectsUnknownKeywords(t *testing.T) {
	for _, schema := range []string{
		`{"type": "string", "maxLength": 2}`,
		`{"$ref": "#/$defs/missing"}`,
		`{"type": "string", "format": "email"}`,
		`{"type": "strng"}`,
	} {
		vs, err := mustValidator(t, schema).Validate([]byte(`"abc"`))
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) == 0 || !strings.Contains(vs[0].Msg, "schema #") {
			t.Errorf("%s: want a violation naming the schema, got %v", schema, vs)
		}
	}
}

// ---- plan.schema.json itself ----

// walkSchema calls fn for every subschema, with its location.
func walkSchema(s any, loc string, fn func(s map[string]any, loc string)) {
	m, ok := s.(map[string]any)
	if !ok {
		return
	}
	fn(m, loc)
	for _, k := range []string{"properties", "$defs"} {
		if sub, ok := m[k].(map[string]any); ok {
			for name, ss := range sub {
				walkSchema(ss, loc+"/"+k+"/"+pointerToken(name), fn)
			}
		}
	}
	for _, k := range []string{"items", "additionalProperties"} {
		if ss, ok := m[k]; ok {
			walkSchema(ss, loc+"/"+k, fn)
		}
	}
}

func TestPlanSchemaIsWellFormed(t *testing.T) {
	v, err := newSchemaValidator(PlanSchema)
	if err != nil {
		t.Fatal(err)
	}
	root := v.root.(map[string]any)
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v, want draft 2020-12", root["$schema"])
	}
	for _, k := range []string{"$id", "title", "description"} {
		if s, _ := root[k].(string); s == "" {
			t.Errorf("the schema has no %s", k)
		}
	}
	sv := root["properties"].(map[string]any)["schema_version"].(map[string]any)
	if !jsonEqual(sv["const"], json.Number(fmt.Sprint(assess.PlanSchemaVersion))) {
		t.Errorf("schema_version const = %v, want %d", sv["const"], assess.PlanSchemaVersion)
	}
	objects := 0
	walkSchema(v.root, "#", func(s map[string]any, loc string) {
		for k := range s {
			if !annotationKeywords[k] && !assertionKeywords[k] {
				t.Errorf("%s: keyword %q is not checked by the test validator", loc, k)
			}
		}
		if ref, ok := s["$ref"].(string); ok {
			if _, ok := v.resolve(ref); !ok {
				t.Errorf("%s: $ref %q does not resolve", loc, ref)
			}
		}
		props, hasProps := s["properties"].(map[string]any)
		if s["type"] == "object" || hasProps {
			objects++
			if s["type"] != "object" || !hasProps {
				t.Errorf("%s: an object schema needs type object and properties", loc)
			}
			if s["additionalProperties"] != false {
				t.Errorf("%s: additionalProperties must be false", loc)
			}
			req, _ := s["required"].([]any)
			for _, r := range req {
				if _, ok := props[r.(string)]; !ok {
					t.Errorf("%s: required %q is not among the properties", loc, r)
				}
			}
		}
		if s["format"] == "date" && s["pattern"] != `^\d{4}-\d{2}-\d{2}$` {
			t.Errorf("%s: a date needs the pattern ^\\d{4}-\\d{2}-\\d{2}$", loc)
		}
	})
	// The plan, bank, estimate, the twenty-eight object types in $defs and
	// the two nested in them (a gap's review, a mentor's level in a note).
	if objects != 34 {
		t.Errorf("found %d object schemas, want 34: the walk missed some, or the schema changed", objects)
	}
}

// TestPlanSchemaMatchesPlanType keeps the schema and the Go types in step:
// every JSON field of assess.Plan and the types in it is a property in the
// schema, required unless it is omitempty, and the schema has no property
// the types do not write.
func TestPlanSchemaMatchesPlanType(t *testing.T) {
	v, err := newSchemaValidator(PlanSchema)
	if err != nil {
		t.Fatal(err)
	}
	deref := func(s any) map[string]any {
		m, _ := s.(map[string]any)
		for m != nil && m["$ref"] != nil {
			r, _ := v.resolve(m["$ref"].(string))
			m, _ = r.(map[string]any)
		}
		return m
	}
	dateType := reflect.TypeFor[assess.Date]()
	var walk func(typ reflect.Type, s map[string]any, loc string)
	walk = func(typ reflect.Type, s map[string]any, loc string) {
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		switch {
		case typ == dateType:
			if s["format"] != "date" {
				t.Errorf("%s: a Date must have format date", loc)
			}
			return
		case typ.Kind() == reflect.Slice:
			if s["type"] != "array" {
				t.Errorf("%s: %s must be an array", loc, typ)
				return
			}
			walk(typ.Elem(), deref(s["items"]), loc+"/items")
			return
		case typ.Kind() != reflect.Struct:
			return
		}
		props, _ := s["properties"].(map[string]any)
		req, _ := s["required"].([]any)
		seen := map[string]bool{}
		for _, f := range reflect.VisibleFields(typ) {
			if !f.IsExported() || (f.Anonymous && f.Tag.Get("json") == "") {
				continue
			}
			tag := f.Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			seen[name] = true
			ps, ok := props[name]
			if !ok {
				t.Errorf("%s: %s.%s (%q) is not in the schema", loc, typ.Name(), f.Name, name)
				continue
			}
			omit := strings.Contains(opts, "omitempty")
			if isReq := slices.Contains(req, any(name)); isReq == omit {
				t.Errorf("%s: %q required = %v, but omitempty = %v", loc, name, isReq, omit)
			}
			walk(f.Type, deref(ps), loc+"/properties/"+name)
		}
		for name := range props {
			if !seen[name] {
				t.Errorf("%s: the schema has %q, which %s does not write", loc, name, typ.Name())
			}
		}
	}
	walk(reflect.TypeFor[assess.Plan](), v.root.(map[string]any), "#")
}
