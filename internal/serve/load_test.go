package serve

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/secpath/secpath/internal/storage"
)

// TestLoad is the workshop load benchmark, run by .ci/bench and not by
// go test alone: SECPATH_SERVE_LOAD=N clients (at most 200) connect at
// once to a server in a process of its own, over loopback, and each
// takes a quick assessment with answers of its own. It reports the time
// from each key press to the next frame (median and p99), the server's
// peak memory and its CPU time, and fails if any answer is missing or in
// another person's file, or the run takes over five minutes.
func TestLoad(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SECPATH_SERVE_LOAD"))
	if n <= 0 {
		t.Skip("set SECPATH_SERVE_LOAD=50 to run the load benchmark")
	}
	n = min(n, 200)
	data := filepath.Join(t.TempDir(), "data")
	cmd, addr := startChild(t, data)
	type result struct {
		qz   *quiz
		name string
		lat  []time.Duration
		err  error
	}
	results := make([]result, n)
	keys := make([]gossh.Signer, n)
	for c := range n {
		keys[c] = newKey(t)
	}
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(5 * time.Minute)
	for c := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &results[c]
			r.qz, r.name = seededQuiz(c), fmt.Sprintf("Participant %03d", c)
			r.lat, r.err = loadClient(addr, keys[c], r.qz, r.name, deadline)
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	peak, cpu := procStats(cmd.Process.Pid)

	var all []time.Duration
	for c, r := range results {
		if r.err != nil {
			t.Errorf("client %d: %v", c, r.err)
		}
		all = append(all, r.lat...)
	}
	// Every client's answers are on disk, in its own file under its own
	// name, as it gave them: none lost, none crossed.
	for c, r := range results {
		files := personFiles(data, keys[c])
		if len(files) != 1 {
			t.Errorf("client %d: sessions %v", c, files)
			continue
		}
		f, err := storage.ReadAnswers(files[0], testBank())
		if err != nil {
			t.Errorf("client %d: %v", c, err)
			continue
		}
		if f.Answers.Profile.Name != r.name || r.qz.next() != nil {
			t.Errorf("client %d: the file is %q's, %d answered", c, f.Answers.Profile.Name, len(r.qz.done))
		}
		r.qz.check(t, f.Answers)
	}
	slices.Sort(all)
	if len(all) == 0 {
		t.Fatal("no key presses measured")
	}
	q := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	report := fmt.Sprintf("serve load: %d clients, a quick assessment each, %d key presses in %v\n"+
		"  key press to next frame: median %v, p99 %v, max %v\n"+
		"  server: peak memory %.1f MiB (VmHWM), CPU %.2f s (%.2f ms a key press)\n",
		n, len(all), wall.Round(time.Millisecond), q(0.5).Round(10*time.Microsecond), q(0.99).Round(10*time.Microsecond), all[len(all)-1].Round(time.Millisecond),
		float64(peak)/1024, cpu.Seconds(), float64(cpu.Microseconds())/1000/float64(len(all)))
	fmt.Print(report)
	if out := os.Getenv("SECPATH_SERVE_LOAD_REPORT"); out != "" {
		// For .ci/bench: one line of name=value.
		line := fmt.Sprintf("clients=%d keys=%d wall_s=%.1f median_ms=%.1f p99_ms=%.1f peak_mib=%.1f cpu_s=%.2f ok=%t\n",
			n, len(all), wall.Seconds(), ms(q(0.5)), ms(q(0.99)), float64(peak)/1024, cpu.Seconds(), !t.Failed())
		if err := os.WriteFile(out, []byte(line), 0o600); err != nil {
			t.Error(err)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// loadClient takes a quick assessment as name, measuring the time from
// each key press to the next frame the server sends.
func loadClient(addr string, key gossh.Signer, qz *quiz, name string, deadline time.Time) ([]time.Duration, error) {
	c, err := dial(addr, gossh.PublicKeys(key))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	tm, err := openTermE(c, 80, 24)
	if err != nil {
		return nil, err
	}
	defer tm.sess.Close()
	var lat []time.Duration
	// press sends one key and waits for the frame it brings.
	press := func(k string) error {
		if b, ok := keyBytes[k]; ok {
			k = b
		}
		for len(tm.frames) > 0 {
			<-tm.frames
		}
		sent := time.Now()
		if _, err := io.WriteString(tm.in, k); err != nil {
			return err
		}
		select {
		case at := <-tm.frames:
			lat = append(lat, at.Sub(sent))
			return nil
		case <-time.After(time.Until(deadline)):
			return fmt.Errorf("no frame after a key press by the deadline")
		}
	}
	// until waits for the screen to show text.
	until := func(text string) error {
		for !strings.Contains(tm.screen(), text) {
			if time.Now().After(deadline) {
				return fmt.Errorf("never showed %q; it shows:\n%s", text, tm.screen())
			}
			time.Sleep(5 * time.Millisecond)
		}
		return nil
	}
	if err := until("Start the assessment"); err != nil {
		return lat, err
	}
	for _, k := range []string{"Right", "Down", "Down"} {
		if err := press(k); err != nil {
			return lat, err
		}
	}
	for _, r := range name {
		if err := press(string(r)); err != nil {
			return lat, err
		}
	}
	if err := press("Enter"); err != nil {
		return lat, err
	}
	for q := qz.next(); q != nil; q = qz.next() {
		if err := until(qz.position()); err != nil {
			return lat, err
		}
		for _, k := range qz.keys(q) {
			if err := press(k); err != nil {
				return lat, err
			}
		}
		qz.record(q)
		if err := until(fmt.Sprintf("Saved · %d answered", len(qz.done))); err != nil {
			return lat, err
		}
	}
	return lat, nil
}

// procStats reads a process's peak resident memory (KiB) and the CPU time
// it has used, from /proc; zero where it cannot.
func procStats(pid int) (peakKiB int, cpu time.Duration) {
	if data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				peakKiB, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			}
		}
	}
	if data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		// The fields after the command's closing parenthesis; utime and
		// stime are the 12th and 13th of them, in clock ticks (100 a second
		// on Linux).
		if i := strings.LastIndexByte(string(data), ')'); i > 0 {
			f := strings.Fields(string(data)[i+1:])
			if len(f) > 12 {
				u, _ := strconv.Atoi(f[11])
				s, _ := strconv.Atoi(f[12])
				cpu = time.Duration(u+s) * 10 * time.Millisecond
			}
		}
	}
	return peakKiB, cpu
}
