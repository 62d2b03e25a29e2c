package tui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

// onRole moves the welcome's focus from Length to the current role.
func (a *testApp) onRole() {
	a.t.Helper()
	a.press("down", "down", "down")
	if w := a.welcome(); w.row != rowRole {
		a.t.Fatalf("not on the current role:\n%s", a.screenText())
	}
}

func (a *testApp) welcome() *welcomeScreen { return a.screens[screenWelcome].(*welcomeScreen) }

// entryNames lists the lines of the picker as "name" or "name → role id".
func entryNames(es []roleEntry) []string {
	var out []string
	for _, e := range es {
		switch {
		case e.kind == entryOwn && e.role != nil:
			out = append(out, "own:"+e.name+" → "+e.role.ID)
		case e.kind == entryOwn:
			out = append(out, "own:"+e.name)
		case e.role != nil:
			out = append(out, e.name+" → "+e.role.ID)
		default:
			out = append(out, e.name)
		}
	}
	return out
}

func TestFilterRoles(t *testing.T) {
	b := defaultBank(t)
	all := roleNames(b)
	for query, want := range map[string][]string{
		// Word starts, case aside: the SOC aliases first (the typed word
		// begins them), the title that has SOC inside after them.
		"soc": {"own:soc", "SOC analyst → security-engineer", "SOC manager → soc-manager", "SOC lead → soc-manager",
			"SOC team lead → soc-manager", "Security Operations (SOC) Manager → soc-manager"},
		// The last word may be half typed; in order beats out of order.
		"SOC LEA": {"own:SOC LEA", "SOC lead → soc-manager", "SOC team lead → soc-manager"},
		// Accents and case are folded away on both sides.
		"Cyber Défence": {"own:Cyber Défence", "Cyber defence manager → soc-manager", "Head of cyber defence → soc-manager"},
		// An alias of a title-only role is found like any other.
		"vciso": {"own:vciso → vciso", "vCISO → vciso"},
		// Inside a word is not the start of one.
		"oc": {"own:oc"},
		// Own words the list does not hold are matched as a file's
		// current_role is: the longest name they contain.
		"Senior SOC lead, EMEA":  {"own:Senior SOC lead, EMEA → soc-manager"},
		"Head of Customer Trust": {"own:Head of Customer Trust"},
	} {
		if got := entryNames(filterRoles(b, all, query)); !slices.Equal(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", query, got, want)
		}
	}
	// Nothing typed: "not listed" and every role under its title.
	got := filterRoles(b, all, "  ")
	if len(got) != len(b.Roles)+1 || got[0].kind != entryNone || got[1].name != "Security Engineer / Analyst" || got[16].name != "Chief Risk Officer" {
		t.Errorf("empty query: %q", entryNames(got))
	}
}

func TestWelcomePickerFiltersAsYouType(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.onRole()
	a.press("soc")
	w := a.welcome()
	if !w.picking || w.picker.input.Value() != "soc" {
		t.Fatalf("typing on the current role did not search: picking %v, %q", w.picking, w.picker.input.Value())
	}
	screen := a.screenText()
	for _, want := range []string{"SOC lead", "SOC manager", "SOC team lead", "Use “soc” as your title"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the search lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "Chief Risk Officer") {
		t.Errorf("the search did not filter:\n%s", screen)
	}
	// An alias shows the role it belongs to on its line.
	if !hasLine(screen, "SOC lead", "Security Operations (SOC) Manager") || !hasLine(screen, "SOC analyst", "Security Engineer / Analyst") {
		t.Errorf("an alias without its role:\n%s", screen)
	}
	// The cursor starts on the first name the words begin; arrows move it.
	if e := w.picker.entries[w.picker.cursor]; e.name != "SOC analyst" {
		t.Errorf("cursor on %q", e.name)
	}
	a.press("down", "down")
	if !hasLine(a.screenText(), "› SOC lead") {
		t.Errorf("down twice is not on SOC lead:\n%s", a.screenText())
	}
	a.press("enter")
	w = a.welcome()
	if w.picking || w.current.value != "SOC lead" || w.current.role == nil || w.current.role.ID != "soc-manager" {
		t.Fatalf("picked %+v", w.current)
	}
	if !hasLine(a.screenText(), "Current role", "SOC lead") || !strings.Contains(a.screenText(), "Matched to: Security Operations (SOC) Manager") {
		t.Errorf("the welcome does not show the pick:\n%s", a.screenText())
	}
	// Enter opens the list again on the pick; esc leaves it as it was.
	a.press("enter")
	if w := a.welcome(); !w.picking || w.picker.input.Value() != "SOC lead" || w.picker.entries[w.picker.cursor].name != "SOC lead" {
		t.Errorf("reopened on %q, cursor on %q", w.picker.input.Value(), w.picker.entries[w.picker.cursor].name)
	}
	a.press("backspace", "esc")
	if w := a.welcome(); w.picking || w.current.value != "SOC lead" {
		t.Errorf("esc changed the pick: %+v", w.current)
	}
}

// hasLine reports whether one line of the screen holds every part, in
// order.
func hasLine(screen string, parts ...string) bool {
	for _, l := range strings.Split(screen, "\n") {
		rest, ok := l, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return true
		}
	}
	return false
}

func TestWelcomeKeepsATitleInWords(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.onRole()
	a.press("Head of Customer Trust")
	if !strings.Contains(a.screenText(), "No title or job title in the list starts with these words") {
		t.Errorf("no word that nothing matches:\n%s", a.screenText())
	}
	a.press("enter")
	w := a.welcome()
	if w.current.value != "Head of Customer Trust" || w.current.role != nil {
		t.Fatalf("kept %+v", w.current)
	}
	if !hasLine(a.screenText(), "Current role", "Head of Customer Trust") || !strings.Contains(a.screenText(), "No role matched: we'll place you from your answers.") {
		t.Errorf("the title or what it matched is not shown:\n%s", a.screenText())
	}
	// Words the list does not hold but that name a role are matched as a
	// file's current_role is.
	a.press("enter")
	for range len("Head of Customer Trust") {
		a.press("backspace")
	}
	a.press("Senior SOC lead, EMEA")
	if !strings.Contains(a.screenText(), "As typed: matched to Security Operations (SOC) Manager.") {
		t.Errorf("the words' match is not shown while typing:\n%s", a.screenText())
	}
	a.press("enter")
	if w := a.welcome(); w.current.value != "Senior SOC lead, EMEA" || w.current.role == nil || w.current.role.ID != "soc-manager" {
		t.Fatalf("kept %+v", w.current)
	}
	if !strings.Contains(a.screenText(), "Matched to: Security Operations (SOC) Manager") {
		t.Errorf("no match shown:\n%s", a.screenText())
	}
	// The person may prefer their words to a name the list offers.
	a.press("enter")
	for range len("Senior SOC lead, EMEA") {
		a.press("backspace")
	}
	a.press("soc lead", "up", "enter")
	if w := a.welcome(); w.current.value != "soc lead" || w.current.words != "soc lead" {
		t.Errorf("up to the own words kept %+v", w.current)
	}
	// Words that only share words with a name are not that name: the
	// cursor stays on them.
	a.press("enter")
	for range len("soc lead") {
		a.press("backspace")
	}
	a.press("security lead")
	if w := a.welcome(); w.picker.entries[w.picker.cursor].kind != entryOwn {
		t.Errorf("the cursor left the own words for %q", w.picker.entries[w.picker.cursor].name)
	}
	// Not listed clears the role.
	a.press("esc", "enter")
	for range len("soc lead") {
		a.press("backspace")
	}
	a.press("enter", "up")
	if w := a.welcome(); w.current != (currentRole{}) || !strings.Contains(a.screenText(), "not given: we'll place you from your answers") {
		t.Errorf("not listed kept %+v:\n%s", w.current, a.screenText())
	}
}

func TestWelcomeQuit(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	// q in the search types a q, and so does q in the open picker.
	a.onRole()
	if a.press("q") || a.confirm {
		t.Fatal("q on the current role left or asked")
	}
	a.press("q")
	if w := a.welcome(); !w.picking || w.picker.input.Value() != "qq" {
		t.Fatalf("q was not typed: %q", w.picker.input.Value())
	}
	a.press("esc", "up", "q")
	if a.welcome().name.Value() != "q" || a.confirm {
		t.Errorf("q in the name field: %q, asking %v", a.welcome().name.Value(), a.confirm)
	}
	// q elsewhere asks, as the help says; n stays and y leaves.
	a.press("up", "up")
	if a.press("q") {
		t.Fatal("q on the welcome left without asking")
	}
	if !a.confirm || !strings.Contains(a.screenText(), "Leave secpath?") {
		t.Fatalf("q did not ask:\n%s", a.screenText())
	}
	a.press("n")
	if a.confirm || a.screen != screenWelcome {
		t.Fatalf("n did not stay:\n%s", a.screenText())
	}
	if !a.press("q", "y") {
		t.Error("y did not leave")
	}
	// ctrl+c asks too, and a second one leaves.
	b := newTestApp(t, 80, 24, Options{})
	if b.press("ctrl+c") || !b.confirm {
		t.Fatal("ctrl+c on the welcome did not ask")
	}
	if !b.press("ctrl+c") {
		t.Error("ctrl+c twice did not leave")
	}
	// Too small to show the question, q leaves at once.
	c := newTestApp(t, 40, 10, Options{})
	if !c.press("q") {
		t.Error("q in a too-small window did not leave")
	}
}

func TestWelcomeSaysItStaysOnThisMachineOnce(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		a := newTestApp(t, sz[0], sz[1], Options{})
		if n := strings.Count(a.screenText(), "stays on this machine"); n != 1 {
			t.Errorf("%dx%d: said %d times:\n%s", sz[0], sz[1], n, a.screenText())
		}
	}
}

func TestWelcomeOrganisationSize(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.press("down", "down", "down", "down")
	if a.welcome().row != rowOrg {
		t.Fatalf("not on the organisation's size:\n%s", a.screenText())
	}
	a.press("12x", "down")
	if !strings.Contains(a.screenText(), "Enter a number from 1 to 3,000,000 people, such as 8 or 2.5.") {
		t.Errorf("a bad size is not said:\n%s", a.screenText())
	}
	// Enter does not start with it: the focus goes back to the row.
	a.press("down", "enter")
	if a.c.State.Started || a.welcome().row != rowOrg {
		t.Fatalf("started with a bad size, or the focus is on row %d", a.welcome().row)
	}
	a.press("backspace", "backspace", "backspace")
	for in, want := range map[string]string{"40": "people: a small organisation", "1,200": "people: a mid-size organisation", "12000": "people: a large organisation"} {
		a.press(in)
		if !hasLine(a.screenText(), "Organisation", want) {
			t.Errorf("%s: not %q:\n%s", in, want, a.screenText())
		}
		for range in {
			a.press("backspace")
		}
	}
}

// TestWelcomeSetsUpTheAnswers follows a title and a size from the welcome
// into the answers, the saved session, the questionnaire and the
// recommendation.
func TestWelcomeSetsUpTheAnswers(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	b := a.c.Bank
	a.onRole()
	// Only the alias of a title-only role names it: no answers could.
	a.press("Fractional CISO, three clients", "enter")
	if !strings.Contains(a.screenText(), "Matched to: Virtual / Fractional CISO") {
		t.Fatalf("no match shown:\n%s", a.screenText())
	}
	a.press("down", "40", "enter")
	if a.screen != screenQuiz {
		t.Fatalf("did not start:\n%s", a.screenText())
	}
	ans := a.c.State.File.Answers
	if ans.Profile.CurrentRole != "Fractional CISO, three clients" {
		t.Errorf("current role %q", ans.Profile.CurrentRole)
	}
	if n := ans.Items["org-size"].Number; n == nil || *n != 40 {
		t.Errorf("org-size %v", n)
	}
	// Saved as given.
	f, err := storage.ReadAnswers(a.c.State.Path, b)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.Answers.Items["org-size"].Number; f.Answers.Profile.CurrentRole != "Fractional CISO, three clients" || n == nil || *n != 40 {
		t.Errorf("saved %q, %v", f.Answers.Profile.CurrentRole, n)
	}
	// The questionnaire opens on the first question, not the size, and
	// shows the size answered at its place.
	if id := a.quiz().current().ID; id != "years-security" {
		t.Errorf("opened on %s", id)
	}
	a.gotoQuestion("org-size")
	if a.quiz().number.Value() != "40" {
		t.Errorf("the size question shows %q:\n%s", a.quiz().number.Value(), a.screenText())
	}
	// With a director's answers the title places them as a vCISO, in a
	// small organisation; without it they are placed elsewhere.
	persona, err := storage.ReadAnswers("../../questions/testdata/personas/security-director.toml", b)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range persona.Answers.Items {
		if id != "org-size" {
			ans.Items[id] = v
		}
	}
	a.send(resultsMsg{})
	res := assess.Score(b, ans)
	if res.Recommendation.Position != "vciso" || res.OrgSize.Size != assess.SizeSmall || res.OrgSize.People != 40 {
		t.Errorf("position %s, size %+v", res.Recommendation.Position, res.OrgSize)
	}
	if !strings.Contains(a.screenText(), "Virtual / Fractional CISO") {
		t.Errorf("the results do not place them as a vCISO:\n%s", a.screenText())
	}
	untitled := *ans
	untitled.Items = maps.Clone(ans.Items)
	untitled.Profile.CurrentRole = ""
	if p := assess.Score(b, &untitled).Recommendation.Position; p == "vciso" {
		t.Errorf("placed as a vCISO without the title")
	}
}

// TestWelcomeGoldenFrames pins the picker with a search and with own
// words, and the welcome with the words kept, at 80x24 and 120x40; at
// 80x24 also the full list, longer than the room.
func TestWelcomeGoldenFrames(t *testing.T) {
	frames := map[string]func(a *testApp){
		"search":    func(a *testApp) { a.onRole(); a.press("soc") },
		"own-words": func(a *testApp) { a.onRole(); a.press("Head of Customer Trust") },
		"kept":      func(a *testApp) { a.onRole(); a.press("Senior SOC lead, EMEA", "enter", "down", "1200") },
		"list":      func(a *testApp) { a.onRole(); a.press("enter", "pgdown") },
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for name, setup := range frames {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				a := newTestApp(t, size[0], size[1], Options{})
				setup(a)
				frame := a.Render()
				checkFrame(t, frame, size[0], size[1])
				golden.RequireEqual(t, ansi.Strip(frame))
			})
		}
	}
}

// TestWelcomePickerScrolls keeps the cursor's line on show with the count
// of lines out of sight, at the smallest window.
func TestWelcomePickerScrolls(t *testing.T) {
	a := newTestApp(t, 60, 18, Options{Mentor: true})
	a.onRole()
	a.press("s") // most names have a word starting with s
	w := a.welcome()
	total := len(w.picker.entries)
	if total < 30 {
		t.Fatalf("only %d lines for s", total)
	}
	for i := 0; i < total+3; i++ {
		a.press("down")
		checkFrame(t, a.Render(), 60, 18)
		w = a.welcome()
		name := w.picker.entries[w.picker.cursor].name
		if !hasLine(a.screenText(), "› "+name[:min(len(name), 20)]) {
			t.Fatalf("line %d (%s) out of sight:\n%s", w.picker.cursor, name, a.screenText())
		}
	}
	if w.picker.cursor != total-1 || !strings.Contains(a.screenText(), fmt.Sprintf("↑ %d more", total-w.picker.window())) {
		t.Errorf("at the end: cursor %d of %d:\n%s", w.picker.cursor, total, a.screenText())
	}
	a.press("pgup")
	if !strings.Contains(a.screenText(), "↓ ") {
		t.Errorf("no count of the lines below:\n%s", a.screenText())
	}
	a.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	checkFrame(t, a.Render(), 120, 40)
}

// TestWelcomePasteStartsTheSearch: a title pasted on the current role
// searches with it, as typing does; pasted on the size, it is the size.
func TestWelcomePasteStartsTheSearch(t *testing.T) {
	a := newTestApp(t, 80, 24, Options{})
	a.onRole()
	a.send(tea.PasteMsg{Content: "Head of security operations"})
	w := a.welcome()
	if !w.picking || w.picker.input.Value() != "Head of security operations" || w.picker.entries[w.picker.cursor].name != "Head of security operations" {
		t.Fatalf("paste: picking %v, %q", w.picking, w.picker.input.Value())
	}
	a.press("enter", "down")
	a.send(tea.PasteMsg{Content: "2,500"})
	if v, _ := a.welcome().org.parse(); v == nil || *v != 2500 {
		t.Errorf("pasted size %v", v)
	}
}
