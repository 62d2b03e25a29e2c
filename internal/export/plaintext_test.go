package export

import (
	"bytes"
	"strings"
	"testing"
)

// TestPlainTextReadsLikeThePage: the plain-text view holds the plan's
// words without Markdown: no heading marks, emphasis, pipes, rules or
// escapes; label/value rows read "label: value" and action rows name
// their columns.
func TestPlainTextReadsLikeThePage(t *testing.T) {
	var fx planFixtures
	for _, persona := range fx.personas(t) {
		t.Run(persona, func(t *testing.T) {
			b, p := fx.plan(t, persona)
			var buf bytes.Buffer
			if err := WritePlainText(&buf, b, p); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for i, l := range strings.Split(out, "\n") {
				for _, bad := range []string{"**", "|", "&lt;", "&gt;", `\*`, `\_`, "---"} {
					if strings.Contains(l, bad) {
						t.Errorf("line %d holds %q: %q", i+1, bad, l)
					}
				}
				if strings.HasPrefix(l, "#") {
					t.Errorf("line %d is a Markdown heading: %q", i+1, l)
				}
			}
			if !strings.HasPrefix(out, "Development plan: ") || !strings.Contains(out, "\nGoals\n") {
				t.Errorf("headings missing:\n%s", out)
			}
		})
	}
	b, p := fx.plan(t, "soc-lead")
	var buf bytes.Buffer
	if err := WritePlainText(&buf, b, p); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\nPlan for: IT Security Manager\n",
		"\nReadiness: 65%\n",
		"\n- Start: 2026-12-15; Due: 2027-01-26; Step: 1→2; Type: experience; Action: Carry out a risk assessment for one system with NIST SP 800-30r1, under guidance; Effort: 30h over 6w; Evidence: Risk assessment report and the reviewer's comments.\n",
		"\n- Level today: 1.6 · judgement 2.9 in its scenarios\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("plain text lacks %q", want)
		}
	}
}

// TestPlainLineUnescapes: Markdown escapes and entities come out as the
// characters they stand for; a link keeps its text.
func TestPlainLineUnescapes(t *testing.T) {
	var h []string
	for in, want := range map[string]string{
		`Budget \*and\* \[risk\] &lt;b&gt;`:          "Budget *and* [risk] <b>",
		"See [the schema](plan.schema.json), `plan`": "See the schema, plan",
		"### 1. Risk management: 1.6 → 2":            "1. Risk management: 1.6 → 2",
		"_Signed_ off":                               "Signed off",
	} {
		if got, ok := plainLine(in, &h); !ok || got != want {
			t.Errorf("plainLine(%q) = %q, want %q", in, got, want)
		}
	}
}
