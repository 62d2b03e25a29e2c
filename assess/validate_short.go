package assess

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxShort is the longest a short form may be, in characters: it exists
// for the narrow columns of an 80-column terminal.
const MaxShort = 24

// shortForms checks the short forms of role titles and certification
// abbreviations: each must be narrower than what it stands for, fit the
// columns it is for, and name one thing only, or a face that shows it
// would be no clearer than cutting the long form.
func (v *validator) shortForms() {
	seen := map[string]string{} // short form -> role id
	for i := range v.b.Roles {
		ro := &v.b.Roles[i]
		if ro.Short == "" {
			continue
		}
		owner := fmt.Sprintf("role %q", ro.ID)
		v.short(ro.Src.At("short"), owner, ro.Short, ro.Title, "title")
		key := strings.ToLower(strings.TrimSpace(ro.Short))
		if other, dup := seen[key]; dup {
			v.r.Errorf(ro.Src.At("short"), "%s: short form %q is also role %q's: a short form must name one role", owner, ro.Short, other)
		}
		seen[key] = ro.ID
	}
	for i := range v.b.Certifications {
		c := &v.b.Certifications[i]
		if c.Short != "" {
			v.short(c.Src.At("short"), fmt.Sprintf("certification %q", c.ID), c.Short, c.Label(), "abbreviation")
		}
	}
}

// short checks one short form against the long form it stands for.
func (v *validator) short(at Source, owner, short, long, what string) {
	n := utf8.RuneCountInString(short)
	switch {
	case strings.TrimSpace(short) != short || strings.ContainsFunc(short, func(r rune) bool { return r < ' ' || r == 0x7f }):
		v.r.Errorf(at, "%s: short form %q has spaces at an end or control characters", owner, short)
	case n >= utf8.RuneCountInString(long):
		v.r.Errorf(at, "%s: short form %q is no shorter than its %s %q; leave it out", owner, short, what, long)
	case n > MaxShort:
		v.r.Errorf(at, "%s: short form %q is %d characters; keep it to %d", owner, short, n, MaxShort)
	}
}
