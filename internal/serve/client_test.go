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
	// frames counts output writes, for the latency benchmark.
	frames chan time.Time
}

func openTerm(t testing.TB, c *gossh.Client, w, h int) *term {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, sess: sess, emu: vt.NewSafeEmulator(w, h), ended: make(chan struct{})}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if tm.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errOut, err := sess.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
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
				if tm.frames != nil {
					select {
					case tm.frames <- time.Now():
					default:
					}
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
	t.Cleanup(func() { _ = sess.Close() })
	return tm
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
// which question is on screen: the bank asks some questions only after
// certain answers.
type quiz struct {
	a    *assess.Answers
	done []*assess.Question // in the order answered
}

func newQuiz() *quiz { return &quiz{a: assess.NewAnswers(testBank(), assess.Quick)} }

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

// record notes the answer answerKeys gives question q.
func (qz *quiz) record(q *assess.Question) {
	i := len(qz.done)
	var ans assess.Answer
	switch q.Kind {
	case assess.KindNumber:
		n := float64(numberAnswer(i))
		ans.Number = &n
	case assess.KindCertifications:
		ans.Held = []assess.HeldCert{{ID: "cissp", Year: 2018}}
	case assess.KindYesNo:
		no := false
		ans.Bool = &no
	case assess.KindRating, assess.KindScenario:
		ans.Choice = 2
	}
	qz.a.Items[q.ID] = ans
	qz.done = append(qz.done, q)
}

// position is the quiz's position line for the next question.
func (qz *quiz) position() string { return fmt.Sprintf("%d of %d", len(qz.done)+1, len(qz.asked())) }

// answerKeys are the keys that answer the i-th question answered, as the
// personal binary's end-to-end tests type them.
func answerKeys(q *assess.Question, i int) []string {
	switch q.Kind {
	case assess.KindNumber:
		return []string{strconv.Itoa(numberAnswer(i)), "Enter"}
	case assess.KindCertifications:
		return []string{"c", "i", "s", "s", "p", "Space", "2", "0", "1", "8", "Enter", "Enter"}
	case assess.KindRating, assess.KindScenario, assess.KindYesNo:
	}
	return []string{"Down", "Enter"} // option 2 (no, for a yes/no question)
}

func numberAnswer(i int) int { return 9 - i%8 }

// check fails unless every answer recorded is in the saved answers as given.
func (qz *quiz) check(t testing.TB, a *assess.Answers) {
	t.Helper()
	for i, q := range qz.done {
		checkAnswer(t, q, i, a.Items[q.ID])
	}
}

func checkAnswer(t testing.TB, q *assess.Question, i int, a assess.Answer) {
	t.Helper()
	ok := a.Given(q.Kind)
	switch q.Kind {
	case assess.KindNumber:
		ok = ok && a.Number != nil && *a.Number == float64(numberAnswer(i))
	case assess.KindCertifications:
		ok = ok && len(a.Held) == 1 && a.Held[0] == assess.HeldCert{ID: "cissp", Year: 2018}
	case assess.KindYesNo:
		ok = ok && a.Bool != nil && !*a.Bool
	case assess.KindRating, assess.KindScenario:
		ok = ok && a.Choice == 2
	}
	if !ok {
		t.Errorf("answer %d (%s) is not on disk as given: %+v", i+1, q.ID, a)
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
		tm.keys(answerKeys(q, len(qz.done))...)
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
