package accessible

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

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
	lw := ansi.StringWidth(label)
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

// WriteResults prints a scored assessment for a screen reader: sentences
// on plain lines no wider than 80 columns, one fact to a line where it can
// be, and no bars, tables or escape sequences. It carries the same facts
// as the full-screen results: readiness with its range, fit and where each
// role stands, what blocks a role, the judgement score, every level with
// its judgement and whether it is verified, gaps, calibration and
// certifications.
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
	p.say(fmt.Sprintf("Results for %s: %d of %d questions answered, %s mode.", who, res.Answered, res.Asked, res.Mode))
	for _, n := range res.Notes {
		p.say("Note: " + wording.ResultNote(n))
	}

	rec := res.Recommendation
	p.blank()
	p.say("Recommendation:")
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
		line := fmt.Sprintf("%s: %s, %s, %s.", label, title, wording.Readiness(f), wording.Fit(f))
		if f.Blocked {
			line += " Blocked: " + wording.BlockedBy(b, f)
		}
		p.say(line)
	}
	path("Next step", rec.NextRole)
	if t := wording.Towards(rec); t != "" {
		path("Working towards", t)
	}
	if rec.LongTermRole != rec.NextRole {
		path("Long-term", rec.LongTermRole)
	}
	p.say("Judgement: " + wording.Judgement(res.Judgement) + ".")
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
		line := fmt.Sprintf("%s, %s: %s, %s.", f.Title, wording.Relation(f.Relation), wording.Readiness(f), wording.Fit(f))
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
	p.say(fmt.Sprintf("Placement, each 0 to 5: technical depth %.1f, strategic breadth %.1f, leadership %.1f.", d.TechnicalDepth, d.StrategicBreadth, d.Leadership))

	// The gaps of the role the plan is drawn for: the next step, or the
	// step growing in place prepares for.
	gapsFor := rec.WorkTowards
	if gapsFor == "" {
		gapsFor = rec.NextRole
	}
	if next := res.RoleFit(gapsFor); next != nil {
		p.blank()
		p.say(fmt.Sprintf("Gaps for %s, highest priority first (priority is weight times shortfall):", next.Title))
		if len(next.Gaps) == 0 {
			p.say("None: every target is met.")
		}
		for i, g := range next.Gaps {
			p.hang(fmt.Sprintf("%d. ", i+1), fmt.Sprintf("%s: %.1f, target %d, weight %g, priority %.1f.", g.Name, g.Current, g.Target, g.Weight, g.Priority))
		}
		if len(next.Blockers) > 0 {
			p.say(fmt.Sprintf("Blockers for %s, reported beside readiness and not in it:", next.Title))
			for _, bl := range next.Blockers {
				p.hang("- ", wording.BlockerMessage(bl))
			}
		}
	}

	p.blank()
	p.say("Competencies: the level, 0 to 5, rests on what you have done; the judgement is what your scenario answers show.")
	for _, c := range res.Competencies {
		line := fmt.Sprintf("%s: level %s.", c.Name, wording.Level(c))
		if c.Answered == 0 {
			line = fmt.Sprintf("%s: not answered.", c.Name)
		}
		p.hang("- ", line)
	}
	p.say(wording.JudgementMeaning)

	if len(res.Calibration) > 0 {
		p.blank()
		p.say(fmt.Sprintf("Calibration: where a self-rating and your scenario answers differ by %g levels or more, or a self-rating sits well above what your experience supports.", assess.CalibrationGap))
		for _, c := range res.Calibration {
			p.hang("- ", wording.Calibration(c))
		}
	}

	if len(res.Certifications) > 0 {
		p.blank()
		p.say("Certifications, checked against the published rules; never a statement of eligibility:")
		for _, c := range res.Certifications {
			p.hang("- ", fmt.Sprintf("%s, %s: %s", c.Abbr, c.Status, wording.CertMessage(c)))
		}
	}
	return p.err
}
