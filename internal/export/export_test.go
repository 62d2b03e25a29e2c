package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
	"github.com/secpath/secpath/questions"
)

// planFixtures builds plans from the persona answers files, all starting
// on the same day so the output is the same on every run.
type planFixtures struct{}

var (
	fixtureStart      = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	fixturePersonaDir = filepath.Join("..", "..", "questions", "testdata", "personas")
	fixtureBank       = sync.OnceValues(func() (*assess.Bank, error) {
		b, _, err := questions.Default()
		return b, err
	})
)

func (planFixtures) bank(t *testing.T) *assess.Bank {
	t.Helper()
	b, err := fixtureBank()
	if err != nil {
		t.Fatalf("loading the embedded bank: %v", err)
	}
	return b
}

// personas lists the persona names (file names without .toml).
func (fx planFixtures) personas(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(fixturePersonaDir, "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".toml"))
	}
	if len(names) != 6 {
		t.Fatalf("found %d personas in %s, want 6: %v", len(names), fixturePersonaDir, names)
	}
	return names
}

// plan builds the plan for a persona, with what-if assumptions.
func (fx planFixtures) plan(t *testing.T, persona string, assumptions ...string) (*assess.Bank, *assess.Plan) {
	t.Helper()
	b := fx.bank(t)
	f, err := storage.ReadAnswers(filepath.Join(fixturePersonaDir, persona+".toml"), b)
	if err != nil {
		t.Fatal(err)
	}
	opts := assess.PlanOptions{Start: fixtureStart}
	for _, s := range assumptions {
		a, err := assess.ParseAssumption(b, s)
		if err != nil {
			t.Fatal(err)
		}
		opts.Assumptions = append(opts.Assumptions, a)
	}
	p, err := assess.BuildPlan(b, f.Answers, opts)
	if err != nil {
		t.Fatal(err)
	}
	return b, p
}

func writeFixture(t *testing.T, f Format, b *assess.Bank, p *assess.Plan) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, b, p); err != nil {
		t.Fatalf("writing %s: %v", f, err)
	}
	return buf.String()
}

// TestGolden pins the Markdown, JSON and CSV of two personas and a what-if.
// Regenerate with: go test ./internal/export -run TestGolden -update
func TestGolden(t *testing.T) {
	fx := planFixtures{}
	cases := []struct {
		name        string
		persona     string
		assumptions []string
		format      Format
	}{
		{"soc-lead.md", "soc-lead", nil, Markdown},
		{"soc-lead.json", "soc-lead", nil, JSON},
		{"soc-lead.csv", "soc-lead", nil, CSV},
		{"privacy-counsel.md", "privacy-counsel", nil, Markdown},
		{"privacy-counsel.json", "privacy-counsel", nil, JSON},
		{"privacy-counsel.csv", "privacy-counsel", nil, CSV},
		{"soc-lead-what-if.md", "soc-lead", []string{"cert=cism", "risk-management=4"}, Markdown},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, p := fx.plan(t, c.persona, c.assumptions...)
			golden.RequireEqual(t, writeFixture(t, c.format, b, p))
		})
	}
}

// TestWhatIfChangesThePlan: the what-if golden must differ from the plain
// one in the ways the assumptions say.
func TestWhatIfChangesThePlan(t *testing.T) {
	fx := planFixtures{}
	b, plain := fx.plan(t, "soc-lead")
	_, what := fx.plan(t, "soc-lead", "cert=cism", "risk-management=4")
	if len(plain.Assumed) != 0 || len(what.Assumed) != 2 {
		t.Fatalf("assumed: plain %q, what-if %q", plain.Assumed, what.Assumed)
	}
	md := writeFixture(t, Markdown, b, what)
	if !strings.Contains(md, "**What-if.**") || strings.Contains(writeFixture(t, Markdown, b, plain), "**What-if.**") {
		t.Error("only the what-if plan carries the what-if note")
	}
	for _, g := range what.Goals {
		if g.Competency == "risk-management" {
			t.Errorf("risk management assumed at 4 is still goal %d", g.N)
		}
	}
	for _, c := range what.Certifications {
		if c.ID == "cism" && c.Status != assess.StatusHeld {
			t.Errorf("CISM assumed held has status %s", c.Status)
		}
	}
}

var planJSONKeys = []string{
	"assumed", "balance", "bank", "basis", "blockers", "certifications", "check_ins", "current_role",
	"dimensions", "estimate", "goals", "judgement", "levels", "long_term", "name", "org_size", "position", "rationale", "reasons", "role",
	"roles", "schema_version", "start", "strengths", "strong", "timeline",
}

// TestJSONFollowsSchema checks every persona's plan, and a what-if, against
// plan.schema.json.
func TestJSONFollowsSchema(t *testing.T) {
	fx := planFixtures{}
	v, err := newSchemaValidator(PlanSchema)
	if err != nil {
		t.Fatal(err)
	}
	type run struct {
		name        string
		assumptions []string
	}
	var runs []run
	for _, name := range fx.personas(t) {
		runs = append(runs, run{name, nil})
	}
	runs = append(runs, run{"new-analyst", []string{"cert=cissp", "years-security=6"}})
	for _, r := range runs {
		t.Run(strings.Join(append([]string{r.name}, r.assumptions...), "+"), func(t *testing.T) {
			b, p := fx.plan(t, r.name, r.assumptions...)
			out := writeFixture(t, JSON, b, p)
			vs, err := v.Validate([]byte(out))
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range vs {
				t.Errorf("schema violation: %s", x)
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(out), &m); err != nil {
				t.Fatal(err)
			}
			var keys []string
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, planJSONKeys) {
				t.Errorf("top-level keys %q, want %q", keys, planJSONKeys)
			}
			if m["schema_version"] != float64(assess.PlanSchemaVersion) || m["start"] != "2026-12-01" {
				t.Errorf("schema_version %v, start %v", m["schema_version"], m["start"])
			}
			if goals, _ := m["goals"].([]any); len(goals) < assess.MinGoals || len(goals) > assess.MaxGoals {
				t.Errorf("%d goals, want %d to %d", len(goals), assess.MinGoals, assess.MaxGoals)
			}
			if !strings.HasSuffix(out, "}\n") || strings.Contains(out, "\x1b") {
				t.Error("the JSON must end with a newline and hold no escape codes")
			}
		})
	}
}

func actionCount(p *assess.Plan) int {
	n := 0
	for _, g := range p.Goals {
		n += len(g.Actions)
	}
	return n
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1 // the test checks row lengths itself
	var rows [][]string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading CSV: %v", err)
		}
		rows = append(rows, row)
	}
	return rows
}

func TestCSV(t *testing.T) {
	fx := planFixtures{}
	col := func(name string) int { return slices.Index(CSVHeader, name) }
	for _, name := range fx.personas(t) {
		t.Run(name, func(t *testing.T) {
			b, p := fx.plan(t, name)
			rows := readCSV(t, writeFixture(t, CSV, b, p))
			if len(rows) == 0 || !slices.Equal(rows[0], CSVHeader) {
				t.Fatalf("header %q, want %q", rows[0], CSVHeader)
			}
			for i, row := range rows {
				if len(row) != len(CSVHeader) {
					t.Errorf("row %d has %d cells, want %d", i, len(row), len(CSVHeader))
				}
			}
			if got, want := len(rows)-1, actionCount(p); got != want || want == 0 {
				t.Fatalf("%d action rows, want %d (and more than 0)", got, want)
			}
			i := 1
			for _, g := range p.Goals {
				for _, a := range g.Actions {
					row := rows[i]
					i++
					if row[col("goal")] != strconv.Itoa(g.N) || row[col("action")] != wording.ActionTitle(a) || row[col("step")] != a.Step ||
						row[col("reach")] != string(a.Reach) || row[col("level")] != num(g.Current) || row[col("goal_due")] != g.Due.String() ||
						row[col("start")] != a.Start.String() || row[col("due")] != a.Due.String() ||
						row[col("category")] != string(a.Category) || row[col("role")] != p.Role.Title {
						t.Errorf("row %d %q does not match action %s of goal %d", i-1, row, a.ID, g.N)
					}
				}
			}
		})
	}
}

// TestCSVDefusesFormulas: text a spreadsheet would run comes out as text.
func TestCSVDefusesFormulas(t *testing.T) {
	fx := planFixtures{}
	for _, title := range []string{"=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)"} {
		b, p := fx.plan(t, "soc-lead")
		p.Goals[0].Actions[0].Title = title
		p.Name = "=cmd|' /C calc'!A0"
		rows := readCSV(t, writeFixture(t, CSV, b, p))
		ai, pi := slices.Index(CSVHeader, "action"), slices.Index(CSVHeader, "person")
		// The first goal's first action is the first data row.
		if got := rows[1][ai]; got != "'"+title {
			t.Errorf("title %q came out as %q, want it defused", title, got)
		}
		for _, row := range rows[1:] {
			if row[pi] != "'"+p.Name {
				t.Errorf("person %q came out as %q", p.Name, row[pi])
			}
		}
		// Cells that start harmlessly are left alone.
		if got := rows[2][ai]; got != p.Goals[0].Actions[1].Title || strings.HasPrefix(got, "'") {
			t.Errorf("plain title came out as %q", got)
		}
	}
}

var markdownSections = []string{"## Goals", "## Timeline", "## Certifications", "## Check-ins", "## Time to readiness"}

func TestMarkdown(t *testing.T) {
	fx := planFixtures{}
	for _, name := range fx.personas(t) {
		t.Run(name, func(t *testing.T) {
			b, p := fx.plan(t, name)
			md := writeFixture(t, Markdown, b, p)
			lines := strings.Split(md, "\n")
			at := -1
			for _, sec := range markdownSections {
				i := slices.Index(lines, sec)
				if i < 0 {
					t.Errorf("no %q line", sec)
					continue
				}
				if i < at {
					t.Errorf("%q is out of order", sec)
				}
				at = i
			}
			goals := 0
			for _, l := range lines {
				if strings.HasPrefix(l, "### ") {
					goals++
				}
			}
			if goals < 3 || goals > 5 || goals != len(p.Goals) {
				t.Errorf("%d goal headings for %d goals, want 3 to 5", goals, len(p.Goals))
			}
			if !strings.HasPrefix(md, "# Development plan") || strings.Contains(md, "\x1b") {
				t.Error("the Markdown must open with its title and hold no escape codes")
			}
		})
	}
}

// TestMarkdownEscapesPersonText: what the person typed cannot add markup.
func TestMarkdownEscapesPersonText(t *testing.T) {
	fx := planFixtures{}
	b, p := fx.plan(t, "soc-lead")
	p.Name = "<b>x</b> *y*"
	p.CurrentRole = "[click](javascript:alert(1)) _z_ `c`"
	p.Goals[0].Actions[0].Title = "a | b"
	md := writeFixture(t, Markdown, b, p)
	for _, want := range []string{
		`# Development plan: &lt;b&gt;x&lt;/b&gt; \*y\*` + "\n",
		"| Current role | \\[click\\](javascript:alert(1)) \\_z\\_ \\`c\\` |\n",
		`| a \| b |`,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	for _, bad := range []string{"<b>", "*y*", "[click](", "_z_"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown carries %q unescaped", bad)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{
		"md": Markdown, "MD": Markdown, ".md": Markdown, "markdown": Markdown, ".Markdown": Markdown,
		"json": JSON, ".JSON": JSON, "Json": JSON,
		"html": HTML, ".html": HTML, "HTML": HTML,
		"csv": CSV, ".Csv": CSV, "CSV": CSV,
	} {
		got, err := ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"pdf", "", ".", "..md", "mdx", "text"} {
		got, err := ParseFormat(in)
		if err == nil {
			t.Errorf("ParseFormat(%q) = %q, want an error", in, got)
			continue
		}
		for _, name := range []string{"md", "json", "html", "csv"} {
			if !strings.Contains(err.Error(), name) {
				t.Errorf("ParseFormat(%q): %q does not name %s", in, err, name)
			}
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), `"pdf"`) {
		t.Errorf("the error for pdf must quote it: %v", err)
	}
	for _, f := range Formats() {
		if got, err := ParseFormat(f.Extension()); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", f.Extension(), got, err, f)
		}
	}
}

// TestReviewedPlan exports a plan from an assessment a mentor reviewed: the
// agreed gaps reorder and date the goals, and every format carries the
// agreed actions, the notes and the sign-off.
func TestReviewedPlan(t *testing.T) {
	b := planFixtures{}.bank(t)
	f, err := storage.ReadAnswers("../../questions/testdata/reviewed/soc-lead-reviewed.toml", b)
	if err != nil {
		t.Fatal(err)
	}
	p, err := assess.BuildPlan(b, f.Answers, assess.PlanOptions{Start: fixtureStart})
	if err != nil {
		t.Fatal(err)
	}
	if p.Basis != assess.BasisMentor || p.Mentor == nil || !p.Mentor.SignOff.Signed {
		t.Fatalf("basis %s, mentor %+v", p.Basis, p.Mentor)
	}
	// Agreed priority 1 (budget) comes first, then 2 (risk); the gap agreed
	// not to matter (data protection) is gone.
	if p.Goals[0].Competency != "budget-finance" || p.Goals[1].Competency != "risk-management" {
		t.Errorf("goal order: %s, %s", p.Goals[0].Competency, p.Goals[1].Competency)
	}
	for _, g := range p.Goals {
		if g.Competency == "data-protection" {
			t.Error("a gap agreed not to matter is still a goal")
		}
	}
	if p.Goals[0].Due.String() != "2027-06-30" || p.Goals[0].Actions[0].Title != "Write the SIEM renewal business case with finance" {
		t.Errorf("goal 1: due %s, first action %q", p.Goals[0].Due, p.Goals[0].Actions[0].Title)
	}
	outputs := map[Format]string{}
	for _, format := range Formats() {
		var buf bytes.Buffer
		if err := Write(&buf, format, b, p); err != nil {
			t.Fatal(err)
		}
		outputs[format] = buf.String()
	}
	for format, wants := range map[Format][]string{
		Markdown: {"## Reviewed with Dana Okafor", "- Levels use Dana Okafor's ratings wherever Dana Okafor gave one, and your answers elsewhere.", "| 1 | Budget and resource allocation | yes | Priya Raman | 2027-06-30 | 2027-01-15 |", "Agreed by Priya Raman (mentee) and Dana Okafor (mentor) on 2026-11-29.", "took two risks to the CIO"},
		HTML:     {"<li>Levels use Dana Okafor&#39;s ratings wherever Dana Okafor gave one, and your answers elsewhere.</li>", "Reviewed with Dana Okafor", "Agreed on the gaps", "Agreed by Priya Raman (mentee) and Dana Okafor (mentor)", "took two risks to the CIO"},
		JSON:     {`"basis": "mentor"`, `"basis_note": "Levels use Dana Okafor's ratings wherever Dana Okafor gave one, and your answers elsewhere."`, `"sign_off": {`, `"signed": true`, `"owner": "Priya Raman"`},
		CSV:      {"Write the SIEM renewal business case with finance", ",Priya Raman,Priya Raman,"},
	} {
		for _, want := range wants {
			if !strings.Contains(outputs[format], want) {
				t.Errorf("%s lacks %q", format, want)
			}
		}
	}
	v, err := newSchemaValidator(PlanSchema)
	if err != nil {
		t.Fatal(err)
	}
	if vs, err := v.Validate([]byte(outputs[JSON])); err != nil || len(vs) > 0 {
		t.Errorf("reviewed plan JSON does not follow the schema: %v %v", err, vs)
	}
	golden.RequireEqual(t, outputs[Markdown])
}

// TestPlanRebuildsFromJSON: the JSON holds everything the plan shows. A
// plan read back from its JSON, with no scored result behind it, writes
// every format byte for byte as the plan it was written from.
func TestPlanRebuildsFromJSON(t *testing.T) {
	fx := planFixtures{}
	for _, name := range fx.personas(t) {
		t.Run(name, func(t *testing.T) {
			b, p := fx.plan(t, name)
			var back assess.Plan
			if err := json.Unmarshal([]byte(writeFixture(t, JSON, b, p)), &back); err != nil {
				t.Fatal(err)
			}
			if back.Result != nil {
				t.Fatal("the JSON carried the scored result")
			}
			for _, f := range Formats() {
				if got, want := writeFixture(t, f, nil, &back), writeFixture(t, f, b, p); got != want {
					t.Errorf("%s differs when rebuilt from the JSON", f)
				}
			}
		})
	}
}

// TestPlanKeepsItsRules checks every persona's plan, for its recommended
// role and for CISO, against the plan's own rules: one level per goal,
// steps due 3 to 6 months from their start, actions within their step,
// the estimate no shorter than the longest experience requirement, and
// each timeline phase holding only its own dates.
func TestPlanKeepsItsRules(t *testing.T) {
	fx := planFixtures{}
	b := fx.bank(t)
	for _, name := range fx.personas(t) {
		f, err := storage.ReadAnswers(filepath.Join(fixturePersonaDir, name+".toml"), b)
		if err != nil {
			t.Fatal(err)
		}
		for _, role := range []string{"", "ciso"} {
			t.Run(name+"/"+role, func(t *testing.T) {
				p, err := assess.BuildPlan(b, f.Answers, assess.PlanOptions{Start: fixtureStart, Role: role})
				if err != nil {
					t.Fatal(err)
				}
				seniority := 0
				if r := b.Role(p.Position.ID); r != nil {
					seniority = r.Seniority
				}
				// No more goals in progress at any date than the plan says
				// (from a goal's start to its last step's due date).
				for _, at := range p.Goals {
					busy := 0
					for _, g := range p.Goals {
						steps := g.Steps()
						if !at.Start.Before(g.Start.Time) && at.Start.Before(steps[len(steps)-1].Due.Time) {
							busy++
						}
					}
					if busy > assess.ParallelGoals {
						t.Errorf("on %s, %d goals are in progress; the plan says up to %d", at.Start, busy, assess.ParallelGoals)
					}
				}
				for _, g := range p.Goals {
					if g.To != g.From+1 || g.To > g.Target {
						t.Errorf("goal %d asks for %d → %d (target %d)", g.N, g.From, g.To, g.Target)
					}
					steps := g.Steps()
					for i, st := range steps {
						lo, hi := st.Start.AddDate(0, assess.MonthsPerLevelLow, 0), st.Start.AddDate(0, assess.MonthsPerLevelHigh, 0)
						if !(i == 0 && g.Agreed) && (st.Due.Before(lo) || st.Due.After(hi)) {
							t.Errorf("goal %d step %d→%d: %s to %s is outside the pace", g.N, st.From, st.To, st.Start, st.Due)
						}
						if i > 0 && !st.Start.Equal(steps[i-1].Due.Time) {
							t.Errorf("goal %d step %d→%d does not start when the step before is due", g.N, st.From, st.To)
						}
					}
					if steps[len(steps)-1].To != g.Target {
						t.Errorf("goal %d: the steps stop short of the target", g.N)
					}
					for _, a := range g.Actions {
						var in *assess.GoalStep
						for i := range steps {
							if a.Step == fmt.Sprintf("%d→%d", steps[i].From, steps[i].To) {
								in = &steps[i]
							}
						}
						if in == nil || a.Start.Before(in.Start.Time) || a.Due.After(in.Due.Time) {
							t.Errorf("goal %d: action %s (%s, %s to %s) is not within its step", g.N, a.ID, a.Step, a.Start, a.Due)
						}
						if ba := bankAction(b, a.ID); ba != nil {
							lacks := false
							for fact, need := range ba.Requires {
								if p.Result.Facts[fact] < need {
									lacks = true
								}
							}
							if (ba.MinSeniority > seniority || lacks) != (a.Reach == assess.ReachContribute) || lacks != (len(a.Needs) > 0) {
								t.Errorf("goal %d: action %s needs seniority %d and %v, the position has %d, reach %q, needs %v", g.N, a.ID, ba.MinSeniority, ba.Requires, seniority, a.Reach, a.Needs)
							}
						}
					}
				}
				if p.Estimate.MinMonths < p.Role.BlockedMonths {
					t.Errorf("estimate %d months is shorter than the %d months of experience the role needs", p.Estimate.MinMonths, p.Role.BlockedMonths)
				}
				if len(p.Timeline) != 5 {
					t.Fatalf("%d phases", len(p.Timeline))
				}
				for i, ph := range p.Timeline {
					for _, it := range ph.Items {
						if it.Date.Before(ph.From.Time) || (i < 4 && it.Date.After(ph.To.Time)) {
							t.Errorf("phase %s (%s to %s) holds an item dated %s", ph.Name, ph.From, ph.To, it.Date)
						}
					}
				}
			})
		}
	}
}

func bankAction(b *assess.Bank, id string) *assess.Action {
	for i := range b.Actions {
		if b.Actions[i].ID == id {
			return &b.Actions[i]
		}
	}
	return nil
}
