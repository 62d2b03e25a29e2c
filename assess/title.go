package assess

import (
	"slices"
	"strings"
	"unicode"
)

// Reading a job title as written ("Team Lead, Security Operations",
// "VP, Information Security", "Deputy Group CISO") as one of the bank's
// roles. A wrong role does more harm than none: with no role a person is
// placed from their answers, with a wrong one the recommendation starts
// from the wrong place. So the matcher only reads a title as a role when
// one of the role's names is all there, and it refuses the readings that
// put a person above their job: a deputy is not the chief, and the chief
// of staff to the CISO is not the CISO.

// titleSpelling folds the spellings and synonyms of titles to one form
// before matching; the bank's aliases are folded the same way.
var titleSpelling = map[string][]string{
	"cybersecurity": {"cyber", "security"},
	"infosec":       {"information", "security"},
	"defense":       {"defence"},
	"center":        {"centre"},
	"program":       {"programme"},
	"vp":            {"director"},
	"svp":           {"director"},
	"evp":           {"director"},
	"sr":            {"senior"},
}

// titleFiller are words a title can have or not without naming another
// role: "Head of Security" is "Head Security".
var titleFiller = map[string]bool{"of": true, "the": true, "for": true, "a": true}

// Words that tie a title to a profession: a title with one of them is only
// read as a role of that family ("Head of IT Security" is not the IT
// manager's "Head of IT").
var familyWords = map[string][]string{
	"security": {"security", "cyber", "ciso", "biso", "vciso", "soc", "grc"},
	"privacy":  {"privacy", "dpo", "protection", "cpo"},
}

// supportWords mark someone who works for a chief, not the chief: the
// chief of staff to the CISO, the office of the CIO, an assistant to the
// CRO.
var supportWords = map[string]bool{"to": true, "staff": true, "office": true, "assistant": true}

// chiefSeniority is the seniority of the chief roles (CISO, CIO, CPO, CRO).
const chiefSeniority = 7

// foldTitle reads a title as its words, folded for matching: lower case,
// letters and digits, "&" as "and", spellings and synonyms folded, filler
// words dropped.
func foldTitle(s string) []string {
	var out []string
	for _, w := range strings.Fields(normaliseTitle(s)) {
		if w == "vice" {
			continue // "vice president" reads as "president", then below
		}
		if w == "president" {
			w = "director"
		}
		if titleFiller[w] {
			continue
		}
		if f, ok := titleSpelling[w]; ok {
			out = append(out, f...)
			continue
		}
		out = append(out, w)
	}
	return out
}

// MatchRole finds the role a current role given in words names: by id,
// else by a title or alias equal to the words once folded (see
// foldTitle), else by the longest title or alias whose every word is in
// them ("Senior SOC lead, EMEA" has "soc lead"; "Team Lead, Security
// Operations" has "security operations lead"). A title with a word of a
// profession (security, privacy) is only read as a role of that
// profession. A deputy or vice of a chief role reads as the role that
// leads to it (Deputy CISO as head of security), and someone who works for
// a chief (chief of staff, the office of) as no role. It returns nil when
// nothing matches.
func (b *Bank) MatchRole(text string) *Role {
	if text == "" {
		return nil
	}
	if r := b.Role(text); r != nil {
		return r
	}
	words := foldTitle(text)
	if len(words) == 0 {
		return nil
	}
	families := b.titleFamilies(words)
	var best *Role
	bestLen := 0
	for i := range b.Roles {
		ro := &b.Roles[i]
		if len(families) > 0 && !families[ro.FamilyName()] {
			continue
		}
		for _, name := range append([]string{ro.ID, ro.Title}, ro.Aliases...) {
			n := foldTitle(name)
			if len(n) == 0 {
				continue
			}
			if slices.Equal(n, words) {
				return b.underChief(ro, words)
			}
			if l := len(strings.Join(n, " ")); l > bestLen && allIn(n, words) {
				best, bestLen = ro, l
			}
		}
	}
	if best == nil {
		return nil
	}
	return b.underChief(best, words)
}

// titleFamilies is the set of the bank's professions the words of a title
// name (none in a bank whose roles have no such family).
func (b *Bank) titleFamilies(words []string) map[string]bool {
	var out map[string]bool
	for fam, marks := range familyWords {
		if !slices.ContainsFunc(b.Roles, func(r Role) bool { return r.FamilyName() == fam }) {
			continue
		}
		for _, w := range words {
			if slices.Contains(marks, w) {
				if out == nil {
					out = map[string]bool{}
				}
				out[fam] = true
			}
		}
	}
	return out
}

// allIn reports whether every word of a name is among the words.
func allIn(name, words []string) bool {
	for _, w := range name {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// underChief corrects a chief role read from a title that is not the
// chief's own: a deputy's title reads as the role below (see deputyOf),
// and a supporting role's as none.
func (b *Bank) underChief(ro *Role, words []string) *Role {
	if ro.Seniority < chiefSeniority {
		return ro
	}
	for _, w := range words {
		if supportWords[w] {
			return nil
		}
	}
	if slices.Contains(words, "deputy") || slices.Contains(words, "assistant") {
		return b.deputyOf(ro)
	}
	return ro
}

// deputyOf is the role a deputy of a chief role is read as: of the roles
// of the chief's profession that lead to it, one with a "deputy" alias,
// else the most senior (ties: the bank's order). Roles matched by title
// only are not deputies of anyone. It returns nil when none leads there.
func (b *Bank) deputyOf(chief *Role) *Role {
	var best *Role
	bestDeputy := false
	for i := range b.Roles {
		ro := &b.Roles[i]
		if ro.TitleOnly || ro.FamilyName() != chief.FamilyName() || !slices.Contains(ro.LeadsTo, chief.ID) {
			continue
		}
		deputy := slices.ContainsFunc(ro.Aliases, func(a string) bool { return slices.Contains(foldTitle(a), "deputy") })
		switch {
		case best == nil,
			deputy && !bestDeputy,
			deputy == bestDeputy && ro.Seniority > best.Seniority:
			best, bestDeputy = ro, deputy
		}
	}
	return best
}

// accentFold maps the accented Latin letters of the Latin-1 and Latin
// Extended-A blocks, in lower case, to their unaccented letters, so
// "défense" finds "defense" and "Défense" alike.
var accentFold = func() map[rune]string {
	m := map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'þ': "th", 'ð': "d", 'ı': "i", 'ł': "l", 'đ': "d", 'ħ': "h", 'ŧ': "t", 'ø': "o"}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥ",
		"i": "ìíîïĩīĭį", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏő",
		"r": "ŕŗř", "s": "śŝşš", "t": "ţť", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// foldAccents lowers s and takes the accents off its Latin letters.
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := accentFold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
