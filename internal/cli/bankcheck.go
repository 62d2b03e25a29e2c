package cli

import (
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/tomlpos"
	"github.com/secpath/secpath/questions"
)

// maxBankKeys bounds the keys and tables of one bank file: the largest
// file of the embedded bank has about 2,300.
const maxBankKeys = 50000

// loadBankDir is questions.LoadDir behind a check of what the loader does
// not yet guard against: a bank file nested so deep, with keys so long or
// so many, that decoding it would take gigabytes (a few MiB of "[[[[", of
// "a.a.a." or of one-line tables), reported with its line and column; a directory named like a bank file,
// which the loader skips without a word; and an empty file, which the
// loader merges in and then reports as a dozen things missing.
//
// This belongs in questions.Load (decodeFile could call
// tomlpos.CheckShape before toml.Decode); until it is there, every bank
// the CLI loads from disk comes through here.
func loadBankDir(dir string) (*assess.Bank, assess.Report, error) {
	if rep := checkBankFiles(dir); len(rep.Errors) > 0 {
		return nil, rep, &assess.InvalidError{Diagnostics: rep.Errors}
	}
	return questions.LoadDir(dir)
}

// checkBankFiles looks at every *.toml entry of dir. Anything it cannot
// read it leaves to the loader, which reports it.
func checkBankFiles(dir string) assess.Report {
	var rep assess.Report
	entries, err := os.ReadDir(dir)
	if err != nil {
		return rep
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		file := path.Join(filepath.ToSlash(dir), name)
		p := filepath.Join(dir, name)
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if st.IsDir() {
			rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Message: "is a directory, not a bank file"})
			continue
		}
		if st.Size() > questions.MaxFileSize {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(f, questions.MaxFileSize+1))
		_ = f.Close()
		if err != nil || len(data) > questions.MaxFileSize || !utf8.Valid(data) {
			continue
		}
		if len(strings.TrimSpace(string(data))) == 0 {
			// Almost always a file cut short; merged in, it would surface
			// as a dozen errors about what is missing.
			rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Message: "the file is empty; a bank file holds at least one table (remove the file if it is not needed)"})
			continue
		}
		if se := tomlpos.CheckShapeKeys(string(data), maxBankKeys); se != nil {
			rep.Errors = append(rep.Errors, assess.Diagnostic{File: file, Line: se.Pos.Line, Column: se.Pos.Column,
				Message: se.Msg})
		}
	}
	return rep
}
