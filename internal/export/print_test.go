package export_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/internal/storage"
)

// maxPrintedPages is the most pages a person's plan may take printed on
// A4 from a browser.
const maxPrintedPages = 4

// pdfPage matches a page object's type. A page tree node is "/Type
// /Pages", which the word boundary after "Page" keeps out.
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// pdfPages counts the page objects of a PDF written without object
// streams, as Chromium writes them.
func pdfPages(pdf []byte) int { return len(pdfPage.FindAll(pdf, -1)) }

// TestPDFPageCounter checks the counter on a PDF whose pages are known:
// three pages under two page tree nodes, one of them with its type
// written without a space and at the end of its dictionary.
func TestPDFPageCounter(t *testing.T) {
	pdf := "%PDF-1.4\n" +
		"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
		"2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 >> endobj\n" +
		"3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n" +
		"4 0 obj << /Type /Pages /Kids [5 0 R 6 0 R] /Count 2 /Parent 2 0 R >> endobj\n" +
		"5 0 obj << /Type/Page /Parent 4 0 R >> endobj\n" +
		"6 0 obj << /Parent 4 0 R /Type /Page>> endobj\n" +
		"trailer << /Root 1 0 R >>\n%%EOF\n"
	if n := pdfPages([]byte(pdf)); n != 3 {
		t.Errorf("counted %d pages, want 3", n)
	}
}

// TestPrintedPlanPages prints the HTML plan of every persona with
// Chromium, as a person printing it from the browser would, and fails
// when one takes more than four A4 pages. It skips where Chromium is not
// installed. SECPATH_PRINT_PANEL=1 prints the panel's people as well.
func TestPrintedPlanPages(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not on PATH: the printed page count is not checked (install the chromium package to check it)")
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "questions", "testdata", "personas", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no personas found: %v", err)
	}
	if os.Getenv("SECPATH_PRINT_PANEL") == "1" {
		panel, _ := filepath.Glob(filepath.Join("..", "..", "questions", "testdata", "panel", "*.toml"))
		for _, f := range panel {
			// expected.toml is what the panel should score, not a
			// person; blank.toml answers nothing, so it has no plan.
			if base := filepath.Base(f); base != "expected.toml" && base != "blank.toml" {
				files = append(files, f)
			}
		}
	}
	b := htmlBank(t)
	dir := t.TempDir()
	// Two printers at a time: Chromium is heavy, and a shared machine
	// runs other tests beside these.
	sem := make(chan struct{}, 2)
	for _, file := range files {
		name := filepath.Base(filepath.Dir(file)) + "-" + strings.TrimSuffix(filepath.Base(file), ".toml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, err := storage.ReadAnswers(file, b)
			if err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(dir, name+".html")
			if err := os.WriteFile(page, []byte(htmlWrite(t, b, htmlPlan(t, b, f.Answers))), 0o600); err != nil {
				t.Fatal(err)
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			pdf := filepath.Join(dir, name+".pdf")
			cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
				"--no-first-run", "--disable-extensions", "--user-data-dir="+filepath.Join(dir, name+".profile"),
				"--print-to-pdf="+pdf, "file://"+page)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("chromium: %v\n%s", err, out)
			}
			data, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatalf("chromium wrote no PDF: %v", err)
			}
			n := pdfPages(data)
			if n == 0 {
				t.Fatal("the PDF has no page objects: the counter does not read it")
			}
			if n > maxPrintedPages {
				t.Errorf("the printed plan takes %d pages, want at most %d", n, maxPrintedPages)
			}
			t.Logf("%d pages", n)
		})
	}
}
