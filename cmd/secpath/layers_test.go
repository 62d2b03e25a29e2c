package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/secpath/secpath"

// layers says what each of secpath's packages may import of secpath and
// of other modules (the standard library is always allowed): the domain
// at the bottom with nothing of the terminal or the disk, the faces at
// the top. README.md's architecture section says the same in words.
var layers = map[string]struct{ own, other []string }{
	"assess":                   {},
	"questions":                {own: []string{"assess", "questions/"}, other: []string{"github.com/BurntSushi/toml"}},
	"internal/questionnaire":   {own: []string{"assess"}},
	"internal/wording":         {own: []string{"assess"}, other: []string{"github.com/charmbracelet/x/ansi"}},
	"internal/safetext":        {},
	"internal/storage":         {own: []string{"assess", "questions/tomlpos", "internal/wording", "internal/safetext"}, other: []string{"github.com/BurntSushi/toml", "github.com/charmbracelet/x/ansi"}},
	"internal/export":          {own: []string{"assess", "internal/wording", "internal/safetext", "internal/storage"}, other: []string{"github.com/charmbracelet/x/ansi"}},
	"internal/accessible":      {own: []string{"assess", "internal/questionnaire", "internal/wording", "internal/safetext", "internal/storage"}, other: []string{"github.com/charmbracelet/x/ansi"}},
	"internal/tui":             {own: []string{"assess", "internal/questionnaire", "internal/wording", "internal/safetext", "internal/storage", "internal/export"}, other: []string{"charm.land/", "github.com/charmbracelet/"}},
	"internal/cli":             {own: []string{"assess", "questions", "internal/"}, other: []string{"github.com/spf13/", "charm.land/", "github.com/charmbracelet/"}},
	"internal/serve":           {own: []string{"assess", "internal/tui", "internal/export", "internal/safetext", "internal/storage", "questions"}, other: []string{"charm.land/", "github.com/charmbracelet/", "golang.org/x/crypto/ssh", "golang.org/x/time/rate"}},
	"cmd/secpath-serve":        {own: []string{"assess", "internal/serve", "questions"}, other: []string{"github.com/spf13/pflag"}},
	"cmd/secpath":              {own: []string{"internal/cli", "internal/perf/prewarm", "questions"}, other: []string{"github.com/charmbracelet/x/term"}},
	"internal/perf/prewarm":    {own: []string{"questions"}, other: []string{"github.com/charmbracelet/x/term", "github.com/mattn/go-runewidth"}},
	"internal/perf":            {},
	"internal/perf/minimal":    {other: []string{"charm.land/"}},
	"questions/internal/":      {own: []string{"assess"}},
	"questions/tomlpos":        {other: []string{"github.com/BurntSushi/toml"}},
	"questions/internal/golit": {},
}

// rule finds the layer of a package: its own entry, or the longest entry
// ending in "/" that it is under.
func rule(pkg string) (own, other []string, ok bool) {
	if l, found := layers[pkg]; found {
		return l.own, l.other, true
	}
	best := ""
	for p := range layers {
		if strings.HasSuffix(p, "/") && strings.HasPrefix(pkg, p) && len(p) > len(best) {
			best = p
		}
	}
	if best == "" {
		return nil, nil, false
	}
	return layers[best].own, layers[best].other, true
}

func allowed(imp string, prefixes []string) bool {
	for _, p := range prefixes {
		if imp == strings.TrimSuffix(p, "/") || (strings.HasSuffix(p, "/") && strings.HasPrefix(imp, p)) {
			return true
		}
	}
	return false
}

// TestLayers fails when a package imports what its layer does not allow,
// or when a package has no layer: a new package says where it stands.
func TestLayers(t *testing.T) {
	if testing.Short() {
		t.Skip("go list skipped with -short")
	}
	out, err := exec.Command("go", "list", "-json", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkg := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		own, other, ok := rule(pkg)
		if !ok {
			t.Errorf("package %s has no layer in layers_test.go", pkg)
			continue
		}
		seen++
		for _, imp := range p.Imports {
			switch {
			case strings.HasPrefix(imp, module+"/"):
				if rel := strings.TrimPrefix(imp, module+"/"); !allowed(rel, own) {
					t.Errorf("%s imports %s, which its layer does not allow", pkg, rel)
				}
			case strings.Contains(strings.SplitN(imp, "/", 2)[0], "."):
				if !allowed(imp, other) {
					t.Errorf("%s imports %s, which its layer does not allow", pkg, imp)
				}
			}
		}
	}
	if seen < 10 {
		t.Errorf("only %d packages checked", seen)
	}
}
