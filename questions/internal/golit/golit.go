// Package golit writes a Go value as Go source: a composite literal that
// rebuilds the value when compiled. The questions package uses it to keep a
// pre-decoded copy of the embedded bank (bank_gen.go), so that start-up
// does not decode TOML.
//
// It handles what a bank is made of: structs, slices, maps with string
// keys, pointers to scalars, strings, booleans, integers, floats and
// time.Time (written in UTC). Unexported fields are left out, and so are
// fields holding their zero value; a nil slice or map stays nil and an empty
// one stays empty.
package golit

import (
	"bytes"
	"fmt"
	"go/format"
	"math"
	"reflect"
	"sort"
	"strconv"
	"time"
)

// Spec describes the file File writes.
type Spec struct {
	// Header is written first: comments, then a blank line.
	Header string
	// Package is the package clause's name.
	Package string
	// Imports lists the import paths the value's types need, besides
	// time, which is added when a time.Time is written.
	Imports []string
	// Decls are declarations written after the imports.
	Decls string
	// Func names the function that returns the value.
	Func string
}

// File returns a formatted Go file that declares
//
//	func Func() *T { return &T{...} }
//
// where *T is the type of v, a pointer to a struct.
func File(s Spec, v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("golit: want a non-nil pointer to a struct, got %T", v)
	}
	var body bytes.Buffer
	w := &writer{buf: &body}
	w.value(rv.Elem())
	if w.err != nil {
		return nil, w.err
	}
	var out bytes.Buffer
	out.WriteString(s.Header)
	fmt.Fprintf(&out, "\npackage %s\n\nimport (\n", s.Package)
	if w.usesTime {
		out.WriteString("\t\"time\"\n\n")
	}
	for _, imp := range s.Imports {
		fmt.Fprintf(&out, "\t%q\n", imp)
	}
	out.WriteString(")\n\n")
	if s.Decls != "" {
		out.WriteString(s.Decls + "\n\n")
	}
	fmt.Fprintf(&out, "func %s() *%s {\n\treturn &", s.Func, rv.Elem().Type().String())
	out.Write(body.Bytes())
	out.WriteString("\n}\n")
	if w.usesPtr {
		out.WriteString("\n// ptr returns a pointer to a copy of v.\nfunc ptr[T any](v T) *T { return &v }\n")
	}
	src, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("golit: formatting the generated source: %w", err)
	}
	return src, nil
}

type writer struct {
	buf      *bytes.Buffer
	usesTime bool
	usesPtr  bool
	err      error
}

var timeType = reflect.TypeFor[time.Time]()

func (w *writer) fail(format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf("golit: "+format, args...)
	}
}

// value writes v as an expression of its own type.
func (w *writer) value(v reflect.Value) {
	t := v.Type()
	switch {
	case t == timeType:
		w.time(v.Interface().(time.Time))
	case t.Kind() == reflect.Struct:
		w.buf.WriteString(t.String())
		w.structBody(v)
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Map:
		if v.IsNil() {
			w.buf.WriteString("nil")
			return
		}
		w.buf.WriteString(t.String())
		w.elements(v)
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			w.buf.WriteString("nil")
			return
		}
		if !isScalar(t.Elem().Kind()) {
			w.fail("pointer to %s is not supported", t.Elem())
			return
		}
		w.usesPtr = true
		fmt.Fprintf(w.buf, "ptr[%s](", t.Elem().String())
		w.scalar(v.Elem())
		w.buf.WriteByte(')')
	case isScalar(t.Kind()):
		// An untyped constant is assignable to the field or element,
		// whatever named type it has.
		w.scalar(v)
	default:
		w.fail("%s (%s) is not supported", t, t.Kind())
	}
}

// elided writes v where the enclosing slice or map literal implies its
// type, as Go allows for struct elements.
func (w *writer) elided(v reflect.Value) {
	if t := v.Type(); t.Kind() == reflect.Struct && t != timeType {
		w.structBody(v)
		return
	}
	w.value(v)
}

func (w *writer) structBody(v reflect.Value) {
	t := v.Type()
	w.buf.WriteString("{")
	first := true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := v.Field(i)
		if !f.IsExported() || fv.IsZero() {
			continue
		}
		if first {
			w.buf.WriteString("\n")
			first = false
		}
		w.buf.WriteString(f.Name + ": ")
		w.value(fv)
		w.buf.WriteString(",\n")
	}
	w.buf.WriteString("}")
}

func (w *writer) elements(v reflect.Value) {
	w.buf.WriteString("{")
	switch v.Kind() {
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if i == 0 {
				w.buf.WriteString("\n")
			}
			w.elided(v.Index(i))
			w.buf.WriteString(",\n")
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			w.fail("map key %s is not supported", v.Type().Key())
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for i, k := range keys {
			if i == 0 {
				w.buf.WriteString("\n")
			}
			w.buf.WriteString(strconv.Quote(k.String()) + ": ")
			w.elided(v.MapIndex(k))
			w.buf.WriteString(",\n")
		}
	}
	w.buf.WriteString("}")
}

func isScalar(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

func (w *writer) scalar(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		w.buf.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		w.buf.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.buf.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) || (f == 0 && math.Signbit(f)) {
			w.fail("%v cannot be written as a Go constant", f)
			return
		}
		w.buf.WriteString(strconv.FormatFloat(f, 'g', -1, v.Type().Bits()))
	}
}

// time writes a time as time.Date in UTC: the bank's dates are calendar
// dates, and the zone the TOML decoder gives them depends on the machine.
func (w *writer) time(t time.Time) {
	w.usesTime = true
	if t.IsZero() {
		w.buf.WriteString("time.Time{}")
		return
	}
	fmt.Fprintf(w.buf, "time.Date(%d, %d, %d, %d, %d, %d, %d, time.UTC)", t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond())
}
