package accessible

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/questionnaire"
	"github.com/secpath/secpath/internal/safetext"
	"github.com/secpath/secpath/internal/storage"
	"github.com/secpath/secpath/internal/wording"
)

// Options configure a run.
type Options struct {
	Bank *assess.Bank
	File *storage.File             // the session to fill: new (no answers) or resumed; File.Answers is non-nil
	Save func(*storage.File) error // called after every answer, skip and profile change; a failure is reported and the run continues
	In   io.Reader
	Out  io.Writer
	Now  func() time.Time // for Session.Updated; nil means time.Now
	New  bool             // true: ask the set-up questions first (mode, target, name, current role)
	// ResumeAs is what to type to resume, when not the session's id: the
	// path of a file saved where it was opened.
	ResumeAs string
}

// Result says how a run ended.
type Result struct {
	Finished bool // every question of the mode was answered or skipped
	Quit     bool // the person typed q (answers saved)
	// Unsaved says nothing was written: a new assessment left before its
	// set-up was done, with nothing to keep.
	Unsaved bool
}

// ErrNotSaved is joined to the error of a run whose last save failed: the
// answers since the last good save are not on disk.
var ErrNotSaved = errors.New("the last save failed")

// ErrAborted is returned when the input ends before the assessment is
// finished (answers given so far are saved).
var ErrAborted = errors.New("input ended before the assessment was finished")

// errQuit and errBack travel up from a prompt to the step that owns it:
// q ends the run from any depth, b returns to the previous step.
var (
	errQuit = errors.New("quit")
	errBack = errors.New("back")
)

const (
	// width is the longest line printed. Options get 78 columns with a
	// hanging indent; using the same limit everywhere keeps every line
	// within 80 columns, including on terminals that wrap at column 80.
	width = 78
	// maxLine bounds one line of input, so a stray binary file piped in
	// cannot exhaust memory; the rest of an over-long line is discarded.
	maxLine = 64 << 10
	// maxText bounds a name or a job title.
	maxText = 200
)

// Run asks the questions of the assessment one by one, filling
// opts.File.Answers and saving through opts.Save after every change. It
// returns when every question of the mode is answered or skipped
// (Result.Finished), when the person types q (Result.Quit), or when the
// input ends (ErrAborted). The caller prints the results, with WriteResults.
func Run(opts Options) (Result, error) {
	switch {
	case opts.Bank == nil:
		return Result{}, errors.New("accessible: no question bank")
	case opts.File == nil || opts.File.Answers == nil:
		return Result{}, errors.New("accessible: no answers to fill")
	case opts.Save == nil:
		return Result{}, errors.New("accessible: no save function")
	case opts.In == nil || opts.Out == nil:
		return Result{}, errors.New("accessible: no input or output")
	}
	a := opts.File.Answers
	mode, ok := assess.ParseMode(string(a.Mode))
	if !ok {
		return Result{}, fmt.Errorf("accessible: unknown mode %q", a.Mode)
	}
	a.Mode = mode
	if a.Items == nil {
		a.Items = map[string]assess.Answer{}
	}
	r := &runner{
		b:        opts.Bank,
		f:        opts.File,
		save:     opts.Save,
		in:       bufio.NewReader(opts.In),
		out:      opts.Out,
		now:      opts.Now,
		first:    true,
		resumeAs: opts.ResumeAs,
	}
	if r.now == nil {
		r.now = time.Now
	}
	if r.f.Session.Started.IsZero() {
		r.f.Session.Started = r.now()
	}
	r.intro()
	r.fresh = opts.New
	if opts.New {
		if err := r.setup(); err != nil {
			return r.stop(err)
		}
	}
	return r.quiz(!opts.New)
}

// runner holds the state of one run.
type runner struct {
	b    *assess.Bank
	f    *storage.File
	save func(*storage.File) error
	in   *bufio.Reader
	out  io.Writer
	now  func() time.Time
	// titleKept is the job title in words waiting to be confirmed.
	titleKept string

	// col is the column the output stands at after a prompt. On a
	// terminal the person's Enter moves to a new line, but when input is
	// piped the next output continues the prompt's line, so the first line
	// printed after a prompt is wrapped shorter to stay within 80 columns
	// either way.
	col  int
	werr error // the first write error; the run stops at the next step
	// first is true until the first line is read, which may start with a
	// byte-order mark when the input was written by a Windows editor.
	first bool
	// saveErr is the error of the last save, retried before reporting a
	// finished run as saved.
	saveErr error
	// fresh is set for a new assessment until its set-up is done: left
	// before then with nothing answered, it is not saved at all.
	fresh bool
	// resumeAs: see Options.ResumeAs.
	resumeAs string
}

// ---------------------------------------------------------------- output

func (r *runner) write(s string) {
	if r.werr != nil {
		return
	}
	// Text from files (names, titles, notes, the bank) never reaches the
	// terminal as control codes.
	_, r.werr = io.WriteString(r.out, safetext.Text(s))
}

// say prints text as a wrapped paragraph.
func (r *runner) say(text string) { r.hang("", text) }

// sayf is say with formatting.
func (r *runner) sayf(format string, args ...any) { r.say(fmt.Sprintf(format, args...)) }

// hang prints text after label, with later lines indented by the label's
// width so a numbered option reads as one item.
func (r *runner) hang(label, text string) {
	first := width - r.col
	if r.col > 0 && first < width/3 {
		// Too little room left after a piped prompt: start afresh.
		r.write("\n")
		first = width
	}
	lw := ansi.StringWidth(label)
	lines := wrap(text, first-lw, width-lw)
	pad := strings.Repeat(" ", lw)
	var sb strings.Builder
	for i, l := range lines {
		if i == 0 {
			sb.WriteString(label)
		} else {
			sb.WriteString(pad)
		}
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	r.write(sb.String())
	r.col = 0
}

// blank ends the current line and leaves an empty one, which separates
// question blocks; after a prompt it also ends the prompt's line when the
// input is piped.
func (r *runner) blank() {
	r.write("\n")
	r.col = 0
}

// prompt prints p without a newline; its last line is where the person
// types.
func (r *runner) prompt(p string) {
	lines := wrap(p, width, width)
	if r.col > 0 && (len(lines) > 1 || r.col+ansi.StringWidth(lines[0]) >= width) {
		// A prompt right after another: with piped input both would
		// share a line.
		r.write("\n")
		r.col = 0
	}
	for _, l := range lines[:len(lines)-1] {
		r.write(l + "\n")
		r.col = 0
	}
	last := lines[len(lines)-1] + " "
	r.write(last)
	r.col += ansi.StringWidth(last)
}

// ----------------------------------------------------------------- input

// read prompts and returns the next line of input, trimmed and cleaned.
// It answers ? itself and turns q into errQuit, so every prompt offers the
// same commands. The end of input is io.EOF; a last line without a newline
// is returned first like any other.
func (r *runner) read(p string) (string, error) {
	for {
		r.prompt(p)
		line, err := r.readLine()
		if err != nil {
			return "", err
		}
		switch strings.ToLower(line) {
		case "?", "help":
			r.help()
			continue
		case "q", "quit":
			return "", errQuit
		}
		return line, nil
	}
}

// readLine reads one line from the shared reader, keeping at most maxLine
// bytes of it.
func (r *runner) readLine() (string, error) {
	var buf []byte
	for {
		chunk, err := r.in.ReadSlice('\n')
		if len(buf) < maxLine {
			buf = append(buf, chunk[:min(len(chunk), maxLine-len(buf))]...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				if len(buf) == 0 {
					return "", io.EOF
				}
				break // the last line, without a newline: process it
			}
			return "", fmt.Errorf("reading input: %w", err)
		}
		break
	}
	line := string(buf)
	if r.first {
		line = strings.TrimPrefix(line, "\uFEFF")
		r.first = false
	}
	return clean(line), nil
}

// clean makes typed text safe to store and print: valid UTF-8, tabs as
// spaces, no other control characters, no surrounding space.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// ------------------------------------------------------------ save, stop

// persist stamps and saves the session, reporting a failure to the
// person; the answers stay in memory either way.
func (r *runner) persist() error {
	r.f.Session.Updated = r.now()
	err := r.save(r.f)
	r.saveErr = err
	if err != nil {
		r.sayf("Could not save your answers: %v. They are kept until secpath "+
			"is closed, and saving is tried again after the next answer.", err)
	}
	return err
}

// resumeLine is the command to carry on, on a line of its own and never
// wrapped, so it can be copied whole; "" when there is nothing to resume.
func (r *runner) resumeLine() string {
	switch {
	case r.resumeAs != "":
		return "Resume with: secpath resume " + r.resumeAs + "\n"
	case r.f.Session.ID == "":
		return ""
	}
	return "Resume with: secpath resume " + r.f.Session.ID + "\n"
}

// stop ends the run on q, on the end of input or on an I/O failure, saving
// first so that nothing answered is lost.
func (r *runner) stop(err error) (Result, error) {
	if r.fresh && len(r.f.Answers.Items) == 0 {
		// Nothing chosen, nothing answered: no empty session is left
		// behind, and nothing is said to be saved.
		r.blank()
		r.say("Nothing was answered, so nothing was saved.")
		if errors.Is(err, errQuit) {
			return Result{Quit: true, Unsaved: true}, nil
		}
		if errors.Is(err, io.EOF) {
			return Result{Unsaved: true}, ErrAborted
		}
		return Result{Unsaved: true}, err
	}
	serr := r.persist()
	if serr != nil {
		serr = fmt.Errorf("%w: %w", ErrNotSaved, serr)
	}
	switch {
	case errors.Is(err, errQuit):
		if serr != nil {
			return Result{Quit: true}, fmt.Errorf("saving the session: %w", serr)
		}
		r.say("Saved.")
		r.write(r.resumeLine())
		return Result{Quit: true}, nil
	case errors.Is(err, io.EOF):
		if serr != nil {
			return Result{}, errors.Join(ErrAborted, fmt.Errorf("saving the session: %w", serr))
		}
		// Said once, by the caller: where the answers are, how to resume
		// and that the input ended (ErrAborted's message).
		r.blank()
		return Result{}, ErrAborted
	}
	if serr != nil {
		return Result{}, errors.Join(err, fmt.Errorf("saving the session: %w", serr))
	}
	return Result{}, err
}

// ----------------------------------------------------------- intro, help

func (r *runner) intro() {
	r.say("secpath shows how far you stand from IT Security Manager or CISO " +
		"and the roles beside them, and what to do next. You answer questions " +
		"about your experience and about what you would do in real situations. " +
		fmt.Sprintf("The quick assessment takes %s, the full one %s.",
			wording.Minutes(len(r.b.QuestionsAsked(assess.Quick, nil))), wording.Minutes(len(r.b.QuestionsAsked(assess.Full, nil)))))
	r.say("Everything stays on this machine.")
	r.blank()
	r.help()
}

// help lists the commands; it is printed at the start and on ?.
func (r *runner) help() {
	r.say("At any prompt you can type:")
	r.hang("  ", "a number, then Enter, to answer. Add + to note evidence and "+
		"your confidence, for example 3+.")
	r.hang("  ", "Enter on its own, or s, to skip a question. "+
		"Questions that cannot be skipped say they are required.")
	r.hang("  ", "b to go back one question.")
	r.hang("  ", "q to save and stop. You can resume later.")
	r.hang("  ", "? to repeat this help.")
}

// ----------------------------------------------------------------- setup

// setup asks how long an assessment, the target role, the name and the
// current role, with b going back one step, then saves.
func (r *runner) setup() error {
	steps := []func() error{r.askMode, r.askTarget, r.askName, r.askRole}
	for i := 0; i < len(steps); {
		r.blank()
		err := steps[i]()
		switch {
		case errors.Is(err, errBack):
			if i == 0 {
				r.say("This is the first question; there is nothing before it.")
			} else {
				i--
			}
			continue
		case err != nil:
			return err
		}
		if r.werr != nil {
			return fmt.Errorf("writing output: %w", r.werr)
		}
		i++
	}
	r.fresh = false
	r.persist()
	return nil
}

// choose lists items numbered from 1 and returns the chosen index (0-based).
// def > 0 is the number taken for an empty line.
func (r *runner) choose(title string, items []string, p string, def int) (int, error) {
	r.say(title)
	for i, it := range items {
		r.hang(fmt.Sprintf("%d. ", i+1), it)
	}
	for {
		line, err := r.read(p)
		if err != nil {
			return 0, err
		}
		if line == "" && def > 0 {
			return def - 1, nil
		}
		if strings.EqualFold(line, "b") || strings.EqualFold(line, "back") {
			return 0, errBack
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(items) {
			r.sayf("Enter a number from 1 to %d.", len(items))
			continue
		}
		return n - 1, nil
	}
}

func (r *runner) askMode() error {
	quick := len(r.b.QuestionsAsked(assess.Quick, nil))
	full := len(r.b.QuestionsAsked(assess.Full, nil))
	i, err := r.choose("How long an assessment would you like?", []string{
		fmt.Sprintf("Quick: %s, %d questions.", wording.Minutes(quick), quick),
		fmt.Sprintf("Full: %s, %d questions.", wording.Minutes(full), full),
	}, "Assessment (1-2, Enter for full):", 2)
	if err != nil {
		return err
	}
	r.f.Answers.Mode = []assess.Mode{assess.Quick, assess.Full}[i]
	return nil
}

func (r *runner) askTarget() error {
	roles := questionnaire.TargetRoles(r.b)
	items := make([]string, 0, len(roles)+1)
	for _, ro := range roles {
		items = append(items, ro.Title)
	}
	items = append(items, "Not sure: recommend one")
	i, err := r.choose("Which role are you aiming for?", items,
		fmt.Sprintf("Target role (1-%d):", len(items)), 0)
	if err != nil {
		return err
	}
	r.f.Answers.Target = ""
	if i < len(roles) {
		r.f.Answers.Target = roles[i].ID
	}
	return nil
}

func (r *runner) askName() error {
	r.say("Your name is shown on the results and nowhere else.")
	for {
		line, err := r.read("Your name (Enter to skip):")
		if err != nil {
			return err
		}
		if strings.EqualFold(line, "b") || strings.EqualFold(line, "back") {
			return errBack
		}
		if utf8.RuneCountInString(line) > maxText {
			r.sayf("That is longer than %d characters; enter a shorter name.", maxText)
			continue
		}
		r.f.Answers.Profile.Name = line
		return nil
	}
}

func (r *runner) askRole() error {
	items := make([]string, 0, len(r.b.Roles)+1)
	for _, ro := range r.b.Roles {
		items = append(items, ro.Title)
	}
	items = append(items, "Something else")
	for {
		i, err := r.choose("What is your current role?", items,
			fmt.Sprintf("Current role (1-%d):", len(items)), 0)
		if err != nil {
			return err
		}
		if i < len(r.b.Roles) {
			r.f.Answers.Profile.CurrentRole = r.b.Roles[i].ID
			return nil
		}
		title, err := r.askTitle()
		if errors.Is(err, errBack) {
			r.blank()
			continue // back to the list of roles
		}
		if err != nil {
			return err
		}
		r.f.Answers.Profile.CurrentRole = title
		return nil
	}
}

// askTitle reads a job title in words. A title that is one of the bank's
// role titles is stored as that role's id, so the recommendation can use
// it.
func (r *runner) askTitle() (string, error) {
	p := "Your current job title:"
	for {
		line, err := r.read(p)
		if err != nil {
			return "", err
		}
		switch {
		case strings.EqualFold(line, "b") || strings.EqualFold(line, "back"):
			return "", errBack
		case line == "" && p == confirmTitle:
			return r.titleKept, nil
		case line == "":
			r.say("Type your job title, or b to choose from the list.")
			continue
		case utf8.RuneCountInString(line) > maxText:
			r.sayf("That is longer than %d characters; enter a shorter title.", maxText)
			continue
		}
		for _, ro := range r.b.Roles {
			if strings.EqualFold(ro.Title, line) {
				return ro.ID, nil
			}
		}
		// Said back, so that a title read as the wrong role can be
		// changed before the assessment starts.
		if ro := r.b.MatchRole(line); ro != nil {
			r.sayf("secpath reads %q as %s.", line, ro.Title)
		} else {
			r.sayf("secpath does not recognise %q as one of its roles, so it will place you from your answers.", line)
		}
		r.titleKept, p = line, confirmTitle
	}
}

// confirmTitle asks to keep a title in words once it is said back.
const confirmTitle = "Press Enter to keep it, or type another title:"

// ------------------------------------------------------------------ quiz

// quiz asks the questions of the mode in bank order, on the questionnaire
// engine the full-screen interface uses too. It starts at the saved
// position, or at the first open question, and when it runs off the end
// with questions still open it goes back to them, so that Finished always
// means every question was answered or skipped.
func (r *runner) quiz(resumed bool) (Result, error) {
	e := questionnaire.New(r.b, r.f.Answers, r.f.Session.Position, r.now)
	total := e.Total()
	if total == 0 {
		r.blank()
		r.sayf("This question bank has no questions for the %s assessment.", r.f.Answers.Mode)
		return Result{Finished: true}, nil
	}
	if r.f.Session.Position == "" && e.Finished() {
		return r.finish(total)
	}
	if _, left := e.Open(); resumed && left < total {
		r.blank()
		r.sayf("Welcome back. %d of the %d questions are answered or skipped.", total-left, total)
	}
	// catchUp is set once the run has gone past the last question with
	// some still open: from then on it moves from one open question to
	// the next instead of walking through the answered ones again.
	catchUp := false
	for {
		if e.Current() == nil {
			first, n := e.Open()
			if first < 0 {
				return r.finish(e.Total())
			}
			r.blank()
			r.sayf("%d of the %d questions are still open; going back to question %d.", n, e.Total(), first+1)
			e.GoToIndex(first)
			catchUp = true
		}
		step, err := r.ask(e)
		if err == nil && r.werr != nil {
			err = fmt.Errorf("writing output: %w", r.werr)
		}
		if err != nil {
			// Resume on the question that was on screen.
			r.f.Session.Position = e.Position()
			return r.stop(err)
		}
		// An answer can change which questions are asked (a yes to the
		// SEC question brings its scenarios): every move reads the list
		// again and continues from the question just shown.
		switch {
		case step > 0 && catchUp:
			e.NextOpen()
		case step > 0:
			e.Move(1)
		case step < 0:
			e.Move(-1)
		default:
			e.Refresh()
		}
		if step > 0 {
			// Answered or skipped: saved, with the question that comes
			// next as the place to resume.
			r.f.Session.Position = e.Position()
			r.persist()
		}
	}
}

func (r *runner) finish(total int) (Result, error) {
	r.f.Session.Position = ""
	if r.saveErr != nil {
		// The last save failed; a finished assessment must not be lost.
		if err := r.persist(); err != nil {
			return Result{Finished: true}, fmt.Errorf("saving the session: %w: %w", ErrNotSaved, err)
		}
	}
	r.blank()
	r.sayf("All %d questions done.", total)
	return Result{Finished: true}, nil
}

// show prints a question: where it stands, its text and help, how to
// answer it and the current answer if there is one.
func (r *runner) show(qs []*assess.Question, i int) {
	q := qs[i]
	title := q.Section
	intro := ""
	if s := r.b.Section(q.Section); s != nil {
		title = s.Title
		if i == 0 || qs[i-1].Section != q.Section {
			intro = s.Intro
		}
	}
	r.blank()
	r.sayf("Question %d of %d, %s.", i+1, len(qs), title)
	if intro != "" {
		r.say(intro)
	}
	if q.Regime != "" {
		r.say("Set under " + q.Regime + " rules, as you said they apply to your work.")
	}
	r.say(q.Text)
	if q.Help != "" {
		r.hang("Help: ", q.Help)
	}
	switch q.Shape() {
	case assess.ShapeChoice:
		// Only the option texts: levels and role targets would invite
		// choosing the answer that scores, not the true one.
		for j, o := range q.Options {
			r.hang(fmt.Sprintf("%d. ", j+1), o.Text)
		}
	case assess.ShapeYesNo:
		// Written as is: wrapping would fold the two spaces that set the
		// options apart.
		r.write("1. Yes  2. No\n")
	case assess.ShapeNumber:
		r.say(numberHint(r.b, q))
	case assess.ShapeCertList:
		for j := range r.b.Certifications {
			r.hang(fmt.Sprintf("%d. ", j+1), certLabel(&r.b.Certifications[j]))
		}
		r.say("Type the numbers of the certifications you hold, separated by " +
			"commas or spaces. Add :YEAR for the year you obtained one, for " +
			"example 1, 3:2019. Type 0 or none if you hold none.")
	case assess.ShapeUnknown:
	}
	if !q.IsSkippable() {
		r.say("This question is required.")
	}
	cur, ok := r.f.Answers.Items[q.ID]
	switch {
	case ok && cur.Given(q.Kind):
		r.say("Current answer: " + r.describe(q, cur) + ". Type k to keep it.")
	case ok && cur.Skipped:
		r.say("You skipped this question before.")
	}
	if ok && cur.Evidence != "" {
		r.hang("Your evidence: ", cur.Evidence)
	}
	if ok && cur.Confidence != "" {
		r.sayf("Your confidence: %s.", cur.Confidence)
	}
}

// answerPrompt is the prompt for a question, with the range of accepted
// numbers where there is a short one.
func answerPrompt(q *assess.Question, canKeep bool) string {
	var hints []string
	switch q.Shape() {
	case assess.ShapeChoice:
		hints = append(hints, fmt.Sprintf("1-%d", len(q.Options)))
	case assess.ShapeYesNo:
		hints = append(hints, "1-2")
	case assess.ShapeCertList:
		hints = append(hints, "0 for none")
	case assess.ShapeNumber:
		// The range is said in the question's hint, in words.
	case assess.ShapeUnknown:
	}
	if canKeep {
		hints = append(hints, "k to keep")
	}
	if len(hints) == 0 {
		return "Your answer:"
	}
	return "Your answer (" + strings.Join(hints, ", ") + "):"
}

// ask shows the current question and reads until it is answered, skipped
// or left. It returns the direction to move: 1 forward (answered or
// skipped, in the engine, not yet saved), -1 back, 0 to show the same one
// again.
func (r *runner) ask(e *questionnaire.Engine) (int, error) {
	q, i := e.Current(), e.Index()
	r.show(e.Questions(), i)
	cur, ok := r.f.Answers.Items[q.ID]
	given := ok && cur.Given(q.Kind)
	p := answerPrompt(q, given)
	for {
		line, err := r.read(p)
		if err != nil {
			return 0, err
		}
		cmd := strings.ToLower(line)
		plus := strings.HasSuffix(cmd, "+")
		body := strings.TrimSpace(strings.TrimSuffix(cmd, "+"))
		switch {
		case cmd == "b" || cmd == "back":
			if i == 0 {
				r.say("This is the first question; there is nothing before it.")
				continue
			}
			return -1, nil
		case plus && (body == "" || body == "s" || body == "skip"):
			r.say("Evidence goes with an answer: type the answer followed by +, for example 3+.")
			continue
		case body == "" || body == "s" || body == "skip":
			if !q.IsSkippable() {
				msg := "This question is required, so it cannot be skipped. Enter an answer"
				if given {
					msg += ", or k to keep the current one"
				}
				r.say(msg + ".")
				continue
			}
			// A skip keeps any evidence note already written: it is the
			// person's text, and going back to answer should not lose it.
			if err := e.Skip(); err != nil {
				return 0, err
			}
			return 1, nil
		}
		var ans assess.Answer
		if body == "k" || body == "keep" {
			if !given {
				r.say("There is no current answer to keep.")
				continue
			}
			ans = cur
		} else {
			a, msg := r.parse(q, body)
			if msg != "" {
				r.say(msg)
				continue
			}
			ans = a
			// Re-answering without + keeps the note and confidence given
			// before: they describe the person's experience, not the option.
			ans.Evidence, ans.Confidence = cur.Evidence, cur.Confidence
		}
		if plus {
			err := r.askEvidence(&ans)
			if errors.Is(err, errBack) {
				return 0, nil
			}
			if err != nil {
				// q or the end of input after the answer itself: keep the
				// answer, and whatever note was already given.
				if serr := e.Set(ans); serr != nil {
					return 0, serr
				}
				return 0, err
			}
		}
		if err := e.Set(ans); err != nil {
			var p *assess.Problem
			if errors.As(err, &p) {
				r.say(wording.Problem(r.b, q, p))
				continue
			}
			return 0, err
		}
		return 1, nil
	}
}

// askEvidence reads an evidence note and a confidence into ans, which
// holds the earlier ones; each is stored as soon as it is given.
func (r *runner) askEvidence(ans *assess.Answer) error {
	p := "Evidence (what you did, where; Enter for none):"
	if ans.Evidence != "" {
		r.hang("Current evidence: ", ans.Evidence)
		p = "Evidence (Enter to keep the current note, - to remove it):"
	}
evidence:
	for {
		line, err := r.read(p)
		if err != nil {
			return err
		}
		switch {
		case strings.EqualFold(line, "b") || strings.EqualFold(line, "back"):
			return errBack
		case utf8.RuneCountInString(line) > storage.MaxEvidence:
			r.sayf("The note is longer than %d characters; shorten it.", storage.MaxEvidence)
			continue
		case line == "-":
			ans.Evidence = ""
		case line != "":
			ans.Evidence = line
		}
		break evidence
	}
	p = "Confidence: 1 low, 2 medium, 3 high (Enter to leave unset):"
	if ans.Confidence != "" {
		p = fmt.Sprintf("Confidence: 1 low, 2 medium, 3 high (Enter to keep %s, - to unset):", ans.Confidence)
	}
	for {
		line, err := r.read(p)
		if err != nil {
			return err
		}
		switch strings.ToLower(line) {
		case "b", "back":
			return errBack
		case "":
		case "-":
			ans.Confidence = ""
		case "1", "l", "low":
			ans.Confidence = assess.ConfidenceLow
		case "2", "m", "medium":
			ans.Confidence = assess.ConfidenceMedium
		case "3", "h", "high":
			ans.Confidence = assess.ConfidenceHigh
		default:
			r.say("Enter 1 for low, 2 for medium or 3 for high, or Enter on its own.")
			continue
		}
		return nil
	}
}

// ---------------------------------------------------------------- answers

// parse reads an answer typed for q with the domain's rules for its kind;
// msg says what is wrong when it cannot.
func (r *runner) parse(q *assess.Question, s string) (ans assess.Answer, msg string) {
	switch q.Shape() {
	case assess.ShapeChoice:
		n, p := q.ParseChoice(s)
		if p != nil {
			return ans, wording.Problem(r.b, q, p)
		}
		ans.Choice = n
	case assess.ShapeYesNo:
		v, p := assess.ParseYesNo(s)
		if p != nil {
			return ans, wording.Problem(r.b, q, p)
		}
		ans.Bool = &v
	case assess.ShapeNumber:
		v, p := q.ParseNumber(s)
		if p != nil {
			return ans, wording.Problem(r.b, q, p)
		}
		ans.Number = &v
	case assess.ShapeCertList:
		held, msg := r.parseHeld(s)
		if msg != "" {
			return ans, msg
		}
		ans.Held = held
	default:
		return ans, wording.Problem(r.b, q, &assess.Problem{Code: assess.ProblemKind, Kind: q.Kind})
	}
	return ans, ""
}

var colonSpace = regexp.MustCompile(`\s*:\s*`)

// parseHeld reads "1, 3:2019" into the certifications held; "0" or "none"
// is an empty, non-nil list, which records that none is held.
func (r *runner) parseHeld(s string) ([]assess.HeldCert, string) {
	certs := r.b.Certifications
	held := []assess.HeldCert{}
	if s == "0" || s == "none" {
		return held, ""
	}
	s = colonSpace.ReplaceAllString(s, ":")
	tokens := strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == ';' || unicode.IsSpace(c) })
	first, last := assess.CertYears(r.now())
	seen := map[int]bool{}
	for _, tok := range tokens {
		num, year, hasYear := strings.Cut(tok, ":")
		n, err := strconv.Atoi(num)
		switch {
		case err != nil:
			return nil, fmt.Sprintf("%q is not a number. Enter numbers from 1 to %d, such as 1, 3:2019, or 0 for none.", num, len(certs))
		case n == 0:
			return nil, "0 means none, so it cannot be listed with other certifications."
		case n < 1 || n > len(certs):
			return nil, fmt.Sprintf("There is no certification %d. Enter numbers from 1 to %d.", n, len(certs))
		case seen[n]:
			return nil, fmt.Sprintf("Certification %d is listed twice.", n)
		}
		seen[n] = true
		h := assess.HeldCert{ID: certs[n-1].ID}
		if hasYear {
			y, err := strconv.Atoi(year)
			if err != nil || y < first || y > last {
				return nil, fmt.Sprintf("Give the year of certification %d as a year from %d to %d, as in %d:2019.", n, first, last, n)
			}
			h.Year = y
		}
		held = append(held, h)
	}
	if len(held) == 0 {
		return nil, fmt.Sprintf("Enter numbers from 1 to %d, such as 1, 3:2019, or 0 for none.", len(certs))
	}
	return held, ""
}

// numberHint says what a number question accepts, e.g. "Enter a number
// from 0 to 50 years."
func numberHint(b *assess.Bank, q *assess.Question) string {
	return "Enter a number from " + wording.NumberRange(b, q) + "."
}

func certLabel(c *assess.Certification) string {
	s := c.Label()
	if c.Name != "" && c.Name != s {
		s += ": " + c.Name
	}
	switch {
	case strings.ContainsAny(c.Body, "()"):
		// Nested brackets are hard to follow when read aloud.
		s += ", " + c.Body
	case c.Body != "":
		s += " (" + c.Body + ")"
	}
	return s
}

// describe words an answer for "Current answer: ...".
func (r *runner) describe(q *assess.Question, a assess.Answer) string {
	return wording.Answer(r.b, q, a)
}
