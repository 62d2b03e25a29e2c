package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/questionnaire"
)

// The fields of one gap in the review, top to bottom.
const (
	fieldMatters = iota
	fieldPriority
	fieldOwner // the first text field; the text fields follow in order
	fieldDue
	fieldCheckIn
	fieldAction
	fieldNotes
	gapFields
)

// The fields of the sign-off step.
const (
	signMentee = iota
	signMentor
	signDate
	signButton
	signFields
)

// dateLayout is how dates are typed and stored.
const dateLayout = "2006-01-02"

var gapLabels = []string{"Matters", "Priority", "Owner", "Due", "Next check-in", "Agreed action", "Notes"}

var signLabels = []string{"Mentee", "Mentor", "Date"}

// gapReviewScreen walks mentor and mentee through a role's ranked gaps one
// by one, recording what they agree for each in the mentor's view, then
// asks both to sign the plan off.
type gapReviewScreen struct {
	screenBase
	c      *Common
	static bool
	role   *assess.Role
	gaps   []assess.Gap
	index  int // len(gaps) is the sign-off step
	field  int
	err    string

	decision assess.Decision
	priority int
	text     [gapFields - fieldOwner]textinput.Model // owner, due, check-in, action, notes
	sign     [signButton]textinput.Model             // mentee, mentor, date
	suggest  string                                  // the bank's first action for the step
	initial  assess.AgreedGap                        // what the fields held on opening
}

func newGapReview(c *Common, _ Options) Screen {
	g := &gapReviewScreen{c: c, static: c.Static}
	limits := []int{80, 10, 10, 300, 1000}
	for i := range g.text {
		g.text[i] = textinput.New()
		g.text[i].Prompt = ""
		g.text[i].CharLimit = limits[i]
	}
	g.text[fieldDue-fieldOwner].Placeholder = "YYYY-MM-DD"
	g.text[fieldCheckIn-fieldOwner].Placeholder = "YYYY-MM-DD"
	g.text[fieldNotes-fieldOwner].Placeholder = "optional"
	for i := range g.sign {
		g.sign[i] = textinput.New()
		g.sign[i].Prompt = ""
		g.sign[i].CharLimit = 80
	}
	g.sign[signDate].Placeholder = "YYYY-MM-DD"
	g.sign[signDate].CharLimit = 10
	g.restyle()
	g.resize()
	return g
}

func (g *gapReviewScreen) restyle() {
	st := textinput.DefaultStyles(g.c.Styles.IsDark)
	st.Cursor.Blink = !g.static
	for i := range g.text {
		g.text[i].SetStyles(st)
	}
	for i := range g.sign {
		g.sign[i].SetStyles(st)
	}
}

func (g *gapReviewScreen) resize() {
	w := max(10, g.c.Layout.Content-18)
	for i := range g.text {
		g.text[i].SetWidth(w)
	}
	g.text[fieldDue-fieldOwner].SetWidth(11)
	g.text[fieldCheckIn-fieldOwner].SetWidth(11)
	for i := range g.sign {
		g.sign[i].SetWidth(min(w, 40))
	}
	g.sign[signDate].SetWidth(11)
	g.setSuggestion()
}

// open starts the walk at gap index of the role's gaps in res.
func (g *gapReviewScreen) open(role string, index int, res *assess.Result) {
	g.role = g.c.Bank.Role(role)
	g.gaps = nil
	if res != nil {
		if f := res.RoleFit(role); f != nil {
			g.gaps = append(g.gaps, f.Gaps...)
		}
	}
	g.load(max(0, min(index, len(g.gaps))))
}

func (g gapReviewScreen) signing() bool { return g.index >= len(g.gaps) }

// input returns the text field with the focus, or nil.
func (g *gapReviewScreen) input() *textinput.Model {
	switch {
	case g.signing() && g.field < signButton:
		return &g.sign[g.field]
	case !g.signing() && g.field >= fieldOwner:
		return &g.text[g.field-fieldOwner]
	}
	return nil
}

func (g gapReviewScreen) typing() bool { return g.input() != nil }

func (g *gapReviewScreen) focus() {
	for i := range g.text {
		g.text[i].Blur()
	}
	for i := range g.sign {
		g.sign[i].Blur()
	}
	if in := g.input(); in != nil {
		in.Focus()
		in.CursorEnd()
	}
}

// load shows gap i (or the sign-off step) with what was agreed before, or
// the defaults: not decided yet, the mentee owns it.
func (g *gapReviewScreen) load(i int) {
	g.index, g.field, g.err = i, 0, ""
	m := g.c.State.mentorView()
	if g.signing() {
		so := assess.SignOff{}
		if m != nil {
			so = m.SignOff
		}
		mentee, mentor, date := so.Mentee, so.Mentor, so.Date
		if mentee == "" {
			mentee = g.c.State.File.Answers.Profile.Name
		}
		if mentor == "" && m != nil {
			mentor = m.Name
		}
		if mentor == "" {
			mentor = g.c.State.MentorName
		}
		if date.IsZero() {
			date = g.c.State.Now()
		}
		g.sign[signMentee].SetValue(mentee)
		g.sign[signMentor].SetValue(mentor)
		g.sign[signDate].SetValue(date.Format(dateLayout))
		g.focus()
		return
	}
	rec := g.c.mentor().Draft(g.role.ID, g.gaps[i].Competency)
	g.initial = rec
	g.decision, g.priority = rec.Decision(), rec.Priority
	values := []string{rec.Owner, formatDate(rec.Due), formatDate(rec.CheckIn), rec.Action, rec.Notes}
	for j, v := range values {
		g.text[j].SetValue(v)
	}
	g.setSuggestion()
	g.focus()
}

// setSuggestion offers the bank's first action for the next step up as
// the agreed action's placeholder.
func (g *gapReviewScreen) setSuggestion() {
	g.suggest = ""
	if g.role == nil || g.signing() {
		return
	}
	gap := g.gaps[g.index]
	step := stepFrom(gap.Current)
	if acts := StepActions(g.c.Bank, gap.Competency, step, step+1)[step]; len(acts) > 0 {
		g.suggest = acts[0].Title
	}
	in := &g.text[fieldAction-fieldOwner]
	in.Placeholder = "e.g. " + truncate(g.suggest, max(5, in.Width()-5))
	if g.suggest == "" {
		in.Placeholder = "what the mentee will do"
	}
}

// stepFrom is the level a person stands at for planning, as on the gap
// detail screen.
func stepFrom(current float64) int { return int(math.Floor(current + assess.GapTolerance)) }

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// parseDate reads a typed date; empty is no date.
func parseDate(label, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %q is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31", label, s)
	}
	return t, nil
}

// record builds the agreed gap from the fields; err names a date that
// does not parse (that date keeps its earlier value).
func (g *gapReviewScreen) record() (assess.AgreedGap, error) {
	rec := g.initial
	rec.Undecided, rec.Matters = g.decision == assess.Undecided, g.decision == assess.Matters
	rec.Priority = g.priority
	rec.Owner = strings.TrimSpace(g.text[0].Value()) // the first text field is the owner
	rec.Action = strings.TrimSpace(g.text[fieldAction-fieldOwner].Value())
	rec.Notes = strings.TrimSpace(g.text[fieldNotes-fieldOwner].Value())
	var first error
	for _, f := range []struct {
		field int
		to    *time.Time
	}{{fieldDue, &rec.Due}, {fieldCheckIn, &rec.CheckIn}} {
		t, err := parseDate(gapLabels[f.field], g.text[f.field-fieldOwner].Value())
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		*f.to = t
	}
	return rec, first
}

// commit stores the current gap's fields in the mentor's view when they
// changed (see questionnaire.Mentor.PutGap: a gap with nothing agreed
// stays unrecorded). It reports whether it wrote, and an error for a date
// that does not parse, which is not stored.
func (g *gapReviewScreen) commit() (bool, error) {
	if g.role == nil || g.signing() {
		return false, nil
	}
	rec, err := g.record()
	if questionnaire.SameGap(rec, g.initial) {
		return false, err
	}
	wrote := g.c.mentor().PutGap(rec)
	g.initial = rec
	return wrote, err
}

// decisions is the order ←/→ step through on the Matters field: a
// decision can be taken back to "not decided".
var decisions = []assess.Decision{assess.Undecided, assess.Matters, assess.DoesNotMatter}

// decisionWord is how the Matters field shows a decision.
func decisionWord(d assess.Decision) string {
	switch d {
	case assess.Matters:
		return "yes"
	case assess.DoesNotMatter:
		return "no"
	case assess.Undecided:
	}
	return "not decided"
}

// leave commits and moves: to another field, another gap or away. A date
// that does not parse keeps the focus where it is, except on esc.
func (g gapReviewScreen) leave(then func(*gapReviewScreen) Next, force bool) (gapReviewScreen, Next) {
	wrote, err := g.commit()
	if err != nil && !force {
		g.err = err.Error() + "."
		return g, Next{Changed: wrote}
	}
	g.err = ""
	n := then(&g)
	n.Changed = n.Changed || wrote
	if err != nil {
		n.Status = "Not kept: " + err.Error() + "."
	}
	return g, n
}

func (g gapReviewScreen) update(msg tea.Msg) (gapReviewScreen, Next) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if in := g.input(); in != nil {
			var cmd tea.Cmd
			*in, cmd = in.Update(msg)
			return g, stay(cmd)
		}
		return g, Next{}
	}
	if g.role == nil {
		return g, goTo(backMsg{})
	}
	k := g.c.Keys
	count := gapFields
	if g.signing() {
		count = signFields
	}
	step := func(d int) func(*gapReviewScreen) Next {
		return func(g *gapReviewScreen) Next {
			g.field = (g.field + d + count) % count
			g.focus()
			return Next{}
		}
	}
	gotoGap := func(d int) func(*gapReviewScreen) Next {
		return func(g *gapReviewScreen) Next {
			if i := g.index + d; i >= 0 && i <= len(g.gaps) {
				g.load(i)
			}
			return Next{}
		}
	}
	switch {
	case keyIs(km, k.Back):
		return g.leave(func(*gapReviewScreen) Next { return goTo(backMsg{}) }, true)
	case keyIs(km, k.NextField):
		return g.leave(step(1), false)
	case keyIs(km, k.PrevField):
		return g.leave(step(-1), false)
	case keyIs(km, k.NextGap):
		return g.leave(gotoGap(1), false)
	case keyIs(km, k.PrevGap):
		return g.leave(gotoGap(-1), false)
	case g.signing() && keyIs(km, k.Choose) && g.field == signButton:
		return g.signOff()
	case keyIs(km, k.Choose):
		if !g.signing() && g.field == fieldNotes {
			return g.leave(gotoGap(1), false)
		}
		return g.leave(step(1), false)
	}
	if in := g.input(); in != nil {
		if !g.signing() && g.field == fieldAction && km.String() == "right" && in.Value() == "" && g.suggest != "" {
			in.SetValue(g.suggest)
			in.CursorEnd()
			return g, Next{}
		}
		var cmd tea.Cmd
		*in, cmd = in.Update(msg)
		g.err = ""
		return g, stay(cmd)
	}
	switch g.field {
	case fieldMatters:
		d := 0
		switch {
		case keyIs(km, k.Left):
			d = -1
		case keyIs(km, k.Right), keyIs(km, k.Select):
			d = 1
		default:
			return g, Next{}
		}
		i := slices.Index(decisions, g.decision)
		g.decision = decisions[(i+d+len(decisions))%len(decisions)]
		return g.leave(func(*gapReviewScreen) Next { return Next{} }, false)
	case fieldPriority:
		switch {
		case keyIs(km, k.Left):
			g.priority = (g.priority + 5) % 6
		case keyIs(km, k.Right), keyIs(km, k.Select):
			g.priority = (g.priority + 1) % 6
		case keyIs(km, k.Priority):
			g.priority = int(km.String()[0] - '0')
		default:
			return g, Next{}
		}
		return g.leave(func(*gapReviewScreen) Next { return Next{} }, false)
	}
	return g, Next{}
}

// header is the position in the walk.
func (g gapReviewScreen) header() string {
	if g.signing() {
		return "sign-off"
	}
	return fmt.Sprintf("gap %d of %d", g.index+1, len(g.gaps))
}

func (g gapReviewScreen) View() string {
	if g.role == nil {
		return ""
	}
	if g.signing() {
		return g.signView()
	}
	s := g.c.Styles
	width := g.c.Layout.Content
	gap := g.gaps[g.index]
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
	add(s.Section.Render(fmt.Sprintf("Gap %d of %d for %s", g.index+1, len(g.gaps), truncate(g.role.Title, max(10, width-20)))))
	add(hanging("", fmt.Sprintf("%s: %.1f now, target %d (weight %g, priority %.1f)", gap.Name, gap.Current, gap.Target, gap.Weight, gap.Priority), width, s.Strong.Render)...)
	if comp := g.c.Bank.Competency(gap.Competency); comp != nil {
		next := min(stepFrom(gap.Current)+1, gap.Target)
		add(hanging(s.Muted.Render(fmt.Sprintf("Next level (%d)  ", next)), comp.Indicator(next), width, s.Text.Render)...)
	}
	add("")
	focus := len(lines)
	for f := 0; f < gapFields; f++ {
		if f == g.field {
			focus = len(lines)
		}
		var value string
		switch f {
		case fieldMatters:
			note := ""
			switch g.decision {
			case assess.Undecided:
				note = "←/→ to decide"
			case assess.DoesNotMatter:
				note = "moves to the end of the gaps, out of the goals"
			case assess.Matters:
			}
			value = g.arrows(f, decisionWord(g.decision), note)
		case fieldPriority:
			value = "unset"
			if g.priority > 0 {
				value = fmt.Sprint(g.priority)
			}
			note := "1 is the highest"
			if g.decision == assess.DoesNotMatter {
				note = "counts only for a gap that matters"
			}
			value = g.arrows(f, value, note)
		default:
			value = g.fieldView(f)
		}
		add(g.row(f, gapLabels[f], value))
	}
	if g.field == fieldAction && g.text[fieldAction-fieldOwner].Value() == "" && g.suggest != "" {
		add(s.Subtle.Render(strings.Repeat(" ", 17) + "→ uses the suggestion"))
	}
	if g.err != "" {
		add(hanging("", g.err, width, s.ErrorText.Render)...)
	}
	state := "Nothing recorded yet: not decided, so left out of the sign-off."
	if rec := g.c.mentor().Gap(g.role.ID, gap.Competency); rec != nil {
		state = "Recorded in the mentor's view."
		if rec.Decision() == assess.Undecided {
			state = "Recorded, but not decided yet whether it matters."
		}
	}
	add("", s.Subtle.Render(state))
	out, _ := scrollWindow(lines, focus, g.c.Layout.Body, 0)
	return strings.Join(out, "\n")
}

// fieldView draws text field f: editable with the focus, else the start
// of what it holds (see startOf).
func (g gapReviewScreen) fieldView(f int) string {
	in := g.text[f-fieldOwner]
	if f == g.field || in.Value() == "" {
		return in.View()
	}
	return g.c.Styles.Text.Render(startOf(in.Value(), in.Width()))
}

// row draws a field with its label; the focused one has the pointer.
func (g gapReviewScreen) row(f int, label, value string) string {
	s := g.c.Styles
	if f == g.field {
		return s.Cursor.Render("› ") + s.Accent.Render(fmt.Sprintf("%-15s", label)) + value
	}
	return "  " + s.Muted.Render(fmt.Sprintf("%-15s", label)) + value
}

func (g gapReviewScreen) arrows(f int, value, note string) string {
	s := g.c.Styles
	if f == g.field {
		v := s.Accent.Render("◂ ") + s.Strong.Render(value) + s.Accent.Render(" ▸")
		if note != "" {
			v += s.Subtle.Render("  " + note)
		}
		return v
	}
	return s.Text.Render(value)
}

func (g gapReviewScreen) keys() helpKeys {
	k := g.c.Keys
	var short []key.Binding
	switch {
	case g.signing() && g.field == signButton:
		short = []key.Binding{withHelp(k.Choose, "enter", "sign off"), k.TextNextField, k.PrevGap, withHelp(k.Back, "esc", "results")}
	case g.signing():
		short = []key.Binding{withHelp(k.Choose, "enter", "next field"), k.TextNextField, k.PrevGap, withHelp(k.Back, "esc", "results")}
	case g.field == fieldMatters:
		short = []key.Binding{withHelp(k.Left, "←/→", "yes/no/not decided"), k.TextNextField, k.NextGap, k.PrevGap, withHelp(k.Back, "esc", "results")}
	case g.field == fieldPriority:
		short = []key.Binding{withHelp(k.Left, "←/→", "change"), k.Priority, k.TextNextField, k.NextGap, withHelp(k.Back, "esc", "results")}
	case g.field == fieldAction:
		short = []key.Binding{withHelp(k.Right, "→", "use suggestion"), k.TextNextField, k.NextGap, k.PrevGap, withHelp(k.Back, "esc", "results")}
	case g.field == fieldNotes:
		short = []key.Binding{withHelp(k.Choose, "enter", "next gap"), k.TextNextField, k.NextGap, k.PrevGap, withHelp(k.Back, "esc", "results")}
	default:
		short = []key.Binding{withHelp(k.Choose, "enter", "next field"), k.TextNextField, k.NextGap, k.PrevGap, withHelp(k.Back, "esc", "results")}
	}
	full := [][]key.Binding{short, {k.TextNextField, withHelp(k.PrevField, "shift+tab", "previous field"), withHelp(k.NextGap, "ctrl+n", "next gap, also while typing"), withHelp(k.PrevGap, "ctrl+p", "previous gap, also while typing"), withHelp(k.Priority, "1-5", "priority, on its field"), withHelp(k.Back, "esc", "back to the results (keeps what is valid)")}}
	return helpKeys{short: short, full: full}
}

// Update records what is agreed for each gap and the sign-off.
func (g *gapReviewScreen) Update(msg tea.Msg) Next {
	next, n := g.update(msg)
	*g = next
	return n
}

// Open starts the walk at the gap asked for, in the result the results
// screen shows.
func (g *gapReviewScreen) Open(to Destination) {
	if d, ok := to.(gapReviewMsg); ok {
		g.open(d.role, d.index, g.c.Result)
	}
}

// Commit keeps the fields of the gap on show; a date that does not parse
// is left out, as on esc.
func (g *gapReviewScreen) Commit() { _, _ = g.commit() }

func (g *gapReviewScreen) Header(int) (title, right, progress string) {
	return "gap review", g.header(), ""
}
func (g *gapReviewScreen) SetSize(Layout)    { g.resize() }
func (g *gapReviewScreen) SetStyles(*Styles) { g.restyle() }
func (g *gapReviewScreen) Keys() helpKeys    { return g.keys() }
func (g *gapReviewScreen) Typing() bool      { return g.typing() }

// reviewMark is what the results' gap list adds to a reviewed gap: the
// agreed priority, or that it was agreed not to matter now (those stand
// last, see assess.OrderByReview).
func reviewMark(g assess.Gap) string {
	if !g.Review.Reviewed() {
		return ""
	}
	switch g.Review.Decision {
	case assess.Matters:
		if g.Review.Priority > 0 {
			return fmt.Sprintf("  agreed #%d", g.Review.Priority)
		}
		return "  agreed"
	case assess.DoesNotMatter:
		return "  not now"
	case assess.Undecided:
	}
	return ""
}

// gapOrderNote says how the results list a role's gaps: in the order a
// mentor's review agreed, or by weight × shortfall.
func gapOrderNote(f *assess.RoleFit) string {
	for _, g := range f.Gaps {
		if g.Review.Reviewed() {
			return "Gaps in the order agreed in the review: agreed priorities first, those agreed not to matter now last. Enter shows the next level and what to do."
		}
	}
	return "Gaps, highest priority first (weight × shortfall). Enter shows the next level and what to do."
}
