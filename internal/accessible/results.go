package accessible

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/wording"
)

// printer writes wrapped plain lines and keeps the first write error.
type printer struct {
	w   io.Writer
	err error
}

// hang prints text after label, later lines indented under the text.
func (p *printer) hang(label, text string) {
	if p.err != nil {
		return
	}
	lw := len([]rune(label))
	var sb strings.Builder
	for i, l := range wrap(text, width-lw, width-lw) {
		if i == 0 {
			sb.WriteString(label)
		} else {
			sb.WriteString(strings.Repeat(" ", lw))
		}
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	_, p.err = io.WriteString(p.w, sb.String())
}

func (p *printer) say(text string) { p.hang("", text) }

func (p *printer) blank() {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, "\n")
	}
}

// WriteResults prints a scored assessment for a screen reader: plain
// sentences on lines no wider than 80 columns, broken only between words,
// one fact to a line where it can be, and no bars, tables, box drawing,
// shortened text or escape sequences. Figures are words a voice reads
// well ("65 percent ready", "level 1.6 of target 4, a gap of 2.4"). It
// carries the same facts as the full-screen results: readiness with its
// range, fit and where each role stands, what blocks a role, the
// judgement score, every level with its judgement and whether it is
// verified, gaps, calibration and certifications.
func WriteResults(w io.Writer, b *assess.Bank, a *assess.Answers, res *assess.Result) error {
	// Plain text throughout: every control code from a file is shown
	// inert (see safetext).
	sw := safetext.NewWriter(w)
	defer sw.Flush()
	p := &printer{w: sw}
	who := "your assessment"
	if a.Profile.Name != "" {
		who = a.Profile.Name
	}
	p.say(fmt.Sprintf("Results for %s: %d of %s answered, %s mode.", who, res.Answered, count(res.Asked, "question"), res.Mode))
	for _, n := range res.Notes {
		p.say("Note: " + wording.ResultNote(n))
	}

	rec := res.Recommendation
	p.blank()
	p.say("Recommendation.")
	path := func(label, id string) {
		ro := b.Role(id)
		f := res.RoleFit(id)
		if ro == nil || f == nil {
			return
		}
		title := ro.Title
		if label == "Next step" {
			title = wording.NextStep(b, rec)
		}
		p.say(label + ", " + roleSentence(title, f))
		if f.Blocked {
			p.hang("  ", "Blocked: "+wording.BlockedBy(b, f))
		}
	}
	path("Next step", rec.NextRole)
	if t := wording.Towards(rec); t != "" {
		path("Working towards", t)
	}
	if rec.LongTermRole != rec.NextRole {
		path("Long term", rec.LongTermRole)
	}
	p.say("Judgement from your scenario answers: " + wording.Judgement(res.Judgement) + ".")
	p.say("Why:")
	for _, l := range wording.Rationale(rec.Reasons) {
		p.hang("- ", l)
	}
	if res.Answered > 0 {
		p.hang("- ", wording.OrgSize(res.OrgSize))
	}

	p.blank()
	p.say("Roles, in the order to read them: where you stand, the roles ahead, sideways, other fields, and the roles you have outgrown.")
	for i := range res.Roles {
		f := &res.Roles[i]
		line := roleSentence(f.Title, f)
		line = strings.TrimSuffix(line, ".") + ". " + relationSentence(f.Relation)
		if f.ID == rec.NextRole {
			line += " Recommended next step."
		}
		if f.Blocked {
			line += " Blocked: " + wording.BlockedBy(b, f)
		}
		p.hang(fmt.Sprintf("%d. ", i+1), line)
	}
	p.say(wording.ReadinessMeaning)
	p.say(wording.FitMeaning + " " + wording.FitDetail)
	if wording.AnyRange(res) {
		p.say(wording.RangeMeaning)
	}

	d := res.Dimensions
	p.blank()
	p.say(fmt.Sprintf("Placement, each 0 to 5: technical depth %s, strategic breadth %s, leadership %s.", num(d.TechnicalDepth), num(d.StrategicBreadth), num(d.Leadership)))

	// The gaps of the role the plan is drawn for: the next step, or the
	// step growing in place prepares for.
	gapsFor := rec.WorkTowards
	if gapsFor == "" {
		gapsFor = rec.NextRole
	}
	if next := res.RoleFit(gapsFor); next != nil {
		p.blank()
		if len(next.Gaps) == 0 {
			p.say(fmt.Sprintf("Gaps for %s: none, every target is met.", next.Title))
		} else {
			p.say(fmt.Sprintf("Gaps for %s: %s, highest priority first. Priority is the weight times the gap.", next.Title, count(len(next.Gaps), "gap")))
		}
		for i, g := range next.Gaps {
			p.hang(fmt.Sprintf("%d. ", i+1), gapSentence(g))
		}
		if len(next.Blockers) > 0 {
			p.say(fmt.Sprintf("%s for %s, reported beside readiness and not in it:", capital(count(len(next.Blockers), "blocker")), next.Title))
			for _, bl := range next.Blockers {
				p.hang("- ", wording.BlockerMessage(bl))
			}
		}
	}

	p.blank()
	p.say("Competencies: the level, 0 to 5, rests on what you have done; the judgement is what your scenario answers show.")
	for _, c := range res.Competencies {
		p.hang("- ", competencySentence(c))
	}
	p.say(wording.JudgementMeaning)

	if len(res.Calibration) > 0 {
		p.blank()
		p.say(fmt.Sprintf("Calibration: where a self-rating and your scenario answers differ by %s or more, or a self-rating sits well above what your experience supports.", countF(assess.CalibrationGap, "level")))
		for _, c := range res.Calibration {
			p.hang("- ", wording.Calibration(c))
		}
	}

	if len(res.Certifications) > 0 {
		p.blank()
		p.say("Certifications, checked against the published rules; never a statement of eligibility:")
		for _, c := range res.Certifications {
			p.hang("- ", c.Abbr+": "+certSentence(c))
		}
	}
	return p.err
}

// roleSentence is a role's standing read aloud: "IT Security Manager: 65
// percent ready, fit 64 percent, 1 blocker."
func roleSentence(title string, f *assess.RoleFit) string {
	s := fmt.Sprintf("%s: %s ready", title, percent(f.Readiness))
	if f.ReadinessClaimed != nil && math.Round(*f.ReadinessClaimed) > math.Round(f.Readiness) {
		s = fmt.Sprintf("%s: %.0f to %s ready, the higher figure if unverified claims hold", title, f.Readiness, percent(*f.ReadinessClaimed))
	}
	if f.Assessed < f.Targets {
		s += fmt.Sprintf(" over the %d of its %s this mode assessed", f.Assessed, count(f.Targets, "target"))
	}
	s += ", fit " + percent(f.Fit)
	if n := len(f.Blockers); n > 0 {
		s += ", " + count(n, "blocker")
	}
	return s + "."
}

// relationSentence says where a role stands against the person.
func relationSentence(r assess.Relation) string {
	switch r {
	case assess.RelCurrent:
		return "Where you stand now."
	case assess.RelAhead:
		return "A role ahead."
	case assess.RelLateral:
		return "A role sideways."
	case assess.RelOther:
		return "A role in another field."
	case assess.RelOutgrown:
		return "A role you have outgrown."
	}
	return capital(wording.Relation(r)) + "."
}

// gapSentence is one gap: "Risk management: level 1.6 of target 4, a gap
// of 2.4, priority 7.1 at weight 3."
func gapSentence(g assess.Gap) string {
	return fmt.Sprintf("%s: level %s of target %d, a gap of %s, priority %s at weight %s.",
		g.Name, num(g.Current), g.Target, num(float64(g.Target)-g.Current), num(g.Priority), num(g.Weight))
}

// competencySentence is one competency's level and judgement.
func competencySentence(c assess.CompetencyScore) string {
	if c.Answered == 0 {
		return c.Name + ": not answered."
	}
	s := c.Name + ": level " + num(c.Level)
	if c.Judgement != nil {
		s += ", judgement " + num(*c.Judgement)
	}
	if c.Unverified {
		s += ", " + wording.Unverified(c)
	}
	return s + "."
}

// certSentence is a certification's status in words, with the waiver's
// years counted in the singular or plural.
func certSentence(c assess.CertStatus) string {
	msg := wording.CertMessage(c)
	if c.Waiver > 0 {
		old := fmt.Sprintf(" This counts a waiver of %g year(s).", c.Waiver)
		if strings.HasSuffix(msg, old) {
			msg = strings.TrimSuffix(msg, old) + " This counts a waiver of " + countF(c.Waiver, "year") + "."
		}
	}
	return msg
}

// num is a figure with at most one decimal, and none when it is whole:
// "2", "1.6".
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// percent is a share read as words: "65 percent".
func percent(x float64) string { return fmt.Sprintf("%.0f percent", x) }

// count is n with its noun, singular for one: "1 blocker", "2 blockers".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// countF is count for a figure that may have a decimal.
func countF(x float64, noun string) string {
	if x == 1 {
		return "1 " + noun
	}
	return num(x) + " " + noun + "s"
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
