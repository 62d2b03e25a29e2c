package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/questions"
)

func miniBank(t testing.TB) *assess.Bank {
	t.Helper()
	b, _, err := questions.LoadDir("../../questions/testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const goodAnswers = `schema = 1
bank = "mini"
mode = "full"
target = "manager"

[profile]
name = "Ada"
current_role = "SOC lead"

[answers.years]
answer = 6

[answers.degree]
answer = true

[answers.certs]
answer = ["cert-a"]

[answers.risk-rate]
answer = 2
evidence = "Ran the register for \"payments\"."
confidence = "high"

[answers.crisis]
skipped = true

[answers.team]
answer = 12.5
`

func TestParseAnswers(t *testing.T) {
	b := miniBank(t)
	f, err := ParseAnswers("a.toml", []byte(goodAnswers), b)
	if err != nil {
		t.Fatal(err)
	}
	a := f.Answers
	if a.Target != "manager" || a.Profile.Name != "Ada" || a.Profile.CurrentRole != "SOC lead" || a.Mode != assess.Full {
		t.Errorf("header: %+v", a)
	}
	if got := a.Items["years"].Number; got == nil || *got != 6 {
		t.Errorf("years: %v", got)
	}
	if got := a.Items["risk-rate"]; got.Choice != 2 || got.Confidence != assess.ConfidenceHigh || got.Evidence != `Ran the register for "payments".` {
		t.Errorf("risk-rate: %+v", got)
	}
	if !a.Items["crisis"].Skipped || a.Items["crisis"].Given(assess.KindScenario) {
		t.Errorf("crisis: %+v", a.Items["crisis"])
	}
	if got := a.Items["certs"].Held; len(got) != 1 || got[0].ID != "cert-a" {
		t.Errorf("certs: %+v", got)
	}
}

// TestWriteRefusesWhatCannotBeRead: the writer checks answers with the
// same rules as the reader, so a file it writes always reads back.
func TestWriteRefusesWhatCannotBeRead(t *testing.T) {
	b := miniBank(t)
	big := 1e20
	for name, ans := range map[string]assess.Answer{
		"huge number":    {Number: &big},
		"option 9 of 4":  {Choice: 9},
		"unknown cert":   {Held: []assess.HeldCert{{ID: "nope"}}},
		"cert next year": {Held: []assess.HeldCert{{ID: "cert-a", Year: time.Now().Year() + 1}}},
	} {
		id := map[string]string{"huge number": "team", "option 9 of 4": "risk-rate", "unknown cert": "certs", "cert next year": "certs"}[name]
		a := assess.NewAnswers(b, assess.Full)
		a.Items[id] = ans
		var buf bytes.Buffer
		if err := WriteAnswers(&buf, b, &File{Answers: a}); err == nil || !strings.Contains(err.Error(), "answer to "+id) {
			t.Errorf("%s: written (%v)", name, err)
		}
	}
}

// TestParseAnswersErrors covers every way an answers file can be wrong;
// each error names the line.
func TestParseAnswersErrors(t *testing.T) {
	b := miniBank(t)
	cases := map[string]struct {
		text string
		line int
		want string
	}{
		"unknown question":     {"[answers.risk-rat]\nanswer = 1\n", 1, `unknown question "risk-rat" (did you mean "risk-rate"?)`},
		"option out of range":  {"[answers.risk-rate]\nanswer = 5\n", 2, `a rating question is answered with an option number from 1 to 4, not 5`},
		"option as text":       {"[answers.crisis]\nanswer = \"b\"\n", 2, `answered with an option number from 1 to 2, not the text "b"`},
		"number as text":       {"[answers.years]\nanswer = \"six\"\n", 2, `a number question is answered with a number, not the text "six"`},
		"number out of range":  {"[answers.years]\nanswer = 70\n", 2, "70 is outside the accepted range 0 to 50"},
		"yes/no as number":     {"\n[answers.degree]\nanswer = 1\n", 3, "answered with true or false, not 1"},
		"unknown cert":         {"[answers.certs]\nanswer = [\"cert-aa\"]\n", 2, `unknown certification "cert-aa" (did you mean "cert-a"?)`},
		"cert year":            {"[answers.certs]\nanswer = [{ id = \"cert-a\", year = 1066 }]\n", 2, `the year for "cert-a" must be a year from 1970`},
		"cert year next year":  {fmt.Sprintf("[answers.certs]\nanswer = [{ id = \"cert-a\", year = %d }]\n", time.Now().Year()+1), 2, fmt.Sprintf(`must be a year from 1970 to %d`, time.Now().Year())},
		"cert twice":           {"[answers.certs]\nanswer = [\"cert-a\", { id = \"cert-a\", year = 2020 }]\n", 2, `certification "cert-a" is listed twice`},
		"number with no max":   {"[answers.team]\nanswer = 1e20\n", 2, "1e+20 is outside the accepted range 0 to 1,000,000,000"},
		"negative, no min":     {"[answers.team]\nanswer = -4\n", 2, "-4 is outside the accepted range 0 to 1,000,000,000"},
		"inline then dotted":   {"[answers]\nyears = { answer = 4 }\nyears.confidence = \"high\"\n", 3, `"answers.years.confidence" adds to the inline table "answers.years" written on line 2`},
		"quoted date":          {"[mentor]\nname = \"M\"\nupdated = \"2026-11-30\"\n", 3, `wrong value for "mentor.updated": a date is written without quotes, as in updated = 2026-12-01`},
		"bad confidence":       {"[answers.years]\nanswer = 3\nconfidence = \"sure\"\n", 3, `confidence "sure" is not one of low, medium, high`},
		"skipped and answered": {"[answers.years]\nanswer = 3\nskipped = true\n", 3, "marked skipped but also has an answer"},
		"unknown key":          {"[answers.years]\nanswer = 3\nevidense = \"x\"\n", 3, `unknown key "answers.years.evidense"`},
		"other bank":           {"bank = \"secpath-default\"\n", 1, `this answers file is for the bank "secpath-default", but the bank in use is "mini"`},
		"other schema":         {"schema = 3\n", 1, "schema 3 is not supported"},
		"bad mode":             {"mode = \"long\"\n", 1, `mode "long" is not one of full, quick`},
		"unknown target":       {"target = \"manger\"\n", 1, `target "manger" is not a role in the bank (did you mean "manager"?)`},
		"syntax":               {"[answers.years]\nanswer = \n", 2, "TOML syntax"},
		"truncated table":      {"[answers.years\n", 1, "TOML syntax"},
		"wrong type for key":   {"[profile]\nname = 3\n", 2, `wrong type for "profile.name"`},
		"empty":                {"  \n", 0, "the file is empty"},
		"binary":               {"\x00\xff\xfe", 1, "not valid UTF-8"},
		"invalid UTF-8":        {"[profile]\nname = \"S\xe9bastien\"\n", 2, "not valid UTF-8"},
		"nested too deep":      {"[answers.certs]\nanswer = " + strings.Repeat("[", 100) + "\n", 2, "nested more than 32 deep"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ParseAnswers("a.toml", []byte(c.text), b)
			var inv *assess.InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("got %v, want an InvalidError", err)
			}
			d := inv.Diagnostics[0]
			if d.File != "a.toml" || d.Line != c.line || !strings.Contains(d.Message, c.want) {
				t.Errorf("got %s, want line %d saying %q", d.Error(), c.line, c.want)
			}
		})
	}
}

func TestReadAnswersFileErrors(t *testing.T) {
	b := miniBank(t)
	dir := t.TempDir()
	if _, err := ReadAnswers(filepath.Join(dir, "missing.toml"), b); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing: %v", err)
	}
	if _, err := ReadAnswers(dir, b); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("dir: %v", err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# padding line\n"), MaxAnswersSize/10), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadAnswers(big, b); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("big: %v", err)
	}
}

// TestRoundTrip writes answers and reads them back unchanged: the quiz's
// saves and the template go through exactly this path.
func TestRoundTrip(t *testing.T) {
	b := miniBank(t)
	f, err := ParseAnswers("a.toml", []byte(goodAnswers), b)
	if err != nil {
		t.Fatal(err)
	}
	f.Answers.BankVersion = b.Meta.Version
	f.Answers.Items["risk-rate"] = assess.Answer{Choice: 3, Evidence: "line one\nline \"two\"\t\\ end", Confidence: assess.ConfidenceLow}
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, b, f); err != nil {
		t.Fatal(err)
	}
	g, err := ParseAnswers("b.toml", buf.Bytes(), b)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if !reflect.DeepEqual(f.Answers, g.Answers) {
		t.Errorf("round trip changed the answers:\n%+v\n%+v", f.Answers, g.Answers)
	}
}

func TestTemplateScoresCleanly(t *testing.T) {
	b := miniBank(t)
	var buf bytes.Buffer
	if err := WriteAnswers(&buf, b, &File{Answers: assess.NewAnswers(b, assess.Full)}); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, want := range []string{"[answers.risk-rate]", "#   3 = Lots", "# answer = ", "#   a number, 0 to 50", "cert-a"} {
		if !strings.Contains(text, want) {
			t.Errorf("template lacks %q", want)
		}
	}
	f, err := ParseAnswers("t.toml", buf.Bytes(), b)
	if err != nil {
		t.Fatal(err)
	}
	res := assess.Score(b, f.Answers)
	if res.Answered != 0 || res.Roles[0].Readiness != 0 || len(res.Notes) == 0 {
		t.Errorf("blank template: answered %d readiness %v notes %v", res.Answered, res.Roles[0].Readiness, res.Notes)
	}
}

func FuzzParseAnswers(f *testing.F) {
	b := miniBank(f)
	f.Add(goodAnswers)
	f.Add("[answers.certs]\nanswer = [{ id = \"cert-a\", year = 2020 }, \"x\"]\n")
	f.Fuzz(func(t *testing.T, s string) {
		file, err := ParseAnswers("fuzz.toml", []byte(s), b)
		if err == nil {
			assess.Score(b, file.Answers)
			var buf bytes.Buffer
			if err := WriteAnswers(&buf, b, file); err != nil {
				t.Fatal(err)
			}
			if _, err := ParseAnswers("again.toml", buf.Bytes(), b); err != nil {
				t.Fatalf("a file that parsed does not survive a round trip: %v\n%s", err, buf.String())
			}
		}
	})
}
