package serve

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/secpath/secpath/internal/storage"
)

// TestMain lets the test binary be the server in a process of its own,
// for the tests that kill it.
func TestMain(m *testing.M) {
	if data := os.Getenv("SECPATH_SERVE_CHILD_DATA"); data != "" {
		os.Exit(childServer(data))
	}
	os.Exit(m.Run())
}

// childServer serves on 127.0.0.1:0 and prints the address on its first
// line of output, until it is killed.
func childServer(data string) int {
	srv, err := New(Config{Data: data, HostKey: filepath.Join(data, "host_ed25519"), Bank: testBank(), MaxSessions: 200})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, err := netListen()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(ln.Addr().String())
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func netListen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

// startChild starts the server as a process of its own and returns its
// address.
func startChild(t testing.TB, data string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "SECPATH_SERVE_CHILD_DATA="+data)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("the server did not start: %v", err)
	}
	return cmd, strings.TrimSpace(line)
}

// TestKillMidAssessment kills the server with SIGKILL while a participant
// answers, at a random moment after keys of an answer were sent: every
// answer the participant saw reported saved is in their session file,
// which still parses, and reconnecting resumes after the last of them.
func TestKillMidAssessment(t *testing.T) {
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 15))
	for round := range 3 {
		answers := 1 + r.IntN(8)
		delay := time.Duration(r.IntN(40)) * time.Millisecond
		t.Run(fmt.Sprintf("round %d: %d saved, kill %v into the next", round, answers, delay), func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			cmd, addr := startChild(t, data)
			key := newKey(t)
			qz := newQuiz()
			tm := openTerm(t, dialKey(t, addr, key), 80, 24)
			tm.startQuick(qz)
			tm.answer(qz, answers)
			q := qz.next()
			// All the keys of the next answer at once, then the kill.
			var keys strings.Builder
			for _, k := range qz.keys(q) {
				if b, named := keyBytes[k]; named {
					k = b
				}
				keys.WriteString(k)
			}
			_, _ = tm.in.Write([]byte(keys.String()))
			time.Sleep(delay)
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()
			files := personFiles(data, key)
			if len(files) != 1 {
				t.Fatalf("sessions after the kill: %v", files)
			}
			f, err := storage.ReadAnswers(files[0], testBank())
			if err != nil {
				t.Fatalf("the session no longer parses after the kill: %v", err)
			}
			qz.check(t, f.Answers)

			// A new server on the same data resumes after what was saved.
			_, addr = startChild(t, data)
			tm = openTerm(t, dialKey(t, addr, key), 80, 24)
			if f.Answers.Done(q) {
				qz.record(q)
			}
			tm.waitFor(qz.position())
		})
	}
}

// TestShutdownSavesOpenSessions: Shutdown closes every open assessment,
// telling each person why, with their answers saved.
func TestShutdownSavesOpenSessions(t *testing.T) {
	srv := startServer(t, Config{})
	key := newKey(t)
	qz := newQuiz()
	tm := openTerm(t, dialKey(t, srv.addr, key), 80, 24)
	tm.startQuick(qz)
	tm.answer(qz, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if out := tm.waitEnd(); !strings.Contains(out, "The workshop server is closing. Your answers are saved.") {
		t.Errorf("the participant was not told:\n%q", out)
	}
	f, err := storage.ReadAnswers(personFiles(srv.data, key)[0], testBank())
	if err != nil {
		t.Fatal(err)
	}
	qz.check(t, f.Answers)
	if _, err := dial(srv.addr, gossh.PublicKeys(key)); err == nil {
		t.Error("the server still takes connections after Shutdown")
	}
}

// TestIdleByKeys: the interface closes after the idle time without a key
// press, though it keeps drawing (the cursor blinks); key presses keep it
// open.
func TestIdleByKeys(t *testing.T) {
	srv := startServer(t, Config{Idle: 600 * time.Millisecond})
	tm := openTerm(t, dialKey(t, srv.addr, newKey(t)), 80, 24)
	tm.waitFor("Start the assessment")
	for range 8 { // 1.2 seconds of moving between the choices
		tm.keys("Right")
		time.Sleep(150 * time.Millisecond)
	}
	select {
	case <-tm.ended:
		t.Fatalf("closed while keys were pressed:\n%s", tm.output())
	default:
	}
	start := time.Now()
	out := tm.waitEnd()
	if !strings.Contains(out, "Closed after 600ms without a key press") {
		t.Errorf("no word on why it closed:\n%q", out)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("closed %v after the last key", d)
	}
}

// TestRoomFull: beyond MaxSessions a participant is told the room is
// full; a facilitator still gets in.
func TestRoomFull(t *testing.T) {
	dir := t.TempDir()
	facilitators := filepath.Join(dir, "facilitators")
	fac := newKey(t)
	writeFile(t, facilitators, authorizedLine(fac))
	srv := startServer(t, Config{MaxSessions: 1, Facilitators: facilitators})
	tm := openTerm(t, dialKey(t, srv.addr, newKey(t)), 80, 24)
	tm.waitFor("Start the assessment")
	_, errOut, code := runCommand(t, dialKey(t, srv.addr, newKey(t)), "sessions")
	if code != 1 || !strings.Contains(errOut, "The workshop is full: all 1 places are taken") {
		t.Errorf("a second participant: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runCommand(t, dialKey(t, srv.addr, fac), "cohort --format csv"); code != 0 {
		t.Errorf("the facilitator: exit %d, %q", code, errOut)
	}
}

// TestKeyless: with --allow-keyless a visitor without a key gets a resume
// code on screen; the code brings them back to their session, a wrong one
// is refused.
func TestKeyless(t *testing.T) {
	srv := startServer(t, Config{AllowKeyless: true})
	answer := func(code string) gossh.AuthMethod {
		return gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			out := make([]string, len(qs))
			for i := range out {
				out[i] = code
			}
			return out, nil
		})
	}
	c, err := dial(srv.addr, answer(""))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	qz := newQuiz()
	tm := openTerm(t, c, 80, 24)
	s := tm.waitFor("Your resume code: ")
	code := regexp.MustCompile(`resume code: ([A-Z0-9]{4}-[A-Z0-9]{4})`).FindStringSubmatch(s)
	if code == nil {
		t.Fatalf("no code on screen:\n%s", s)
	}
	tm.startQuick(qz)
	tm.answer(qz, 2)
	_ = c.Close()
	if _, err := dial(srv.addr, answer("AAAA-AAAA")); err == nil {
		t.Error("a code never given got in")
	}
	c, err = dial(srv.addr, answer(strings.ToLower(strings.ReplaceAll(code[1], "-", " "))))
	if err != nil {
		t.Fatalf("the code given: %v", err)
	}
	defer c.Close()
	tm = openTerm(t, c, 80, 24)
	tm.waitFor(qz.position())
	if logs := srv.logs.String(); strings.Contains(logs, code[1]) {
		t.Errorf("the log holds a resume code:\n%s", logs)
	}
}

// TestHandshakeTimeout: a connection that never completes the SSH
// handshake is closed, so half-open ones cannot pile up.
func TestHandshakeTimeout(t *testing.T) {
	srv := startServer(t, Config{HandshakeTimeout: 300 * time.Millisecond})
	c, err := net.Dial("tcp", srv.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 256)
	for {
		if _, err := c.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatal("the server kept a connection that sent nothing for 5 seconds")
			}
			break
		}
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("closed after %v", d)
	}
}
