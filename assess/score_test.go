package assess

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func ip(i int) *int         { return &i }
func fp(f float64) *float64 { return &f }
func bp(b bool) *bool       { return &b }
func ratingOptions(levels ...int) []Option {
	out := make([]Option, len(levels))
	for i, l := range levels {
		out[i] = Option{Text: "option", Level: ip(l)}
	}
	return out
}

// testBank is small enough to compute every expectation by hand.
//
//	competencies: tech1, tech2 (technical), strat1, strat2 (strategic), lead1 (leadership)
//	roles: eng (entry, 4) -> mgr, pm; mgr (5) -> ciso; pm (5) -> ciso; ciso (7)
func testBank() *Bank {
	comp := func(id string, d Dimension) Competency {
		return Competency{ID: id, Name: strings.ToUpper(id), Dimension: d, Indicators: []string{"0", "1", "2", "3", "4", "5"}}
	}
	return &Bank{
		Meta: Meta{Schema: 1, Name: "test", Version: "1"},
		Competencies: []Competency{
			comp("tech1", Technical), comp("tech2", Technical),
			comp("strat1", Strategic), comp("strat2", Strategic), comp("lead1", Leadership),
		},
		Facts: []Fact{
			{ID: "years_security", Name: "Years in security", Kind: FactNumber, Unit: "years"},
			{ID: "degree", Name: "Degree", Kind: FactBool},
			{ID: "board", Name: "Board", Kind: FactBool},
		},
		Roles: []Role{
			{ID: "eng", Title: "Engineer", Seniority: 4, Entry: true, LeadsTo: []string{"mgr", "pm"}, Targets: []Target{
				{Competency: "tech1", Level: 3, Weight: 3}, {Competency: "tech2", Level: 3, Weight: 2}, {Competency: "strat1", Level: 1, Weight: 1}}},
			{ID: "mgr", Title: "Manager", Seniority: 5, LeadsTo: []string{"ciso"}, ExpectsOneOf: []string{"cert-a"},
				Experience: map[string]float64{"years_security": 5}, Targets: []Target{
					{Competency: "tech1", Level: 4, Weight: 2}, {Competency: "strat1", Level: 3, Weight: 3}, {Competency: "lead1", Level: 3, Weight: 2}}},
			{ID: "pm", Title: "Programme manager", Seniority: 5, LeadsTo: []string{"ciso"}, Targets: []Target{
				{Competency: "strat1", Level: 4, Weight: 3}, {Competency: "strat2", Level: 3, Weight: 2}}},
			{ID: "ciso", Title: "CISO", Seniority: 7, Targets: []Target{
				{Competency: "strat1", Level: 5, Weight: 3}, {Competency: "strat2", Level: 4, Weight: 3},
				{Competency: "lead1", Level: 5, Weight: 3}, {Competency: "tech1", Level: 3, Weight: 1}}},
		},
		Certifications: []Certification{{
			ID: "cert-a", Abbr: "CA", Name: "Cert A", Body: "Body A", Gate: "exam+experience",
			Domains: []Domain{{ID: "d1", Competencies: []string{"strat1"}}, {ID: "d2", Competencies: []string{"tech1"}}},
			Rule: Rule{Version: "Outline 2024", Date: time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC),
				Experience: map[string]float64{"years_security": 5}, MinDomains: 1,
				WaiverFact: "years_security", WaiverMaxYears: 1, Waivers: []Waiver{{Fact: "degree", Years: 1}}},
		}, {
			ID: "cert-b", Abbr: "CB", Name: "Cert B", Body: "Body B", Gate: "exam-only", Rule: Rule{Version: "v1"},
		}},
		Questions: []Question{
			{ID: "r-tech1", Kind: KindRating, Quick: true, Measures: map[string]float64{"tech1": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)},
			{ID: "r-tech2", Kind: KindRating, Measures: map[string]float64{"tech2": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)},
			{ID: "r-strat1", Kind: KindRating, Quick: true, Measures: map[string]float64{"strat1": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)},
			{ID: "s-mix", Kind: KindScenario, Measures: map[string]float64{"strat1": 2, "lead1": 1}, Options: []Option{
				{Text: "a", Levels: map[string]int{"strat1": 1, "lead1": 2}},
				{Text: "b", Levels: map[string]int{"strat1": 4, "lead1": 3}}}},
			{ID: "n-years", Kind: KindNumber, Fact: "years_security"},
			{ID: "n-team", Kind: KindNumber, Measures: map[string]float64{"lead1": 1}, Bands: []float64{1, 3, 8, 20, 60}},
			{ID: "y-board", Kind: KindYesNo, Fact: "board", Measures: map[string]float64{"strat2": 1}, YesLevel: ip(3), NoLevel: ip(1)},
			{ID: "y-degree", Kind: KindYesNo, Fact: "degree"},
			{ID: "c-held", Kind: KindCertifications},
		},
	}
}

func answers(items map[string]Answer) *Answers {
	return &Answers{Mode: Full, Items: items}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.051 }

func TestReadinessAndGaps(t *testing.T) {
	b := testBank()
	cases := map[string]struct {
		items     map[string]Answer
		readiness map[string]float64
		fit       map[string]float64
		gaps      map[string][]string // role -> gap competencies in order
		next      string
		long      string
	}{
		"nothing answered": {
			items:     nil,
			readiness: map[string]float64{"eng": 0, "mgr": 0, "pm": 0, "ciso": 0},
			fit:       map[string]float64{"eng": 0, "ciso": 0},
			// mgr: strat1 3·3 = 9, tech1 2·4 = 8, lead1 2·3 = 6.
			gaps: map[string][]string{"mgr": {"strat1", "tech1", "lead1"}},
			// Nothing to stand on: no recommendation at all.
			next: "", long: "",
		},
		"ratings only": {
			// tech1 = 4, strat1 = 2.
			// eng:  (3·3 + 2·0 + 1·1) / (9+6+1)  = 10/16 = 62.5
			// mgr:  (2·4 + 3·2 + 2·0) / (8+9+6)  = 14/23 = 60.9
			// pm:   (3·2 + 2·0) / (12+6)         = 6/18  = 33.3
			// ciso: (3·2 + 0 + 0 + 1·3) / 45     = 9/45  = 20.0
			// fit eng: misses tech2 3·2 = 6, tech1 over by 1 → 0.5·1·3 = 1.5,
			// strat1 over by 1 → 0.5·1 = 0.5: 1 − 8/16 = 50.
			items:     map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}},
			readiness: map[string]float64{"eng": 62.5, "mgr": 60.9, "pm": 33.3, "ciso": 20.0},
			// fit ciso: misses 3·3 + 3·4 + 3·5 and tech1 over by 1 → 0.5:
			// 1 − 36.5/45 = 18.9.
			fit: map[string]float64{"eng": 50, "ciso": 18.9},
			// mgr gaps: lead1 2·3 = 6, strat1 3·1 = 3; tech1 is met.
			// lead1 and strat2 no answer shows (their number and yes/no
			// questions open): after strat1, by priority among themselves.
			gaps: map[string][]string{"mgr": {"strat1", "lead1"}, "ciso": {"strat1", "lead1", "strat2"}},
			// 62.5% of eng is under the 70% from which a move is suggested.
			next: "eng", long: "ciso",
		},
		"above target earns nothing extra": {
			// tech1 = 5, tech2 = 5, strat1 = 5: eng is full, not over 100.
			// fit eng: over by 2, 2 and 4 → 0.5·(2·3 + 2·2 + 4·1) = 7: 1 − 7/16 = 56.3.
			items:     map[string]Answer{"r-tech1": {Choice: 6}, "r-tech2": {Choice: 6}, "r-strat1": {Choice: 6}},
			readiness: map[string]float64{"eng": 100, "mgr": 73.9, "pm": 66.7},
			fit:       map[string]float64{"eng": 56.3},
			gaps:      map[string][]string{"eng": {}, "mgr": {"lead1"}},
			// eng at 100% is the position; mgr 73.9 beats pm 66.7.
			next: "mgr", long: "ciso",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			res := Score(b, answers(c.items))
			for role, want := range c.readiness {
				if got := res.RoleFit(role).Readiness; !near(got, want) {
					t.Errorf("readiness %s: got %.1f, want %.1f", role, got, want)
				}
			}
			for role, want := range c.fit {
				if got := res.RoleFit(role).Fit; !near(got, want) {
					t.Errorf("fit %s: got %.1f, want %.1f", role, got, want)
				}
			}
			for role, want := range c.gaps {
				var got []string
				for _, g := range res.RoleFit(role).Gaps {
					got = append(got, g.Competency)
				}
				if strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("gaps %s: got %v, want %v", role, got, want)
				}
			}
			if res.Recommendation.NextRole != c.next || res.Recommendation.LongTermRole != c.long {
				t.Errorf("recommendation: got %s then %s, want %s then %s\n%s", res.Recommendation.NextRole, res.Recommendation.LongTermRole, c.next, c.long, strings.Join(res.Recommendation.Rationale, "\n"))
			}
			if res.Answered == 0 {
				return
			}
			// Every case stands at eng: the roles ahead follow, nearest first.
			var order []string
			for _, r := range res.Roles {
				order = append(order, string(r.Relation)+":"+r.ID)
			}
			if got := strings.Join(order, " "); !strings.HasPrefix(got, "current:eng ahead:") || !strings.HasSuffix(got, "ahead:ciso") {
				t.Errorf("role order: %s", got)
			}
		})
	}
}

func TestGapPriority(t *testing.T) {
	res := Score(testBank(), answers(map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}}))
	g := res.RoleFit("mgr").Gaps
	// lead1 (priority 6) no answer shows, so it follows strat1 (3).
	if len(g) != 2 || g[0].Priority != 3 || g[0].Current != 2 || g[0].NotAnswered || g[1].Priority != 6 || g[1].Current != 0 || g[1].Target != 3 || !g[1].NotAnswered {
		t.Errorf("mgr gaps: %+v", g)
	}
	// Answered at 0 (a team of none), lead1 is shown, and ranks first.
	res = Score(testBank(), answers(map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}, "n-team": {Number: fp(0)}}))
	if g := res.RoleFit("mgr").Gaps; len(g) != 2 || g[0].Competency != "lead1" || g[0].NotAnswered {
		t.Errorf("mgr gaps with lead1 answered: %+v", g)
	}
}

func TestEmptyAnswersNote(t *testing.T) {
	res := Score(testBank(), nil)
	if res.Answered != 0 || res.Asked != 9 || len(res.Notes) != 1 || res.Notes[0] != (Note{Code: NoteNothingAnswered}) {
		t.Errorf("empty: answered %d asked %d notes %v", res.Answered, res.Asked, res.Notes)
	}
	if len(res.Calibration) != 0 || res.Dimensions != (DimensionScores{}) || res.Judgement != nil {
		t.Errorf("empty: calibration %v dimensions %+v judgement %v", res.Calibration, res.Dimensions, res.Judgement)
	}
}

func TestLevelsJudgementAndCalibration(t *testing.T) {
	// strat1: rating 5 at high confidence (weight 1·1) and scenario option
	// a, level 1, at low confidence (weight 2·0.5). Work done 5; a third of
	// the way to judgement 1 is −1.33, bounded to −0.5: 4.5. The scenario
	// is strat1's main one (weight 2), so it checks the claim: capped at
	// 1.3 × 1 = 1.3, unverified, and its confidence (all answered) halves
	// to 0.5.
	// lead1: the scenario's level 2 only: no evidence of work, so level 0,
	// judgement 2, half its question weight answered.
	// Overall judgement: option a, (2·1 + 1·2) / 3 = 1.33.
	res := Score(testBank(), answers(map[string]Answer{
		"r-strat1": {Choice: 6, Confidence: ConfidenceHigh},
		"s-mix":    {Choice: 1, Confidence: ConfidenceLow},
		"n-team":   {Skipped: true},
	}))
	cs := map[string]CompetencyScore{}
	for _, c := range res.Competencies {
		cs[c.ID] = c
	}
	if c := cs["strat1"]; c.Level != 1.3 || c.Claimed == nil || *c.Claimed != 4.5 || !c.Unverified || c.Confidence != 0.5 || *c.Self != 5 || *c.Judgement != 1 || c.Answered != 2 || c.Asked != 2 {
		t.Errorf("strat1: %+v", c)
	}
	if c := cs["lead1"]; c.Level != 0 || c.Evidenced || *c.Judgement != 2 || c.Confidence != 0.5 || c.Answered != 1 || c.Asked != 2 {
		t.Errorf("lead1: %+v", c)
	}
	if res.Judgement == nil || res.Judgement.Score != 1.33 || res.Judgement.Scenarios != 1 {
		t.Errorf("overall judgement: %+v", res.Judgement)
	}
	if len(res.Calibration) != 1 || res.Calibration[0].Competency != "strat1" || !res.Calibration[0].Over || res.Calibration[0].Against != "judgement" || res.Calibration[0].Self != 5 || !near(res.Calibration[0].Evidence, 1) || res.Calibration[0].Message != "" {
		t.Errorf("calibration: %+v", res.Calibration)
	}
	// mgr readiness on the verified 1.3 is lower than on the claimed 4.5:
	// strat1 3·1.3 = 3.9 of 23 = 17.0; claimed 3·3 = 9 of 23 = 39.1.
	if f := res.RoleFit("mgr"); !near(f.Readiness, 17.0) || f.ReadinessClaimed == nil || !near(*f.ReadinessClaimed, 39.1) {
		t.Errorf("mgr readiness %.1f claimed %v", f.Readiness, f.ReadinessClaimed)
	}
	// Rating 2 against judgement 1: one level apart, no calibration flag;
	// 2 − 1/3 = 1.67, over the ceiling 1.3 × 1 = 1.3: unverified at 1.3.
	res = Score(testBank(), answers(map[string]Answer{"r-strat1": {Choice: 3}, "s-mix": {Choice: 1}}))
	if len(res.Calibration) != 0 || !near(res.Level("strat1"), 1.3) {
		t.Errorf("1-level difference: %+v, level %v", res.Calibration, res.Level("strat1"))
	}
	// Rating 0 against judgement 4: an under-rating, flagged; judgement
	// cannot lift a level under 1 (aware): it stays 0. From rating 3 it
	// adds the full quarter (a third of the way would be 0.33): 3.25.
	res = Score(testBank(), answers(map[string]Answer{"r-strat1": {Choice: 1}, "s-mix": {Choice: 2}}))
	if len(res.Calibration) != 1 || res.Calibration[0].Over || res.Calibration[0].Self != 0 || !near(res.Calibration[0].Evidence, 4) || res.Level("strat1") != 0 {
		t.Errorf("under-rating: %+v, level %v", res.Calibration, res.Level("strat1"))
	}
	res = Score(testBank(), answers(map[string]Answer{"r-strat1": {Choice: 4}, "s-mix": {Choice: 2}}))
	if !near(res.Level("strat1"), 3.25) {
		t.Errorf("under-rating: %+v, level %v", res.Calibration, res.Level("strat1"))
	}
}

func TestFactsCapAClaim(t *testing.T) {
	// lead1 has no rating in the test bank; give it one, then claim 5 with
	// nobody reporting (team 0: band level 0). The fact does not average
	// in: work done is the rating, 5, over the facts' ceiling 0 + 3 = 3:
	// capped at 3, unverified, flagged against the facts. Confidence: two
	// of three question weights answered, 0.67, halved: 0.33.
	b := testBank()
	b.Questions = append(b.Questions, Question{ID: "r-lead1", Kind: KindRating, Measures: map[string]float64{"lead1": 1}, Options: ratingOptions(0, 1, 2, 3, 4, 5)})
	res := Score(b, answers(map[string]Answer{"r-lead1": {Choice: 6, Confidence: ConfidenceHigh}, "n-team": {Number: fp(0), Confidence: ConfidenceHigh}}))
	var lead CompetencyScore
	for _, c := range res.Competencies {
		if c.ID == "lead1" {
			lead = c
		}
	}
	if lead.Level != 3 || !lead.Unverified || *lead.Facts != 0 || *lead.Claimed != 5 || lead.Confidence != 0.33 {
		t.Errorf("lead1: %+v", lead)
	}
	if len(res.Calibration) != 1 || res.Calibration[0].Against != "facts" || !res.Calibration[0].Over {
		t.Errorf("calibration: %+v", res.Calibration)
	}
	// With 10 people (band level 3) the claim stands: 5.
	res = Score(b, answers(map[string]Answer{"r-lead1": {Choice: 6, Confidence: ConfidenceHigh}, "n-team": {Number: fp(10), Confidence: ConfidenceHigh}}))
	if !near(res.Level("lead1"), 5) || len(res.Calibration) != 0 {
		t.Errorf("with a team: level %v, calibration %+v", res.Level("lead1"), res.Calibration)
	}
}

func TestCertificationEvidence(t *testing.T) {
	// cert-a attests strat2 at level 3. strat2 has no rating, only the
	// board answer (no: level 1): the certification stands in for a
	// rating, 3, under the facts' ceiling 1 + 3 = 4.
	b := testBank()
	b.Certifications[0].Evidence = map[string]int{"strat2": 3, "strat1": 3}
	res := Score(b, answers(map[string]Answer{"c-held": {Held: []HeldCert{{ID: "cert-a"}}}, "y-board": {Bool: bp(false)}}))
	if got := res.Level("strat2"); !near(got, 3) {
		t.Errorf("strat2 with cert-a: %v", got)
	}
	// Without the certification the board answer alone gives 1.
	res = Score(b, answers(map[string]Answer{"y-board": {Bool: bp(false)}}))
	if got := res.Level("strat2"); !near(got, 1) {
		t.Errorf("strat2 without cert-a: %v", got)
	}
	// Beside a rating the certification does not count: the award checked
	// the work once, the rating says what the person does now (1).
	res = Score(b, answers(map[string]Answer{"c-held": {Held: []HeldCert{{ID: "cert-a"}}}, "r-strat1": {Choice: 2}}))
	if got := res.Level("strat1"); !near(got, 1) {
		t.Errorf("strat1 rated 1 with cert-a: %v", got)
	}
}

func TestBandsYesNoAndDimensions(t *testing.T) {
	res := Score(testBank(), answers(map[string]Answer{
		"n-team":  {Number: fp(10)}, // reaches 1, 3 and 8: level 3
		"y-board": {Bool: bp(true)}, // yes: level 3
		"r-tech1": {Choice: 4},      // level 3
		"r-tech2": {Choice: 2},      // level 1
	}))
	if got := res.Level("lead1"); !near(got, 3) {
		t.Errorf("lead1 from bands: %v", got)
	}
	if got := res.Level("strat2"); !near(got, 3) {
		t.Errorf("strat2 from yes: %v", got)
	}
	// depth = mean(3, 1); breadth = mean(strat1 0, strat2 3); leadership = 3.
	want := DimensionScores{TechnicalDepth: 2, StrategicBreadth: 1.5, Leadership: 3}
	if res.Dimensions != want {
		t.Errorf("dimensions: got %+v, want %+v", res.Dimensions, want)
	}
	if res.Facts["board"] != 1 {
		t.Errorf("board fact: %v", res.Facts)
	}
}

func TestBlockers(t *testing.T) {
	b := testBank()
	cases := map[string]struct {
		items  map[string]Answer
		want   []Blocker
		months int
	}{
		"nothing recorded": {nil, []Blocker{
			{Kind: "experience", Fact: "years_security", Name: "Years in security", Unit: "years", Need: 5, NotAnswered: true},
			{Kind: "certification", OneOf: []string{"CA"}},
		}, 0},
		"short on years": {map[string]Answer{"n-years": {Number: fp(3)}}, []Blocker{
			{Kind: "experience", Fact: "years_security", Name: "Years in security", Unit: "years", Need: 5, Have: 3, Months: 24},
			{Kind: "certification", OneOf: []string{"CA"}},
		}, 24},
		"all met": {map[string]Answer{"n-years": {Number: fp(6)}, "c-held": {Held: []HeldCert{{ID: "cert-a", Year: 2020}}}}, nil, 0},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f := Score(b, answers(c.items)).RoleFit("mgr")
			if len(f.Blockers) != len(c.want) {
				t.Fatalf("got %+v, want %+v", f.Blockers, c.want)
			}
			for i, bl := range f.Blockers {
				if !reflect.DeepEqual(bl, c.want[i]) {
					t.Errorf("blocker %d: got %+v, want %+v", i, bl, c.want[i])
				}
			}
			if f.Blocked != (c.months > 0 || c.items == nil) || f.BlockedMonths != c.months {
				t.Errorf("blocked %v for %d months, want %d", f.Blocked, f.BlockedMonths, c.months)
			}
		})
	}
	// Blockers never change readiness.
	a := Score(b, answers(map[string]Answer{"r-tech1": {Choice: 5}})).RoleFit("mgr").Readiness
	c := Score(b, answers(map[string]Answer{"r-tech1": {Choice: 5}, "n-years": {Number: fp(9)}, "c-held": {Held: []HeldCert{{ID: "cert-a"}}}})).RoleFit("mgr").Readiness
	if a != c {
		t.Errorf("blockers changed readiness: %v vs %v", a, c)
	}
	// A fact quick mode does not ask is reported as such.
	q := answers(nil)
	q.Mode = Quick
	bl := Score(b, q).RoleFit("mgr").Blockers[0]
	if !bl.NotAsked || bl.NotAnswered || bl.Months != 0 || bl.Message != "" {
		t.Errorf("quick-mode blocker: %+v", bl)
	}
}

func TestEligibility(t *testing.T) {
	b := testBank()
	covered := Answer{Choice: 5} // r-tech1 level 4 covers domain d2
	cases := map[string]struct {
		items  map[string]Answer
		status string
		short  float64
		year   int
		waiver float64
		falls  []Shortfall
	}{
		"held":              {map[string]Answer{"c-held": {Held: []HeldCert{{ID: "cert-a", Year: 2019}}}}, StatusHeld, 0, 2019, 0, nil},
		"meets with waiver": {map[string]Answer{"n-years": {Number: fp(4)}, "y-degree": {Bool: bp(true)}, "r-tech1": covered}, StatusMeetsRule, 0, 0, 1, nil},
		"one year short": {map[string]Answer{"n-years": {Number: fp(4)}, "r-tech1": covered}, StatusNotYet, 1, 0, 0, []Shortfall{
			{Kind: ShortExperience, Experience: &Blocker{Kind: "experience", Fact: "years_security", Name: "Years in security", Unit: "years", Need: 5, Have: 4, Months: 12}},
		}},
		"domains not covered": {map[string]Answer{"n-years": {Number: fp(8)}}, StatusNotYet, 0, 0, 0, []Shortfall{
			{Kind: ShortDomains, Covered: 0, Domains: 2, Need: 1},
		}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			res := Score(b, answers(c.items))
			st := Eligibility(b, b.Certification("cert-a"), res)
			if st.Status != c.status || st.YearsShort != c.short || st.Year != c.year || st.Waiver != c.waiver || st.ExamOnly || st.Message != "" {
				t.Errorf("got %s (short %v, year %d, waiver %v): %+v", st.Status, st.YearsShort, st.Year, st.Waiver, st)
			}
			if !reflect.DeepEqual(st.Shortfalls, c.falls) {
				t.Errorf("shortfalls: got %+v, want %+v", st.Shortfalls, c.falls)
			}
			if st.RuleVersion != "Outline 2024" || st.RuleDate != "2024-04-15" || st.Body == "" {
				t.Errorf("rule: %+v", st)
			}
		})
	}
	st := Eligibility(b, b.Certification("cert-b"), Score(b, nil))
	if st.Status != StatusMeetsRule || !st.ExamOnly || st.Body != "Body B" || len(st.Shortfalls) != 0 {
		t.Errorf("exam-only: %+v", st)
	}
}

func TestRecommendationOnTheGraph(t *testing.T) {
	// growing: tech1 4, strat1 2: eng 62.5%, under the 70% to move.
	// ready: tech1 5, tech2 5, strat1 2: eng 100%, mgr 60.9%, pm 33.3%,
	// ciso 20%.
	growing := map[string]Answer{"r-tech1": {Choice: 5}, "r-strat1": {Choice: 3}}
	ready := map[string]Answer{"r-tech1": {Choice: 6}, "r-tech2": {Choice: 6}, "r-strat1": {Choice: 3}}
	with := func(items map[string]Answer, k string, v Answer) map[string]Answer {
		out := map[string]Answer{k: v}
		for kk, vv := range items {
			out[kk] = vv
		}
		return out
	}
	cases := map[string]struct {
		items           map[string]Answer
		current, target string
		pos, next, long string
		says            Reason
		pmBlocked       bool
	}{
		"grow first":                  {items: growing, pos: "eng", next: "eng", long: "ciso", says: Reason{Kind: ReasonGrowBelowMove, Role: "Engineer", Readiness: 62.5}},
		"target through the graph":    {items: ready, target: "ciso", pos: "eng", next: "mgr", long: "ciso", says: Reason{Kind: ReasonMove, From: "Engineer", Towards: "CISO", OnPath: true}},
		"current role given":          {items: ready, current: "pm", pos: "pm", next: "pm", long: "ciso", says: Reason{Kind: ReasonStartNamed, Role: "Programme manager", Readiness: 33.3}},
		"top of the path":             {items: ready, current: "ciso", pos: "ciso", next: "ciso", long: "ciso", says: Reason{Kind: ReasonGrowPathEnd, Role: "CISO"}},
		"free-text current role":      {items: ready, current: "Head of Widgets", pos: "eng", next: "mgr", long: "ciso", says: Reason{Unmatched: "Head of Widgets", Role: "Engineer"}},
		"alias in a longer title":     {items: ready, current: "Senior Security Manager, EMEA", pos: "mgr", next: "mgr", long: "ciso", says: Reason{Kind: ReasonStartNamed, Named: "Senior Security Manager, EMEA"}},
		"target is where you are":     {items: ready, current: "mgr", target: "mgr", pos: "mgr", next: "mgr", long: "mgr", says: Reason{Kind: ReasonGrowPathEnd}},
		"target not reachable":        {items: ready, current: "ciso", target: "eng", pos: "ciso", next: "ciso", long: "eng", says: Reason{Kind: ReasonGrowBelowMove, Role: "CISO"}},
		"target unknown is ignored":   {items: ready, target: "cto", pos: "eng", next: "mgr", long: "ciso", says: Reason{Kind: ReasonUnknownTarget, Target: "cto"}},
		"blocked beyond the horizon":  {items: with(ready, "n-years", Answer{Number: fp(1)}), pos: "eng", next: "pm", long: "ciso", says: Reason{Kind: ReasonMove, Role: "Programme manager"}},
		"every step blocked too long": {items: with(ready, "n-years", Answer{Number: fp(1)}), pos: "eng", next: "eng", long: "ciso", says: Reason{Kind: ReasonGrowBeyond, Months: 48}, pmBlocked: true},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b := testBank()
			b.Roles[1].Aliases = []string{"Security manager"}
			if c.pmBlocked {
				b.Roles[2].Experience = map[string]float64{"years_security": 5}
			}
			a := answers(c.items)
			a.Profile.CurrentRole, a.Target = c.current, c.target
			rec := Score(b, a).Recommendation
			if rec.Position != c.pos || rec.NextRole != c.next || rec.LongTermRole != c.long || !hasReason(rec.Reasons, c.says) || rec.Rationale != nil {
				t.Errorf("got %s/%s/%s, want %s/%s/%s (%+v)\n%+v", rec.Position, rec.NextRole, rec.LongTermRole, c.pos, c.next, c.long, c.says, rec.Reasons)
			}
		})
	}
}

func TestMatchRole(t *testing.T) {
	b := testBank()
	b.Roles[1].Aliases = []string{"Security manager", "Head of security"}
	b.Roles[3].Aliases = []string{"vCISO", "Head of security and risk"}
	for text, want := range map[string]string{
		"mgr": "mgr", "MANAGER": "mgr", "  security   manager ": "mgr", "Security-Manager": "mgr",
		"Head of Security": "mgr", "Head of Security & Risk": "ciso", "vciso": "ciso",
		"Senior security manager (EMEA)": "mgr", "Programme manager": "pm", "": "", "Chef": "",
		"securitymanager": "",
	} {
		got := ""
		if r := b.MatchRole(text); r != nil {
			got = r.ID
		}
		if got != want {
			t.Errorf("MatchRole(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestPersonFamily(t *testing.T) {
	b := testBank()
	fams := []string{"security", "security", "security", "security"}
	for i := range b.Roles {
		b.Roles[i].Family = fams[i]
	}
	b.Roles = append(b.Roles, Role{ID: "itm", Title: "IT manager", Family: "it", Seniority: 5, Entry: true, Targets: []Target{{Competency: "tech1", Level: 2, Weight: 1}}},
		Role{ID: "dpo", Title: "DPO", Family: "privacy", Seniority: 5, Targets: []Target{{Competency: "strat1", Level: 3, Weight: 1}}})
	b.Facts = append(b.Facts, Fact{ID: "years_it", Kind: FactNumber}, Fact{ID: "years_privacy", Kind: FactNumber})
	for _, c := range []struct {
		sec, it, priv float64
		current, want string
	}{
		{0, 0, 0, "", "security"},    // nothing known: the profession served
		{2, 2, 0, "", "security"},    // two years, all in security
		{2, 10, 0, "", "it"},         // 8 years of IT outside security > 2·2
		{3, 9, 0, "", "security"},    // 6 is not more than 2·3
		{0, 0, 6, "", "privacy"},     // more years in privacy than in security
		{9, 12, 2, "DPO", "privacy"}, // the current role names the family
	} {
		a := answers(nil)
		a.Profile.CurrentRole = c.current
		res := &Result{Facts: map[string]float64{"years_security": c.sec, "years_it": c.it, "years_privacy": c.priv}}
		if got := personFamily(b, a, res); got != c.want {
			t.Errorf("%+v: family %q, want %q", c, got, c.want)
		}
	}
}

func TestQuickModeAsksOnlyQuickQuestions(t *testing.T) {
	b := testBank()
	a := answers(map[string]Answer{"r-tech1": {Choice: 4}, "r-tech2": {Choice: 6}})
	a.Mode = Quick
	res := Score(b, a)
	if res.Asked != 2 || res.Answered != 1 {
		t.Errorf("quick: asked %d answered %d", res.Asked, res.Answered)
	}
	if res.Level("tech2") != 0 {
		t.Errorf("a full-mode answer counted in quick mode: %v", res.Level("tech2"))
	}
	// eng's tech2 target was not assessed: readiness is over tech1 and
	// strat1 alone, (3·3 + 0) / (9 + 1) = 90%.
	if f := res.RoleFit("eng"); f.Assessed != 2 || f.Targets != 3 || !near(f.Readiness, 90) {
		t.Errorf("quick eng: assessed %d of %d, readiness %.1f", f.Assessed, f.Targets, f.Readiness)
	}
}

// TestEligibilityRoutes: a route open to people with a yes/no fact
// replaces the rule's minimums: cert-a asks for 5 years in security and 1
// of 2 domains; after its training (the degree fact stands in for it
// here) the route asks for 3 years and names itself in the message.
func TestEligibilityRoutes(t *testing.T) {
	b := testBank()
	b.Certifications[0].Rule.Routes = []Route{{When: "degree", Name: "after the official training", Experience: map[string]float64{"years_security": 3}}}
	b.Certifications[0].Rule.Waivers = nil
	covered := Answer{Choice: 5}
	without := Eligibility(b, b.Certification("cert-a"), Score(b, answers(map[string]Answer{"n-years": {Number: fp(3)}, "r-tech1": covered})))
	if without.Status != StatusNotYet || without.YearsShort != 2 {
		t.Errorf("without the training: %s short %v: %s", without.Status, without.YearsShort, without.Message)
	}
	with := Eligibility(b, b.Certification("cert-a"), Score(b, answers(map[string]Answer{"n-years": {Number: fp(3)}, "r-tech1": covered, "y-degree": {Bool: bp(true)}})))
	if with.Status != StatusMeetsRule || with.Route != "after the official training" || without.Route != "" {
		t.Errorf("with the training: %s: %s", with.Status, with.Message)
	}
}

// hasReason reports whether one of the reasons has every field that is
// set in want (a zero field matches anything), as in a reason written
// by hand with only what a test is about.
func hasReason(rs []Reason, want Reason) bool {
	w := reflect.ValueOf(want)
	for _, r := range rs {
		v, ok := reflect.ValueOf(r), true
		for i := range w.NumField() {
			if f := w.Field(i); !f.IsZero() && !reflect.DeepEqual(f.Interface(), v.Field(i).Interface()) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
