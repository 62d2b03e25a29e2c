package tui

import (
	"os"
	"path/filepath"
)

// ExportDir is where the export screen offers to save plans, so that they
// land in one known place rather than wherever secpath was started:
//
//  1. $XDG_DOCUMENTS_DIR/secpath, when that variable names an existing
//     directory;
//  2. ~/Documents/secpath, when ~/Documents exists;
//  3. the secpath state directory's plans folder, beside the sessions
//     ($XDG_STATE_HOME/secpath/plans, else ~/.local/state/secpath/plans);
//  4. the working directory, when there is no home directory at all.
//
// The folder need not exist yet: the export screen creates it (mode
// 0700) on the first save. documents ($XDG_DOCUMENTS_DIR), stateHome
// ($XDG_STATE_HOME) and home come from the caller, so nothing is read
// from the process here but whether the directories exist.
func ExportDir(documents, stateHome, home, workDir string) string {
	if d := documents; filepath.IsAbs(d) && isDir(d) {
		return filepath.Join(d, "secpath")
	}
	if home != "" {
		if d := filepath.Join(home, "Documents"); isDir(d) {
			return filepath.Join(d, "secpath")
		}
	}
	if s := stateHome; filepath.IsAbs(s) {
		return filepath.Join(s, "secpath", "plans")
	}
	if home != "" {
		return filepath.Join(home, ".local", "state", "secpath", "plans")
	}
	return workDir
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
