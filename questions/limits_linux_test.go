package questions

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// copyBank copies the embedded bank's files into a new directory.
func copyBank(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("bank")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("bank", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPipeInABankIsRefusedNotOpened: a named pipe called *.toml would
// block the loader forever if it were opened; it is named and refused.
func TestPipeInABankIsRefusedNotOpened(t *testing.T) {
	dir := copyBank(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "zz-pipe.toml"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, _, err := LoadDir(dir); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "zz-pipe.toml: is not a regular file (a named pipe)") {
			t.Errorf("got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the loader blocked on a named pipe")
	}
}

// TestBankLimitsAcrossFiles: files each under the limits of one file
// cannot add up past the bank's.
func TestBankLimitsAcrossFiles(t *testing.T) {
	dir := copyBank(t)
	// Each file holds 40,000 small tables: under MaxFileKeys, but three of
	// them pass MaxBankKeys.
	var sb strings.Builder
	for i := 0; i < 40000; i++ {
		fmt.Fprintf(&sb, "[x%d]\n", i)
	}
	for i := 0; i < 3; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("zz-%d.toml", i)), []byte(sb.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err := LoadDir(dir)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("more than %d keys and tables in all", MaxBankKeys)) {
		t.Errorf("got %v", err)
	}
}
