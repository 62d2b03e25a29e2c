package wording

import (
	"fmt"
	"strings"
)

// Plural is the noun for a count of n: one when n is 1, many otherwise
// ("0 years", "1 year", "1.5 years"). People read "1 blocker", never
// "1 blocker(s)".
func Plural[N int | float64](n N, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count is n with its noun: "1 year", "3 years", "0.5 years".
func Count[N int | float64](n N, one, many string) string {
	return fmt.Sprintf("%v %s", n, Plural(n, one, many))
}

// UnitFor is a bank's unit ("years", "people") for an amount: singular for
// exactly 1, so "needs 1 year", not "needs 1 years".
func UnitFor(n float64, unit string) string {
	if n == 1 && strings.HasSuffix(unit, "s") && !strings.HasSuffix(unit, "ss") {
		return strings.TrimSuffix(unit, "s")
	}
	return unit
}
