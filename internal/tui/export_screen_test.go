package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// goldenExportDir is the export folder the frames show, the same on every
// machine.
const goldenExportDir = "/home/ada/Documents/secpath"

// openExportFrame opens the export screen on a persona's results with
// the folder the frames show.
func openExportFrame(a *testApp) {
	a.screens[screenSave].(*saveScreen).dir = goldenExportDir
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	a.press("e")
}

// exportScreen opens the export screen on a persona's results and
// returns the screen itself, for tests that drive its Update and View.
func exportScreen(t *testing.T, w, h int, dir string) (*testApp, *saveScreen) {
	t.Helper()
	a := newTestApp(t, w, h, Options{WorkDir: dir})
	a.loadPersona("soc-lead")
	a.send(resultsMsg{})
	a.press("e")
	if a.screen != screenSave {
		t.Fatal("e does not open the export screen")
	}
	return a, a.screens[screenSave].(*saveScreen)
}

func TestExportTabMovesBetweenFields(t *testing.T) {
	a, sv := exportScreen(t, 80, 24, goldenExportDir)
	if sv.field != fieldRole || sv.Typing() {
		t.Fatalf("the screen opens on field %d (typing %v), want the role", sv.field, sv.Typing())
	}
	name := sv.name.Value()
	want := []saveField{fieldFormat, fieldPath, fieldRole, fieldFormat}
	for i, w := range want {
		a.press("tab")
		if sv.field != w {
			t.Fatalf("tab %d: field %d, want %d", i+1, sv.field, w)
		}
	}
	a.press("shift+tab")
	if sv.field != fieldRole {
		t.Errorf("shift+tab: field %d, want the role", sv.field)
	}
	if sv.name.Value() != name || sv.kind != 0 {
		t.Errorf("moving between fields changed the name %q or the format %d", sv.name.Value(), sv.kind)
	}
	// With the answers file, which has no role, tab passes the role by.
	a.press("tab", "left")
	if sv.kinds()[sv.kind].format != "" {
		t.Fatalf("left on the format did not reach the answers file: %q", sv.kinds()[sv.kind].label)
	}
	a.press("tab", "tab")
	if sv.field != fieldFormat {
		t.Errorf("tab from the path went to field %d, want the format (the role is not used)", sv.field)
	}
}

func TestExportArrowsChooseOnlyOnTheirField(t *testing.T) {
	a, sv := exportScreen(t, 80, 24, goldenExportDir)
	first := sv.roleLabel()
	a.press("right")
	if sv.roleLabel() == first || sv.kind != 0 {
		t.Fatalf("→ on the role: role %q, format %d", sv.roleLabel(), sv.kind)
	}
	if !strings.Contains(a.screenText(), "‹ "+sv.roleLabel()) || !strings.Contains(string(sv.data), "**"+sv.roleLabel()+"**") {
		t.Errorf("the chosen role is not shown or not planned for:\n%s", a.screenText())
	}
	a.press("left")
	if sv.roleLabel() != first {
		t.Errorf("← did not go back to %q: %q", first, sv.roleLabel())
	}
	a.press("tab", "tab")
	before := sv.name.Value()
	a.press("left")
	if sv.kind != 0 || sv.name.Value() != before {
		t.Errorf("← in the path moved the format (%d) or changed the name %q", sv.kind, sv.name.Value())
	}
}

func TestExportQuestionMarkOpensHelpOutsideThePath(t *testing.T) {
	a, sv := exportScreen(t, 80, 24, goldenExportDir)
	name := sv.name.Value()
	a.press("?")
	if !a.full || !strings.Contains(a.screenText(), "previous field") {
		t.Fatalf("? on the role field did not open the help:\n%s", a.screenText())
	}
	a.press("esc")
	a.press("tab", "x", "?", "a")
	if sv.name.Value() != name || a.screen != screenSave {
		t.Errorf("keys on the format field reached the name: %q", sv.name.Value())
	}
	a.full = false
	// In the path field every key is text, ? too.
	a.press("tab", "backspace", "backspace", "backspace", "?")
	if got := sv.name.Value(); got != strings.TrimSuffix(name, ".md")+"?" || a.full {
		t.Errorf("typing in the path: %q (help open %v)", got, a.full)
	}
}

func TestExportFormatChangesTheExtension(t *testing.T) {
	a, sv := exportScreen(t, 80, 24, goldenExportDir)
	a.press("tab")
	base := filepath.Join(goldenExportDir, "secpath-plan-"+testSession)
	for _, ext := range []string{".html", ".json", ".csv"} {
		a.press("right")
		if got := sv.name.Value(); got != base+ext {
			t.Errorf("after → the path is %q, want %q", got, base+ext)
		}
	}
	a.press("right")
	if got, want := sv.name.Value(), filepath.Join(goldenExportDir, "secpath-answers-"+testSession+".toml"); got != want {
		t.Errorf("answers file: %q, want %q", got, want)
	}
	// A name of the person's own keeps its name and takes the extension.
	a.press("tab")
	sv.name.SetValue("~/plans/mine.toml")
	a.press("shift+tab", "right")
	if got := sv.name.Value(); got != "~/plans/mine.md" || sv.kind != 0 {
		t.Errorf("own name after → : %q, format %d", got, sv.kind)
	}
}

func TestExportTypedExtensionSwitchesTheFormat(t *testing.T) {
	a, sv := exportScreen(t, 80, 24, goldenExportDir)
	a.press("tab", "tab", "backspace", "backspace", "html")
	if sv.kinds()[sv.kind].format != "html" {
		t.Fatalf("a name ending in .html left the format at %q", sv.kinds()[sv.kind].label)
	}
	text := a.screenText()
	for _, want := range []string{"Format set to HTML page (prints to PDF) to match the name's .html.", "Format HTML page", "The page's text as a reader sees it."} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the screen lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasPrefix(string(sv.data), "<!DOCTYPE html>") {
		t.Errorf("the content is not the HTML page: %.40q", sv.data)
	}
	// An extension that names no format is warned about before writing.
	a.press("backspace", "backspace", "backspace", "backspace", "txt")
	flat := strings.Join(strings.Fields(a.screenText()), " ")
	if !strings.Contains(flat, "The name ends in .txt, but the file will hold an HTML page: end it in .html") {
		t.Errorf("no warning for .txt:\n%s", a.screenText())
	}
}

func TestExportShowsTheDefaultFolder(t *testing.T) {
	_, sv := exportScreen(t, 80, 24, goldenExportDir)
	want := filepath.Join(goldenExportDir, "secpath-plan-"+testSession+".md")
	if sv.name.Value() != want || !strings.Contains(ansi.Strip(sv.View()), "Path    "+want) {
		t.Errorf("the path field shows %q, want %q:\n%s", sv.name.Value(), want, ansi.Strip(sv.View()))
	}
	// A relative name is taken from the default folder, and the screen
	// says where it goes.
	sv.name.SetValue("mine.md")
	if got := sv.path(); got != filepath.Join(goldenExportDir, "mine.md") {
		t.Errorf("relative name resolves to %q", got)
	}
	if !strings.Contains(ansi.Strip(sv.View()), "saves to "+filepath.Join(goldenExportDir, "mine.md")) {
		t.Errorf("the full path of a relative name is not shown:\n%s", ansi.Strip(sv.View()))
	}
}

func TestExportDirChoice(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{}
	dir := func(home string) string {
		return ExportDir(env["XDG_DOCUMENTS_DIR"], env["XDG_STATE_HOME"], home, "/work")
	}
	if got, want := dir(home), filepath.Join(home, ".local", "state", "secpath", "plans"); got != want {
		t.Errorf("no Documents: %q, want %q", got, want)
	}
	env["XDG_STATE_HOME"] = "/state"
	if got := dir(home); got != "/state/secpath/plans" {
		t.Errorf("with XDG_STATE_HOME: %q", got)
	}
	env["XDG_STATE_HOME"] = "relative"
	if got := dir(""); got != "/work" {
		t.Errorf("no home, a relative state home: %q, want the working directory", got)
	}
	if err := os.Mkdir(filepath.Join(home, "Documents"), 0o700); err != nil {
		t.Fatal(err)
	}
	if got, want := dir(home), filepath.Join(home, "Documents", "secpath"); got != want {
		t.Errorf("with ~/Documents: %q, want %q", got, want)
	}
	docs := t.TempDir()
	env["XDG_DOCUMENTS_DIR"] = docs
	if got, want := dir(home), filepath.Join(docs, "secpath"); got != want {
		t.Errorf("with XDG_DOCUMENTS_DIR: %q, want %q", got, want)
	}
	env["XDG_DOCUMENTS_DIR"] = filepath.Join(docs, "missing")
	if got, want := dir(home), filepath.Join(home, "Documents", "secpath"); got != want {
		t.Errorf("with a missing XDG_DOCUMENTS_DIR: %q, want %q", got, want)
	}
}

// TestExportSavedOnlyWhenOnDisk: enter starts the write and says nothing
// of a save; the report comes with the write's result, and only then
// does the status say saved. The default folder is made private.
func TestExportSavedOnlyWhenOnDisk(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "Documents", "secpath")
	a, sv := exportScreen(t, 80, 24, dir)
	file := filepath.Join(dir, "secpath-plan-"+testSession+".md")
	n := sv.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if n.Status != "" || n.Open != nil || n.Cmd == nil {
		t.Fatalf("enter returned %+v before the write", n)
	}
	if _, err := os.Stat(file); err == nil {
		t.Fatal("the file exists before the write ran")
	}
	if txt := ansi.Strip(sv.View()); !strings.Contains(txt, "Writing the file") || strings.Contains(txt, "Saved /") {
		t.Errorf("while writing:\n%s", txt)
	}
	msg := n.Cmd()
	done := sv.Update(msg)
	if done.Status != "Saved "+file {
		t.Errorf("status after the write: %q", done.Status)
	}
	st, err := os.Stat(file)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the file: %v, %v", st, err)
	}
	if dst, err := os.Stat(dir); err != nil || dst.Mode().Perm() != 0o700 {
		t.Errorf("the folder: %v, %v", dst, err)
	}
	// A write that fails is shown as an error, never as saved.
	a.press("e")
	sv.name.SetValue(filepath.Join(root, "no-such-folder", "plan.md"))
	n = sv.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if n.Cmd == nil {
		t.Fatal("no write started")
	}
	failed := sv.Update(n.Cmd())
	if failed.Status != "" || failed.Open != nil || !strings.Contains(ansi.Strip(sv.View()), "no-such-folder") {
		t.Errorf("a failed write: %+v\n%s", failed, ansi.Strip(sv.View()))
	}
}

// TestExportExistingFileAsks: an existing file is never replaced on the
// first enter, nor after the name changed; the second enter on the same
// path replaces it.
func TestExportExistingFileAsks(t *testing.T) {
	dir := t.TempDir()
	a, _ := exportScreen(t, 80, 24, dir)
	file := filepath.Join(dir, "secpath-plan-"+testSession+".md")
	if err := os.WriteFile(file, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	a.press("enter")
	if !strings.Contains(a.screenText(), "already exists") || a.screen != screenSave {
		t.Fatalf("no question before replacing:\n%s", a.screenText())
	}
	// Changing the format and back asks again.
	a.press("tab", "right", "left", "enter")
	if data, _ := os.ReadFile(file); string(data) != "keep me" {
		t.Fatal("replaced after the question was reset")
	}
	a.press("enter")
	if data, _ := os.ReadFile(file); !strings.HasPrefix(string(data), "# Development plan") || a.screen != screenResults {
		t.Errorf("the second enter did not replace the file: %.30q, screen %d", data, a.screen)
	}
}

// TestExportPreviewScrolls: ↓, pgdn and end move the preview within its
// length; the heading says which lines are on show.
func TestExportPreviewScrolls(t *testing.T) {
	a, sv := exportScreen(t, 80, 24, goldenExportDir)
	room := sv.previewRoom()
	a.press("down", "down")
	if sv.offset != 2 {
		t.Errorf("offset %d after two ↓", sv.offset)
	}
	a.press("pgdown")
	if sv.offset != 2+room-1 {
		t.Errorf("offset %d after pgdn, want %d", sv.offset, 2+room-1)
	}
	a.send(tea.KeyPressMsg{Code: tea.KeyEnd})
	if last := len(sv.preview) - room; sv.offset != last {
		t.Errorf("end: offset %d, want %d", sv.offset, last)
	}
	if txt := a.screenText(); !strings.Contains(txt, fmt.Sprintf("lines %d–%d of %d", len(sv.preview)-room+1, len(sv.preview), len(sv.preview))) {
		t.Errorf("the heading does not say the lines on show:\n%s", txt)
	}
	a.press("pgup")
	if sv.offset != len(sv.preview)-room-(room-1) {
		t.Errorf("pgup: offset %d", sv.offset)
	}
}

// TestExportGoldenFrames keeps the export screen with each format's
// preview at 80x24 and 120x40.
func TestExportGoldenFrames(t *testing.T) {
	formats := map[string][]string{"markdown": nil, "html": {"right"}, "json": {"right", "right"}, "csv": {"right", "right", "right"}, "answers": {"left"}}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for name, keys := range formats {
			t.Run(fmt.Sprintf("%s_%dx%d", name, size[0], size[1]), func(t *testing.T) {
				a, _ := exportScreen(t, size[0], size[1], goldenExportDir)
				a.press("tab")
				a.press(keys...)
				frame := a.Render()
				checkFrame(t, frame, size[0], size[1])
				golden.RequireEqual(t, ansi.Strip(frame))
			})
		}
	}
}

// TestExportPreviewsReadAsText: the HTML preview shows the plan's words,
// not its markup or styles; the CSV one lines its columns up.
func TestExportPreviewsReadAsText(t *testing.T) {
	a, sv := exportScreen(t, 80, 24, goldenExportDir)
	a.press("tab", "right")
	all := strings.Join(sv.preview, "\n")
	for _, bad := range []string{"<", "{", "font-family", "**", "| "} {
		if strings.Contains(all, bad) {
			t.Errorf("the HTML preview holds %q", bad)
		}
	}
	if !strings.HasPrefix(all, "Development plan: Priya Raman\n") {
		t.Errorf("the HTML preview does not open with the plan's title:\n%.200s", all)
	}
	a.press("right", "right")
	head := sv.preview[0]
	col := strings.Index(head, "action")
	for i, l := range sv.preview[1:] {
		if len([]rune(l)) < col || !strings.Contains(l, "  ") {
			t.Errorf("CSV row %d is not aligned: %q", i+1, l)
		}
		if ansi.StringWidth(l) > sv.c.Layout.Content {
			t.Errorf("CSV row %d is wider than the screen: %q", i+1, l)
		}
	}
	if !strings.HasPrefix(head, "goal  step  start       due         type        action") {
		t.Errorf("CSV heading %q", head)
	}
}
