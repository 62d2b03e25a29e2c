package export

import (
	"strings"
	"testing"

	"github.com/secpath/secpath/assess"
)

// The result's notes are codes in the domain and sentences in the JSON,
// and wording the copy leaves the result itself as it was.
func TestWordResultNotes(t *testing.T) {
	res := &assess.Result{Notes: []assess.Note{{Code: assess.NoteNothingAnswered}}}
	got := WordResult(res)
	if len(got.Notes) != 1 || got.Notes[0].Code != assess.NoteNothingAnswered || !strings.HasPrefix(got.Notes[0].Message, "Nothing was answered yet") {
		t.Fatalf("worded notes = %+v", got.Notes)
	}
	if res.Notes[0].Message != "" {
		t.Errorf("WordResult changed the result's own note: %+v", res.Notes[0])
	}
}
