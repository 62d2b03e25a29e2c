package questions

import "testing"

// Benchmarks of loading the embedded bank:
//
//	go test ./questions -run '^$' -bench . -benchmem
//
// Default is what every command does at start-up (the pre-decoded copy in
// bank_gen.go); the others decode the TOML, as secpath did before
// bank_gen.go and as `secpath validate` still does.

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeTOML decodes and validates bank/*.toml without source
// positions.
func BenchmarkDecodeTOML(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := decodeDefault(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefaultWithPositions is the full load `secpath validate` does:
// decode, record every position, validate.
func BenchmarkDefaultWithPositions(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := DefaultWithPositions(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndValidate is Default followed by a full validation of the
// bank it returns: the content rules, checked at every load before
// bank_gen.go.
func BenchmarkLoadAndValidate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		bank, _, err := Default()
		if err != nil {
			b.Fatal(err)
		}
		if r := bank.Validate(); len(r.Errors) > 0 {
			b.Fatal(r.Errors)
		}
	}
}
