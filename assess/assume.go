package assess

import (
	"fmt"
	"strconv"
	"strings"
)

// AssumptionKind says what a what-if changes.
type AssumptionKind string

// Kinds of assumption.
const (
	AssumeCert  AssumptionKind = "certification"
	AssumeLevel AssumptionKind = "competency"
	AssumeFact  AssumptionKind = "fact"
)

// Assumption is one what-if: "cert=cism", "risk-management=4",
// "years-managing=3".
type Assumption struct {
	Kind  AssumptionKind `json:"kind"`
	ID    string         `json:"id"`
	Value float64        `json:"value,omitempty"`
	// Text says it in words, for the plan's "assumed" list.
	Text string `json:"text"`
}

// ParseAssumption reads KEY=VALUE against a bank: cert=ID for a
// certification held, a competency id with a level 0–5, or a fact (its id,
// its id with dashes, or the id of the question that records it) with a
// number, or yes/no for a yes/no fact.
func ParseAssumption(b *Bank, s string) (Assumption, error) {
	key, val, ok := strings.Cut(strings.TrimSpace(s), "=")
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	if !ok || key == "" || val == "" {
		return Assumption{}, fmt.Errorf("assumption %q: write KEY=VALUE, e.g. cert=cism, risk-management=4 or years-managing=3", s)
	}
	if key == "cert" || key == "certification" {
		c := b.Certification(val)
		if c == nil {
			return Assumption{}, fmt.Errorf("assumption %q: unknown certification %q%s", s, val, suggestion(val, certIDs(b)))
		}
		return Assumption{Kind: AssumeCert, ID: c.ID, Text: fmt.Sprintf("you hold %s", c.Label())}, nil
	}
	if c := b.Competency(key); c != nil {
		v, err := strconv.ParseFloat(val, 64)
		if err != nil || v < MinLevel || v > MaxLevel {
			return Assumption{}, fmt.Errorf("assumption %q: a competency level is a number from 0 to 5", s)
		}
		return Assumption{Kind: AssumeLevel, ID: c.ID, Value: v, Text: fmt.Sprintf("%s is at level %g", c.Name, v)}, nil
	}
	if f := factFor(b, key); f != nil {
		var v float64
		if f.Kind == FactBool {
			switch strings.ToLower(val) {
			case "yes", "true", "1":
				v = 1
			case "no", "false", "0":
			default:
				return Assumption{}, fmt.Errorf("assumption %q: %s is yes or no", s, f.ID)
			}
			word := "yes"
			if v == 0 {
				word = "no"
			}
			return Assumption{Kind: AssumeFact, ID: f.ID, Value: v, Text: fmt.Sprintf("%s: %s", f.Name, word)}, nil
		}
		n, err := strconv.ParseFloat(val, 64)
		if err != nil || n < 0 {
			return Assumption{}, fmt.Errorf("assumption %q: %s is a number of %s", s, f.ID, f.Unit)
		}
		return Assumption{Kind: AssumeFact, ID: f.ID, Value: n, Text: fmt.Sprintf("%s: %g %s", f.Name, n, f.Unit)}, nil
	}
	known := append(compIDs(b), "cert")
	for _, f := range b.Facts {
		known = append(known, f.ID)
	}
	return Assumption{}, fmt.Errorf("assumption %q: %q is not cert, a competency or a fact%s", s, key, suggestion(key, known))
}

// factFor finds a fact by id, by id written with dashes, or by the id of a
// question that records it.
func factFor(b *Bank, key string) *Fact {
	if f := b.Fact(key); f != nil {
		return f
	}
	if f := b.Fact(strings.ReplaceAll(key, "-", "_")); f != nil {
		return f
	}
	if q := b.Question(key); q != nil && q.Fact != "" {
		return b.Fact(q.Fact)
	}
	return nil
}

func suggestion(id string, known []string) string {
	if s := Closest(id, known); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

func certIDs(b *Bank) []string {
	out := make([]string, len(b.Certifications))
	for i, c := range b.Certifications {
		out[i] = c.ID
	}
	return out
}

func compIDs(b *Bank) []string {
	out := make([]string, len(b.Competencies))
	for i, c := range b.Competencies {
		out[i] = c.ID
	}
	return out
}
