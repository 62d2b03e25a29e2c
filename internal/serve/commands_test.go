package serve

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/export"
	"github.com/secpath/secpath/internal/storage"
)

var pinned = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// seedFinished puts a persona's finished answers in a key's directory as
// a saved session, and returns it.
func seedFinished(t testing.TB, data string, key gossh.Signer, persona string) *storage.File {
	t.Helper()
	f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", persona+".toml"), testBank())
	if err != nil {
		t.Fatal(err)
	}
	f.Session.ID = storage.NewSessionID(pinned)
	f.Session.Started, f.Session.Updated = pinned, pinned
	dir, err := personDir(data, keyPerson(key.PublicKey()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&storage.FileStore{Dir: dir}).Save(testBank(), f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestPlanOverSSH: `plan --format F` without a terminal writes the
// participant's own plan, byte for byte the export of their answers, in
// every format; score and sessions describe the same session.
func TestPlanOverSSH(t *testing.T) {
	srv := startServer(t, Config{Now: func() time.Time { return pinned }})
	key := newKey(t)
	f := seedFinished(t, srv.data, key, "soc-lead")
	c := dialKey(t, srv.addr, key)
	b := testBank()
	plan, err := assess.BuildPlan(b, f.Answers, assess.PlanOptions{Start: pinned})
	if err != nil {
		t.Fatal(err)
	}
	for _, ft := range []export.Format{export.Markdown, export.HTML, export.JSON, export.CSV} {
		var want bytes.Buffer
		if err := export.Write(&want, ft, b, plan); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runCommand(t, c, "plan --format "+string(ft))
		if code != 0 || out != want.String() {
			t.Errorf("plan --format %s: exit %d, %q; output differs from the export (%d bytes, want %d):\n%.300s", ft, code, errOut, len(out), want.Len(), out)
		}
	}
	out, _, code := runCommand(t, c, "score --json")
	var res struct {
		Answered int `json:"answered"`
		Roles    []struct {
			ID string `json:"id"`
		} `json:"roles"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatalf("score --json: exit %d, %v:\n%.300s", code, err, out)
	}
	if want := assess.Score(b, f.Answers); res.Answered != want.Answered || len(res.Roles) != len(want.Roles) {
		t.Errorf("score --json: %d answered, %d roles; want %d, %d", res.Answered, len(res.Roles), want.Answered, len(want.Roles))
	}
	out, _, _ = runCommand(t, c, "sessions")
	if !strings.Contains(out, f.Session.ID) || !strings.Contains(out, "done") {
		t.Errorf("sessions does not list the finished session %s:\n%s", f.Session.ID, out)
	}
	out, _, code = runCommand(t, c, "plan --format pdf")
	if code != 2 {
		t.Errorf("plan --format pdf: exit %d, want 2 (%s)", code, out)
	}
}

// TestOthersRefused: commands beyond the participant's own data are
// refused by name, and options that would write a file do not exist.
func TestOthersRefused(t *testing.T) {
	srv := startServer(t, Config{})
	key := newKey(t)
	seedFinished(t, srv.data, key, "soc-lead")
	c := dialKey(t, srv.addr, key)
	for _, cmd := range []string{"review /etc/passwd", "validate /", "rm -rf /", "cohort --format csv"} {
		out, errOut, code := runCommand(t, c, cmd)
		if code == 0 {
			t.Errorf("%q ran: exit %d, %q", cmd, code, out)
		}
		name := strings.Fields(cmd)[0]
		if name != "cohort" && !strings.Contains(out+errOut, "Command is not allowed: "+name) {
			t.Errorf("%q not refused by name: %q %q", cmd, out, errOut)
		}
	}
	if _, errOut, code := runCommand(t, c, "plan -o /tmp/plan.md"); code != 2 {
		t.Errorf("plan -o: exit %d (%s), want a usage error", code, errOut)
	}
	if _, err := os.Stat("/tmp/plan.md"); err == nil {
		t.Errorf("plan -o wrote a file on the server")
	}
}

// TestSecondKeyCannotSee: another key has sessions of its own only; the
// first key's session id gets it nothing.
func TestSecondKeyCannotSee(t *testing.T) {
	srv := startServer(t, Config{})
	first, second := newKey(t), newKey(t)
	f := seedFinished(t, srv.data, first, "soc-lead")
	c := dialKey(t, srv.addr, second)
	out, _, code := runCommand(t, c, "sessions")
	if code != 0 || strings.Contains(out, f.Session.ID) || !strings.Contains(out, "No saved sessions yet") {
		t.Errorf("sessions of the second key: exit %d\n%s", code, out)
	}
	firstDir := keyPerson(first.PublicKey()).ID
	for _, cmd := range []string{"plan", "plan " + f.Session.ID, "score --json " + f.Session.ID, "plan " + f.Session.ID[:6],
		"plan ../" + firstDir + "/" + f.Session.ID, "score ../" + firstDir + "/" + f.Session.ID + ".toml"} {
		out, errOut, code := runCommand(t, c, cmd)
		if code != 1 || out != "" {
			t.Errorf("%q for the second key: exit %d, %q %q", cmd, code, out, errOut)
		}
	}
	// With a terminal, the second key starts afresh.
	tm := openTerm(t, c, 80, 24)
	tm.waitFor("Start the assessment")
}

// TestMissingKeysFile: a keys file that cannot be read stops the server
// at the start rather than refusing every key.
func TestMissingKeysFile(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	_, err := New(Config{Data: data, HostKey: filepath.Join(data, "key"), Bank: testBank(), AuthorizedKeys: filepath.Join(data, "none")})
	if err == nil || !strings.Contains(err.Error(), "none") {
		t.Errorf("New with a missing authorized keys file: %v", err)
	}
}

// TestUnknownKeyRefused: with --authorized-keys, a key not in the file is
// refused; added to the file while the server runs, it gets in.
func TestUnknownKeyRefused(t *testing.T) {
	dir := t.TempDir()
	keys := filepath.Join(dir, "authorized_keys")
	known, unknown := newKey(t), newKey(t)
	writeFile(t, keys, "# the room\n"+authorizedLine(known))
	srv := startServer(t, Config{AuthorizedKeys: keys})
	if c, err := dial(srv.addr, gossh.PublicKeys(unknown)); err == nil {
		_ = c.Close()
		t.Fatal("an unknown key got in")
	}
	if !strings.Contains(srv.logs.String(), "key refused") {
		t.Errorf("the refusal is not logged:\n%s", srv.logs.String())
	}
	c := dialKey(t, srv.addr, known)
	if out, _, code := runCommand(t, c, "sessions"); code != 0 {
		t.Errorf("the known key: exit %d %s", code, out)
	}
	writeFile(t, keys, authorizedLine(known)+authorizedLine(unknown))
	c = dialKey(t, srv.addr, unknown)
	if _, _, code := runCommand(t, c, "sessions"); code != 0 {
		t.Errorf("a key added to the file: exit %d", code)
	}
}
