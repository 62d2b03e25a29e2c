package assess

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// TestResultKeepsNoAnswerText checks that no string of a Result points
// into the text the answers were read from. A reader slices its strings
// out of the file's text, so a Result that kept one (a confidence, a
// certification id) would keep the whole file in memory: about 80 KiB per
// person, too much over a cohort of a thousand.
func TestResultKeepsNoAnswerText(t *testing.T) {
	// Every string of the answers is a slice of one text, as a decoder
	// gives them.
	text := strings.Repeat("x", 1<<10) + "|high|low|medium|cert-a|Sam|security-engineer|Acme|evidence"
	cut := func(s string) string {
		i := strings.Index(text, "|"+s)
		return text[i+1 : i+1+len(s)]
	}
	a := &Answers{
		Mode:    Full,
		Profile: Profile{Name: cut("Sam"), CurrentRole: cut("security-engineer"), Organisation: cut("Acme")},
		Items: map[string]Answer{
			"r-tech1":  {Choice: 5, Confidence: Confidence(cut("high")), Evidence: cut("evidence")},
			"r-strat1": {Choice: 3, Confidence: Confidence(cut("low"))},
			"s-mix":    {Choice: 2, Confidence: Confidence(cut("medium"))},
			"n-years":  {Number: fp(6)},
			"c-held":   {Held: []HeldCert{{ID: cut("cert-a"), Year: 2020}}},
		},
	}
	res := Score(testBank(), a)
	if len(res.Held) != 1 || len(res.Competencies) == 0 || len(res.Competencies[0].Contributions) == 0 {
		t.Fatalf("the answers did not count: %+v", res)
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	hi := lo + uintptr(len(text))
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if s := v.String(); s != "" {
				if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); p >= lo && p < hi {
					t.Errorf("%s = %q points into the answers' text", path, s)
				}
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(path+"[]", v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(path+"{key}", it.Key())
				walk(path+"{}", it.Value())
			}
		}
	}
	walk("Result", reflect.ValueOf(res))
}
