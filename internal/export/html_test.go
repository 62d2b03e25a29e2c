package export_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
	"github.com/secpath/secpath/questions"
)

var htmlStart = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

var htmlPersonas = []string{"soc-lead", "privacy-counsel", "grc-lead", "it-manager", "new-analyst", "security-director"}

func htmlBank(t *testing.T) *assess.Bank {
	t.Helper()
	b, _, err := questions.Default()
	if err != nil {
		t.Fatalf("loading the embedded bank: %v", err)
	}
	return b
}

func htmlAnswers(t *testing.T, b *assess.Bank, persona string) *assess.Answers {
	t.Helper()
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", persona+".toml"), b)
	if err != nil {
		t.Fatal(err)
	}
	return f.Answers
}

func htmlPlan(t *testing.T, b *assess.Bank, a *assess.Answers, assumptions ...string) *assess.Plan {
	t.Helper()
	opts := assess.PlanOptions{Start: htmlStart}
	for _, s := range assumptions {
		as, err := assess.ParseAssumption(b, s)
		if err != nil {
			t.Fatal(err)
		}
		opts.Assumptions = append(opts.Assumptions, as)
	}
	p, err := assess.BuildPlan(b, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func htmlWrite(t *testing.T, b *assess.Bank, p *assess.Plan) string {
	t.Helper()
	var buf bytes.Buffer
	if err := export.WriteHTML(&buf, b, p); err != nil {
		t.Fatalf("WriteHTML: %v", err)
	}
	return buf.String()
}

// TestHTMLGolden pins the HTML of two personas.
// Regenerate with: go test ./internal/export -run TestHTMLGolden -update
func TestHTMLGolden(t *testing.T) {
	b := htmlBank(t)
	for _, persona := range []string{"soc-lead", "privacy-counsel"} {
		t.Run(persona, func(t *testing.T) {
			p := htmlPlan(t, b, htmlAnswers(t, b, persona))
			golden.RequireEqual(t, htmlWrite(t, b, p))
		})
	}
}

// node is an element of the parsed page.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	parent   *node
	text     strings.Builder // character data directly inside, in order
	all      strings.Builder // character data of the whole subtree
}

func (n *node) class(c string) bool { return strings.Contains(" "+n.attrs["class"]+" ", " "+c+" ") }

func (n *node) find(pred func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(x *node) {
		for _, c := range x.children {
			if pred(c) {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

func (n *node) named(name string) []*node {
	return n.find(func(x *node) bool { return x.name == name })
}

// parseHTML reads the page as XML, token by token, and fails the test if
// it is not well-formed: the page is written as polyglot markup, so every
// element is closed and the strict parser accepts it.
func parseHTML(t *testing.T, doc string) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	root := &node{name: "#document"}
	cur := root
	sawDoctype := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the page does not parse as XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.Directive:
			if strings.EqualFold(string(tk), "DOCTYPE html") {
				sawDoctype = true
			}
		case xml.StartElement:
			n := &node{name: tk.Name.Local, attrs: map[string]string{}, parent: cur}
			for _, a := range tk.Attr {
				name := a.Name.Local
				if a.Name.Space != "" {
					name = a.Name.Space + ":" + name
				}
				n.attrs[name] = a.Value
			}
			cur.children = append(cur.children, n)
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			cur.text.Write(tk)
			for x := cur; x != nil; x = x.parent {
				x.all.Write(tk)
			}
		}
	}
	if cur != root {
		t.Fatalf("element <%s> is not closed", cur.name)
	}
	if !sawDoctype {
		t.Error("no <!DOCTYPE html>")
	}
	if len(root.children) != 1 || root.children[0].name != "html" {
		t.Fatalf("the document element is not <html>")
	}
	return root
}

var urlRef = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]*)`)

// checkSelfContained fails on anything the page would fetch: scripts,
// stylesheets, fonts, images or frames from elsewhere.
func checkSelfContained(t *testing.T, root *node) {
	t.Helper()
	for _, n := range root.find(func(*node) bool { return true }) {
		switch n.name {
		case "script", "iframe", "object", "embed", "base":
			t.Errorf("the page has a <%s> element", n.name)
		case "link":
			t.Errorf("the page has a <link> element (rel=%q href=%q)", n.attrs["rel"], n.attrs["href"])
		}
		for k, v := range n.attrs {
			v = strings.TrimSpace(v)
			switch strings.ToLower(k) {
			case "src", "href", "xlink:href", "srcset", "action", "formaction", "poster", "data", "background":
				if strings.Contains(v, "://") || strings.HasPrefix(v, "//") {
					t.Errorf("<%s %s=%q> refers outside the page", n.name, k, v)
				}
			}
			if strings.HasPrefix(strings.ToLower(k), "on") {
				t.Errorf("<%s> has an event handler %s", n.name, k)
			}
			checkCSSRefs(t, "<"+n.name+" "+k+">", v)
		}
	}
	styles := root.named("style")
	if len(styles) != 1 {
		t.Fatalf("found %d <style> elements, want 1", len(styles))
	}
	css := styles[0].all.String()
	checkCSSRefs(t, "<style>", css)
	for _, bad := range []string{"@import", "@font-face"} {
		if strings.Contains(css, bad) {
			t.Errorf("the stylesheet uses %s", bad)
		}
	}
}

func checkCSSRefs(t *testing.T, where, css string) {
	t.Helper()
	for _, m := range urlRef.FindAllStringSubmatch(css, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("%s has url(%s): only references inside the page are allowed", where, m[1])
		}
	}
}

func TestHTMLStructure(t *testing.T) {
	b := htmlBank(t)
	for _, persona := range htmlPersonas {
		t.Run(persona, func(t *testing.T) {
			p := htmlPlan(t, b, htmlAnswers(t, b, persona))
			doc := htmlWrite(t, b, p)
			root := parseHTML(t, doc)
			checkSelfContained(t, root)
			html := root.children[0]

			if html.attrs["lang"] != "en" {
				t.Errorf(`<html lang=%q>, want "en"`, html.attrs["lang"])
			}
			if metas := root.find(func(n *node) bool { return n.name == "meta" && strings.EqualFold(n.attrs["charset"], "utf-8") }); len(metas) != 1 {
				t.Errorf("found %d <meta charset=utf-8>, want 1", len(metas))
			}
			var titles []*node
			for _, h := range html.named("head") {
				for _, c := range h.children {
					if c.name == "title" {
						titles = append(titles, c)
					}
				}
			}
			if len(titles) != 1 {
				t.Fatalf("found %d <title> in <head>, want 1", len(titles))
			}
			title := titles[0].all.String()
			if p.Name == "" || !strings.Contains(title, p.Name) || !strings.Contains(title, p.Role.Title) {
				t.Errorf("title %q does not name %q and %q", title, p.Name, p.Role.Title)
			}

			css := root.named("style")[0].all.String()
			for _, want := range []string{"@media print", "@page", "break-inside: avoid", "page-break-inside: avoid", "break-after: avoid"} {
				if !strings.Contains(css, want) {
					t.Errorf("the stylesheet has no %q", want)
				}
			}

			svgs := root.named("svg")
			if len(svgs) < 2 {
				t.Fatalf("found %d <svg>, want at least 2", len(svgs))
			}
			for _, s := range svgs {
				if s.attrs["role"] != "img" || s.attrs["aria-label"] == "" || len(s.named("title")) == 0 {
					t.Errorf("<svg class=%q> lacks role=img, aria-label or a <title>", s.attrs["class"])
				}
			}
			radars := root.find(func(n *node) bool { return n.name == "svg" && n.class("radar") })
			if len(radars) != 1 {
				t.Fatalf("found %d radar charts, want 1", len(radars))
			}
			polys := radars[0].named("polygon")
			if len(polys) != 2 {
				t.Fatalf("the radar has %d polygons, want 2 (you and target)", len(polys))
			}
			targets := len(b.Role(p.Role.ID).Targets)
			for _, pg := range polys {
				if n := len(strings.Fields(pg.attrs["points"])); n != targets {
					t.Errorf("radar polygon %q has %d points, want one for each of the %d targets", pg.attrs["class"], n, targets)
				}
			}
			if !polys[0].class("target") && !polys[1].class("target") || !polys[0].class("you") && !polys[1].class("you") {
				t.Errorf("the radar polygons are not one 'you' and one 'target': %q, %q", polys[0].attrs["class"], polys[1].attrs["class"])
			}
			if labels := radars[0].find(func(n *node) bool { return n.name == "text" && n.class("label") }); len(labels) != targets {
				t.Errorf("the radar has %d axis labels, want %d", len(labels), targets)
			}
			if !strings.Contains(radars[0].all.String(), "You") || !strings.Contains(radars[0].all.String(), "Target for "+p.Role.Title) {
				t.Error("the radar has no legend naming you and the target")
			}

			places := root.find(func(n *node) bool { return n.name == "svg" && n.class("placement") })
			if len(places) != 1 {
				t.Fatalf("found %d placement charts, want 1", len(places))
			}
			pl := places[0]
			plText := pl.all.String()
			for _, want := range []string{"Technical depth", "Strategic breadth"} {
				if !strings.Contains(plText, want) {
					t.Errorf("the placement chart has no axis title %q", want)
				}
			}
			if n := len(pl.find(func(n *node) bool { return n.name == "text" && n.class("label") })); n != len(p.Roles)+1 {
				t.Errorf("the placement chart has %d labels, want one for you and each of the %d roles", n, len(p.Roles))
			}
			plan := pl.find(func(n *node) bool { return n.name == "text" && n.class("label") && n.class("plan") })
			if len(plan) != 1 || !strings.Contains(p.Role.Title, strings.TrimSuffix(plan[0].text.String(), "…")) {
				t.Errorf("the planned role %q is not the one emphasised label", p.Role.Title)
			}
			if p.LongTerm.ID != "" && p.LongTerm.ID != p.Role.ID {
				long := pl.find(func(n *node) bool { return n.name == "text" && n.class("label") && n.class("long") })
				if len(long) != 1 || !strings.Contains(p.LongTerm.Title, strings.TrimSuffix(long[0].text.String(), "…")) {
					t.Errorf("the long-term role %q is not emphasised", p.LongTerm.Title)
				}
			}

			goals := root.find(func(n *node) bool { return n.name == "section" && n.class("goal") })
			if len(goals) != len(p.Goals) {
				t.Fatalf("found %d goal sections, want %d", len(goals), len(p.Goals))
			}
			for i, g := range p.Goals {
				text := goals[i].all.String()
				for _, want := range []string{g.Name, g.Statement, g.Measure, g.NextLevel, g.Due.String()} {
					if !strings.Contains(text, want) {
						t.Errorf("goal %d does not show %q", g.N, want)
					}
				}
				rows := goals[i].find(func(n *node) bool { return n.name == "tr" && n.parent.name == "tbody" })
				if len(rows) != len(g.Actions) {
					t.Errorf("goal %d has %d action rows, want %d", g.N, len(rows), len(g.Actions))
				}
			}

			for _, id := range []string{"where-you-stand", "goals", "timeline", "certifications", "check-ins", "time-to-readiness"} {
				if len(root.find(func(n *node) bool { return n.name == "section" && n.attrs["id"] == id })) != 1 {
					t.Errorf("no section %q", id)
				}
			}
			all := root.all.String()
			for _, c := range p.Certifications {
				if !strings.Contains(all, wording.CertMessage(c.CertStatus)) {
					t.Errorf("certification %s: its message is missing", c.Abbr)
				}
				// The rule's version is provenance, for --explain and
				// the JSON; people read plain sentences.
				if c.RuleVersion != "" && strings.Contains(all, c.RuleVersion) {
					t.Errorf("certification %s: the page shows the rule's version note %q", c.Abbr, c.RuleVersion)
				}
			}
			if strings.Contains(all, "(s)") {
				t.Errorf("the page writes a plural as %q", "(s)")
			}
			if checkins := root.find(func(n *node) bool {
				return n.name == "tr" && n.parent.name == "tbody" && n.parent.parent.class("checkins")
			}); len(checkins) != len(p.CheckIns) {
				t.Errorf("found %d check-in rows, want %d", len(checkins), len(p.CheckIns))
			}
			if len(root.find(func(n *node) bool { return n.class("whatif") })) != 0 {
				t.Error("a plan without assumptions shows the what-if banner")
			}
		})
	}
}

var svgNumber = regexp.MustCompile(`-?\d+(\.\d+)?`)

// TestHTMLDeterministic: the same plan gives the same bytes, and every
// chart coordinate has at most one decimal.
func TestHTMLDeterministic(t *testing.T) {
	b := htmlBank(t)
	a := htmlAnswers(t, b, "soc-lead")
	first := htmlWrite(t, b, htmlPlan(t, b, a))
	if second := htmlWrite(t, b, htmlPlan(t, b, a)); first != second {
		t.Fatal("two writes of the same plan differ")
	}
	root := parseHTML(t, first)
	checked := 0
	for _, svg := range root.named("svg") {
		for _, n := range append([]*node{svg}, svg.find(func(*node) bool { return true })...) {
			for _, k := range []string{"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d", "viewBox", "dy", "transform"} {
				v, ok := n.attrs[k]
				if !ok {
					continue
				}
				for _, num := range svgNumber.FindAllString(v, -1) {
					checked++
					if i := strings.IndexByte(num, '.'); i >= 0 && len(num)-i-1 > 1 {
						t.Errorf("<%s %s=%q>: %s has more than one decimal", n.name, k, v, num)
					}
				}
			}
		}
	}
	if checked < 200 {
		t.Errorf("checked only %d chart numbers", checked)
	}
}

// TestHTMLWhatIf: a plan built under an assumption says so in a banner.
func TestHTMLWhatIf(t *testing.T) {
	b := htmlBank(t)
	p := htmlPlan(t, b, htmlAnswers(t, b, "soc-lead"), "cert=cism")
	if len(p.Assumed) != 1 {
		t.Fatalf("the plan records %d assumptions, want 1", len(p.Assumed))
	}
	root := parseHTML(t, htmlWrite(t, b, p))
	banners := root.find(func(n *node) bool { return n.class("whatif") })
	if len(banners) != 1 {
		t.Fatalf("found %d what-if banners, want 1", len(banners))
	}
	text := strings.Join(strings.Fields(banners[0].all.String()), " ")
	for _, want := range []string{"What-if.", "This plan assumes: " + p.Assumed[0], "Your answers say otherwise"} {
		if !strings.Contains(text, want) {
			t.Errorf("the banner %q does not say %q", text, want)
		}
	}
	if !strings.Contains(p.Assumed[0], "CISM") {
		t.Errorf("assumption text %q does not name CISM", p.Assumed[0])
	}
}

// TestHTMLEscapesPersonText: a name full of markup stays text.
func TestHTMLEscapesPersonText(t *testing.T) {
	b := htmlBank(t)
	a := *htmlAnswers(t, b, "soc-lead")
	const name = `<script>alert(1)</script> & "x"`
	a.Profile.Name = name
	a.Profile.CurrentRole = `</td><img src="https://example.com/x.png">`
	p := htmlPlan(t, b, &a)
	doc := htmlWrite(t, b, p)
	if strings.Contains(doc, "<script") || strings.Contains(doc, "<img") {
		t.Fatal("the person's text reached the page as markup")
	}
	root := parseHTML(t, doc)
	checkSelfContained(t, root)
	if n := len(root.named("script")); n != 0 {
		t.Fatalf("found %d <script> elements", n)
	}
	h1 := root.named("h1")
	if len(h1) != 1 || !strings.Contains(h1[0].all.String(), name) {
		t.Errorf("the heading does not show the name as text: %v", h1)
	}
	if title := root.named("title")[0].all.String(); !strings.Contains(title, name) {
		t.Errorf("the title %q does not show the name as text", title)
	}
	if !strings.Contains(root.all.String(), a.Profile.CurrentRole) {
		t.Error("the current role is not shown as text")
	}
}

// TestHTMLWithoutResult: the page reads the plan alone, so a plan without
// its scored result still draws the charts; a plan without levels or roles
// writes without them.
func TestHTMLWithoutResult(t *testing.T) {
	b := htmlBank(t)
	p := htmlPlan(t, b, htmlAnswers(t, b, "soc-lead"))
	want := htmlWrite(t, b, p)
	p.Result = nil
	if got := htmlWrite(t, nil, p); got != want {
		t.Error("the page changed without the scored result or the bank")
	}
	p.Levels, p.Roles = nil, nil
	root := parseHTML(t, htmlWrite(t, b, p))
	if n := len(root.named("svg")); n != 0 {
		t.Errorf("found %d charts without levels or roles, want 0", n)
	}
	if n := len(root.find(func(n *node) bool { return n.name == "section" && n.class("goal") })); n != len(p.Goals) {
		t.Errorf("found %d goals, want %d", n, len(p.Goals))
	}
	if err := export.WriteHTML(io.Discard, b, nil); err == nil {
		t.Error("writing a nil plan did not fail")
	}
}

// TestHTMLRebuildsFromJSON exports plans to JSON, decodes them and draws
// the page from the decoded plan alone, with no bank and no scored result:
// it must be the page drawn from the plan in memory, byte for byte. The
// plans cover every persona, a what-if, a role the person is blocked for
// and an assessment a mentor reviewed. The JSON written again from the
// decoded plan is the same JSON, and writing it leaves the plan's own
// text fields empty: the domain's plan stays data.
func TestHTMLRebuildsFromJSON(t *testing.T) {
	b := htmlBank(t)
	type plan struct {
		name string
		p    *assess.Plan
	}
	var plans []plan
	for _, name := range htmlPersonas {
		plans = append(plans, plan{name, htmlPlan(t, b, htmlAnswers(t, b, name))})
	}
	plans = append(plans, plan{"soc-lead what-if", htmlPlan(t, b, htmlAnswers(t, b, "soc-lead"), "cert=cism", "risk-management=4")})
	ciso, err := assess.BuildPlan(b, htmlAnswers(t, b, "new-analyst"), assess.PlanOptions{Start: htmlStart, Role: "ciso"})
	if err != nil {
		t.Fatal(err)
	}
	plans = append(plans, plan{"new-analyst for ciso", ciso})
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "reviewed", "soc-lead-reviewed.toml"), b)
	if err != nil {
		t.Fatal(err)
	}
	reviewed, err := assess.BuildPlan(b, f.Answers, assess.PlanOptions{Start: htmlStart})
	if err != nil {
		t.Fatal(err)
	}
	plans = append(plans, plan{"soc-lead reviewed", reviewed})
	for _, c := range plans {
		t.Run(c.name, func(t *testing.T) {
			var js bytes.Buffer
			if err := export.WriteJSON(&js, c.p); err != nil {
				t.Fatal(err)
			}
			if len(c.p.Goals) > 0 && c.p.Goals[0].Statement != "" || len(c.p.CheckIns) > 0 && len(c.p.CheckIns[0].Review) > 0 || c.p.Timeline[0].Name != "" {
				t.Error("writing the JSON wrote words into the plan itself")
			}
			var back assess.Plan
			if err := json.Unmarshal(js.Bytes(), &back); err != nil {
				t.Fatal(err)
			}
			if back.Result != nil || len(back.Levels) == 0 || len(back.Roles) == 0 || back.Role.ID != c.p.Role.ID {
				t.Fatalf("decoded plan: result %v, %d levels, %d roles, role %q", back.Result, len(back.Levels), len(back.Roles), back.Role.ID)
			}
			want, got := htmlWrite(t, b, c.p), htmlWrite(t, nil, &back)
			if got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Fatalf("the page from the JSON differs at byte %d:\n from JSON: %q\n in memory: %q", i, excerpt(got, i), excerpt(want, i))
			}
			var again bytes.Buffer
			if err := export.WriteJSON(&again, &back); err != nil {
				t.Fatal(err)
			}
			if again.String() != js.String() {
				t.Error("the JSON written from the decoded plan differs from the JSON it was read from")
			}
		})
	}
}

// excerpt is up to 60 bytes of s from i, for a failure message.
func excerpt(s string, i int) string { return s[i:min(len(s), i+60)] }
