package export

import (
	"strings"
	"testing"
)

// TestPlainWordsKeepProvenanceInJSON: the Markdown and the HTML a person
// reads carry no "(s)" plurals and none of the rules' provenance notes
// (versions, "does not date", "modelled"), while the JSON still carries
// each certification's rule version and date.
func TestPlainWordsKeepProvenanceInJSON(t *testing.T) {
	var fx planFixtures
	for _, name := range fx.personas(t) {
		t.Run(name, func(t *testing.T) {
			b, p := fx.plan(t, name)
			md := writeFixture(t, Markdown, b, p)
			page := writeFixture(t, HTML, b, p)
			js := writeFixture(t, JSON, b, p)
			for face, text := range map[string]string{"Markdown": md, "HTML": page} {
				for _, bad := range []string{"(s)", "does not date", "(modelled", "the date is the first of", "rule checked on"} {
					if strings.Contains(text, bad) {
						t.Errorf("the %s shows %q", face, bad)
					}
				}
				for _, c := range p.Certifications {
					if c.RuleVersion != "" && strings.Contains(text, c.RuleVersion) {
						t.Errorf("the %s shows %s's rule version note", face, c.Abbr)
					}
				}
			}
			// The status codes stay in the JSON (and the page's classes).
			for _, code := range []string{"meets-rule", "not-yet"} {
				if strings.Contains(md, code) {
					t.Errorf("the Markdown shows the status code %q", code)
				}
			}
			for _, c := range p.Certifications {
				if c.RuleVersion != "" && !strings.Contains(js, `"rule_version": "`+c.RuleVersion) {
					t.Errorf("the JSON lost %s's rule version", c.Abbr)
				}
				if c.RuleDate != "" && !strings.Contains(js, `"rule_date": "`+c.RuleDate) {
					t.Errorf("the JSON lost %s's rule date", c.Abbr)
				}
			}
		})
	}
}
