package assess

import (
	"strings"
	"testing"
)

// TestValidateShortForms checks the rules for the short forms of role
// titles and certification abbreviations, each case against a bank that
// is otherwise valid.
func TestValidateShortForms(t *testing.T) {
	cases := map[string]struct {
		mutate func(b *Bank)
		want   string // "" means no error
	}{
		"none":         {func(b *Bank) {}, ""},
		"shorter role": {func(b *Bank) { b.Roles[3].Title, b.Roles[3].Short = "Chief Information Security Officer", "CISO" }, ""},
		"shorter cert": {func(b *Bank) { b.Certifications[0].Abbr, b.Certifications[0].Short = "ISO/IEC 27001 LI", "27001 LI" }, ""},
		"as long":      {func(b *Bank) { b.Roles[0].Title, b.Roles[0].Short = "Engineer", "Engineer" }, `short form "Engineer" is no shorter than its title "Engineer"`},
		"longer":       {func(b *Bank) { b.Certifications[0].Abbr, b.Certifications[0].Short = "CISM", "CISM-X" }, `short form "CISM-X" is no shorter than its abbreviation "CISM"`},
		"too long": {func(b *Bank) {
			b.Roles[0].Title, b.Roles[0].Short = strings.Repeat("word ", 10), "Twenty-five characters ok"
		}, "is 25 characters; keep it to 24"},
		"spaces at end": {func(b *Bank) { b.Roles[0].Title, b.Roles[0].Short = "Security Engineer", "Engineer " }, "has spaces at an end or control characters"},
		"control":       {func(b *Bank) { b.Roles[0].Title, b.Roles[0].Short = "Security Engineer", "Eng\x1b[31m" }, "has spaces at an end or control characters"},
		"two roles, one": {func(b *Bank) {
			b.Roles[0].Title, b.Roles[0].Short, b.Roles[1].Title, b.Roles[1].Short = "Security Engineer", "Sec", "Security Manager", "sec"
		}, `short form "sec" is also role "eng"'s`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b := validTestBank()
			c.mutate(b)
			r := b.Validate()
			var got []string
			for _, e := range r.Errors {
				if strings.Contains(e.Message, "short form") {
					got = append(got, e.Message)
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("unexpected errors: %q", got)
			case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
				t.Errorf("errors %q, want one containing %q", got, c.want)
			}
		})
	}
}
