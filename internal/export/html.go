package export

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// WriteHTML writes the plan as one self-contained HTML page: inline CSS
// that prints cleanly on A4 or Letter, two inline SVG charts (competencies
// against the planned role's targets, and technical depth against
// strategic breadth for the person and every role), no scripts and no
// external references. The markup is polyglot (every element closed, void
// elements self-closed) so it also parses as XML. The same plan always
// gives the same bytes. The page reads the plan alone (the bank is not
// needed), so a plan read back from its JSON writes the same page.
func WriteHTML(w io.Writer, _ *assess.Bank, p *assess.Plan) error {
	if p == nil {
		return fmt.Errorf("writing HTML: no plan")
	}
	if err := htmlPage().Execute(w, newHTMLView(p)); err != nil {
		return fmt.Errorf("writing HTML: %w", err)
	}
	return nil
}

// htmlView is the plan made ready for the template: every string is plain
// text that the template escapes; only the SVG charts are markup, built
// with every text escaped.
type htmlView struct {
	Words      htmlWords
	Title      string
	Heading    string
	Summary    []htmlRow
	Assumed    string
	Rationale  []string
	Strengths  string
	Blockers   []string
	Radar      template.HTML
	RadarNote  string
	Placement  template.HTML
	PlaceNote  string
	RoleTitle  string
	Goals      []htmlGoal
	Balance    []htmlBalance
	Timeline   []htmlPhase
	Certs      []htmlCert
	CheckIns   []htmlCheckIn
	Estimate   string
	ReadyNow   bool
	EstAssumes []string
	Start      string
	Mentor     *htmlMentor
	// TopGaps and Next90 fill the first page with what a reader who
	// reads nothing else needs: the gaps the goals close, in priority
	// order, and what happens in the first phase.
	TopGaps []htmlGap
	Next90  *htmlPhase
}

// htmlGap is one goal in a line of the first page's table.
type htmlGap struct {
	N                                int
	Name, Now, Target, Priority, Due string
}

// htmlWords are the page's fixed sentences and labels, from the wording
// the Markdown shares.
type htmlWords struct {
	WhatIf, Strengths, NotYetMet, NotYetMetNote, AllMet, NothingDated, StudyFirst, NoCerts string
	// CertsChecked holds an apostrophe, which the page writes as it is;
	// WrittenFor holds the start date as a time element.
	CertsChecked, WrittenFor template.HTML
}

func newHTMLWords(p *assess.Plan) htmlWords {
	return htmlWords{
		WhatIf: wording.WhatIfLabel, Strengths: wording.StrengthsLabel, NotYetMet: wording.NotYetMetLabel, NotYetMetNote: wording.NotYetMetNote,
		AllMet: wording.AllMet(p.Role.Title), NothingDated: wording.NothingDated, StudyFirst: wording.StudyFirst,
		NoCerts: wording.NoCertifications(p.Role.Title), CertsChecked: prose(wording.CertsChecked),
		WrittenFor: withDate(wording.WrittenFor, p.Start),
	}
}

// withDate writes a sentence of the wording that holds one date, with the
// date as a time element.
func withDate(sentence func(date string) string, d assess.Date) template.HTML {
	const mark = "\x00" // a date mark no sentence holds, untouched by prose
	day := d.String()
	return template.HTML(strings.Replace(string(prose(sentence(mark))), mark, `<time datetime="`+day+`">`+day+`</time>`, 1))
}

// prose escapes one of the wording's own sentences for an element's
// content. Only &, < and > mean anything there; quotes are left as they
// are, so the page reads "body's" in its source as it did when the
// sentence was part of the template.
func prose(s string) template.HTML {
	return template.HTML(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s))
}

// htmlMentor is the mentor's part of the page.
type htmlMentor struct {
	Name                 string
	Agreed               []htmlAgreed
	Differences, Notes   []string
	Signed               bool
	Mentee, Mentor, Date string
}

type htmlAgreed struct {
	Priority, Name, Matters, Owner, Due, CheckIn, Action, Notes string
}

func newHTMLMentor(p *assess.Plan) *htmlMentor {
	pm := p.Mentor
	if pm == nil {
		return nil
	}
	who := pm.Name
	if who == "" {
		who = "the mentor"
	}
	hm := &htmlMentor{Name: who, Signed: pm.SignOff.Signed, Mentee: pm.SignOff.Mentee, Mentor: pm.SignOff.Mentor}
	if pm.SignOff.Date != nil {
		hm.Date = pm.SignOff.Date.String()
	}
	for _, a := range pm.Agreed {
		ha := htmlAgreed{Priority: "-", Name: a.Name, Matters: "no", Owner: a.Owner, Due: dateOrDash(a.Due), CheckIn: dateOrDash(a.CheckIn), Action: a.Action, Notes: a.Notes}
		if a.Priority > 0 {
			ha.Priority = fmt.Sprint(a.Priority)
		}
		if a.Matters {
			ha.Matters = "yes"
		} else if a.Undecided {
			ha.Matters = "not decided"
		}
		hm.Agreed = append(hm.Agreed, ha)
	}
	for _, d := range pm.Differences {
		hm.Differences = append(hm.Differences, wording.MentorDifference(d))
	}
	for _, n := range pm.Notes {
		hm.Notes = append(hm.Notes, wording.MentorNote(n))
	}
	return hm
}

type htmlRow struct {
	Label, Value, Note string
	Strong             bool
}

type htmlGoal struct {
	N                                    int
	Name, Step, Statement, Measure, Next string
	Level, Judgement                     string
	// Then lists the later steps; Target says the goal reaches the target.
	Then, Target       string
	Priority, Due, Day string
	Actions            []htmlAction
}

type htmlAction struct {
	Start, Due, Step, Category, Title, LedBy, Effort, Evidence string
}

type htmlBalance struct {
	Category, Hours, Percent string
	Actions                  int
	Width                    int
}

type htmlPhase struct {
	Name, From, To string
	Items          []htmlItem
}

type htmlItem struct{ Date, Text string }

type htmlCert struct {
	// Status is the status's code, for the class; StatusText its words.
	Abbr, Body, Status, StatusText, Why, Message string
	// From says when the experience rule should be met, with its date.
	From template.HTML
	// Checked says when the body's rule was read.
	Checked string
	Study   []string
}

type htmlCheckIn struct {
	Date, Kind string
	Review     []string
	// Brief is Review for paper: an action falling due names its goal
	// and date, as the goal's table gives the action and its evidence.
	Brief []string
}

func newHTMLView(p *assess.Plan) *htmlView {
	v := &htmlView{
		Words:      newHTMLWords(p),
		Heading:    "Development plan",
		RoleTitle:  p.Role.Title,
		Rationale:  append(wording.Rationale(p.Reasons), wording.OrgSize(p.OrgSize)),
		Estimate:   wording.MonthsRange(p.Estimate),
		ReadyNow:   p.Estimate.MaxMonths == 0,
		EstAssumes: wording.Premises(p.Estimate.Premises),
		Start:      p.Start.String(),
	}
	v.Title = "Development plan for " + p.Role.Title
	if p.Name != "" {
		v.Heading += ": " + p.Name
		v.Title = p.Name + ": development plan for " + p.Role.Title
		v.Summary = append(v.Summary, htmlRow{Label: "Person", Value: p.Name})
	}
	if p.CurrentRole != "" {
		v.Summary = append(v.Summary, htmlRow{Label: "Current role", Value: p.CurrentRole})
	}
	v.Summary = append(v.Summary,
		htmlRow{Label: "Plan for", Value: p.Role.Title, Strong: true},
		htmlRow{Label: "Readiness", Value: wording.PlanReadiness(p.Role)},
		htmlRow{Label: "Fit", Value: wording.Percent(p.Role.Fit)},
	)
	if bl := wording.PlanBlocked(p); bl != "" {
		v.Summary = append(v.Summary, htmlRow{Label: "Blocked", Value: bl})
	}
	if p.LongTerm.ID != "" && p.LongTerm.ID != p.Role.ID {
		v.Summary = append(v.Summary, htmlRow{Label: "Long-term", Value: p.LongTerm.Title, Note: wording.RoleStanding(p.LongTerm)})
	}
	if j := wording.PlanJudgement(p.Judgement); j != "" {
		v.Summary = append(v.Summary, htmlRow{Label: "Judgement", Value: j})
	}
	v.Summary = append(v.Summary,
		htmlRow{Label: "Starts", Value: p.Start.String()},
		htmlRow{Label: "Time to readiness", Value: wording.MonthsRange(p.Estimate)},
		htmlRow{Label: "Bank", Value: strings.TrimSpace(p.Bank.Name + " " + p.Bank.Version)},
	)
	if len(p.Assumed) > 0 {
		v.Assumed = wording.WhatIf(p.Assumed)
	}
	if basis := wording.PlanBasis(p); basis != "" {
		v.Rationale = append([]string{basis}, v.Rationale...)
	}
	if len(p.Strong) > 0 {
		v.Strengths = strings.Join(wording.Strengths(p.Strong), ", ")
	}
	for _, bl := range p.Blockers {
		v.Blockers = append(v.Blockers, wording.PlanBlocker(bl))
	}
	if svg, note := radarSVG(p); svg != "" {
		v.Radar, v.RadarNote = template.HTML(svg), note
	}
	if svg, note := placementSVG(p); svg != "" {
		v.Placement, v.PlaceNote = template.HTML(svg), note
	}
	for _, g := range p.Goals {
		hg := htmlGoal{
			N: g.N, Name: g.Name, Step: fmt.Sprintf("%.1f → %d", g.Current, g.To),
			Statement: wording.GoalStatement(g), Measure: wording.GoalMeasure(g), Next: g.NextLevel,
			Level: wording.GoalLevel(g), Judgement: wording.GoalJudgement(g),
			Priority: wording.GoalPriority(g),
			Due:      wording.GoalDue(g), Day: g.Due.String(),
		}
		if len(g.Later) > 0 {
			hg.Then = wording.GoalLater(p, g)
		} else {
			hg.Target = wording.GoalLater(p, g)
		}
		for _, a := range g.Actions {
			hg.Actions = append(hg.Actions, htmlAction{
				Start: a.Start.String(), Due: a.Due.String(), Step: a.Step, Category: string(a.Category), Title: wording.ActionTitle(a),
				LedBy: wording.LedByText(a), Effort: wording.Effort(a), Evidence: wording.ActionEvidence(a),
			})
		}
		v.Goals = append(v.Goals, hg)
		v.TopGaps = append(v.TopGaps, htmlGap{
			N: g.N, Name: g.Name, Now: svgLevel(g.Current), Target: fmt.Sprint(g.Target),
			Priority: fmt.Sprintf("%.1f", g.Priority), Due: g.Due.String(),
		})
	}
	if len(p.Goals) > 0 {
		for _, bal := range p.Balance {
			v.Balance = append(v.Balance, htmlBalance{
				Category: string(bal.Category), Actions: bal.Actions, Hours: fmt.Sprintf("%dh", bal.Hours),
				Percent: fmt.Sprintf("%.0f%%", bal.Percent), Width: int(math.Round(math.Max(0, math.Min(100, bal.Percent)))),
			})
		}
	}
	for _, ph := range p.Timeline {
		if ph.Later() && len(ph.Items) == 0 {
			continue // nothing falls after the dated phases
		}
		hp := htmlPhase{Name: wording.PhaseName(ph), From: ph.From.String(), To: ph.To.String()}
		for _, it := range ph.Items {
			hp.Items = append(hp.Items, htmlItem{Date: it.Date.String(), Text: wording.TimelineItem(it)})
		}
		if v.Next90 == nil {
			first := hp
			v.Next90 = &first
		}
		v.Timeline = append(v.Timeline, hp)
	}
	for _, c := range p.Certifications {
		msg := wording.CertMessage(c.CertStatus)
		hc := htmlCert{
			Abbr: c.Abbr, Body: c.Body, Status: c.Status, StatusText: wording.CertStatusText(c.Status), Why: wording.CertReason(c.Reason),
			Message: msg, Checked: wording.CertChecked(c.CertStatus), Study: wording.StudyDomains(c.StudyDomains),
		}
		if c.From != nil {
			hc.From = withDate(wording.RuleMetAround, *c.From)
		}
		v.Certs = append(v.Certs, hc)
	}
	for _, c := range p.CheckIns {
		v.CheckIns = append(v.CheckIns, htmlCheckIn{Date: c.Date.String(), Kind: c.Kind, Review: wording.CheckPoints(c.Points), Brief: wording.CheckPointsBrief(c.Points)})
	}
	v.Mentor = newHTMLMentor(p)
	return v
}

// ---- charts ----
