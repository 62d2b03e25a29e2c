package tui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/wording"
)

// gapScreen explains one gap: where the person is, what the next level
// and the target look like, and the actions for each step between.
type gapScreen struct {
	screenBase
	c    *Common
	role *assess.Role
	comp *assess.Competency
	gap  assess.Gap
	// score is the competency's scored level, with its judgement and
	// whether the self-rating is verified.
	score  assess.CompetencyScore
	fit    *assess.RoleFit
	offset int
}

func newGap(c *Common, _ Options) Screen { return &gapScreen{c: c} }

func (g *gapScreen) open(role, competency string, res *assess.Result) {
	g.role = g.c.Bank.Role(role)
	g.comp = g.c.Bank.Competency(competency)
	g.offset = 0
	g.gap = assess.Gap{}
	g.score, g.fit = assess.CompetencyScore{}, nil
	if res != nil {
		for _, c := range res.Competencies {
			if c.ID == competency {
				g.score = c
			}
		}
		g.fit = res.RoleFit(role)
		if f := g.fit; f != nil {
			for _, x := range f.Gaps {
				if x.Competency == competency {
					g.gap = x
				}
			}
		}
	}
}

func (g gapScreen) update(msg tea.Msg) (gapScreen, Next) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return g, Next{}
	}
	k := g.c.Keys
	switch {
	case keyIs(km, k.Back), keyIs(km, k.Choose):
		return g, goTo(backMsg{})
	case keyIs(km, k.Up):
		g.offset--
	case keyIs(km, k.Down):
		g.offset++
	case keyIs(km, k.PageDown):
		g.offset += max(1, g.c.Layout.Body-2)
	case keyIs(km, k.PageUp):
		g.offset -= max(1, g.c.Layout.Body-2)
	}
	// Never past the point where the last line shows: a key pressed
	// beyond the end does nothing, rather than owing presses back.
	g.offset = max(0, min(g.offset, len(g.lines())-g.c.Layout.Body+1))
	return g, Next{}
}

// StepActions returns the bank's actions for each step from level from up
// to level to, in 70-20-10 order within a step.
func StepActions(b *assess.Bank, competency string, from, to int) map[int][]*assess.Action {
	out := map[int][]*assess.Action{}
	for step := from; step < to; step++ {
		for _, cat := range assess.Categories {
			for i := range b.Actions {
				a := &b.Actions[i]
				if a.Competency == competency && a.Category == cat && a.Covers(step) {
					out[step] = append(out[step], a)
				}
			}
		}
	}
	return out
}

func (g gapScreen) View() string {
	out, _ := scrolled(g.c.Styles, g.lines(), g.c.Layout.Body, g.offset)
	return strings.Join(out, "\n")
}

// lines draws the whole gap, to be shown a window at a time.
func (g gapScreen) lines() []string {
	if g.comp == nil || g.role == nil {
		return nil
	}
	s := g.c.Styles
	width := g.c.Layout.Content
	cur := int(math.Floor(g.gap.Current + assess.GapTolerance))
	var lines []string
	add := func(xs ...string) { lines = append(lines, xs...) }
	detail := fmt.Sprintf("for %s: %.1f now, target %d, weight %g, priority %.1f", g.role.Title, g.gap.Current, g.gap.Target, g.gap.Weight, g.gap.Priority)
	if head := s.Section.Render(g.comp.Name) + s.Muted.Render("  "+detail); lipgloss.Width(head) <= width {
		add(head)
	} else {
		// Too long for one line: the details go under the name, whole.
		add(s.Section.Render(g.comp.Name))
		add(hanging("", detail, width, s.Muted.Render)...)
	}
	if g.comp.Description != "" {
		add(hanging("", g.comp.Description, width, s.Muted.Render)...)
	}
	add("")
	add(hanging("", g.evidence(), width, s.Text.Render)...)
	if g.score.Unverified {
		add(hanging("", g.unverified(), width, s.Warn.Render)...)
	}
	if g.fit != nil {
		add(hanging("", g.role.Title+": "+wording.Figures(g.fit)+".", width, s.Muted.Render)...)
	}
	add("")
	level := func(label string, l int) {
		add(s.Strong.Render(fmt.Sprintf("%s (level %d)", label, l)))
		add(hanging("  ", g.comp.Indicator(l), width, s.Text.Render)...)
	}
	if g.score.Evidenced || cur > 0 {
		level("Where you are", cur)
	} else {
		// Nothing shows the work either way (its question was skipped or
		// left open): the level counts as 0, which is not a fact about
		// the person, so the indicator of level 0 is not said of them.
		add(s.Strong.Render("Where you are (not known, counted as level 0)"))
		add(hanging("  ", wording.NotEvidenced, width, s.Text.Render)...)
	}
	if cur+1 < g.gap.Target {
		level("Next level", cur+1)
	}
	level("Target", g.gap.Target)
	add("", s.Section.Render("What to do"))
	add(hanging("", "On-the-job work first (70), then learning through others (20), then formal learning (10).", width, s.Muted.Render)...)
	steps := StepActions(g.c.Bank, g.comp.ID, cur, g.gap.Target)
	shown := map[string]bool{}
	for step := cur; step < g.gap.Target; step++ {
		var rows []string
		for _, a := range steps[step] {
			if shown[a.ID] {
				continue
			}
			shown[a.ID] = true
			rows = append(rows, hanging("• ", a.Title, width, s.Text.Render)...)
			meta := fmt.Sprintf("%s · about %d hours over %d weeks · evidence: %s", a.Category, a.EffortHours, a.DurationWeeks, a.Evidence)
			rows = append(rows, hanging("  ", meta, width, s.Muted.Render)...)
		}
		if len(rows) > 0 {
			add("", s.Accent.Render(fmt.Sprintf("Level %d → %d", step, step+1)))
			add(rows...)
		}
	}
	return lines
}

// evidence says what the level rests on and what the scenarios show.
func (g gapScreen) evidence() string {
	c := g.score
	line := fmt.Sprintf("Level %.1f, from what you have done (ratings, experience, certifications held)", c.Level)
	if c.Judgement != nil {
		line += fmt.Sprintf("; judgement %.1f in its scenarios", *c.Judgement)
	} else {
		line += "; no scenario on it answered"
	}
	return line + "."
}

// unverified explains a capped self-rating.
func (g gapScreen) unverified() string {
	c := g.score
	rated := "your self-rating"
	if c.Self != nil {
		rated = fmt.Sprintf("your self-rating of %.1f", *c.Self)
	}
	if c.Claimed != nil {
		rated += fmt.Sprintf(" would make the level %.1f, but it", *c.Claimed)
	}
	return fmt.Sprintf("Unverified: %s sits above what your scenario answers or experience support, so the level counts at %.1f until a mentor has seen the work.", rated, c.Level)
}

func (g gapScreen) keys() helpKeys {
	k := g.c.Keys
	short := []key.Binding{withHelp(k.Down, "↑/↓", "scroll"), withHelp(k.Back, "esc", "back to gaps")}
	return helpKeys{short: short, full: [][]key.Binding{short}}
}

// Update scrolls the gap and goes back to the results.
func (g *gapScreen) Update(msg tea.Msg) Next {
	next, n := g.update(msg)
	*g = next
	return n
}

// Open shows the gap asked for, in the result the results screen shows.
func (g *gapScreen) Open(to Destination) {
	if d, ok := to.(gapMsg); ok {
		g.open(d.role, d.competency, g.c.Result)
	}
}

func (g *gapScreen) Header(int) (title, right, progress string) { return "gap", "", "" }
func (g *gapScreen) Keys() helpKeys                             { return g.keys() }
