package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// runIn runs secpath with text on stdin (not a terminal, so the accessible
// prompts are used) and sessions kept under state.
func runIn(t *testing.T, state, input string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if k == "XDG_STATE_HOME" {
			return state
		}
		return ""
	}}
	code := Run(context.Background(), args, env)
	return out.String(), errb.String(), code
}

func TestAccessibleWholeRun(t *testing.T) {
	state := t.TempDir()
	// Set-up: full mode, target the only role, a name, current role; then
	// every question of the small bank in order.
	input := strings.Join([]string{"2", "1", "Ada", "1", "6", "1", "1:2020", "3", "2", "2", "10", "1"}, "\n") + "\n"
	out, stderr, code := runIn(t, state, input, "--questions", miniBank)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, out)
	}
	for _, want := range []string{"Question 1 of 8", "All 8 questions done.", "Roles, in the order to read them", "readiness", "fit", "Judgement:", "Security Manager", "Your answers are saved in"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("escape codes in accessible output")
	}
	b, _, err := questions.LoadDir(miniBank)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(state, "secpath", "sessions")
	list, err := (&storage.FileStore{Dir: dir}).List(b)
	if err != nil || len(list) != 1 || !list[0].Finished() || list[0].Name != "Ada" {
		t.Fatalf("sessions: %+v %v", list, err)
	}
	if st, _ := os.Stat(list[0].Path); st.Mode().Perm() != 0o600 {
		t.Errorf("session mode %v", st.Mode())
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("sessions dir mode %v", st.Mode())
	}
	// sessions lists it; resume of a finished session goes straight to the end.
	out, _, code = runIn(t, state, "", "--questions", miniBank, "sessions")
	if code != 0 || !strings.Contains(out, list[0].ID) || !strings.Contains(out, "finished") {
		t.Errorf("sessions: %d\n%s", code, out)
	}
}

func TestAccessibleQuitAndResume(t *testing.T) {
	state := t.TempDir()
	out, _, code := runIn(t, state, "2\n1\n\n1\n6\nq\n", "--questions", miniBank)
	if code != 0 || !strings.Contains(out, "Resume with: secpath resume ") {
		t.Fatalf("quit: exit %d\n%s", code, out)
	}
	id := out[strings.LastIndex(out, "secpath resume ")+len("secpath resume "):]
	id = strings.Fields(id)[0]
	// Resume with a prefix of the id; input ends straight away: exit 130,
	// and the answer given before is still there.
	out, stderr, code := runIn(t, state, "", "--questions", miniBank, "resume", id[:15])
	if code != ExitAborted {
		t.Errorf("end of input: exit %d, want %d\n%s%s", code, ExitAborted, out, stderr)
	}
	if !strings.Contains(out, "Question 2 of 8") {
		t.Errorf("resume did not continue at question 2:\n%s", out)
	}
	_, stderr, code = runIn(t, state, "", "--questions", miniBank, "resume", "20990101-000000-0000")
	if code != 1 || !strings.Contains(stderr, "no such session") {
		t.Errorf("unknown session: %d %s", code, stderr)
	}
}
