package assess

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// MaxOptionText is the longest option text that fits in two lines at 80
// columns once the list's marker and indent are drawn.
const MaxOptionText = 150

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// Allowed values of the free-text enumerations.
var (
	tracks  = []string{"practitioner", "technical", "program", "executive", "it", "privacy"}
	signals = []string{"technical", "manager", "executive", "privacy", "audit", "project", "service"}
	gates   = []string{"exam-only", "exam+experience"}
)

// Validate checks a bank's cross-references and content rules. Errors make
// the bank unusable; warnings are the content rules every bank should meet
// (see questions/README.md).
func (b *Bank) Validate() Report {
	var r Report
	v := validator{b: b, r: &r}
	v.meta()
	v.scale()
	v.facts()
	v.sections()
	v.competencies()
	v.roles()
	v.certifications()
	v.shortForms()
	v.questions()
	v.actions()
	v.coverage()
	v.scenarioTells()
	v.seniorityCrosswalk()
	r.Sort()
	return r
}

type validator struct {
	b *Bank
	r *Report
}

// unique checks an id and reports a duplicate against the first definition.
func (v *validator) unique(seen map[string]Source, kind, id string, at Source) {
	if id == "" {
		v.r.Errorf(at, "%s has no id", kind)
		return
	}
	if !idPattern.MatchString(id) {
		v.r.Errorf(at.At("id"), "%s id %q: use lower-case letters, digits, '-' and '_' only", kind, id)
	}
	if first, dup := seen[id]; dup {
		v.r.Errorf(at.At("id"), "duplicate %s id %q (first defined at %s)", kind, id, where(first))
		return
	}
	seen[id] = at
}

func where(s Source) string {
	if s.Line == 0 {
		return s.File
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

func (v *validator) level(at Source, what string, l int) {
	if l < MinLevel || l > MaxLevel {
		v.r.Errorf(at, "%s is %d: levels run from %d to %d", what, l, MinLevel, MaxLevel)
	}
}

func (v *validator) meta() {
	m := v.b.Meta
	switch {
	case m.Schema == 0:
		v.r.Errorf(m.Src, "schema is missing: add `schema = %d` to bank.toml", SchemaVersion)
	case m.Schema != SchemaVersion:
		v.r.Errorf(m.Src.At("schema"), "schema %d is not supported: this secpath reads schema %d", m.Schema, SchemaVersion)
	}
	if m.Name == "" {
		v.r.Errorf(m.Src, "the bank has no name: add `name = \"...\"` to bank.toml")
	}
	if m.Version == "" {
		v.r.Errorf(m.Src, "the bank has no version: add `version = \"...\"` to bank.toml")
	}
}

func (v *validator) scale() {
	seen := map[int]Source{}
	for _, l := range v.b.Scale {
		v.level(l.Src.At("level"), "scale level", l.Level)
		if first, dup := seen[l.Level]; dup {
			v.r.Errorf(l.Src.At("level"), "scale level %d is defined twice (first at %s)", l.Level, where(first))
		}
		seen[l.Level] = l.Src
		if l.Name == "" {
			v.r.Errorf(l.Src, "scale level %d has no name", l.Level)
		}
	}
	var missing []string
	for l := MinLevel; l <= MaxLevel; l++ {
		if _, ok := seen[l]; !ok {
			missing = append(missing, fmt.Sprint(l))
		}
	}
	if len(missing) > 0 {
		v.r.Errorf(v.b.Meta.Src, "the scale has no level %s: define every level from 0 to 5 with [[level]]", strings.Join(missing, ", "))
	}
}

func (v *validator) facts() {
	seen := map[string]Source{}
	for _, f := range v.b.Facts {
		v.unique(seen, "fact", f.ID, f.Src)
		if f.Kind != FactNumber && f.Kind != FactBool {
			v.r.Errorf(f.Src.At("kind"), "fact %q: kind %q is not one of number, bool", f.ID, f.Kind)
		}
		if f.Name == "" {
			v.r.Errorf(f.Src, "fact %q has no name", f.ID)
		}
	}
}

func (v *validator) sections() {
	seen := map[string]Source{}
	for _, s := range v.b.Sections {
		v.unique(seen, "section", s.ID, s.Src)
		if s.Title == "" {
			v.r.Errorf(s.Src, "section %q has no title", s.ID)
		}
	}
}

func (v *validator) competencies() {
	seen := map[string]Source{}
	for _, c := range v.b.Competencies {
		v.unique(seen, "competency", c.ID, c.Src)
		if c.Name == "" {
			v.r.Errorf(c.Src, "competency %q has no name", c.ID)
		}
		if !slices.Contains(Dimensions, c.Dimension) {
			v.r.Errorf(c.Src.At("dimension"), "competency %q: dimension %q is not one of technical, strategic, leadership", c.ID, c.Dimension)
		}
		if len(c.Indicators) != MaxLevel-MinLevel+1 {
			v.r.Errorf(c.Src.At("indicators"), "competency %q has %d indicators: give exactly 6, one for each level 0 to 5", c.ID, len(c.Indicators))
		}
		for i, s := range c.Indicators {
			if strings.TrimSpace(s) == "" {
				v.r.Errorf(c.Src.At("indicators"), "competency %q: the indicator for level %d is empty", c.ID, i)
			}
		}
	}
}

// factRef checks a reference to a fact of the wanted kind.
func (v *validator) factRef(at Source, owner, id string, want FactKind) {
	f := v.b.Fact(id)
	switch {
	case f == nil:
		v.r.Errorf(at, "%s names unknown fact %q%s", owner, id, v.suggest(id, v.factIDs()))
	case f.Kind != want:
		v.r.Errorf(at, "%s uses fact %q, which is a %s fact; a %s fact is needed here", owner, id, f.Kind, want)
	}
}

func (v *validator) certRef(at Source, owner, id string) {
	if v.b.Certification(id) == nil {
		v.r.Errorf(at, "%s names unknown certification %q%s", owner, id, v.suggest(id, v.certIDs()))
	}
}

func (v *validator) compRef(at Source, owner, id string) bool {
	if v.b.Competency(id) == nil {
		v.r.Errorf(at, "%s names unknown competency %q%s", owner, id, v.suggest(id, v.compIDs()))
		return false
	}
	return true
}

func (v *validator) roles() {
	seen := map[string]Source{}
	titles := map[string]string{} // normalised title or alias -> role id
	for _, ro := range v.b.Roles {
		owner := fmt.Sprintf("role %q", ro.ID)
		v.unique(seen, "role", ro.ID, ro.Src)
		for i, name := range append([]string{ro.Title}, ro.Aliases...) {
			key := normaliseTitle(name)
			at := ro.Src.At("aliases")
			if i == 0 {
				at = ro.Src.At("title")
			}
			if key == "" {
				if i > 0 {
					v.r.Errorf(at, "%s has an empty alias", owner)
				}
				continue
			}
			if other, dup := titles[key]; dup && other != ro.ID {
				v.r.Errorf(at, "%s: the title or alias %q is already used by role %q; a title must name one role", owner, name, other)
			}
			titles[key] = ro.ID
		}
		if ro.Title == "" {
			v.r.Errorf(ro.Src, "%s has no title", owner)
		}
		if !slices.Contains(tracks, ro.Track) {
			v.r.Errorf(ro.Src.At("track"), "%s: track %q is not one of %s", owner, ro.Track, strings.Join(tracks, ", "))
		}
		if ro.Seniority < 1 || ro.Seniority > 7 {
			v.r.Errorf(ro.Src.At("seniority"), "%s: seniority %d must be 1 to 7 (SFIA levels of responsibility)", owner, ro.Seniority)
		}
		if len(ro.Targets) == 0 {
			v.r.Errorf(ro.Src, "%s has no targets: list the competencies it needs with a level and a weight", owner)
		}
		targeted := map[string]bool{}
		for _, t := range ro.Targets {
			if v.compRef(t.Src.At("competency"), owner, t.Competency) && targeted[t.Competency] {
				v.r.Errorf(t.Src, "%s targets competency %q twice", owner, t.Competency)
			}
			targeted[t.Competency] = true
			if t.Level < 1 || t.Level > MaxLevel {
				v.r.Errorf(t.Src.At("level"), "%s: target level for %q is %d; use 1 to 5", owner, t.Competency, t.Level)
			}
			if !positive(t.Weight) {
				v.r.Errorf(t.Src.At("weight"), "%s: weight for %q is %g; weights must be greater than 0", owner, t.Competency, t.Weight)
			}
		}
		for _, id := range ro.LeadsTo {
			switch {
			case id == ro.ID:
				v.r.Errorf(ro.Src.At("leads_to"), "%s leads to itself", owner)
			case v.b.Role(id) == nil:
				v.r.Errorf(ro.Src.At("leads_to"), "%s leads to unknown role %q%s", owner, id, v.suggest(id, v.roleIDs()))
			}
		}
		for _, id := range ro.Certifications {
			v.certRef(ro.Src.At("certifications"), owner, id)
		}
		for _, id := range ro.ExpectsOneOf {
			v.certRef(ro.Src.At("expects_one_of"), owner, id)
		}
		v.roleContent(&ro, owner)
		for _, fact := range sortedKeys(ro.Experience) {
			at := ro.Src.At("experience." + fact)
			v.factRef(at, owner+" experience", fact, FactNumber)
			if !nonNegative(ro.Experience[fact]) {
				v.r.Errorf(at, "%s: experience minimum for %q is %g; it must be a number of 0 or more", owner, fact, ro.Experience[fact])
			}
		}
	}
}

func (v *validator) certEvidence(c *Certification, owner string) {
	for _, comp := range sortedKeys(c.Evidence) {
		at := c.Src.At("evidence." + comp)
		v.compRef(at, owner+" evidence", comp)
		if l := c.Evidence[comp]; l < 1 || l > MaxLevel {
			v.r.Errorf(at, "%s: evidence level for %q is %d; use 1 to 5", owner, comp, l)
		}
	}
	if len(c.Evidence) > 0 && c.Gate == "exam-only" {
		v.r.Warnf(c.Src.At("evidence"), "%s is exam-only but claims evidence of work: an exam shows knowledge, not what someone has done", owner)
	}
}

func (v *validator) certifications() {
	seen := map[string]Source{}
	for _, c := range v.b.Certifications {
		owner := fmt.Sprintf("certification %q", c.ID)
		v.unique(seen, "certification", c.ID, c.Src)
		if c.Name == "" || c.Body == "" {
			v.r.Errorf(c.Src, "%s needs a name and the body that awards it", owner)
		}
		if !slices.Contains(signals, c.Signal) {
			v.r.Errorf(c.Src.At("signal"), "%s: signal %q is not one of %s", owner, c.Signal, strings.Join(signals, ", "))
		}
		if !slices.Contains(gates, c.Gate) {
			v.r.Errorf(c.Src.At("gate"), "%s: gate %q is not one of %s", owner, c.Gate, strings.Join(gates, ", "))
		}
		v.certEvidence(&c, owner)
		domains := map[string]bool{}
		for _, d := range c.Domains {
			if d.ID == "" {
				v.r.Errorf(d.Src, "%s has a domain with no id", owner)
			} else if domains[d.ID] {
				v.r.Errorf(d.Src, "%s: domain %q is listed twice", owner, d.ID)
			}
			domains[d.ID] = true
			if !nonNegative(d.Weight) || d.Weight > 100 {
				v.r.Errorf(d.Src, "%s: domain %q weight %g must be a percentage from 0 to 100", owner, d.ID, d.Weight)
			}
			for _, comp := range d.Competencies {
				v.compRef(d.Src, owner+" domain "+d.ID, comp)
			}
		}
		ru := c.Rule
		rs := ru.Src
		if rs.Line == 0 {
			rs = c.Src
		}
		if ru.Version == "" || ru.Date.IsZero() {
			v.r.Errorf(rs, "%s: the rule needs a version and a date so readers can check it against the published rule", owner)
		}
		for _, fact := range sortedKeys(ru.Experience) {
			v.factRef(rs.At("experience."+fact), owner+" rule", fact, FactNumber)
			if !nonNegative(ru.Experience[fact]) {
				v.r.Errorf(rs.At("experience."+fact), "%s: the rule's experience for %q is %g; it must be a number of 0 or more", owner, fact, ru.Experience[fact])
			}
		}
		if c.Gate == "exam+experience" && len(ru.Experience) == 0 && len(ru.RequiresOneOf) == 0 {
			v.r.Errorf(rs, "%s: gate is exam+experience but the rule sets no experience", owner)
		}
		if ru.MinDomains < 0 || ru.MinDomains > len(c.Domains) {
			v.r.Errorf(rs.At("min_domains"), "%s: min_domains is %d but the certification lists %d domains", owner, ru.MinDomains, len(c.Domains))
		}
		for _, r := range ru.Routes {
			at := r.Src
			if at.Line == 0 {
				at = rs
			}
			v.factRef(at.At("when"), owner+" route", r.When, FactBool)
			if r.Name == "" {
				v.r.Errorf(at, "%s: a route needs a name, shown with the result", owner)
			}
			for _, fact := range sortedKeys(r.Experience) {
				v.factRef(at.At("experience."+fact), owner+" route", fact, FactNumber)
				if !nonNegative(r.Experience[fact]) {
					v.r.Errorf(at.At("experience."+fact), "%s: the route's experience for %q is %g; it must be a number of 0 or more", owner, fact, r.Experience[fact])
				}
			}
			if r.MinDomains < 0 || r.MinDomains > len(c.Domains) {
				v.r.Errorf(at.At("min_domains"), "%s: route min_domains is %d but the certification lists %d domains", owner, r.MinDomains, len(c.Domains))
			}
		}
		for _, id := range ru.RequiresOneOf {
			v.certRef(rs.At("requires_one_of"), owner+" rule", id)
			if id == c.ID {
				v.r.Errorf(rs.At("requires_one_of"), "%s: the rule requires itself", owner)
			}
		}
		for _, d := range ru.AnyOfDomains {
			if !domains[d] {
				v.r.Errorf(rs.At("any_of_domains"), "%s: the rule names unknown domain %q", owner, d)
			}
		}
		if len(ru.Waivers) > 0 {
			if _, ok := ru.Experience[ru.WaiverFact]; !ok {
				v.r.Errorf(rs.At("waiver_fact"), "%s: waivers reduce waiver_fact %q, which the rule's experience does not require", owner, ru.WaiverFact)
			}
			if !positive(ru.WaiverMaxYears) {
				v.r.Errorf(rs.At("waiver_max_years"), "%s: waivers need waiver_max_years greater than 0", owner)
			}
		}
		for _, w := range ru.Waivers {
			switch {
			case (w.Certification == "") == (w.Fact == ""):
				v.r.Errorf(w.Src, "%s: a waiver names either a certification or a fact, not both or neither", owner)
			case w.Certification != "":
				v.certRef(w.Src, owner+" waiver", w.Certification)
			default:
				v.factRef(w.Src, owner+" waiver", w.Fact, FactBool)
			}
			if !positive(w.Years) {
				v.r.Errorf(w.Src, "%s: a waiver must be worth more than 0 years", owner)
			}
		}
	}
}

func (v *validator) questions() {
	seen := map[string]Source{}
	for i := range v.b.Questions {
		q := &v.b.Questions[i]
		owner := fmt.Sprintf("question %q", q.ID)
		v.unique(seen, "question", q.ID, q.Src)
		if v.b.Section(q.Section) == nil {
			v.r.Errorf(q.Src.At("section"), "%s: unknown section %q%s", owner, q.Section, v.suggest(q.Section, v.sectionIDs()))
		}
		if strings.TrimSpace(q.Text) == "" {
			v.r.Errorf(q.Src, "%s has no text", owner)
		}
		if strings.TrimSpace(q.MentorPrompt) == "" {
			v.r.Warnf(q.Src, "%s has no mentor_prompt for mentors to ask", owner)
		}
		for _, comp := range sortedKeys(q.Measures) {
			at := q.Src.At("measures." + comp)
			v.compRef(at, owner+" measures", comp)
			if !positive(q.Measures[comp]) {
				v.r.Errorf(at, "%s: weight for %q is %g; weights must be greater than 0", owner, comp, q.Measures[comp])
			}
		}
		def, known := KindOf(q.Kind)
		if def.Shape != ShapeNumber && (q.Min != nil || q.Max != nil || len(q.Bands) > 0) {
			v.r.Errorf(q.Src, "%s: min, max and bands only apply to number questions", owner)
		}
		if def.Shape != ShapeYesNo && (q.YesLevel != nil || q.NoLevel != nil) {
			v.r.Errorf(q.Src, "%s: yes_level and no_level only apply to yesno questions", owner)
		}
		v.conditions(q, owner)
		if !known {
			v.r.Errorf(q.Src.At("kind"), "%s: kind %q is not one of %s", owner, q.Kind, kindList())
		}
		def.validate(v, q, owner)
	}
}

// choice checks an option question: rating options carry one level
// (single), scenario options a level per competency.
func (v *validator) choice(q *Question, owner string, single bool) {
	if len(q.Measures) == 0 {
		v.r.Errorf(q.Src, "%s measures nothing: add measures = { <competency> = 1 }", owner)
	}
	if q.Fact != "" {
		v.r.Errorf(q.Src.At("fact"), "%s: only number and yesno questions record a fact", owner)
	}
	if len(q.Options) < 2 {
		v.r.Errorf(q.Src, "%s needs at least 2 options", owner)
	}
	main := q.MainCompetency()
	levels := map[int]int{}
	for n, o := range q.Options {
		at := o.Src
		if at.Line == 0 {
			at = q.Src
		}
		if strings.TrimSpace(o.Text) == "" {
			v.r.Errorf(at, "%s: option %d has no text", owner, n+1)
		}
		if len(o.Text) > MaxOptionText {
			v.r.Warnf(at.At("text"), "%s: option %d is %d characters; keep options to %d so they fit in two lines at 80 columns", owner, n+1, len(o.Text), MaxOptionText)
		}
		if single {
			if len(o.Levels) > 0 {
				v.r.Errorf(at.At("levels"), "%s: rating options carry one `level`; `levels` is for scenarios", owner)
			}
			if o.Level == nil {
				v.r.Errorf(at, "%s: option %d has no level", owner, n+1)
				continue
			}
			v.level(at.At("level"), fmt.Sprintf("%s option %d level", owner, n+1), *o.Level)
		} else {
			if o.Level != nil {
				v.r.Errorf(at.At("level"), "%s: scenario options give `levels = { <competency> = N }` for each measured competency", owner)
			}
			for _, comp := range sortedKeys(q.Measures) {
				if _, ok := o.Levels[comp]; !ok {
					v.r.Errorf(at, "%s: option %d has no level for %q", owner, n+1, comp)
				}
			}
			for _, comp := range sortedKeys(o.Levels) {
				lat := at.At("levels." + comp)
				if _, ok := q.Measures[comp]; !ok {
					v.r.Errorf(lat, "%s: option %d gives a level for %q, which the question does not measure", owner, n+1, comp)
				}
				v.level(lat, fmt.Sprintf("%s option %d level for %q", owner, n+1, comp), o.Levels[comp])
			}
			if strings.TrimSpace(o.Explanation) == "" {
				v.r.Warnf(at, "%s: option %d has no explanation for the mentor to read out", owner, n+1)
			}
		}
		if l, ok := o.LevelFor(main); ok && !o.NotRelevant {
			if prev, dup := levels[l]; dup {
				v.r.Warnf(at, "%s: options %d and %d carry the same level (%d)", owner, prev, n+1, l)
			}
			levels[l] = n + 1
		}
	}
}

func (v *validator) number(q *Question, owner string) {
	if q.Fact == "" && len(q.Measures) == 0 {
		v.r.Errorf(q.Src, "%s measures nothing: give it a fact, or measures with bands", owner)
	}
	if q.Fact != "" {
		v.factRef(q.Src.At("fact"), owner, q.Fact, FactNumber)
	}
	if len(q.Options) > 0 {
		v.r.Errorf(q.Src, "%s: number questions have no options", owner)
	}
	for _, b := range []struct {
		key string
		v   *float64
	}{{"min", q.Min}, {"max", q.Max}} {
		if b.v != nil && (math.IsNaN(*b.v) || math.Abs(*b.v) > MaxNumber) {
			v.r.Errorf(q.Src.At(b.key), "%s: %s %g must be a number from %s to %s", owner, b.key, *b.v, FormatNumber(-MaxNumber), FormatNumber(MaxNumber))
		}
	}
	if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
		v.r.Errorf(q.Src.At("min"), "%s: min %g is greater than max %g", owner, *q.Min, *q.Max)
	}
	if len(q.Measures) > 0 || len(q.Bands) > 0 {
		ok := len(q.Bands) == MaxLevel
		for i := 0; ok && i < len(q.Bands); i++ {
			ok = !math.IsNaN(q.Bands[i]) && math.Abs(q.Bands[i]) <= MaxNumber && (i == 0 || q.Bands[i] > q.Bands[i-1])
		}
		if !ok {
			v.r.Errorf(q.Src.At("bands"), "%s: bands must be 5 ascending thresholds, one for each level 1 to 5", owner)
		}
		if len(q.Measures) == 0 {
			v.r.Errorf(q.Src.At("bands"), "%s has bands but measures nothing", owner)
		}
	}
}

func (v *validator) yesno(q *Question, owner string) {
	if q.Fact == "" && len(q.Measures) == 0 {
		v.r.Errorf(q.Src, "%s measures nothing: give it a fact, or measures with yes_level and no_level", owner)
	}
	if q.Fact != "" {
		v.factRef(q.Src.At("fact"), owner, q.Fact, FactBool)
	}
	if len(q.Options) > 0 {
		v.r.Errorf(q.Src, "%s: yesno questions have no options", owner)
	}
	if len(q.Measures) > 0 {
		if q.YesLevel == nil || q.NoLevel == nil {
			v.r.Errorf(q.Src, "%s measures competencies, so it needs yes_level and no_level", owner)
			return
		}
		v.level(q.Src.At("yes_level"), owner+" yes_level", *q.YesLevel)
		v.level(q.Src.At("no_level"), owner+" no_level", *q.NoLevel)
	}
}

func (v *validator) actions() {
	seen := map[string]Source{}
	for _, a := range v.b.Actions {
		owner := fmt.Sprintf("action %q", a.ID)
		v.unique(seen, "action", a.ID, a.Src)
		v.compRef(a.Src.At("competency"), owner, a.Competency)
		if a.From < MinLevel || a.To > MaxLevel || a.From >= a.To {
			v.r.Errorf(a.Src.At("from"), "%s: from %d to %d is not a step up within 0 to 5", owner, a.From, a.To)
		}
		if !slices.Contains(Categories, a.Category) {
			v.r.Errorf(a.Src.At("category"), "%s: category %q is not one of experience, exposure, education", owner, a.Category)
		}
		if strings.TrimSpace(a.Title) == "" || strings.TrimSpace(a.Evidence) == "" {
			v.r.Errorf(a.Src, "%s needs a title and the evidence it leaves", owner)
		}
		if a.EffortHours <= 0 || a.DurationWeeks <= 0 {
			v.r.Errorf(a.Src, "%s needs effort_hours and duration_weeks greater than 0", owner)
		}
		v.actionSteps(&a, owner)
		if a.MinSeniority < 0 || a.MinSeniority > 7 {
			v.r.Errorf(a.Src.At("min_seniority"), "%s: min_seniority %d must be 1 to 7 (the seniority of the role the action needs), or left out", owner, a.MinSeniority)
		}
		for _, f := range sortedKeys(a.Requires) {
			at := a.Src.At("requires." + f)
			v.factRef(at, owner+" requires", f, FactNumber)
			if r := a.Requires[f]; r < 0 || math.IsNaN(r) || math.IsInf(r, 0) {
				v.r.Errorf(at, "%s: requires %s = %g; use a number of 0 or more", owner, f, r)
			}
		}
	}
}

// coverage checks that the questions and actions cover the model.
func (v *validator) coverage() {
	type count struct{ full, scenario, quick int }
	counts := map[string]*count{}
	for i := range v.b.Questions {
		q := &v.b.Questions[i]
		for comp := range q.Measures {
			c := counts[comp]
			if c == nil {
				c = &count{}
				counts[comp] = c
			}
			c.full++
			if q.Kind == KindScenario {
				c.scenario++
			}
			// A scenario alone makes no level, so quick mode needs a
			// question giving evidence of work for every competency.
			if q.Quick && q.Kind != KindScenario {
				c.quick++
			}
		}
	}
	for _, comp := range v.b.Competencies {
		c := counts[comp.ID]
		if c == nil {
			v.r.Errorf(comp.Src, "competency %q is not measured by any question", comp.ID)
			continue
		}
		if c.full < 3 || c.scenario < 1 || c.quick < 1 {
			v.r.Warnf(comp.Src, "competency %q is measured by %d question(s), %d scenario(s), %d giving evidence of work in quick mode; aim for at least 3, 1 and 1", comp.ID, c.full, c.scenario, c.quick)
		}
	}
	// Every level step a role may need has at least two actions.
	type step struct {
		comp string
		from int
	}
	needed := map[step][]string{}
	for _, ro := range v.b.Roles {
		for _, t := range ro.Targets {
			for l := MinLevel; l < t.Level; l++ {
				needed[step{t.Competency, l}] = append(needed[step{t.Competency, l}], ro.ID)
			}
		}
	}
	steps := make([]step, 0, len(needed))
	for s := range needed {
		steps = append(steps, s)
	}
	sort.Slice(steps, func(i, j int) bool {
		if steps[i].comp != steps[j].comp {
			return steps[i].comp < steps[j].comp
		}
		return steps[i].from < steps[j].from
	})
	for _, s := range steps {
		comp := v.b.Competency(s.comp)
		if comp == nil {
			continue
		}
		n := 0
		for i := range v.b.Actions {
			if a := &v.b.Actions[i]; a.Competency == s.comp && a.Covers(s.from) {
				n++
			}
		}
		if n < 2 {
			v.r.Warnf(comp.Src, "competency %q has %d action(s) for the step %d→%d that role %q needs; add at least 2", s.comp, n, s.from, s.from+1, needed[s][0])
		}
	}
}

// MainCompetency returns the competency a question weighs most, ties broken
// by id, or "" when it measures nothing.
// TellShare is the share of a bank's scenarios in which the best option
// may also be the longest before validate warns: with four options, one
// in four by chance, and above a third a test-wise person can pick the
// longest option and score well. MinScenariosForTell is the fewest
// scenarios for which the share means anything.
const (
	TellShare           = 1.0 / 3
	MinScenariosForTell = 6
)

// scenarioTells warns when the best option of the scenarios (the highest
// level on the main competency) is too often also the longest.
func (v *validator) scenarioTells() {
	n, longest := 0, 0
	var first Source
	for i := range v.b.Questions {
		q := &v.b.Questions[i]
		main := q.MainCompetency()
		if q.Kind != KindScenario || len(q.Options) < 2 || main == "" {
			continue
		}
		best, bestLevel, longestAt, longestLen, tie := -1, -1, -1, -1, false
		for k, o := range q.Options {
			if l, ok := o.LevelFor(main); ok && l > bestLevel {
				best, bestLevel = k, l
			}
			switch n := len([]rune(o.Text)); {
			case n > longestLen:
				longestAt, longestLen, tie = k, n, false
			case n == longestLen:
				tie = true
			}
		}
		n++
		if best == longestAt && !tie {
			if longest == 0 {
				first = q.Src
			}
			longest++
		}
	}
	if n >= MinScenariosForTell && float64(longest) > TellShare*float64(n) {
		v.r.Warnf(first, "in %d of %d scenarios the best option is also the longest: a test-wise person could pick the longest option every time; make the weaker options as specific as the best (at most %.0f%%)", longest, n, 100*TellShare)
	}
}

func (q *Question) MainCompetency() string {
	best, bw := "", 0.0
	for _, comp := range sortedKeys(q.Measures) {
		if w := q.Measures[comp]; w > bw {
			best, bw = comp, w
		}
	}
	return best
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (v *validator) compIDs() []string {
	out := make([]string, len(v.b.Competencies))
	for i, c := range v.b.Competencies {
		out[i] = c.ID
	}
	return out
}

func (v *validator) roleIDs() []string {
	out := make([]string, len(v.b.Roles))
	for i, r := range v.b.Roles {
		out[i] = r.ID
	}
	return out
}

func (v *validator) certIDs() []string {
	out := make([]string, len(v.b.Certifications))
	for i, c := range v.b.Certifications {
		out[i] = c.ID
	}
	return out
}

func (v *validator) factIDs() []string {
	out := make([]string, len(v.b.Facts))
	for i, f := range v.b.Facts {
		out[i] = f.ID
	}
	return out
}

func (v *validator) sectionIDs() []string {
	out := make([]string, len(v.b.Sections))
	for i, s := range v.b.Sections {
		out[i] = s.ID
	}
	return out
}

// suggest offers the closest known id, so a typo is quick to fix.
func (v *validator) suggest(id string, known []string) string {
	if s := Closest(id, known); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// Closest returns the known string nearest to s by edit distance, if it is
// near enough to be a likely typo.
func Closest(s string, known []string) string {
	best, bd := "", len(s)/3+2
	for _, k := range known {
		if d := editDistance(s, k); d < bd {
			best, bd = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 20
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// positive reports a finite number greater than 0; NaN is not one.
func positive(x float64) bool { return x > 0 && !math.IsInf(x, 0) }

// nonNegative reports a finite number of 0 or more; NaN is not one.
func nonNegative(x float64) bool { return x >= 0 && !math.IsInf(x, 0) }
