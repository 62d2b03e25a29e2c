package questions

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

// panelExpectation is what a seasoned CISO mentor expects secpath to say
// about one person of the panel, written from the person's description
// before the model was tuned (testdata/panel/README.md).
type panelExpectation struct {
	Position          string   `toml:"position"`
	Next              string   `toml:"next"`
	LongTerm          string   `toml:"long_term"`
	NextReadiness     string   `toml:"next_readiness"`
	LongTermReadiness string   `toml:"long_term_readiness"`
	NextFit           string   `toml:"next_fit"`
	BlockedNext       []string `toml:"blocked_next"`
	BlockedLongTerm   []string `toml:"blocked_long_term"`
	TopGaps           []string `toml:"top_gaps"`
	NoGap             []string `toml:"no_gap"`
	OverClaim         []string `toml:"over_claim"`
	UnderClaim        []string `toml:"under_claim"`
	NotReadyFor       []string `toml:"not_ready_for"`
	MentorSays        string   `toml:"mentor_says"`
}

// BandTolerance is how far past a band's edge a figure may fall and still
// count as in the band: the mentor's figures are estimates, and one level
// on one important target moves a role's readiness by about three points.
const BandTolerance = 5.0

// inBand reports whether a readiness or fit figure is in the panel's band:
// low (< 40), mid (40–69), high (>= 70), give or take BandTolerance.
func inBand(v float64, band string) bool {
	edges, ok := map[string][2]float64{"low": {0, 40}, "mid": {40, 70}, "high": {70, 100}}[band]
	return ok && v >= edges[0]-BandTolerance && v < edges[1]+BandTolerance
}

// TopGapTie is the priority within which a gap counts as tied with the
// fifth: a quarter of a level on an important target.
const TopGapTie = 0.5

func experienceBlocks(f *assess.RoleFit) []string {
	out := []string{}
	for _, bl := range f.Blockers {
		if bl.Kind == "experience" {
			out = append(out, bl.Fact)
		}
	}
	sort.Strings(out)
	return out
}

// TestPanel scores every person of the panel and checks each against the
// mentor's expectations: position, next step, long-term role, readiness
// and fit bands, blockers, top gaps, strengths not listed as gaps,
// over- and under-claims, and roles they must not read as ready for.
func TestPanel(t *testing.T) {
	b, _, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]panelExpectation
	if _, err := toml.DecodeFile(filepath.Join("testdata", "panel", "expected.toml"), &want); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "panel", "*.toml"))
	n := 0
	for _, f := range files {
		if filepath.Base(f) != "expected.toml" {
			n++
			if _, ok := want[strings.TrimSuffix(filepath.Base(f), ".toml")]; !ok {
				t.Errorf("%s has no expectation in expected.toml", f)
			}
		}
	}
	if n < 15 || len(want) < 15 {
		t.Fatalf("the panel has %d people and %d expectations; it needs at least 15", n, len(want))
	}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c := want[name]
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "panel", name+".toml")
			if _, err := os.Stat(path); err != nil {
				t.Fatal(err)
			}
			file, err := storage.ReadAnswers(path, b)
			if err != nil {
				t.Fatal(err)
			}
			res := assess.Score(b, file.Answers)
			rec := res.Recommendation
			why := "\n\t" + strings.Join(wording.Rationale(rec.Reasons), "\n\t")
			for _, id := range c.NotReadyFor {
				if f := res.RoleFit(id); f == nil || f.Readiness >= 70 {
					t.Errorf("reads as ready for %s (%+v)", id, f)
				}
			}
			if c.Next == "" {
				// Nothing answered: no recommendation at all.
				if rec.Position != "" || rec.NextRole != "" || rec.LongTermRole != "" {
					t.Errorf("a recommendation from nothing: %s → %s → %s%s", rec.Position, rec.NextRole, rec.LongTermRole, why)
				}
				return
			}
			if rec.Position != c.Position || rec.NextRole != c.Next || rec.LongTermRole != c.LongTerm {
				t.Errorf("path: got %s → %s → %s, want %s → %s → %s%s", rec.Position, rec.NextRole, rec.LongTermRole, c.Position, c.Next, c.LongTerm, why)
			}
			next, long := res.RoleFit(c.Next), res.RoleFit(c.LongTerm)
			if next == nil || long == nil {
				t.Fatalf("unknown role in the expectation")
			}
			if !inBand(next.Readiness, c.NextReadiness) {
				t.Errorf("readiness for %s: %.1f%%, want %s", c.Next, next.Readiness, c.NextReadiness)
			}
			if !inBand(long.Readiness, c.LongTermReadiness) {
				t.Errorf("readiness for %s: %.1f%%, want %s", c.LongTerm, long.Readiness, c.LongTermReadiness)
			}
			if c.NextFit != "" && !inBand(next.Fit, c.NextFit) {
				t.Errorf("fit for %s: %.1f%%, want %s", c.Next, next.Fit, c.NextFit)
			}
			for _, x := range []struct {
				role *assess.RoleFit
				want []string
			}{{next, c.BlockedNext}, {long, c.BlockedLongTerm}} {
				w := slices.Clone(x.want)
				sort.Strings(w)
				if w == nil {
					w = []string{}
				}
				if got := experienceBlocks(x.role); !slices.Equal(got, w) {
					t.Errorf("experience blockers for %s: got %v, want %v", x.role.ID, got, w)
				}
			}
			var gaps []string
			for _, g := range next.Gaps {
				gaps = append(gaps, g.Competency)
			}
			// The gaps that matter now are those of the role to work
			// towards: the next step, or the move that growing in place
			// prepares for; and the long-term role's when that leaves
			// little to do.
			top := topGaps(next.Gaps)
			if w := res.RoleFit(rec.WorkTowards); w != nil && w.ID != next.ID {
				top = append(top, topGaps(w.Gaps)...)
			}
			if len(next.Gaps) < 3 && long.ID != next.ID {
				top = append(top, topGaps(long.Gaps)...)
			}
			for _, g := range c.TopGaps {
				if !slices.Contains(top, g) {
					t.Errorf("%s is not among the top gaps %v", g, top)
				}
			}
			for _, g := range c.NoGap {
				if slices.Contains(gaps, g) {
					t.Errorf("%s is listed as a gap for %s, and is a strength", g, c.Next)
				}
			}
			over, under := map[string]bool{}, map[string]bool{}
			for _, cal := range res.Calibration {
				if cal.Over {
					over[cal.Competency] = true
				} else {
					under[cal.Competency] = true
				}
			}
			for _, cs := range res.Competencies {
				if cs.Unverified {
					over[cs.ID] = true
				}
			}
			for _, comp := range c.OverClaim {
				if !over[comp] {
					t.Errorf("the over-claim in %s is not flagged", comp)
				}
			}
			for _, comp := range c.UnderClaim {
				if !under[comp] {
					t.Errorf("the under-claim in %s is not flagged", comp)
				}
			}
			if t.Failed() {
				t.Logf("mentor: %s%s", c.MentorSays, why)
			}
		})
	}
}

// topGaps lists the five highest-priority gaps and any within TopGapTie of
// the fifth.
func topGaps(gaps []assess.Gap) []string {
	var out []string
	for i, g := range gaps {
		if i < 5 || g.Priority >= gaps[4].Priority-TopGapTie {
			out = append(out, g.Competency)
		}
	}
	return out
}
