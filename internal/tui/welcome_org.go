package tui

// The welcome screen's organisation size. It is the answer to the bank's
// own question on the org_size fact, given up front because it decides
// how every role's targets read (in a small firm one person does what a
// large one splits). The welcome records it as that question's answer, so
// the questionnaire counts it answered and shows it filled in at its
// place, to check against the question's help, never empty a second time.

import (
	"fmt"

	"charm.land/bubbles/v2/textinput"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// orgQuestion is the number question that records the organisation's
// head count, nil when the bank has none.
func orgQuestion(b *assess.Bank) *assess.Question {
	for i := range b.Questions {
		if q := &b.Questions[i]; q.Shape() == assess.ShapeNumber && q.Fact == assess.OrgSizeFact {
			return q
		}
	}
	return nil
}

// orgField is the organisation-size row: the head count typed, and the
// problem with it once enter found one.
type orgField struct {
	c     *Common
	q     *assess.Question
	input textinput.Model
	err   string
}

func newOrgField(c *Common) orgField {
	o := orgField{c: c, q: orgQuestion(c.Bank)}
	o.input = textinput.New()
	o.input.Prompt = ""
	o.input.Placeholder = "optional"
	o.input.CharLimit = 12
	o.restyle()
	return o
}

func (o *orgField) restyle() {
	st := textinput.DefaultStyles(o.c.Styles.IsDark)
	st.Cursor.Blink = false
	o.input.SetStyles(st)
}

func (o *orgField) resize() { o.input.SetWidth(9) }

// parse reads the head count typed: nil when none is, and the problem,
// worded as the questionnaire words it, when it is not a number the
// question takes.
func (o orgField) parse() (*float64, string) {
	if o.q == nil || o.input.Value() == "" {
		return nil, ""
	}
	v, p := o.q.ParseNumber(o.input.Value())
	if p != nil {
		return nil, wording.Problem(o.c.Bank, o.q, p)
	}
	return &v, ""
}

// answers are the answers the row gives the new assessment: the
// question's, when a valid head count is typed.
func (o orgField) answers() map[string]assess.Answer {
	v, _ := o.parse()
	if v == nil {
		return nil
	}
	return map[string]assess.Answer{o.q.ID: {Number: v}}
}

// check keeps the problem with the number typed, to show until it is
// edited: said as the person leaves the row or starts, not while they
// are still typing.
func (o *orgField) check() bool {
	_, o.err = o.parse()
	return o.err == ""
}

// note is what the row says beside the field, in width cells: the size
// a valid number makes, or else the size bands (the problem found goes
// under the row, where it has room).
func (o orgField) note(width int) string {
	s := o.c.Styles
	unit := wording.Unit(o.c.Bank, o.q)
	if o.err != "" {
		return s.Muted.Render(longest(width, unit))
	}
	if v, _ := o.parse(); v != nil {
		var what string
		switch assess.SizeOf(*v) {
		case assess.SizeSmall:
			what = "a small organisation"
		case assess.SizeLarge:
			what = "a large organisation"
		default:
			what = "a mid-size organisation"
		}
		return s.Muted.Render(longest(width, unit+": "+what, what))
	}
	bands := fmt.Sprintf("under %d is small, over %s large", assess.SmallBelow, wording.Number(assess.LargeAbove))
	return s.Muted.Render(longest(width, unit+"; "+bands, bands, unit))
}

// orgHint is shown under the row while it has the focus: who counts.
const orgHint = "The whole organisation, not only IT; a consultant or vCISO gives a typical client's size."
