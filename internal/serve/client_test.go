package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/questions"
)

// testBank is the embedded bank, loaded once.
var testBank = sync.OnceValue(func() *assess.Bank {
	b, _, err := questions.Default()
	if err != nil {
		panic(err)
	}
	return b
})

// testServer is a server on 127.0.0.1:0 with its data in a temporary
// directory; cfg's Data, HostKey and Bank are filled in when empty.
type testServer struct {
	*Server
	addr string
	data string
	logs *syncBuffer
}

func startServer(t *testing.T, cfg Config) *testServer {
	t.Helper()
	if cfg.Data == "" {
		cfg.Data = filepath.Join(t.TempDir(), "data")
	}
	if cfg.HostKey == "" {
		cfg.HostKey = filepath.Join(cfg.Data, "host_ed25519")
	}
	if cfg.Bank == nil {
		cfg.Bank = testBank()
	}
	logs := &syncBuffer{}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(logs, nil))
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.ssh.Close() })
	return &testServer{Server: srv, addr: ln.Addr().String(), data: cfg.Data, logs: logs}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newKey makes a client key.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorizedLine(s gossh.Signer) string {
	return string(gossh.MarshalAuthorizedKey(s.PublicKey()))
}

func dial(addr string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "participant",
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a fresh test host key
		Timeout:         10 * time.Second,
	})
}

func dialKey(t testing.TB, addr string, key gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := dial(addr, gossh.PublicKeys(key))
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// runCommand runs a command without a terminal and returns its output,
// its errors and its exit status.
func runCommand(t testing.TB, c *gossh.Client, cmd string) (stdout, stderr string, code int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errb
	err = sess.Run(cmd)
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitStatus()
	case err != nil:
		t.Fatalf("run %q: %v", cmd, err)
	}
	return out.String(), errb.String(), code
}

// term is a terminal on an SSH session: a PTY request, key presses in,
// the screen kept by a terminal emulator.
type term struct {
	t     testing.TB
	sess  *gossh.Session
	in    io.WriteCloser
	emu   *vt.SafeEmulator
	mu    sync.Mutex
	raw   bytes.Buffer
	ended chan struct{}
	// frames has the time of each output write the reader has not taken,
	// for the latency benchmark.
	frames chan time.Time
}

func openTerm(t testing.TB, c *gossh.Client, w, h int) *term {
	t.Helper()
	tm, err := openTermE(c, w, h)
	if err != nil {
		t.Fatal(err)
	}
	tm.t = t
	t.Cleanup(func() { _ = tm.sess.Close() })
	return tm
}

// openTermE opens a terminal without a test to fail, for the load
// benchmark's goroutines; the caller closes tm.sess.
func openTermE(c *gossh.Client, w, h int) (*term, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	tm := &term{sess: sess, emu: vt.NewSafeEmulator(w, h), ended: make(chan struct{}), frames: make(chan time.Time, 256)}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	if tm.in, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	errOut, err := sess.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	copyOut := func(r io.Reader) {
		buf := make([]byte, 32*1024)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				tm.mu.Lock()
				tm.raw.Write(buf[:n])
				tm.mu.Unlock()
				_, _ = tm.emu.Write(buf[:n])
				select {
				case tm.frames <- time.Now():
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}
	go func() { copyOut(out); close(tm.ended) }()
	go copyOut(errOut)
	// The emulator answers the program's queries (the background colour)
	// as a terminal does.
	go func() {
		buf := make([]byte, 1024)
		for {
			n, err := tm.emu.Read(buf)
			if n > 0 {
				if _, err := tm.in.Write(buf[:n]); err != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return tm, nil
}

// keyBytes are the bytes a terminal sends for a key name.
var keyBytes = map[string]string{"Enter": "\r", "Down": "\x1b[B", "Up": "\x1b[A", "Right": "\x1b[C", "Left": "\x1b[D", "Space": " ", "Esc": "\x1b", "C-c": "\x03", "Tab": "\t"}

func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		b, ok := keyBytes[k]
		if !ok {
			b = k
		}
		if _, err := io.WriteString(tm.in, b); err != nil {
			tm.t.Fatalf("key %q: %v", k, err)
		}
		time.Sleep(15 * time.Millisecond)
	}
}

func (tm *term) screen() string { return ansi.Strip(tm.emu.Render()) }

func (tm *term) output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.raw.String()
}

// waitFor polls the screen until it shows text, failing after 15 seconds.
func (tm *term) waitFor(text string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", text, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitEnd waits for the session to end and returns all it wrote.
func (tm *term) waitEnd() string {
	tm.t.Helper()
	select {
	case <-tm.ended:
	case <-time.After(15 * time.Second):
		tm.t.Fatalf("the session did not end; it shows:\n%s", tm.screen())
	}
	time.Sleep(50 * time.Millisecond) // stderr
	return tm.output()
}

// quiz mirrors a quick assessment as the tests answer it, so they know
// which question is on screen (the bank asks some questions only after
// certain answers) and what each answer must be on disk. Its seed varies
// the answers, so two participants' files differ.
type quiz struct {
	seed int
	a    *assess.Answers
	done []*assess.Question // in the order answered
}

func newQuiz() *quiz { return seededQuiz(0) }

func seededQuiz(seed int) *quiz {
	return &quiz{seed: seed, a: assess.NewAnswers(testBank(), assess.Quick)}
}

// asked is the questions the assessment asks now.
func (qz *quiz) asked() []*assess.Question { return testBank().QuestionsAsked(assess.Quick, qz.a) }

// next is the first question not answered yet, nil when all are.
func (qz *quiz) next() *assess.Question {
	for _, q := range qz.asked() {
		if !qz.a.Done(q) {
			return q
		}
	}
	return nil
}

// given is the answer the quiz gives question q, the i-th answered: a
// small number (the same for every number question, within its range), option 1 or 2 of
// a yes/no, 1 to 3 of a rating or scenario, CISSP from 2018.
func (qz *quiz) given(q *assess.Question, i int) assess.Answer {
	k := qz.seed + i
	var ans assess.Answer
	switch q.Kind {
	case assess.KindNumber:
		// One figure for every number: years managing never exceed
		// years in security, so the quiz never stops to ask about them.
		n := 9.0
		ans.Number = &n
	case assess.KindCertifications:
		ans.Held = []assess.HeldCert{{ID: "cissp", Year: 2018}}
	case assess.KindYesNo:
		yes := k%2 == 0
		ans.Bool = &yes
	case assess.KindRating, assess.KindScenario:
		ans.Choice = 1 + k%3
	}
	return ans
}

// keys are the keys that give question q its answer, as the personal
// binary's end-to-end tests type them.
func (qz *quiz) keys(q *assess.Question) []string {
	ans := qz.given(q, len(qz.done))
	switch q.Kind {
	case assess.KindNumber:
		return []string{strconv.Itoa(int(*ans.Number)), "Enter"}
	case assess.KindCertifications:
		return []string{"c", "i", "s", "s", "p", "Space", "2", "0", "1", "8", "Enter", "Enter"}
	case assess.KindYesNo:
		if *ans.Bool {
			return []string{"Enter"}
		}
		return []string{"Down", "Enter"}
	case assess.KindRating, assess.KindScenario:
	}
	keys := []string{}
	for range ans.Choice - 1 {
		keys = append(keys, "Down")
	}
	return append(keys, "Enter")
}

// record notes that question q was given its answer.
func (qz *quiz) record(q *assess.Question) {
	qz.a.Items[q.ID] = qz.given(q, len(qz.done))
	qz.done = append(qz.done, q)
}

// position is the quiz's position line for the next question.
func (qz *quiz) position() string { return fmt.Sprintf("%d of %d", len(qz.done)+1, len(qz.asked())) }

// check fails unless every answer recorded is in the saved answers as given.
func (qz *quiz) check(t testing.TB, a *assess.Answers) {
	t.Helper()
	for i, q := range qz.done {
		want, got := qz.given(q, i), a.Items[q.ID]
		ok := got.Given(q.Kind)
		switch q.Kind {
		case assess.KindNumber:
			ok = ok && got.Number != nil && *got.Number == *want.Number
		case assess.KindCertifications:
			ok = ok && len(got.Held) == 1 && got.Held[0] == want.Held[0]
		case assess.KindYesNo:
			ok = ok && got.Bool != nil && *got.Bool == *want.Bool
		case assess.KindRating, assess.KindScenario:
			ok = ok && got.Choice == want.Choice
		}
		if !ok {
			t.Errorf("answer %d (%s) is not on disk as given: %+v, want %+v", i+1, q.ID, got, want)
		}
	}
}

// answer answers n more questions (all that are left when n < 0), waiting
// for each to be reported saved; it returns the keys' times to the frame.
func (tm *term) answer(qz *quiz, n int) {
	tm.t.Helper()
	for ; n != 0; n-- {
		q := qz.next()
		if q == nil {
			return
		}
		tm.waitFor(qz.position())
		tm.keys(qz.keys(q)...)
		qz.record(q)
		tm.waitFor(fmt.Sprintf("Saved · %d answered", len(qz.done)))
	}
}

// startQuick starts a quick assessment from the welcome screen.
func (tm *term) startQuick(qz *quiz) {
	tm.t.Helper()
	tm.waitFor("Start the assessment")
	tm.keys("Right", "Enter")
	tm.waitFor(qz.position())
}

// personFiles lists the session files of a key's person.
func personFiles(data string, key gossh.Signer) []string {
	p := keyPerson(key.PublicKey())
	files, _ := filepath.Glob(filepath.Join(data, "people", p.ID, "*.toml"))
	return files
}

func writeFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}
