package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCompletionInBash sources the bash completion script in a real bash,
// as a person's shell does, and asks it to complete: the commands, a
// command's flags, and the values of a flag. Skipped where bash or the
// bash-completion package is missing.
func TestCompletionInBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	const lib = "/usr/share/bash-completion/bash_completion"
	if _, serr := os.Stat(lib); err != nil || serr != nil {
		t.Skip("bash with bash-completion is not installed")
	}
	script, err := exec.Command(binary, "completion", "bash").Output()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "secpath.bash")
	if err := os.WriteFile(file, script, 0o600); err != nil {
		t.Fatal(err)
	}
	for line, want := range map[string]string{
		"secpath pl":                 "plan",
		"secpath completion f":       "fish",
		"secpath plan me.toml --for": "--force --format",
		"secpath plan x --format h":  "html",
		"secpath cohort . --format ": "csv json md text",
	} {
		// COMP_WORDS as bash fills it: the words of the line, an empty last
		// one when the line ends in a space.
		words := strings.Fields(line)
		if strings.HasSuffix(line, " ") {
			words = append(words, "")
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = "'" + w + "'"
		}
		prog := "source " + lib + "; source " + file + "; " +
			"COMP_WORDS=(" + strings.Join(quoted, " ") + "); COMP_CWORD=" + strconv.Itoa(len(words)-1) + "; " +
			"COMP_LINE='" + line + "'; COMP_POINT=" + strconv.Itoa(len(line)) + "; " +
			"__start_secpath; printf '%s\\n' \"${COMPREPLY[@]}\" | sort | xargs"
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(binary)+":"+os.Getenv("PATH"), "XDG_STATE_HOME="+t.TempDir())
		// Outside a real completion, bash's compopt complains on stderr;
		// the candidates are on stdout.
		out, err := cmd.Output()
		if got := strings.TrimSpace(string(out)); err != nil || got != want {
			t.Errorf("%q completes to %q (%v), want %q", line, got, err, want)
		}
	}
}

// TestManPagesThroughMan writes the manual pages with the binary and has
// man(1) render each, offline. Skipped where man is not installed.
func TestManPagesThroughMan(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man1")
	if out, err := exec.Command(binary, "man", "--dir", dir).CombinedOutput(); err != nil {
		t.Fatalf("man --dir: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	if len(pages) != 14 {
		t.Fatalf("%d pages, want 14 (secpath and its 13 commands): %v", len(pages), pages)
	}
	man, err := exec.LookPath("man")
	if err != nil {
		t.Skip("man is not installed")
	}
	for _, p := range pages {
		cmd := exec.Command(man, "-l", p)
		cmd.Env = append(os.Environ(), "MANPAGER=cat", "MANWIDTH=80")
		out, err := cmd.CombinedOutput()
		name := strings.ToUpper(strings.TrimSuffix(filepath.Base(p), ".1"))
		if err != nil || !strings.HasPrefix(string(out), name+"(1)") || !strings.Contains(string(out), "EXAMPLES") {
			t.Errorf("man -l %s: %v\n%.300s", filepath.Base(p), err, out)
		}
	}
}

func TestVersionFlag(t *testing.T) {
	out, err := exec.Command(binary, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "secpath ") || strings.Count(string(out), "\n") != 1 {
		t.Errorf("--version: %v %q", err, out)
	}
}
