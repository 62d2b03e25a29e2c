package cli

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// sessionIDRe matches a session id, which holds the clock and random
// digits, so a transcript can be compared whole.
var sessionIDRe = regexp.MustCompile(`[0-9]{8}-[0-9]{6}-[0-9a-f]{4}`)

// readAloudNoise is what a screen reader reads as noise or that marks
// shortened text: box drawing, block elements, shapes, the ellipsis.
func readAloudNoise(s string) (rune, bool) {
	for _, r := range s {
		if (r >= 0x2500 && r <= 0x25FF) || r == '…' {
			return r, true
		}
	}
	return 0, false
}

// TestAccessibleResultsTranscript runs the small bank to the end in
// accessible mode and compares everything printed after the last answer,
// word for word: sentences with figures in words, right plurals, no bars,
// no shortened text, and each command whole on one line.
func TestAccessibleResultsTranscript(t *testing.T) {
	state := t.TempDir()
	input := strings.Join([]string{"2", "1", "Ada", "1", "6", "1", "1:2020", "3", "2", "2", "10", "1"}, "\n") + "\n"
	out, stderr, code := runIn(t, state, input, "--questions", miniBank)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, out)
	}
	if r, bad := readAloudNoise(out); bad {
		t.Errorf("the transcript holds %q:\n%s", r, out)
	}
	for i, l := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(l); n > 80 && !strings.Contains(l, state) {
			t.Errorf("line %d has %d columns: %q", i+1, n, l)
		}
	}
	i := strings.Index(out, "All 8 questions done.")
	if i < 0 {
		t.Fatalf("the run did not finish:\n%s", out)
	}
	got := sessionIDRe.ReplaceAllString(strings.ReplaceAll(out[i:], state, "STATE"), "ID")
	want := `All 8 questions done.

Results for Ada: 8 of 8 questions answered, full mode.

Recommendation.
Next step, grow in Security Manager: 100 percent ready, fit 81 percent.
Judgement from your scenario answers: 3.7 of 5 over 1 scenario.
Why:
- Starting point: Security Manager, your current role (readiness 100%, fit
  81%).
- Next step: grow in Security Manager (readiness 100%, fit 81%): it is already
  where your path leads.
- Long-term: Security Manager, your target, readiness 100% and fit 81% today.
- Placement: technical depth 3.0, strategic breadth 4.0, leadership 0.0: your
  strength is strategic breadth; Security Manager asks for 2.0, 3.0 and 0.0.
- Role targets for a mid-size organisation (250 to 5,000 people; no size
  given, so mid-size assumed).

Roles, in the order to read them: where you stand, the roles ahead, sideways,
other fields, and the roles you have outgrown.
1. Security Manager: 100 percent ready, fit 81 percent. Where you stand now.
   Recommended next step.
Readiness: share of the role's target levels you meet.
Fit: how closely your whole profile matches the role. Fit also falls where you
are far above a role's targets, and for a role in another field.

Placement, each 0 to 5: technical depth 3, strategic breadth 4, leadership 0.

Gaps for Security Manager: none, every target is met.

Competencies: the level, 0 to 5, rests on what you have done; the judgement is
what your scenario answers show.
- Risk management: level 4, judgement 4.
- Security operations: level 3, judgement 3.
Judgement: what your scenario answers show you would do, 0-5, kept apart from
the levels; it moves a level by at most +0.25 or -0.5, and only where there is
evidence of work.

Certifications, checked against the published rules; never a statement of
eligibility:
- CA: CA held since 2020.

Your answers are saved in STATE/secpath/sessions/ID.toml
See the full report with: secpath score STATE/secpath/sessions/ID.toml
`
	if got != want {
		t.Errorf("transcript:\n%s\nwant:\n%s", got, want)
	}
}

// TestAccessibleEndOfInputOnce: input that ends mid-way is reported once
// (on stderr, with exit 130), the place the answers are saved once, and
// the resume command once, whole on a line of its own.
func TestAccessibleEndOfInputOnce(t *testing.T) {
	state := t.TempDir()
	out, stderr, code := runIn(t, state, "2\n1\nGrace\n1\n6\n", "--questions", miniBank)
	if code != ExitAborted {
		t.Fatalf("exit %d\n%s\n%s", code, stderr, out)
	}
	all := strings.ToLower(out + stderr)
	for _, s := range []string{"input ended", "saved in", "secpath resume"} {
		if n := strings.Count(all, s); n != 1 {
			t.Errorf("%q said %d times:\nstdout:\n%s\nstderr:\n%s", s, n, out, stderr)
		}
	}
	if stderr != "secpath: aborted: input ended before the assessment was finished\n" {
		t.Errorf("stderr %q", stderr)
	}
	if !regexp.MustCompile(`(?m)^Resume with: secpath resume [0-9]{8}-[0-9]{6}-[0-9a-f]{4}$`).MatchString(out) {
		t.Errorf("the resume command is not whole on its own line:\n%s", out)
	}
}

// TestAccessibleQuitResumeLine: q prints the resume command whole on a
// line of its own, after "Saved.", once.
func TestAccessibleQuitResumeLine(t *testing.T) {
	state := t.TempDir()
	out, _, code := runIn(t, state, "2\n1\nGrace\n1\n6\nq\n", "--questions", miniBank)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if !regexp.MustCompile(`Saved\.\nResume with: secpath resume [0-9]{8}-[0-9]{6}-[0-9a-f]{4}\n$`).MatchString(out) || strings.Count(out, "secpath resume") != 1 {
		t.Errorf("the end of a quit run:\n%s", out)
	}
}
