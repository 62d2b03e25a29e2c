package questions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/secpath/secpath/assess"
)

func TestValidFixture(t *testing.T) {
	b, rep, err := LoadDir("testdata/valid")
	if err != nil {
		t.Fatalf("valid fixture: %v", err)
	}
	if len(rep.Warnings) > 0 {
		t.Errorf("valid fixture has warnings: %v", rep.Warnings)
	}
	if got := len(b.Questions); got != 8 {
		t.Errorf("questions: got %d, want 8", got)
	}
	// Positions are recorded for items and their keys.
	q := b.Question("crisis")
	if q.Src.File != "testdata/valid/questions.toml" || q.Src.Line != 67 {
		t.Errorf("crisis source: got %+v", q.Src)
	}
	if at := q.Src.At("measures.ops"); at.Line != 73 || at.Column != 24 {
		t.Errorf("crisis measures.ops: got %d:%d, want 65:24", at.Line, at.Column)
	}
	if at := b.Role("manager").Targets[1].Src; at.Line != 25 || at.Column != 3 {
		t.Errorf("second target: got %d:%d, want 25:3", at.Line, at.Column)
	}
}

// TestBrokenFixtures loads one fixture per error class and checks that the
// first error names the right file, line and column and says what is wrong.
func TestBrokenFixtures(t *testing.T) {
	cases := map[string]struct {
		file      string
		line, col int
		message   string
	}{
		"syntax":                        {"model.toml", 19, 26, "TOML syntax: strings cannot contain newlines"},
		"unknown_key":                   {"questions.toml", 73, 3, `unknown key "question.option.explaination" (did you mean "explanation"?)`},
		"wrong_type":                    {"model.toml", 18, 1, `wrong type for "role.seniority": found a string, expected an integer`},
		"duplicate_id":                  {"model.toml", 8, 1, `duplicate competency id "risk" (first defined at testdata/broken/duplicate_id/model.toml:1)`},
		"dangling_reference":            {"model.toml", 25, 5, `role "manager" names unknown competency "opps" (did you mean "ops"?)`},
		"level_out_of_range":            {"questions.toml", 41, 3, `question "risk-rate" option 3 level is 7: levels run from 0 to 5`},
		"nonpositive_weight":            {"model.toml", 24, 37, `role "manager": weight for "risk" is 0; weights must be greater than 0`},
		"role_without_targets":          {"model.toml", 14, 1, `role "manager" has no targets`},
		"unmeasured_competency":         {"model.toml", 14, 1, `competency "culture" is not measured by any question`},
		"measures_nothing":              {"questions.toml", 44, 1, `question "ops-rate" measures nothing`},
		"scenario_option_without_level": {"questions.toml", 70, 3, `question "crisis": option 2 has no level for "ops"`},
		"unknown_domain":                {"model.toml", 45, 1, `certification "cert-a": the rule names unknown domain "d9"`},
		"schema_version":                {"bank.toml", 1, 1, "schema 2 is not supported: this secpath reads schema 1"},
		"invalid_utf8":                  {"actions.toml", 18, 0, "not valid UTF-8"},
	}
	entries, err := os.ReadDir("testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(cases) {
		t.Errorf("testdata/broken has %d fixtures, the table %d", len(entries), len(cases))
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "broken", name)
			_, rep, err := LoadDir(dir)
			if err == nil {
				t.Fatal("loaded without error")
			}
			if len(rep.Errors) == 0 {
				t.Fatalf("no diagnostics; error %v", err)
			}
			var found *assess.Diagnostic
			for i, d := range rep.Errors {
				if strings.Contains(d.Message, want.message) {
					found = &rep.Errors[i]
					break
				}
			}
			if found == nil {
				t.Fatalf("no error says %q; got %v", want.message, rep.Errors)
			}
			if found.File != filepath.ToSlash(filepath.Join(dir, want.file)) || found.Line != want.line || found.Column != want.col {
				t.Errorf("position: got %s:%d:%d, want %s:%d:%d", found.File, found.Line, found.Column, want.file, want.line, want.col)
			}
		})
	}
}

func TestLoadEdges(t *testing.T) {
	cases := map[string]struct {
		fs   fstest.MapFS
		want string
	}{
		"no toml files":  {fstest.MapFS{"readme.md": {Data: []byte("hi")}}, "no .toml files found"},
		"empty file":     {fstest.MapFS{"bank.toml": {Data: nil}}, "bank.toml: the file is empty; a bank file holds at least one table"},
		"dir named toml": {fstest.MapFS{"bank.toml/role.toml": {Data: []byte("schema = 1\n")}}, "bank.toml: is a directory, not a bank file"},
		"binary":         {fstest.MapFS{"bank.toml": {Data: []byte{0x00, 0x01, 0xfe, 0xff}}}, "not valid UTF-8"},
		"array as table": {fstest.MapFS{"bank.toml": {Data: []byte("schema = 1\n[role]\nid = 1\n")}}, `wrong type`},
		"deep nesting":   {fstest.MapFS{"bank.toml": {Data: []byte("x = " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n")}}, "bank.toml:1:37: arrays and tables nested more than 32 deep"},
		"too many keys":  {fstest.MapFS{"bank.toml": {Data: []byte(strings.Repeat("[t]\n", MaxFileKeys+1))}}, "bank.toml:50001:1: more than 50000 keys and tables"},
		"duplicate key":  {fstest.MapFS{"bank.toml": {Data: []byte("schema = 1\nschema = 1\n")}}, "TOML syntax"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, rep, err := Load(c.fs, "x")
			if err == nil {
				t.Fatal("loaded without error")
			}
			msg := err.Error()
			for _, d := range rep.Errors {
				msg += "\n" + d.Error()
			}
			if !strings.Contains(msg, c.want) {
				t.Errorf("got %q, want it to mention %q", msg, c.want)
			}
		})
	}
}

func TestLoadDirErrors(t *testing.T) {
	if _, _, err := LoadDir("testdata/does-not-exist"); err == nil || !strings.Contains(err.Error(), "no such file or directory") {
		t.Errorf("missing dir: %v", err)
	}
	if _, _, err := LoadDir("testdata/valid/bank.toml"); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("file as dir: %v", err)
	}
}

func FuzzLoad(f *testing.F) {
	for _, name := range []string{"bank.toml", "model.toml", "questions.toml", "actions.toml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "valid", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	base := fstest.MapFS{}
	for _, name := range []string{"bank.toml", "model.toml", "questions.toml", "actions.toml"} {
		data, _ := os.ReadFile(filepath.Join("testdata", "valid", name))
		base[name] = &fstest.MapFile{Data: data}
	}
	f.Fuzz(func(t *testing.T, s string) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["questions.toml"] = &fstest.MapFile{Data: []byte(s)}
		b, rep, err := Load(fsys, "fuzz")
		if err == nil && b == nil {
			t.Fatal("nil bank without error")
		}
		if err != nil && len(rep.Errors) == 0 && !strings.Contains(err.Error(), "no .toml") {
			t.Fatalf("error without diagnostics: %v", err)
		}
	})
}
