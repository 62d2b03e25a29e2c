package cli

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/questions"
)

// The cohort fixtures in questions/testdata/cohort are generated from the six
// personas in questions/testdata/personas by TestGenerateCohortFixtures and
// committed; the tests read the committed files and never run the
// generator. Regenerate them with:
//
//	SECPATH_GENERATE_COHORT=1 go test ./internal/cli -run TestGenerateCohortFixtures

// cohortVariant is one generated person: a base persona with its rating and
// scenario answers moved by Shift levels on a deterministic share of the
// questions, its years of experience scaled, and its certifications
// replaced when Certs is set.
type cohortVariant struct {
	File, Base, Name, CurrentRole, Organisation, About string
	Shift                                              int     // -1, 0 or +1 level
	Every                                              int     // shift one question in Every (by a hash of the id)
	Years                                              float64 // factor on every number answer
	Certs                                              []assess.HeldCert
}

var cohortVariants = []cohortVariant{
	{"analyst-amara-nwosu.toml", "new-analyst", "Amara Nwosu", "security-engineer", "Regional bank (cohort persona)",
		"A year into a SOC analyst job after a graduate scheme; no certifications yet.", -1, 2, 0.5, []assess.HeldCert{}},
	{"analyst-lukas-berg.toml", "new-analyst", "Lukas Berg", "security-engineer", "Regional bank (cohort persona)",
		"Three years in detection engineering; CySA+ on top of Security+.", 1, 3, 1.5,
		[]assess.HeldCert{{ID: "security-plus", Year: 2022}, {ID: "cysa-plus", Year: 2024}}},
	{"analyst-mei-tanaka.toml", "new-analyst", "Mei Tanaka", "Security analyst", "Online retailer (cohort persona)",
		"Two years in, moved from cloud operations; strong on tooling.", 1, 2, 1, nil},
	{"soc-lead-diego-santos.toml", "soc-lead", "Diego Santos", "technical-security-manager", "Regional bank (cohort persona)",
		"Runs a SOC of eight; incident-heavy, little time for governance.", -1, 3, 0.8, nil},
	{"soc-lead-fatima-haddad.toml", "soc-lead", "Fatima Haddad", "technical-security-manager", "Telecoms operator (cohort persona)",
		"SOC and incident response lead with a budget line of her own.", 1, 3, 1.2,
		[]assess.HeldCert{{ID: "gcih", Year: 2016}, {ID: "cissp", Year: 2021}}},
	{"grc-lead-oliver-grant.toml", "grc-lead", "Oliver Grant", "grc-analyst", "Insurance group (cohort persona)",
		"Compliance analyst turned GRC lead; ISO 27001 lead implementer.", -1, 3, 0.8,
		[]assess.HeldCert{{ID: "iso27001-li", Year: 2023}}},
	{"grc-lead-ingrid-larsen.toml", "grc-lead", "Ingrid Larsen", "grc-analyst", "Public sector agency (cohort persona)",
		"Heads risk and audit liaison; CISM and CRISC.", 1, 3, 1.3,
		[]assess.HeldCert{{ID: "cism", Year: 2019}, {ID: "crisc", Year: 2022}}},
	{"it-manager-kwame-mensah.toml", "it-manager", "Kwame Mensah", "it-manager", "Manufacturing plant (cohort persona)",
		"Infrastructure manager who also carries security for the site.", -1, 3, 1, nil},
	{"it-manager-claire-dubois.toml", "it-manager", "Claire Dubois", "it-manager", "Hospital trust (cohort persona)",
		"Head of IT operations; sponsors the security programme.", 1, 3, 1.2,
		[]assess.HeldCert{{ID: "pmp", Year: 2014}, {ID: "cism", Year: 2023}}},
	{"privacy-lead-ana-costa.toml", "privacy-counsel", "Ana Costa", "Privacy lead", "E-commerce marketplace (cohort persona)",
		"Data protection lead from the legal team; CIPP/E only.", -1, 3, 0.7,
		[]assess.HeldCert{{ID: "cipp-e", Year: 2021}}},
	{"privacy-officer-james-whitfield.toml", "privacy-counsel", "James Whitfield", "privacy-manager", "Health insurer (cohort persona)",
		"Data protection officer with a privacy engineering background.", 1, 3, 1.3,
		[]assess.HeldCert{{ID: "cipp-e", Year: 2015}, {ID: "cipm", Year: 2017}, {ID: "cipt", Year: 2020}}},
	{"director-elena-petrova.toml", "security-director", "Elena Petrova", "it-security-manager", "Logistics group (cohort persona)",
		"Director of security operations and architecture.", 0, 3, 0.9, nil},
	{"director-samuel-adeyemi.toml", "security-director", "Samuel Adeyemi", "it-security-manager", "Listed retailer (cohort persona)",
		"Security director who briefs the board each quarter.", 1, 2, 1.2,
		[]assess.HeldCert{{ID: "cissp", Year: 2010}, {ID: "cism", Year: 2013}, {ID: "cciso", Year: 2022}}},
	{"deputy-ciso-nadia-rahman.toml", "security-director", "Nadia Rahman", "Deputy CISO", "Energy utility (cohort persona)",
		"Deputy CISO, strong on operations, newer to the board.", -1, 3, 0.8,
		[]assess.HeldCert{{ID: "cissp", Year: 2016}}},
}

// cohortCorrupt is the broken file of the cohort: a generated answers file
// cut off in the middle of a table header, as a failed copy would leave it.
const cohortCorrupt = "corrupt-truncated-mid-table.toml"

func TestGenerateCohortFixtures(t *testing.T) {
	if os.Getenv("SECPATH_GENERATE_COHORT") == "" {
		t.Skip("set SECPATH_GENERATE_COHORT=1 to regenerate questions/testdata/cohort")
	}
	b, _, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "questions", "testdata", "cohort")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeRoomFixtures(t, b, filepath.Join(dir, "room"))
	for i, v := range cohortVariants {
		f, err := storage.ReadAnswers(filepath.Join("..", "..", "questions", "testdata", "personas", v.Base+".toml"), b)
		if err != nil {
			t.Fatal(err)
		}
		a := vary(b, f.Answers, v)
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "# Cohort persona, generated from personas/%s.toml by TestGenerateCohortFixtures\n", v.Base)
		fmt.Fprintf(&buf, "# (internal/cli/cohort_test.go): %s\n", v.About)
		fmt.Fprintf(&buf, "# Ratings and scenarios moved %+d level on one question in %d; years x %g.\n#\n", v.Shift, v.Every, v.Years)
		var full bytes.Buffer
		if err := storage.WriteAnswers(&full, b, &storage.File{Answers: a, Session: fixtureSession(v.Name, time.Date(2026, 11, 2+i, 9, 0, 0, 0, time.UTC))}); err != nil {
			t.Fatal(err)
		}
		buf.WriteString(compactAnswers(full.String()))
		if err := os.WriteFile(filepath.Join(dir, v.File), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if v.File == cohortVariants[0].File {
			// The corrupt file: the same text, cut inside a table header.
			text := buf.String()
			cut := strings.Index(text, "[answers.risk-")
			if cut < 0 {
				t.Fatal("no risk question to cut at")
			}
			broken := "# A cohort member's file cut off in the middle of a table header, as an\n# interrupted copy leaves it. `secpath cohort` skips it with one line on stderr.\n" +
				text[:cut+len("[answers.risk-")] + "\n"
			if err := os.WriteFile(filepath.Join(dir, cohortCorrupt), []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// fixtureSession is the session table of a generated file: started at
// start, saved 40 minutes later.
func fixtureSession(name string, start time.Time) storage.Session {
	return storage.Session{ID: fmt.Sprintf("%s-%04x", start.Format("20060102-150405"), hashOf(name)&0xffff), Started: start, Updated: start.Add(40 * time.Minute)}
}

// vary applies a variant to a persona's answers, deterministically.
func vary(b *assess.Bank, base *assess.Answers, v cohortVariant) *assess.Answers {
	a := &assess.Answers{Bank: base.Bank, BankVersion: base.BankVersion, Mode: assess.Full, Target: "",
		Profile: assess.Profile{Name: v.Name, CurrentRole: v.CurrentRole, Organisation: v.Organisation},
		Items:   map[string]assess.Answer{}}
	for _, q := range b.QuestionsFor(assess.Full) {
		ans := base.Items[q.ID]
		ans.Evidence = "" // the base persona's stories are not this person's
		picked := hashOf(v.Name+q.ID)%uint32(v.Every) == 0
		switch q.Kind {
		case assess.KindRating, assess.KindScenario:
			if picked && v.Shift != 0 {
				ans.Choice = shiftChoice(q, ans.Choice, v.Shift)
			}
		case assess.KindNumber:
			if ans.Number != nil {
				n := math.Round(*ans.Number * v.Years)
				if q.Max != nil {
					n = min(n, *q.Max)
				}
				if q.Min != nil {
					n = max(n, *q.Min)
				}
				ans.Number = &n
			}
		case assess.KindCertifications:
			if v.Certs != nil {
				ans.Held = v.Certs
			}
		case assess.KindYesNo:
		}
		a.Items[q.ID] = ans
	}
	return a
}

// shiftChoice returns the option one level up or down from the chosen one
// for the question's main competency, or the same choice at the ends.
func shiftChoice(q *assess.Question, choice, shift int) int {
	if choice < 1 || choice > len(q.Options) {
		return choice
	}
	comp, w := "", -1.0
	for c, cw := range q.Measures {
		if cw > w || (cw == w && c < comp) {
			comp, w = c, cw
		}
	}
	cur, ok := q.Options[choice-1].LevelFor(comp)
	if !ok {
		return choice
	}
	for i := range q.Options {
		if l, ok := q.Options[i].LevelFor(comp); ok && l == cur+shift {
			return i + 1
		}
	}
	return choice
}

// compactAnswers drops the comment lines WriteAnswers puts before every
// question (the question text and its options), and runs of blank lines,
// so a fixture is a few KiB that read well in a diff.
func compactAnswers(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "#") || (l == "" && len(out) > 0 && out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimLeft(strings.Join(out, "\n"), "\n")
}

func hashOf(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}
