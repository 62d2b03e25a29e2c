package export

import "testing"

// Every format in the table parses by its own name, its extension and
// its aliases, and has a menu name; anything else is refused with the
// list of names.
func TestFormatTable(t *testing.T) {
	cases := map[string]Format{
		"md": Markdown, "markdown": Markdown, ".MD": Markdown,
		"html": HTML, "htm": HTML, "json": JSON, ".csv": CSV,
	}
	for in, want := range cases {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || err.Error() != `unknown format "pdf": use md, html, json or csv` {
		t.Errorf("ParseFormat(pdf) error = %v", err)
	}
	names := map[Format]string{Markdown: "Markdown", HTML: "HTML", JSON: "JSON", CSV: "CSV"}
	if got := Formats(); len(got) != len(names) {
		t.Fatalf("Formats() = %v", got)
	}
	for _, f := range Formats() {
		if f.Name() != names[f] {
			t.Errorf("%s.Name() = %q, want %q", f, f.Name(), names[f])
		}
		if f.Extension() != "."+string(f) {
			t.Errorf("%s.Extension() = %q", f, f.Extension())
		}
	}
	if err := Write(nil, "pdf", nil, nil); err == nil {
		t.Error("Write accepted an unknown format")
	}
}

// Menus and sentences read the format's names from the table, and a
// file name's extension finds its format through them.
func TestFormatNames(t *testing.T) {
	if got := HTML.Label(); got != "HTML page (prints to PDF)" {
		t.Errorf("HTML.Label() = %q", got)
	}
	if got := HTML.InSentence(); got != "an HTML page" {
		t.Errorf("HTML.InSentence() = %q", got)
	}
	if got := Markdown.Extensions(); len(got) != 2 || got[0] != ".md" || got[1] != ".markdown" {
		t.Errorf("Markdown.Extensions() = %q", got)
	}
	if got := Format("pdf").Extensions(); got != nil {
		t.Errorf("unknown format's extensions = %q", got)
	}
}
