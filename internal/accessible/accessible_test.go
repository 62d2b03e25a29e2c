package accessible

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// The mini bank asks, in the full mode: years (number 0-50, unit from the
// fact), degree (yes/no), certs (one certification, CA), risk-rate (rating,
// 3 options, quick), ops-rate (rating, 2 options, quick), crisis
// (scenario, 2 options), team (number, 0 or more), board (yes/no).
var fullOrder = []string{"years", "degree", "certs", "risk-rate", "ops-rate", "crisis", "team", "board"}

var fixedNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

const sessionID = "20260301-120000-abcd"

func miniBank(t *testing.T) *assess.Bank {
	t.Helper()
	b, _, err := questions.LoadDir("../../questions/testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newFile(b *assess.Bank) *storage.File {
	return &storage.File{
		Answers: assess.NewAnswers(b, assess.Full),
		Session: storage.Session{ID: sessionID, Started: fixedNow},
	}
}

// run is the outcome of one Run with everything the tests look at.
type run struct {
	res   Result
	err   error
	out   string
	saves int
	// saved is a copy of the answers as they were at the last save, so a
	// test can tell what actually reached the disk.
	saved map[string]assess.Answer
	file  *storage.File
}

func start(t *testing.T, b *assess.Bank, f *storage.File, isNew bool, input string) run {
	t.Helper()
	var out bytes.Buffer
	rn := run{file: f}
	res, err := Run(Options{
		Bank: b,
		File: f,
		Save: func(f *storage.File) error {
			rn.saves++
			rn.saved = map[string]assess.Answer{}
			for k, v := range f.Answers.Items {
				rn.saved[k] = v
			}
			return nil
		},
		In:  strings.NewReader(input),
		Out: &out,
		Now: func() time.Time { return fixedNow },
		New: isNew,
	})
	rn.res, rn.err, rn.out = res, err, out.String()
	checkOutput(t, rn.out)
	return rn
}

// checkOutput holds for every run: plain text a screen reader can read
// line by line, within 80 columns even where a prompt and the next output
// share a line because the input was piped.
func checkOutput(t *testing.T, out string) {
	t.Helper()
	if strings.ContainsRune(out, '\x1b') {
		t.Errorf("output contains an escape character")
	}
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("output line %d is %d columns: %q", i+1, n, line)
		}
	}
}

func fptr(v float64) *float64 { return &v }
func boolp(v bool) *bool      { return &v }

// resumeAt returns a file resumed with earlier answers at a position.
func resumeAt(b *assess.Bank, pos string, items map[string]assess.Answer) *storage.File {
	f := newFile(b)
	for k, v := range items {
		f.Answers.Items[k] = v
	}
	f.Session.Position = pos
	return f
}

func TestCompleteNewRun(t *testing.T) {
	tests := []struct {
		name                    string
		input                   string
		mode                    assess.Mode
		target, person, current string
		want                    map[string]assess.Answer
	}{
		{
			name: "full, every kind answered",
			// mode, target, name, current role: something else + title,
			// then the eight questions.
			input:  "2\n1\nAda\n2\nSOC lead\n\n8\n1\n1:2020\n3\n2\n2\n12.5\n2\n",
			mode:   assess.Full,
			target: "manager", person: "Ada", current: "SOC lead",
			want: map[string]assess.Answer{
				"years":     {Number: fptr(8)},
				"degree":    {Bool: boolp(true)},
				"certs":     {Held: []assess.HeldCert{{ID: "cert-a", Year: 2020}}},
				"risk-rate": {Choice: 3},
				"ops-rate":  {Choice: 2},
				"crisis":    {Choice: 2},
				"team":      {Number: fptr(12.5)},
				"board":     {Bool: boolp(false)},
			},
		},
		{
			name: "full by default, not sure of the target, no certifications",
			// Enter takes the full mode; the last line has no newline and
			// must still count.
			input:  "\n2\n\n1\n0\nyes\nnone\n1\n1\n1\n0\nno",
			mode:   assess.Full,
			target: "", person: "", current: "manager",
			want: map[string]assess.Answer{
				"years":     {Number: fptr(0)},
				"degree":    {Bool: boolp(true)},
				"certs":     {Held: []assess.HeldCert{}},
				"risk-rate": {Choice: 1},
				"ops-rate":  {Choice: 1},
				"crisis":    {Choice: 1},
				"team":      {Number: fptr(0)},
				"board":     {Bool: boolp(false)},
			},
		},
		{
			name:   "quick mode asks only the quick questions",
			input:  "1\n2\nBo\n2\nsecurity manager\n2\n1\n",
			mode:   assess.Quick,
			target: "", person: "Bo", current: "manager", // a typed title that is a role's becomes its id
			want: map[string]assess.Answer{
				"risk-rate": {Choice: 2},
				"ops-rate":  {Choice: 1},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := miniBank(t)
			r := start(t, b, newFile(b), true, tt.input)
			if r.err != nil || !r.res.Finished || r.res.Quit {
				t.Fatalf("Run = %+v, %v; want finished\n%s", r.res, r.err, r.out)
			}
			a := r.file.Answers
			if a.Mode != tt.mode || a.Target != tt.target || a.Profile.Name != tt.person || a.Profile.CurrentRole != tt.current {
				t.Errorf("set-up: mode %q target %q name %q role %q", a.Mode, a.Target, a.Profile.Name, a.Profile.CurrentRole)
			}
			if !reflect.DeepEqual(a.Items, tt.want) {
				t.Errorf("answers:\n got %s\nwant %s", dump(a.Items), dump(tt.want))
			}
			if !reflect.DeepEqual(r.saved, tt.want) {
				t.Errorf("last save held %s", dump(r.saved))
			}
			// One save after the set-up and one after every answer.
			if want := 1 + len(tt.want); r.saves != want {
				t.Errorf("Save called %d times, want %d", r.saves, want)
			}
			if n := len(tt.want); !strings.Contains(r.out, fmt.Sprintf("All %d questions done.", n)) {
				t.Errorf("no closing line in output:\n%s", r.out)
			}
			if r.file.Session.Position != "" || !r.file.Session.Updated.Equal(fixedNow) {
				t.Errorf("session: %+v", r.file.Session)
			}
			if !strings.Contains(r.out, "Everything stays on this machine.") {
				t.Errorf("no intro")
			}
		})
	}
}

func TestIntroAndQuestionLayout(t *testing.T) {
	b := miniBank(t)
	r := start(t, b, newFile(b), true, "2\n1\n\n1\n8\n1\n")
	for _, want := range []string{
		"Quick: about 5 minutes, 2 questions.",
		"Full: about 5 minutes, 8 questions.",
		"1. Security Manager\n2. Not sure: recommend one\n",
		"1. Security Manager\n2. Something else\n",
		"Question 1 of 8, Main.\nYears in security?\nEnter a number from 0 to 50 years.\n",
		"Question 2 of 8, Main.\nDegree?\n1. Yes  2. No\nYour answer (1-2): ",
		"Question 3 of 8, Main.\nCertifications held?\n1. CA: Certificate A (Body)\n",
		"Your answer (0 for none): ",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
}

func TestRatingHidesLevels(t *testing.T) {
	b := miniBank(t)
	r := start(t, b, resumeAt(b, "risk-rate", nil), false, "")
	if !strings.Contains(r.out, "1. None\n2. Some\n3. Lots\n4. Not part of my work\nYour answer (1-4): ") {
		t.Errorf("options not listed as expected:\n%s", r.out)
	}
	if strings.Contains(strings.ToLower(r.out), "level") {
		t.Errorf("output mentions levels:\n%s", r.out)
	}
}

func TestSkip(t *testing.T) {
	tests := []struct{ name, input string }{
		{"Enter", "\n"},
		{"s", "s\n"},
		{"S with spaces", "  S \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := miniBank(t)
			r := start(t, b, resumeAt(b, "years", nil), false, tt.input+"1\n")
			if got := r.file.Answers.Items["years"]; !got.Skipped || got.Number != nil {
				t.Errorf("years = %+v, want skipped", got)
			}
			if got := r.file.Answers.Items["degree"]; got.Bool == nil || !*got.Bool {
				t.Errorf("the next line did not answer the next question: %+v", got)
			}
			if !errors.Is(r.err, ErrAborted) || r.saves != 3 {
				t.Errorf("err %v, saves %d", r.err, r.saves)
			}
		})
	}
}

func TestRequiredQuestionRefusesSkip(t *testing.T) {
	orig := miniBank(t)
	b := *orig
	b.Questions = slices.Clone(orig.Questions)
	no := false
	b.Questions[0].Skippable = &no // years
	r := start(t, &b, resumeAt(&b, "", nil), false, "\ns\n7\n")
	if !strings.Contains(r.out, "This question is required.\n") {
		t.Errorf("required question not announced:\n%s", r.out)
	}
	if n := strings.Count(r.out, "so it cannot be skipped"); n != 2 {
		t.Errorf("skip refused %d times, want 2:\n%s", n, r.out)
	}
	if got := r.file.Answers.Items["years"]; got.Skipped || got.Number == nil || *got.Number != 7 {
		t.Errorf("years = %+v, want 7", got)
	}
	// The original bank is untouched and still lets the question be skipped.
	if !orig.Questions[0].IsSkippable() {
		t.Errorf("the test changed the loaded bank")
	}
}

func TestInvalidInputReprompts(t *testing.T) {
	tests := []struct {
		name    string
		pos     string
		input   string
		message string // printed for every bad line
		bad     int
		check   func(assess.Answer) bool
	}{
		// The hint once, then five of the six bad lines name the range;
		// the decimal comma gets its own message (checked below).
		{"number out of range and text", "years", "51\n-1\nabc\n1e3\nNaN\n2,5\n7.5\n",
			"from 0 to 50 years", 6,
			func(a assess.Answer) bool { return a.Number != nil && *a.Number == 7.5 }},
		// No max in the bank: the domain's MaxNumber bounds it.
		{"number without a maximum", "team", "-3\nmany\n1000000001\n1000\n",
			"from 0 to 1,000,000,000", 3,
			func(a assess.Answer) bool { return a.Number != nil && *a.Number == 1000 }},
		{"rating out of range", "risk-rate", "5\n0\nlots\n2\n",
			"Enter a number from 1 to 4.", 3,
			func(a assess.Answer) bool { return a.Choice == 2 }},
		{"scenario out of range", "crisis", "3\n1\n",
			"Enter a number from 1 to 2.", 1,
			func(a assess.Answer) bool { return a.Choice == 1 }},
		{"yes/no", "degree", "maybe\n3\nn\n",
			"Enter 1 for yes or 2 for no.", 2,
			func(a assess.Answer) bool { return a.Bool != nil && !*a.Bool }},
		{"unknown certification", "certs", "2\n1 5\n",
			"There is no certification", 2,
			func(a assess.Answer) bool { return len(a.Held) == 0 && a.Held != nil }},
		{"certification typos", "certs", "x\n1,1\n1:1800\n1:2099\n0 1\n1 : 2019\n",
			"", 5,
			func(a assess.Answer) bool {
				return reflect.DeepEqual(a.Held, []assess.HeldCert{{ID: "cert-a", Year: 2019}})
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := miniBank(t)
			// The last case has one more valid line for the quiz to show
			// the certification question again afterwards.
			if tt.name == "unknown certification" {
				tt.input += "0\n"
			}
			r := start(t, b, resumeAt(b, tt.pos, nil), false, tt.input)
			got := r.file.Answers.Items[tt.pos]
			if !tt.check(got) {
				t.Errorf("%s = %s", tt.pos, dump(map[string]assess.Answer{tt.pos: got}))
			}
			if tt.pos == "years" && !strings.Contains(r.out, "Use a full stop for decimals, such as 2.5") {
				t.Errorf("a decimal comma is not named:\n%s", r.out)
			}
			if tt.message != "" {
				if n := strings.Count(r.out, tt.message); n < tt.bad {
					t.Errorf("%q printed %d times, want %d:\n%s", tt.message, n, tt.bad, r.out)
				}
			}
			// The question is shown once; bad lines only re-prompt.
			if n := strings.Count(r.out, "Question "); n != 2 {
				t.Errorf("%d question headers, want 2 (this one and the next):\n%s", n, r.out)
			}
			// Each bad line costs a prompt, and no save.
			if r.saves != 2 {
				t.Errorf("Save called %d times, want 2 (the answer and the end of input)", r.saves)
			}
		})
	}
}

func TestBack(t *testing.T) {
	b := miniBank(t)
	// years 5, degree yes, b at certs, degree no, certs 1, then end.
	r := start(t, b, resumeAt(b, "", nil), false, "b\n5\nyes\nb\n2\n1\n")
	if !strings.Contains(r.out, "This is the first question") {
		t.Errorf("no note for b on the first question:\n%s", r.out)
	}
	if !strings.Contains(r.out, "Current answer: yes. Type k to keep it.") {
		t.Errorf("the earlier answer was not shown:\n%s", r.out)
	}
	items := r.file.Answers.Items
	if got := items["degree"]; got.Bool == nil || *got.Bool {
		t.Errorf("degree = %+v, want no after re-answering", got)
	}
	if got := items["certs"]; len(got.Held) != 1 {
		t.Errorf("certs = %+v", got)
	}
	if n := strings.Count(r.out, "Question 2 of 8"); n != 2 {
		t.Errorf("question 2 shown %d times, want 2", n)
	}
	if n := strings.Count(r.out, "Question 1 of 8"); n != 1 {
		t.Errorf("b on the first question showed it %d times, want 1", n)
	}
}

func TestKeepAnswer(t *testing.T) {
	b := miniBank(t)
	f := resumeAt(b, "risk-rate", map[string]assess.Answer{
		"risk-rate": {Choice: 3, Evidence: "Ran it.", Confidence: assess.ConfidenceLow},
	})
	r := start(t, b, f, false, "k\nk\n2\n")
	if !strings.Contains(r.out, "Current answer: 3, Lots. Type k to keep it.") ||
		!strings.Contains(r.out, "Your evidence: Ran it.") {
		t.Errorf("current answer not shown:\n%s", r.out)
	}
	if !strings.Contains(r.out, "There is no current answer to keep.") {
		t.Errorf("k accepted without a current answer:\n%s", r.out)
	}
	want := assess.Answer{Choice: 3, Evidence: "Ran it.", Confidence: assess.ConfidenceLow}
	if got := r.file.Answers.Items["risk-rate"]; !reflect.DeepEqual(got, want) {
		t.Errorf("risk-rate = %+v, want %+v", got, want)
	}
	if got := r.file.Answers.Items["ops-rate"]; got.Choice != 2 {
		t.Errorf("ops-rate = %+v", got)
	}
}

func TestEvidenceAndConfidence(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  assess.Answer
	}{
		{"note and high", "3+\nOwned the payments register for 2025.\n3\n",
			assess.Answer{Choice: 3, Evidence: "Owned the payments register for 2025.", Confidence: assess.ConfidenceHigh}},
		{"no note, low by name", "2 +\n\nlow\n",
			assess.Answer{Choice: 2, Confidence: assess.ConfidenceLow}},
		{"both left unset", "1+\n\n\n", assess.Answer{Choice: 1}},
		{"bad confidence re-prompted", "3+\nA note.\n5\nmedium\n",
			assess.Answer{Choice: 3, Evidence: "A note.", Confidence: assess.ConfidenceMedium}},
		{"re-answering without + keeps the note", "3+\nA note.\n1\nb\n2\n",
			assess.Answer{Choice: 2, Evidence: "A note.", Confidence: assess.ConfidenceLow}},
		{"re-answering with + changes the note", "3+\nA note.\n1\nb\n2+\nBetter.\n\n",
			assess.Answer{Choice: 2, Evidence: "Better.", Confidence: assess.ConfidenceLow}},
		{"- removes the note", "3+\nA note.\n1\nb\nk+\n-\n-\n",
			assess.Answer{Choice: 3}},
		{"b at the note returns to the question", "3+\nb\n1\n",
			assess.Answer{Choice: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := miniBank(t)
			r := start(t, b, resumeAt(b, "risk-rate", nil), false, tt.input)
			if got := r.file.Answers.Items["risk-rate"]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("risk-rate = %+v, want %+v\n%s", got, tt.want, r.out)
			}
			if got := r.saved["risk-rate"]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("saved risk-rate = %+v, want %+v", got, tt.want)
			}
			if !strings.Contains(r.out, "Evidence (what you did, where; Enter for none): ") {
				t.Errorf("evidence prompt missing:\n%s", r.out)
			}
		})
	}
}

func TestQuit(t *testing.T) {
	tests := []struct {
		name, input string
		isNew       bool
		position    string
		saves       int
	}{
		{"during the questions", "5\nq\n", false, "degree", 2},
		{"at the evidence prompt", "5+\nQ\n", false, "years", 1},
		// Left during set-up with nothing answered: nothing to keep, so
		// no empty session is written and none is said to be saved.
		{"during set-up", "2\nquit\n", true, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := miniBank(t)
			r := start(t, b, resumeAt(b, "", nil), tt.isNew, tt.input+"1\n")
			if r.err != nil || !r.res.Quit || r.res.Finished {
				t.Fatalf("Run = %+v, %v; want quit", r.res, r.err)
			}
			if tt.saves == 0 {
				if r.saves != 0 || !r.res.Unsaved || !strings.HasSuffix(r.out, "Nothing was answered, so nothing was saved.\n") || strings.Contains(r.out, "Saved.") {
					t.Errorf("saves %d, result %+v, output:\n%s", r.saves, r.res, r.out)
				}
				return
			}
			if r.saves != tt.saves {
				t.Errorf("Save called %d times, want %d", r.saves, tt.saves)
			}
			if !strings.HasSuffix(r.out, "Saved.\nResume with: secpath resume "+sessionID+"\n") {
				t.Errorf("output does not end with the resume line:\n%s", r.out)
			}
			if r.file.Session.Position != tt.position {
				t.Errorf("position %q, want %q", r.file.Session.Position, tt.position)
			}
			if !tt.isNew {
				if got := r.saved["years"]; got.Number == nil || *got.Number != 5 {
					t.Errorf("saved years = %+v", got)
				}
			}
		})
	}
}

func TestEndOfInput(t *testing.T) {
	tests := []struct {
		name, input string
		answered    []string
		position    string
	}{
		{"after a line with a newline", "5\n1\n", []string{"years", "degree"}, "certs"},
		{"last line without a newline is processed", "5\n1", []string{"years", "degree"}, "certs"},
		{"nothing typed", "", nil, "years"},
		{"inside set-up", "2\n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := miniBank(t)
			r := start(t, b, resumeAt(b, "", nil), tt.name == "inside set-up", tt.input)
			if tt.name == "inside set-up" {
				// The input ended before anything was answered: no empty
				// session, and no claim that one was saved.
				if !errors.Is(r.err, ErrAborted) || !r.res.Unsaved || r.saves != 0 || !strings.Contains(r.out, "Nothing was answered, so nothing was saved.") {
					t.Errorf("Run = %+v, %v, saves %d:\n%s", r.res, r.err, r.saves, r.out)
				}
				return
			}
			if !errors.Is(r.err, ErrAborted) || r.res != (Result{}) {
				t.Fatalf("Run = %+v, %v; want ErrAborted", r.res, r.err)
			}
			if r.saves == 0 {
				t.Fatalf("not saved")
			}
			var got []string
			for _, id := range fullOrder {
				if _, ok := r.saved[id]; ok {
					got = append(got, id)
				}
			}
			if !slices.Equal(got, tt.answered) {
				t.Errorf("saved answers %v, want %v", got, tt.answered)
			}
			if r.file.Session.Position != tt.position {
				t.Errorf("position %q, want %q", r.file.Session.Position, tt.position)
			}
			// The caller says once that the input ended, where the answers
			// are and how to resume (ErrAborted); the prompts say nothing
			// more, so none of it is read out twice.
			if strings.Contains(r.out, "input ended") || strings.Contains(r.out, "Resume with") || strings.Contains(r.out, "saved") {
				t.Errorf("the end of input is reported by the prompts too:\n%s", r.out)
			}
		})
	}
}

func TestResume(t *testing.T) {
	earlier := map[string]assess.Answer{
		"years":  {Number: fptr(4)},
		"degree": {Bool: boolp(true)},
		"certs":  {Skipped: true},
	}
	tests := []struct {
		name     string
		position string
		first    string // header of the first question shown
	}{
		{"at the saved position", "ops-rate", "Question 5 of 8"},
		{"at a position before the first open question", "degree", "Question 2 of 8"},
		{"at the first open question without a position", "", "Question 4 of 8"},
		{"at the first open question when the position is unknown", "gone", "Question 4 of 8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := miniBank(t)
			r := start(t, b, resumeAt(b, tt.position, earlier), false, "")
			i := strings.Index(r.out, "Question ")
			if i < 0 || !strings.HasPrefix(r.out[i:], tt.first+",") {
				t.Errorf("first question shown is not %q:\n%s", tt.first, r.out)
			}
			if !strings.Contains(r.out, "Welcome back. 3 of the 8 questions are answered or skipped.") {
				t.Errorf("no welcome back:\n%s", r.out)
			}
		})
	}
}

// TestResumeGoesBackToOpenQuestions: starting from the saved position
// past an open question, the run does not finish until that one is done.
func TestResumeGoesBackToOpenQuestions(t *testing.T) {
	b := miniBank(t)
	items := map[string]assess.Answer{}
	for _, id := range fullOrder[1:] {
		items[id] = assess.Answer{Skipped: true}
	}
	delete(items, "board")
	r := start(t, b, resumeAt(b, "board", items), false, "1\n9\n")
	if r.err != nil || !r.res.Finished {
		t.Fatalf("Run = %+v, %v\n%s", r.res, r.err, r.out)
	}
	if !strings.Contains(r.out, "1 of the 8 questions are still open; going back to question 1.") {
		t.Errorf("no note on open questions:\n%s", r.out)
	}
	if got := r.file.Answers.Items["years"]; got.Number == nil || *got.Number != 9 {
		t.Errorf("years = %+v", got)
	}
	if r.saves != 2 {
		t.Errorf("Save called %d times, want 2", r.saves)
	}
}

func TestFinishedSessionEndsAtOnce(t *testing.T) {
	b := miniBank(t)
	items := map[string]assess.Answer{}
	for _, id := range fullOrder {
		items[id] = assess.Answer{Skipped: true}
	}
	r := start(t, b, resumeAt(b, "", items), false, "")
	if r.err != nil || !r.res.Finished || strings.Contains(r.out, "Question ") {
		t.Errorf("Run = %+v, %v\n%s", r.res, r.err, r.out)
	}
}

func TestHelp(t *testing.T) {
	b := miniBank(t)
	r := start(t, b, resumeAt(b, "", nil), false, "?\nhelp\n5\n")
	// Once in the intro and once for each ?.
	if n := strings.Count(r.out, "b to go back one question."); n != 3 {
		t.Errorf("help printed %d times, want 3:\n%s", n, r.out)
	}
	if got := r.file.Answers.Items["years"]; got.Number == nil || *got.Number != 5 {
		t.Errorf("years = %+v", got)
	}
}

func TestSaveFailureIsReportedAndTheRunContinues(t *testing.T) {
	b := miniBank(t)
	f := resumeAt(b, "risk-rate", nil)
	f.Answers.Mode = assess.Quick
	var out bytes.Buffer
	calls := 0
	res, err := Run(Options{
		Bank: b, File: f, In: strings.NewReader("2\n1\n"), Out: &out,
		Save: func(*storage.File) error {
			calls++
			if calls == 2 {
				return errors.New("disk full")
			}
			return nil
		},
	})
	checkOutput(t, out.String())
	if err != nil || !res.Finished {
		t.Fatalf("Run = %+v, %v", res, err)
	}
	if !strings.Contains(out.String(), "Could not save your answers: disk full.") {
		t.Errorf("failure not reported:\n%s", out.String())
	}
	// The failed save after the last answer is retried before finishing.
	if calls != 3 {
		t.Errorf("Save called %d times, want 3", calls)
	}
	if f.Session.Updated.IsZero() {
		t.Errorf("Now defaulted to nothing: Updated is zero")
	}
}

// TestLongTextStaysWithin80Columns feeds the printer text that could break
// the layout: long options, a word longer than a line, control characters
// and a long evidence note read back.
func TestLongTextStaysWithin80Columns(t *testing.T) {
	orig := miniBank(t)
	b := *orig
	b.Questions = slices.Clone(orig.Questions)
	q := &b.Questions[3] // risk-rate
	q.Options = slices.Clone(q.Options)
	long := strings.Repeat("I have owned the register and reported it to the board every quarter. ", 4)
	q.Options[0].Text = long
	q.Options[1].Text = "See https://example.com/" + strings.Repeat("very-long-path-", 10)
	q.Help = "Help text with an \x1b[31mescape\x1b[0m sequence and " + long
	q.Text = strings.Repeat("Which comes closest? ", 8)
	f := resumeAt(&b, "risk-rate", map[string]assess.Answer{
		"risk-rate": {Choice: 1, Evidence: strings.Repeat("evidence ", 30) + "\x1b]0;title\x07"},
	})
	r := start(t, &b, f, false, "12345678901234567890\n2+\n"+strings.Repeat("x", 200)+"\x1b[2J\n2\n")
	if !strings.Contains(r.out, "1. I have owned") || !strings.Contains(r.out, "\n   have owned the register") {
		t.Errorf("option not wrapped with a hanging indent:\n%s", r.out)
	}
	if !strings.Contains(r.out, "Help: Help text with an [31mescape") {
		t.Errorf("help not shown:\n%s", r.out)
	}
	if got := r.file.Answers.Items["risk-rate"]; strings.ContainsRune(got.Evidence, '\x1b') || len(got.Evidence) != 203 {
		t.Errorf("evidence stored with control characters or cut: %q", got.Evidence)
	}
}

func TestLongInputLineIsBounded(t *testing.T) {
	b := miniBank(t)
	// A line far longer than bufio's buffer, read a byte at a time, must
	// neither hang nor swallow the next line.
	in := iotest.OneByteReader(strings.NewReader(strings.Repeat("9", maxLine+5000) + "\n5\n"))
	var out bytes.Buffer
	f := resumeAt(b, "", nil)
	_, err := Run(Options{Bank: b, File: f, In: in, Out: &out,
		Save: func(*storage.File) error { return nil }})
	if !errors.Is(err, ErrAborted) {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(out.String(), "That number is out of range: enter a number from 0 to 50 years.") {
		t.Errorf("the long line was not rejected:\n%s", out.String())
	}
	if got := f.Answers.Items["years"]; got.Number == nil || *got.Number != 5 {
		t.Errorf("years = %+v, want the line after the long one", got)
	}
	checkOutput(t, out.String())
}

func TestOptionsChecked(t *testing.T) {
	b := miniBank(t)
	ok := Options{Bank: b, File: newFile(b), In: strings.NewReader(""), Out: &bytes.Buffer{},
		Save: func(*storage.File) error { return nil }}
	for name, mutate := range map[string]func(*Options){
		"no bank":    func(o *Options) { o.Bank = nil },
		"no file":    func(o *Options) { o.File = nil },
		"no answers": func(o *Options) { o.File = &storage.File{} },
		"no save":    func(o *Options) { o.Save = nil },
		"no input":   func(o *Options) { o.In = nil },
		"bad mode":   func(o *Options) { o.File = newFile(b); o.File.Answers.Mode = "slow" },
	} {
		o := ok
		mutate(&o)
		if _, err := Run(o); err == nil || errors.Is(err, ErrAborted) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text        string
		first, rest int
		want        []string
	}{
		{"a b c", 3, 3, []string{"a b", "c"}},
		{"", 10, 10, []string{""}},
		{"abcdefgh", 3, 3, []string{"abc", "def", "gh"}},
		{"ab cdefgh", 4, 4, []string{"ab", "cdef", "gh"}},
		{"x\x1by", 10, 10, []string{"xy"}},
		{"é è ê", 3, 3, []string{"é è", "ê"}},
	}
	for _, tt := range tests {
		if got := wrap(tt.text, tt.first, tt.rest); !slices.Equal(got, tt.want) {
			t.Errorf("wrap(%q, %d, %d) = %q, want %q", tt.text, tt.first, tt.rest, got, tt.want)
		}
	}
}

// dump shows answers with their pointers followed, for failure messages.
func dump(m map[string]assess.Answer) string {
	var sb strings.Builder
	for _, id := range fullOrder {
		a, ok := m[id]
		if !ok {
			continue
		}
		fmt.Fprintf(&sb, "%s:{choice %d", id, a.Choice)
		if a.Number != nil {
			fmt.Fprintf(&sb, " number %g", *a.Number)
		}
		if a.Bool != nil {
			fmt.Fprintf(&sb, " bool %t", *a.Bool)
		}
		if a.Held != nil {
			fmt.Fprintf(&sb, " held %v", a.Held)
		}
		fmt.Fprintf(&sb, " skipped %t evidence %q confidence %q} ", a.Skipped, a.Evidence, a.Confidence)
	}
	return sb.String()
}

// TestFailedSaveIsNeverReportedSaved: on a full disk every save fails;
// the run says so, never that the answers are saved, and ends with
// ErrNotSaved for the command to exit non-zero.
func TestFailedSaveIsNeverReportedSaved(t *testing.T) {
	for name, input := range map[string]string{"quit": "5\nq\n", "end of input": "5\n"} {
		t.Run(name, func(t *testing.T) {
			b := miniBank(t)
			var out bytes.Buffer
			f := resumeAt(b, "", nil)
			_, err := Run(Options{Bank: b, File: f, In: strings.NewReader(input), Out: &out,
				Save: func(*storage.File) error { return errors.New("no space left on device") }})
			if !errors.Is(err, ErrNotSaved) {
				t.Errorf("err = %v, want ErrNotSaved", err)
			}
			if strings.Contains(out.String(), "Saved.") || strings.Contains(out.String(), "are saved") {
				t.Errorf("reported saved:\n%s", out.String())
			}
			if !strings.Contains(out.String(), "Could not save your answers: no space left on device") {
				t.Errorf("the failure is not said:\n%s", out.String())
			}
		})
	}
}

// A title in words is said back as the role it reads as, or as one
// secpath does not know, and another title can be typed before it is
// kept.
func TestTitleSaidBack(t *testing.T) {
	b := miniBank(t)
	input := "1\n2\nBo\n2\nHead of Cyber Defence\nSenior Security Manager, EMEA\n\n2\n1\n"
	r := start(t, b, newFile(b), true, input)
	if r.err != nil || !r.res.Finished {
		t.Fatalf("Run = %+v, %v\n%s", r.res, r.err, r.out)
	}
	if got := r.file.Answers.Profile.CurrentRole; got != "Senior Security Manager, EMEA" {
		t.Errorf("current role = %q", got)
	}
	flat := strings.Join(strings.Fields(r.out), " ")
	for _, want := range []string{
		`secpath does not recognise "Head of Cyber Defence" as one of its roles, so it will place you from your answers.`,
		`secpath reads "Senior Security Manager, EMEA" as Security Manager.`,
		"Press Enter to keep it, or type another title:",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
}
