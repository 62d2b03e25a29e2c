package assess

import (
	"math"
	"slices"
)

// Certification status values. secpath never states eligibility as fact:
// "meets-rule" means the answers appear to meet the published rule.
const (
	StatusHeld      = "held"
	StatusMeetsRule = "meets-rule"
	StatusNotYet    = "not-yet"
)

// CoveredLevel is the level in a competency at which a certification
// domain that exercises it counts as covered by the person's experience.
const CoveredLevel = 3.0

// CertStatus is where a person stands against one certification's rule,
// as data: the faces word it (internal/wording). Message is left empty by
// the domain and filled by the JSON writers, for readers that want the
// words.
type CertStatus struct {
	ID          string `json:"id"`
	Abbr        string `json:"abbr"`
	Name        string `json:"name"`
	Status      string `json:"status"`
	Message     string `json:"message"`
	RuleVersion string `json:"rule_version"`
	RuleDate    string `json:"rule_date,omitempty"`
	// RuleChecked is the day the rule was last checked against the
	// awarding body's page.
	RuleChecked string `json:"rule_checked,omitempty"`
	Year        int    `json:"year,omitempty"`
	// YearsShort is the largest shortfall in years of experience, 0 when
	// none; the plan uses it to date the certification.
	YearsShort float64 `json:"years_short,omitempty"`
	// YearsUnknown says some years the rule asks for were not asked or
	// not answered, so no date can be given for it.
	YearsUnknown bool `json:"years_unknown,omitempty"`
	// Roles lists the roles on the recommended path that ask for it.
	Roles []string `json:"roles,omitempty"`
	// Maintenance is what keeps a held certification current, from the
	// bank.
	Maintenance string `json:"maintenance,omitempty"`
	// ExamOnly says the rule asks for no experience to sit the exam.
	ExamOnly bool `json:"exam_only,omitempty"`
	// Route names the rule's route the answers qualify for, when the rule
	// has routes and one applies.
	Route string `json:"route,omitempty"`
	// Waiver is the years of experience waived, counted in the rule.
	Waiver float64 `json:"waiver,omitempty"`
	// Shortfalls say what the answers do not meet, for StatusNotYet.
	Shortfalls []Shortfall `json:"shortfalls,omitempty"`
	// Alternative is another route to the certification, from the bank,
	// given when the rule is not met yet.
	Alternative string `json:"alternative,omitempty"`
	// Body is the awarding body, whom to confirm the rule with.
	Body string `json:"body"`
}

// ShortfallKind says what part of a certification's rule is not met.
type ShortfallKind string

// What part of a rule is not met.
const (
	// ShortRequires: the certification is awarded only to holders of one
	// of OneOf (by abbreviation), none of which is recorded.
	ShortRequires ShortfallKind = "requires"
	// ShortExperience: an experience minimum, as the Experience blocker.
	ShortExperience ShortfallKind = "experience"
	// ShortDomains: experience across Covered of the certification's
	// Domains domains, where the rule asks for Need.
	ShortDomains ShortfallKind = "domains"
	// ShortDomain: the experience must include one of the domains OneOf
	// (by name, as the bank gives it).
	ShortDomain ShortfallKind = "domain"
)

// Shortfall is one part of a certification's rule the answers do not
// meet, as data.
type Shortfall struct {
	Kind       ShortfallKind `json:"kind"`
	OneOf      []string      `json:"one_of,omitempty"`
	Experience *Blocker      `json:"experience,omitempty"`
	Covered    int           `json:"covered,omitempty"`
	Domains    int           `json:"domains,omitempty"`
	Need       int           `json:"need,omitempty"`
}

// certificationStatus reports every certification that is held or that a
// role on the recommended path asks for, held ones first.
func certificationStatus(b *Bank, res *Result) []CertStatus {
	rec := res.Recommendation
	path := pathRoles(b, rec)
	wanted := map[string][]string{}
	var order []string
	add := func(id, role string) {
		if _, ok := wanted[id]; !ok {
			order = append(order, id)
		}
		if role != "" && !contains(wanted[id], role) {
			wanted[id] = append(wanted[id], role)
		} else if wanted[id] == nil {
			wanted[id] = []string{}
		}
	}
	for _, h := range res.Held {
		add(h.ID, "")
	}
	for _, ro := range path {
		for _, id := range ro.ExpectsOneOf {
			add(id, ro.ID)
		}
		for _, id := range ro.Certifications {
			add(id, ro.ID)
		}
	}
	out := []CertStatus{}
	for _, id := range order {
		c := b.Certification(id)
		if c == nil {
			continue
		}
		st := Eligibility(b, c, res)
		st.Roles = wanted[id]
		out = append(out, st)
	}
	return out
}

// pathRoles returns the roles from the position through the next step to
// the long-term role, without repeats.
func pathRoles(b *Bank, rec Recommendation) []*Role {
	var out []*Role
	seen := map[string]bool{}
	ids := []string{rec.NextRole}
	if p := shortestPath(b, rec.NextRole, rec.LongTermRole); p != nil {
		ids = p
	} else {
		ids = append(ids, rec.LongTermRole)
	}
	for _, id := range ids {
		if ro := b.Role(id); ro != nil && !seen[id] {
			seen[id] = true
			out = append(out, ro)
		}
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Eligibility tests a certification's rule against the facts, held
// certifications and competency levels in a result.
func Eligibility(b *Bank, c *Certification, res *Result) CertStatus {
	ru := c.Rule
	st := CertStatus{ID: c.ID, Abbr: c.Label(), Name: c.Name, RuleVersion: ru.Version, Body: c.Body}
	if !ru.Date.IsZero() {
		st.RuleDate = ru.Date.Format("2006-01-02")
	}
	if !ru.LastVerified.IsZero() {
		st.RuleChecked = ru.LastVerified.Format("2006-01-02")
	}
	for _, h := range res.Held {
		if h.ID == c.ID {
			st.Status, st.Year, st.Maintenance = StatusHeld, h.Year, c.Maintenance
			return st
		}
	}
	for _, r := range ru.Routes {
		if res.Facts[r.When] > 0 {
			if len(r.Experience) > 0 {
				ru.Experience = r.Experience
			}
			if r.MinDomains > 0 {
				ru.MinDomains = r.MinDomains
			}
			st.Route = r.Name
			break
		}
	}
	if len(ru.RequiresOneOf) > 0 && !slices.ContainsFunc(ru.RequiresOneOf, res.holds) {
		st.Shortfalls = append(st.Shortfalls, Shortfall{Kind: ShortRequires, OneOf: certLabels(b, ru.RequiresOneOf)})
	}
	if len(st.Shortfalls) == 0 && (c.Gate == "exam-only" || (len(ru.Experience) == 0 && ru.MinDomains == 0)) {
		st.Status, st.ExamOnly = StatusMeetsRule, true
		return st
	}
	waiver := 0.0
	for _, w := range ru.Waivers {
		if (w.Certification != "" && res.holds(w.Certification)) || (w.Fact != "" && res.Facts[w.Fact] > 0) {
			waiver += w.Years
		}
	}
	waiver = math.Min(waiver, ru.WaiverMaxYears)
	for _, fact := range sortedKeys(ru.Experience) {
		need := ru.Experience[fact]
		if fact == ru.WaiverFact {
			need = math.Max(0, need-waiver)
		}
		bl, isShort := experienceBlocker(b, res, fact, need)
		if !isShort {
			continue
		}
		if bl.NotAsked || bl.NotAnswered {
			st.YearsUnknown = true
		} else {
			st.YearsShort = math.Max(st.YearsShort, need-bl.Have)
		}
		st.Shortfalls = append(st.Shortfalls, Shortfall{Kind: ShortExperience, Experience: &bl})
	}
	if ru.MinDomains > 0 || len(ru.AnyOfDomains) > 0 {
		covered, anyOK := coveredDomains(c, res)
		if covered < ru.MinDomains {
			st.Shortfalls = append(st.Shortfalls, Shortfall{Kind: ShortDomains, Covered: covered, Domains: len(c.Domains), Need: ru.MinDomains})
		}
		if !anyOK {
			names := make([]string, 0, len(ru.AnyOfDomains))
			for _, id := range ru.AnyOfDomains {
				name := id
				for _, d := range c.Domains {
					if d.ID == id && d.Name != "" {
						name = d.Name
					}
				}
				names = append(names, name)
			}
			st.Shortfalls = append(st.Shortfalls, Shortfall{Kind: ShortDomain, OneOf: names})
		}
	}
	if len(st.Shortfalls) == 0 {
		st.Status = StatusMeetsRule
		if waiver > 0 {
			st.Waiver = waiver
		}
		return st
	}
	st.Status = StatusNotYet
	st.Alternative = ru.Alternative
	return st
}

// coveredDomains counts the domains where the person's level in any of
// the domain's competencies reaches CoveredLevel, and whether one of the
// rule's required domains is among them.
func coveredDomains(c *Certification, res *Result) (int, bool) {
	covered := 0
	anyOK := len(c.Rule.AnyOfDomains) == 0
	for _, d := range c.Domains {
		ok := false
		for _, comp := range d.Competencies {
			if res.levels[comp] >= CoveredLevel {
				ok = true
				break
			}
		}
		if ok {
			covered++
			if contains(c.Rule.AnyOfDomains, d.ID) {
				anyOK = true
			}
		}
	}
	return covered, anyOK
}
