package golit

import (
	"strings"
	"testing"
	"time"
)

type kind string

type inner struct {
	Name string
	Tags []string
}

type sample struct {
	Text      string
	Kind      kind
	Count     int
	Ratio     float64
	On        bool
	Zero      *int
	Off       *bool
	Nil       *float64
	Empty     []string
	None      []string
	Levels    map[string]int
	NoMap     map[string]int
	Items     []inner
	When      time.Time
	skipped   string
	Untouched int
}

// TestFile checks the cases the bank relies on: a pointer to a zero value
// stays a pointer, an empty slice stays empty and a nil one nil, map keys
// come out sorted, zero fields are left out, unexported ones too, and the
// result is formatted Go.
func TestFile(t *testing.T) {
	zero, off := 0, false
	v := &sample{
		Text: "a \"quoted\"\nline", Kind: "rating", Count: 3, Ratio: 0.25, On: true,
		Zero: &zero, Off: &off, Empty: []string{},
		Levels: map[string]int{"b": 2, "a": 1}, Items: []inner{{Name: "x", Tags: []string{"t"}}, {}},
		When: time.Date(2024, 4, 15, 0, 0, 0, 0, time.FixedZone("date-local", 3600)), skipped: "no",
	}
	src, err := File(Spec{Header: "// Code generated; DO NOT EDIT.\n", Package: "p", Imports: []string{"example.com/x"}, Func: "build"}, v)
	if err != nil {
		t.Fatal(err)
	}
	got := string(src)
	for _, want := range []string{
		`Text:  "a \"quoted\"\nline",`, `Kind:  "rating",`, `Zero:  ptr[int](0),`, `Off:   ptr[bool](false),`,
		`Empty: []string{},`, "\"a\": 1,\n\t\t\t\"b\": 2,", `time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC)`,
		"func build() *golit.sample {", "func ptr[T any](v T) *T", "\t\"time\"\n", "{},",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the source lacks %q:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{"Nil:", "None:", "NoMap:", "skipped", "Untouched"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("the source has %q:\n%s", unwanted, got)
		}
	}
	if _, err := File(Spec{Package: "p", Func: "f"}, sample{}); err == nil {
		t.Error("a struct that is not a pointer was accepted")
	}
}
