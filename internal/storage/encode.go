package storage

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/wording"
)

// WriteAnswers writes an answers file: every question of the mode in bank
// order, its kind, text and options as comments, and the answer (or a
// commented-out blank one). The same format serves as the template, the
// quiz's saved session and the hand-filled file that `score` reads, so a
// person can open any of them in an editor and carry on.
func WriteAnswers(w io.Writer, b *assess.Bank, f *File) error {
	a := f.Answers
	if a == nil {
		a = assess.NewAnswers(b, assess.Full)
	}
	mode := a.Mode
	if mode == "" {
		mode = assess.Full
	}
	// An answer the reader would refuse is never written: the file would
	// not read back, and a save that cannot be resumed is not a save.
	today := time.Now().UTC() // UTC: no time zone to load mid-write
	for _, id := range answerIDs(a.Items) {
		if q := b.Question(id); q != nil {
			if p := b.CheckAnswer(q, a.Items[id], today); p != nil {
				return fmt.Errorf("answer to %s: %w", id, p)
			}
		}
	}
	ew := &errWriter{w: w}
	ew.printf("# secpath answers file (schema %d). Fill in `answer = ...` under each question,\n", assess.SchemaVersion)
	ew.printf("# then run: secpath score FILE   (or: secpath plan FILE)\n")
	ew.printf("# Option numbers start at 1. Leave a question out, or set skipped = true, to skip it.\n")
	ew.printf("# Optional per answer: evidence = \"what you did, where\" and confidence = \"low\" | \"medium\" | \"high\".\n\n")
	ew.printf("schema = %d\n", assess.SchemaVersion)
	ew.printf("bank = %s\n", quote(b.Meta.Name))
	ew.printf("bank_version = %s\n", quote(b.Meta.Version))
	ew.printf("mode = %s            # full | quick\n", quote(string(mode)))
	ew.printf("target = %s               # a role id (see `secpath roles`), or \"\" to let secpath recommend one\n", quote(a.Target))
	ew.printf("\n[profile]\n")
	ew.printf("name = %s                 # optional\n", quote(a.Profile.Name))
	ew.printf("current_role = %s         # a role id, or your job title in words\n", quote(a.Profile.CurrentRole))
	ew.printf("organisation = %s         # optional\n", quote(a.Profile.Organisation))
	if f.Session.ID != "" {
		ew.printf("\n[session]\n")
		ew.printf("id = %s\n", quote(f.Session.ID))
		ew.printf("started = %s\n", f.Session.Started.UTC().Format(time.RFC3339))
		ew.printf("updated = %s\n", f.Session.Updated.UTC().Format(time.RFC3339))
		ew.printf("position = %s\n", quote(f.Session.Position))
	}
	section := ""
	for _, q := range b.QuestionsFor(mode) {
		if q.Section != section {
			section = q.Section
			title := section
			if s := b.Section(section); s != nil {
				title = s.Title
			}
			ew.printf("\n# %s\n# %s\n", strings.Repeat("=", 70), title)
		}
		writeQuestion(ew, b, q, a.Items[q.ID])
	}
	// Answers to questions outside the mode are kept, so switching from
	// quick to full mode loses nothing.
	var extra []string
	for id := range a.Items {
		if q := b.Question(id); q != nil && !mode.Includes(q) {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		ew.printf("\n# %s\n# Answers kept from a longer assessment\n", strings.Repeat("=", 70))
		for _, id := range extra {
			writeQuestion(ew, b, b.Question(id), a.Items[id])
		}
	}
	if a.Mentor != nil {
		writeMentor(ew, b, a.Mentor)
	}
	return ew.err
}

// writeMentor writes the mentor's view in its own tables, apart from the
// mentee's answers, so reviewing never changes an answer.
func writeMentor(ew *errWriter, b *assess.Bank, m *assess.MentorView) {
	ew.printf("\n# %s\n# Mentor's view: ratings and notes beside the answers above, agreed gaps,\n# sign-off. The answers themselves are never changed by a review.\n", strings.Repeat("=", 70))
	ew.printf("[mentor]\nname = %s\n", quote(m.Name))
	if !m.Updated.IsZero() {
		ew.printf("updated = %s\n", m.Updated.UTC().Format(time.RFC3339))
	}
	ew.printf("\n[mentor.signoff]\nmentee = %s\nmentor = %s\n", quote(m.SignOff.Mentee), quote(m.SignOff.Mentor))
	if !m.SignOff.Date.IsZero() {
		ew.printf("date = %s\n", m.SignOff.Date.Format("2006-01-02"))
	}
	ids := make([]string, 0, len(m.Ratings))
	for id := range m.Ratings {
		ids = append(ids, id)
	}
	// Bank order reads like the quiz.
	order := map[string]int{}
	for i, q := range b.Questions {
		order[q.ID] = i
	}
	sort.SliceStable(ids, func(i, j int) bool { return order[ids[i]] < order[ids[j]] })
	for _, id := range ids {
		r := m.Ratings[id]
		if r.Empty() {
			continue
		}
		ew.printf("\n[mentor.ratings.%s]\n", tableKey(id))
		writeLevels(ew, b.Question(id), r)
		if r.Notes != "" {
			ew.printf("notes = %s\n", quote(r.Notes))
		}
	}
	for _, g := range m.Gaps {
		ew.printf("\n[[mentor.gap]]\nrole = %s\ncompetency = %s\n", quote(g.Role), quote(g.Competency))
		if !g.Undecided {
			ew.printf("matters = %t\n", g.Matters) // absent: not decided yet
		}
		ew.printf("priority = %d\n", g.Priority)
		if g.Owner != "" {
			ew.printf("owner = %s\n", quote(g.Owner))
		}
		if !g.Due.IsZero() {
			ew.printf("due = %s\n", g.Due.Format("2006-01-02"))
		}
		if !g.CheckIn.IsZero() {
			ew.printf("check_in = %s\n", g.CheckIn.Format("2006-01-02"))
		}
		if g.Action != "" {
			ew.printf("action = %s\n", quote(g.Action))
		}
		if g.Notes != "" {
			ew.printf("notes = %s\n", quote(g.Notes))
		}
	}
}

// writeLevels writes a rating's levels: one level when it is the same for
// everything the question measures (the shape every version reads), else
// each competency's.
func writeLevels(ew *errWriter, q *assess.Question, r assess.MentorRating) {
	if !r.Rated() {
		return
	}
	if l, ok := r.Uniform(q); ok {
		ew.printf("level = %d\n", l)
		return
	}
	order := slices.Sorted(maps.Keys(r.Levels))
	if q != nil {
		order = q.MeasuredOrder()
	}
	var parts []string
	for _, comp := range order {
		if l, ok := r.Levels[comp]; ok {
			parts = append(parts, fmt.Sprintf("%s = %d", tableKey(comp), l))
		}
	}
	ew.printf("levels = { %s }\n", strings.Join(parts, ", "))
}

func writeQuestion(ew *errWriter, b *assess.Bank, q *assess.Question, ans assess.Answer) {
	ew.printf("\n")
	for _, line := range wrap(fmt.Sprintf("%s (%s): %s", q.ID, kindLabel(q), q.Text), 76) {
		ew.printf("# %s\n", line)
	}
	switch q.Shape() {
	case assess.ShapeChoice:
		for i, o := range q.Options {
			for j, line := range wrap(o.Text, 70) {
				if j == 0 {
					ew.printf("#   %d = %s\n", i+1, line)
				} else {
					ew.printf("#       %s\n", line)
				}
			}
		}
	case assess.ShapeNumber:
		ew.printf("#   a number, %s\n", wording.NumberRange(b, q))
	case assess.ShapeYesNo:
		ew.printf("#   true or false\n")
	case assess.ShapeCertList:
		ew.printf("#   a list of ids, with the year where you know it: [\"cissp\", { id = \"cism\", year = 2021 }]\n")
		var ids []string
		for _, c := range b.Certifications {
			ids = append(ids, c.ID)
		}
		for _, line := range wrap("ids: "+strings.Join(ids, ", "), 72) {
			ew.printf("#   %s\n", line)
		}
	case assess.ShapeUnknown:
	}
	ew.printf("[answers.%s]\n", tableKey(q.ID))
	switch {
	case ans.Skipped:
		ew.printf("skipped = true\n")
	case ans.Given(q.Kind):
		ew.printf("answer = %s\n", answerValue(q, ans))
	default:
		ew.printf("# answer = \n")
	}
	if ans.Evidence != "" {
		ew.printf("evidence = %s\n", quote(ans.Evidence))
	}
	if ans.Confidence != "" {
		ew.printf("confidence = %s\n", quote(string(ans.Confidence)))
	}
}

func kindLabel(q *assess.Question) string { return wording.KindFileHint(q.Kind) }

func answerValue(q *assess.Question, ans assess.Answer) string {
	switch q.Shape() {
	case assess.ShapeChoice:
		return strconv.Itoa(ans.Choice)
	case assess.ShapeNumber:
		return strconv.FormatFloat(*ans.Number, 'f', -1, 64)
	case assess.ShapeYesNo:
		return strconv.FormatBool(*ans.Bool)
	case assess.ShapeCertList:
		parts := make([]string, len(ans.Held))
		for i, h := range ans.Held {
			if h.Year > 0 {
				parts[i] = fmt.Sprintf("{ id = %s, year = %d }", quote(h.ID), h.Year)
			} else {
				parts[i] = quote(h.ID)
			}
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case assess.ShapeUnknown:
	}
	return ""
}

// quote writes a TOML basic string.
func quote(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			sb.WriteString(`\"`)
		case '\\':
			sb.WriteString(`\\`)
		case '\n':
			sb.WriteString(`\n`)
		case '\r':
			sb.WriteString(`\r`)
		case '\t':
			sb.WriteString(`\t`)
		default:
			if safetext.Unsafe(r) {
				// Escaped, so that showing the file (cat, less) shows
				// the code rather than obeying it.
				fmt.Fprintf(&sb, `\u%04X`, r)
			} else {
				sb.WriteRune(r)
			}
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

// tableKey writes an id as a bare key when it can be one.
func tableKey(id string) string {
	for _, r := range id {
		if !(r == '-' || r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')) {
			return quote(id)
		}
	}
	return id
}

// wrap breaks text into comment lines of at most width cells at spaces;
// a word longer than a line (a URL) is kept whole.
func wrap(s string, width int) []string {
	return strings.Split(ansi.Wordwrap(strings.Join(strings.Fields(s), " "), width, ""), "\n")
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func answerIDs(items map[string]assess.Answer) []string {
	ids := make([]string, 0, len(items))
	for id := range items {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
