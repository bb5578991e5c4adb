package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/learnerfiles"
	"github.com/drill-dev/drill/internal/report"
	"github.com/drill-dev/drill/internal/safefs"
	"github.com/drill-dev/drill/internal/sandbox"
)

type validateOptions struct {
	app   *App
	g     *globalOptions
	ids   []string
	jobs  int
	json  bool
	junit string
}

func newValidateCmd(app *App, g *globalOptions, runF func(context.Context, *validateOptions) error) *cobra.Command {
	opts := &validateOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "validate [EXERCISE...]",
		Short: "Check the exercise bank: metadata, failing starters, passing solutions",
		Long: `Check every exercise of the bank (or the ones named): its metadata is sound,
its README has a title and its sections, nothing is left of the scaffold of
drill new (` + bank.Marker + `), it holds no stray files, every test file defines
tests; then, in the sandbox, its starter runs and fails, its reference
solution passes every test well within the time limit, and each known-wrong
solution (wrong/NAME/) runs and fails.

--jobs N runs N sandboxes at a time, each validating a few exercises of one
runtime: their starters and solutions, the bank's own code, run one after
another in one sandbox, each in a fresh process. (A learner's code always
gets a sandbox of its own.)

On a terminal a status line shows the exercises being checked; elsewhere
(CI) each exercise is one plain line as it finishes. --junit FILE also
writes a JUnit XML report, one test case per exercise, for CI systems.

Exit status: 0 all valid, 1 some exercise is not, 2 bad input, 3 the sandbox
could not run, 4 another error.`,
		ValidArgsFunction: completeExercises(app, g),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ids = args
			if opts.jobs < 1 {
				return usageErrorf("--jobs must be at least 1")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runValidate(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", runtime.NumCPU(), "run `N` sandboxes at a time")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the findings as JSON")
	cmd.Flags().StringVar(&opts.junit, "junit", "", "also write the findings as a JUnit XML report to `FILE`")
	return cmd
}

// validation is what validate found out about one exercise.
type validation struct {
	Exercise string        `json:"exercise"`
	OK       bool          `json:"ok"`
	Problems []string      `json:"problems,omitempty"`
	Warnings []string      `json:"warnings,omitempty"`
	Starter  *grade.Result `json:"starter,omitempty"`
	Solution *grade.Result `json:"solution,omitempty"`
	// Wrong holds the result of each known-wrong solution, by name.
	Wrong map[string]*grade.Result `json:"wrong,omitempty"`
}

// duration is the time spent in the sandbox for the exercise.
func (v *validation) duration() time.Duration {
	var d time.Duration
	for _, r := range v.Wrong {
		d += r.Duration()
	}
	for _, r := range []*grade.Result{v.Starter, v.Solution} {
		if r != nil {
			d += r.Duration()
		}
	}
	return d
}

func runValidate(ctx context.Context, opts *validateOptions) error {
	a := opts.app
	_, b, _, loadErr := a.session(opts.g)
	if b == nil {
		return loadErr
	}
	// An unsound bank is what validate is for: report every problem, then
	// go on with the exercises that loaded.
	var loadProblems []error
	var joined interface{ Unwrap() []error }
	if errors.As(loadErr, &joined) {
		loadProblems = joined.Unwrap()
	}
	if !opts.json {
		for _, e := range loadProblems {
			fmt.Fprintf(a.Streams.Out, "invalid: %s\n", report.Visible(e.Error()))
		}
	}
	var exs []*bank.Exercise
	for _, id := range opts.ids {
		ex, err := b.Exercise(id)
		if err != nil {
			return err
		}
		exs = append(exs, ex)
	}
	if len(exs) == 0 {
		exs = b.All()
	}

	runner, err := a.NewRunner(ctx, a.Streams.ErrOut)
	if err != nil {
		return err
	}
	defer runner.Close()

	results := make([]*validation, len(exs))
	prog := &progress{w: a.Streams.Out, tty: a.Streams.OutTTY && !opts.json, total: len(exs)}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.jobs)
	for _, chunk := range chunkExercises(exs, opts.jobs) {
		g.Go(func() error {
			for _, i := range chunk {
				prog.start(exs[i].ID)
			}
			vs, err := validateExercises(gctx, runner, b, pick(exs, chunk))
			if err != nil {
				for _, i := range chunk {
					prog.finish(exs[i].ID, "")
				}
				return err
			}
			for k, i := range chunk {
				results[i] = vs[k]
				line := ""
				if !opts.json {
					line = validationText(vs[k])
				}
				prog.finish(exs[i].ID, line)
			}
			return nil
		})
	}
	err = g.Wait()
	prog.close()
	if err != nil {
		return err
	}
	failed := 0
	for _, v := range results {
		if !v.OK {
			failed++
		}
	}
	if opts.junit != "" {
		if err := writeJUnit(opts.junit, results, loadProblems); err != nil {
			return err
		}
	}
	if opts.json {
		problems := []string{}
		for _, e := range loadProblems {
			problems = append(problems, e.Error())
		}
		doc := struct {
			MetadataProblems []string      `json:"metadata_problems"`
			Exercises        []*validation `json:"exercises"`
		}{problems, results}
		if err := report.JSON(a.Streams.Out, doc); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.Streams.Out, "\n%d exercises: %d valid, %d invalid", len(results), len(results)-failed, failed)
		if len(loadProblems) > 0 {
			fmt.Fprintf(a.Streams.Out, "; %d problems in the bank's metadata", len(loadProblems))
		}
		fmt.Fprintln(a.Streams.Out)
	}
	if failed > 0 || len(loadProblems) > 0 {
		return errFailed
	}
	return nil
}

// validationText is an exercise's finding as the text output shows it.
func validationText(v *validation) string {
	var b strings.Builder
	status := "ok  "
	if !v.OK {
		status = "FAIL"
	}
	detail := ""
	if v.Starter != nil && v.Solution != nil {
		sp, _ := v.Starter.Counts()
		lp, lf := v.Solution.Counts()
		detail = fmt.Sprintf("  (starter %d/%d passed, solution %d/%d in %s, %d wrong caught)",
			sp, len(v.Starter.Tests), lp, lp+lf, v.Solution.Duration().Round(10*time.Millisecond), caught(v.Wrong))
	}
	fmt.Fprintf(&b, "%s %s%s\n", status, v.Exercise, detail)
	// A problem quotes the bank's files and what its code printed: shown
	// whole, control characters made visible, its lines under its first.
	for _, p := range v.Problems {
		fmt.Fprintf(&b, "     - %s\n", indentLines(report.Visible(p), "       "))
	}
	for _, w := range v.Warnings {
		fmt.Fprintf(&b, "     warning: %s\n", indentLines(report.Visible(w), "       "))
	}
	return b.String()
}

func caught(wrong map[string]*grade.Result) int {
	n := 0
	for _, r := range wrong {
		if r.Status == grade.Fail {
			n++
		}
	}
	return n
}

// writeJUnit writes the findings to file as JUnit XML: a case per
// exercise, and one per bank directory whose files did not load.
func writeJUnit(file string, results []*validation, loadProblems []error) error {
	var cases []report.JUnitCase
	byDir := map[string][]string{}
	var dirs []string
	for _, e := range loadProblems {
		dir := "."
		var be *bank.Error
		if errors.As(e, &be) {
			// Exercise directories are two deep: 01-basics/02-sum/...
			parts := strings.SplitN(be.File, "/", 3)
			dir = path.Join(parts[:min(len(parts), 2)]...)
		}
		if byDir[dir] == nil {
			dirs = append(dirs, dir)
		}
		byDir[dir] = append(byDir[dir], e.Error())
	}
	for _, dir := range dirs {
		cases = append(cases, report.JUnitCase{Class: "bank", Name: dir, Failure: strings.Join(byDir[dir], "\n")})
	}
	for _, v := range results {
		section, _, _ := strings.Cut(v.Exercise, "/")
		cases = append(cases, report.JUnitCase{
			Class: section, Name: v.Exercise, Time: v.duration(),
			Failure: strings.Join(v.Problems, "\n"), Output: strings.Join(v.Warnings, "\n"),
		})
	}
	var buf bytes.Buffer
	if err := report.JUnit(&buf, []report.JUnitSuite{{Name: "drill validate", Cases: cases}}); err != nil {
		return err
	}
	if err := safefs.WritePath(file, buf.Bytes(), 0o644); err != nil {
		return usageErrorf("--junit: %v", err)
	}
	return nil
}

// maxChunk is the most exercises validate runs in one sandbox. A sandbox
// costs about as much to start as a Django exercise's runs; more in one
// would leave a core idle at the end while the last sandbox finishes.
const maxChunk = 5

// chunkExercises splits the exercises, by index, into runs of consecutive
// exercises of one runtime, each to be validated in a sandbox of its own:
// small enough that the jobs sandboxes at a time have several each.
func chunkExercises(exs []*bank.Exercise, jobs int) [][]int {
	size := min(max((len(exs)+4*jobs-1)/(4*jobs), 1), maxChunk)
	var chunks [][]int
	for i, ex := range exs {
		n := len(chunks)
		if n == 0 || len(chunks[n-1]) == size || image(exs[chunks[n-1][0]]) != image(ex) {
			chunks = append(chunks, nil)
			n++
		}
		chunks[n-1] = append(chunks[n-1], i)
	}
	return chunks
}

// image is the sandbox image an exercise's jobs run in.
func image(ex *bank.Exercise) string { return sandbox.ImageKey(ex.Runtime, ex.Services) }

func pick(exs []*bank.Exercise, indices []int) []*bank.Exercise {
	out := make([]*bank.Exercise, len(indices))
	for k, i := range indices {
		out[k] = exs[i]
	}
	return out
}

// validateExercises checks each exercise's files, then runs its starter,
// its solution and each known-wrong solution: the bank's own code, trusted
// alike, so all of them in one sandbox. Only a sandbox that cannot run is
// an error; what is wrong with an exercise is a problem.
func validateExercises(ctx context.Context, runner Runner, b *bank.Bank, exs []*bank.Exercise) ([]*validation, error) {
	vs := make([]*validation, len(exs))
	var trials []grade.Trial
	unread := make([]bool, len(exs)) // a file could not be read: no trials
	for i, ex := range exs {
		vs[i] = &validation{Exercise: ex.ID}
		ts, err := lintAndTrials(b, ex, vs[i])
		var be *bank.Error
		var le *learnerfiles.Error
		switch {
		case errors.As(err, &be), errors.As(err, &le):
			// Changed since the bank loaded, which refuses links and
			// special files: a problem of this exercise.
			vs[i].Problems = append(vs[i].Problems, err.Error())
			unread[i] = true
		case err != nil:
			return nil, err
		}
		trials = append(trials, ts...)
	}
	results, err := grade.GradeTrusted(ctx, runner, b, trials)
	if err != nil {
		return nil, err
	}
	for i, ex := range exs {
		if unread[i] {
			continue
		}
		n := 2 + len(ex.Wrong)
		tests, err := b.Tests(ex)
		if err != nil {
			return nil, err
		}
		judge(vs[i], ex, tests, results[:n])
		results = results[n:]
	}
	return vs, nil
}

// lintAndTrials records in v what the exercise's files show without a
// sandbox, and returns its trials.
func lintAndTrials(b *bank.Bank, ex *bank.Exercise, v *validation) ([]grade.Trial, error) {
	solution, err := b.Solution(ex)
	if err != nil {
		return nil, err
	}
	if v.Problems, v.Warnings, err = lintExercise(b, ex, solution); err != nil {
		return nil, err
	}
	return exerciseTrials(b, ex)
}

// exerciseTrials are the exercise's starter, solution and known-wrong
// solutions, in that order, each read as a learner's files are. A
// known-wrong solution takes from the solution the files it does not
// replace. An error is a file that could not be read, as a problem.
func exerciseTrials(b *bank.Bank, ex *bank.Exercise) ([]grade.Trial, error) {
	read := func(dir string) (map[string][]byte, error) {
		sub, err := fs.Sub(b.FS, path.Join(ex.Dir, dir))
		if err != nil {
			return nil, err
		}
		files, err := learnerfiles.Read(sub, ex.Files)
		if err != nil {
			return nil, fmt.Errorf("%s/%w", dir, err)
		}
		return files, nil
	}
	starter, err := read("starter")
	if err != nil {
		return nil, err
	}
	solution, err := read("solution")
	if err != nil {
		return nil, err
	}
	trials := []grade.Trial{{Exercise: ex, Files: starter}, {Exercise: ex, Files: solution}}
	for _, name := range ex.Wrong {
		wrong, err := read(path.Join("wrong", name))
		if err != nil {
			return nil, err
		}
		for f, data := range solution {
			if _, ok := wrong[f]; !ok {
				wrong[f] = data
			}
		}
		trials = append(trials, grade.Trial{Exercise: ex, Files: wrong})
	}
	return trials, nil
}

// judge records what the exercise's starter, solution and known-wrong
// solutions (results, in that order) say about it; tests are its files
// under tests/.
func judge(v *validation, ex *bank.Exercise, tests []bank.File, results []*grade.Result) {
	v.Starter, v.Solution = results[0], results[1]
	switch v.Starter.Status {
	case grade.Pass:
		v.Problems = append(v.Problems, "the starter passes every test: the tests check nothing the learner must do")
	case grade.Error:
		v.Problems = append(v.Problems, "the starter must run and fail, but: "+whole(v.Starter.Message))
	}
	if v.Solution.Status != grade.Error {
		// The judge's collection says which tests each file holds. A
		// module named like a test file that the tests import is a helper
		// (test_utils.py is a common name): nothing is lost.
		for _, f := range tests {
			if bank.IsTestFile(f.Path) && !slices.ContainsFunc(v.Solution.Tests, func(t grade.Test) bool { return t.File == path.Join("tests", f.Path) }) && !importedBy(tests, f.Path) {
				v.Problems = append(v.Problems, fmt.Sprintf("tests/%s defines no tests pytest collects: write def test_... at the top level, or in a class Test... or a unittest.TestCase subclass", f.Path))
			}
		}
	}
	switch v.Solution.Status {
	case grade.Pass:
		// CPU time, as the limit counts it: load on the machine does not
		// make this fire.
		if d := v.Solution.CPUTime(); d > ex.TimeLimit/2 {
			v.Warnings = append(v.Warnings, fmt.Sprintf("the solution used %s of CPU time, more than half the time limit of %s", d.Round(time.Millisecond), ex.TimeLimit))
		}
	case grade.Fail:
		for _, t := range v.Solution.Tests {
			if t.Status != grade.Pass {
				v.Problems = append(v.Problems, fmt.Sprintf("the solution fails %s: %s", t.Name, whole(t.Message)))
			}
		}
	default:
		v.Problems = append(v.Problems, "the solution does not run: "+whole(v.Solution.Message))
	}
	v.Wrong = map[string]*grade.Result{}
	for i, name := range ex.Wrong {
		r := results[2+i]
		v.Wrong[name] = r
		switch r.Status {
		case grade.Pass:
			v.Problems = append(v.Problems, fmt.Sprintf("the known-wrong solution wrong/%s passes: the tests do not catch its mistake", name))
		case grade.Error:
			v.Problems = append(v.Problems, fmt.Sprintf("the known-wrong solution wrong/%s must run and fail, but: %s", name, whole(r.Message)))
		}
	}
	v.OK = len(v.Problems) == 0
}

// exerciseEntries are what an exercise directory holds; anything else is
// a stray, which a learner never sees and an author may have lost.
var exerciseEntries = []string{"exercise.toml", "README.md", "starter", "solution", "tests", "wrong"}

// readmeSections are the sections a learner looks for in every README.
var readmeSections = []string{"## Your task", "## What is checked"}

// lintExercise checks what needs no sandbox: nothing is left of the
// scaffold, the README, the hints, the tests, and no stray files.
func lintExercise(b *bank.Bank, ex *bank.Exercise, solution []bank.File) (problems, warnings []string, err error) {
	problem := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	warn := func(format string, args ...any) { warnings = append(warnings, fmt.Sprintf(format, args...)) }

	all, err := b.Files(ex)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range all {
		if lines := markerLines(f.Data); len(lines) > 0 {
			problem("%s still has the scaffold's %s (%s): write that part of the exercise", f.Path, bank.Marker, lineList(lines))
		}
	}

	entries, err := fs.ReadDir(b.FS, ex.Dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		// Dot files are an editor's or an OS's; __pycache__ is Python's.
		if !slices.Contains(exerciseEntries, e.Name()) && !strings.HasPrefix(e.Name(), ".") && e.Name() != "__pycache__" {
			problem("%s does not belong in an exercise, which holds only exercise.toml, README.md, starter/, solution/, tests/ and wrong/", e.Name())
		}
	}
	for _, f := range solution {
		if !slices.Contains(ex.Files, f.Path) {
			problem("solution/%s is not one of the exercise's files: solution/ holds exactly the files of exercise.toml's files", f.Path)
		}
	}

	readme, err := b.README(ex)
	if err != nil {
		return nil, nil, err
	}
	text := strings.TrimSpace(string(readme))
	first, _, _ := strings.Cut(text, "\n")
	switch {
	case text == "":
		problem("README.md is empty: it is the task as the learner reads it")
	case !strings.HasPrefix(first, "# "):
		problem("README.md must begin with the exercise's title as a heading: # Title")
	}
	if text != "" {
		for _, sec := range readmeSections {
			if !hasLine(text, sec) {
				warn("README.md has no %q section", sec)
			}
		}
	}

	for i, h := range ex.Hints {
		if j := slices.Index(ex.Hints, h); j < i {
			problem("hints %d and %d are the same: each hint should lead a little further", j+1, i+1)
		}
	}

	tests, err := b.Tests(ex)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range tests {
		if !bank.IsTestFile(f.Path) {
			continue
		}
		for _, name := range undocumentedHidden(string(f.Data)) {
			warn("tests/%s: the hidden test %s has no docstring: a learner sees only its name and the docstring's first line", f.Path, name)
		}
	}
	return problems, warnings, nil
}

// importedBy says whether another file of tests imports the module of
// tests/file (import NAME, from NAME import ..., a package's NAME too).
func importedBy(tests []bank.File, file string) bool {
	module := strings.ReplaceAll(strings.TrimSuffix(file, ".py"), "/", ".")
	imports := regexp.MustCompile(`(?m)^\s*(?:from\s+\.*` + regexp.QuoteMeta(module) + `\s+import\b|import\s+(?:[\w.]+\s*,\s*)*` + regexp.QuoteMeta(module) + `\b)`)
	for _, f := range tests {
		if f.Path != file && strings.HasSuffix(f.Path, ".py") && imports.Match(f.Data) {
			return true
		}
	}
	return false
}

// markerLines are the numbers of the lines of a text file that hold
// bank.Marker.
func markerLines(data []byte) []int {
	if !utf8.Valid(data) || !bytes.Contains(data, []byte(bank.Marker)) {
		return nil
	}
	var lines []int
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, bank.Marker) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// lineList is "line 3" or "lines 2, 7, 8".
func lineList(lines []int) string {
	var s []string
	for _, l := range lines {
		s = append(s, fmt.Sprint(l))
	}
	if len(s) == 1 {
		return "line " + s[0]
	}
	return "lines " + strings.Join(s, ", ")
}

func hasLine(text, line string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}

var (
	hiddenMark = regexp.MustCompile(`^\s*@pytest\.mark\.hidden\b`)
	testDef    = regexp.MustCompile(`^\s*(?:async\s+)?def\s+(test\w*)\s*\(`)
	docstring  = regexp.MustCompile(`^[rRuU]?("""|''')`)
)

// undocumentedHidden lists the tests marked @pytest.mark.hidden whose body
// does not begin with a docstring: a learner sees only a hidden test's name
// and its docstring's first line.
func undocumentedHidden(source string) []string {
	lines := strings.Split(source, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if !hiddenMark.MatchString(lines[i]) {
			continue
		}
		// Past any other decorators to the def, then past its signature,
		// which may take several lines, to the first line of the body.
		for i++; i < len(lines) && !testDef.MatchString(lines[i]); i++ {
		}
		if i == len(lines) {
			break
		}
		name := testDef.FindStringSubmatch(lines[i])[1]
		for ; i < len(lines) && !strings.HasSuffix(strings.TrimSpace(stripComment(lines[i])), ":"); i++ {
		}
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) == ""; i++ {
		}
		if i == len(lines) || !docstring.MatchString(strings.TrimSpace(lines[i])) {
			out = append(out, name)
		}
	}
	return out
}

// stripComment drops a trailing # comment from a line of Python that has
// no # inside a string: enough for a def's signature.
func stripComment(line string) string {
	if i := strings.Index(line, "#"); i >= 0 && !strings.ContainsAny(line[:i], `"'`) {
		return line[:i]
	}
	return line
}

// whole is a run's message for a problem: all of it, without the blank
// lines at its ends, runs of blank lines made one, and no trailing spaces
// (a message may begin with blank lines, as some suites set theirs apart).
func whole(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		l = strings.TrimRight(l, " \t\r")
		if l == "" && (len(lines) == 0 || lines[len(lines)-1] == "") {
			continue
		}
		lines = append(lines, l)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// indentLines indents every line of s but the first by prefix, leaving
// blank lines empty.
func indentLines(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = prefix + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// progress shows how a batch is going. On a terminal it keeps one status
// line below the finished lines (how many are done, which are running),
// rewritten in place; elsewhere (a CI log, a file) it writes only the
// finished lines, each once, so that logs stay plain.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	tty     bool
	total   int
	done    int
	running []string
	// now, when set, adds an estimate of the time left, from started and
	// how many of the done took any time (timed).
	now     func() time.Time
	started time.Time
	timed   int
}

// statusWidth keeps the status line shorter than most terminals, since a
// line that wraps cannot be rewritten in place.
const statusWidth = 79

func (p *progress) start(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running = append(p.running, name)
	p.draw()
}

// finish records name as done and writes its text above the status line.
func (p *progress) finish(name, text string) { p.finishRow(name, text, true) }

// finishRow is finish, for work that took time (timed) or not (a row kept
// from before), which the estimate of the time left tells apart.
func (p *progress) finishRow(name, text string, timed bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if i := slices.Index(p.running, name); i >= 0 {
		p.running = slices.Delete(p.running, i, i+1)
	}
	p.done++
	if timed {
		p.timed++
	}
	p.clear()
	io.WriteString(p.w, text)
	p.draw()
}

// close removes the status line.
func (p *progress) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

func (p *progress) clear() {
	if p.tty {
		io.WriteString(p.w, "\r\x1b[K")
	}
}

func (p *progress) draw() {
	if !p.tty {
		return
	}
	head := fmt.Sprintf("[%d/%d]", p.done, p.total)
	if p.now != nil && p.timed > 0 && p.done < p.total {
		// The rate so far holds for the rest: jobs at a time included.
		left := p.now().Sub(p.started) / time.Duration(p.timed) * time.Duration(p.total-p.done)
		head = fmt.Sprintf("[%d/%d, about %s left]", p.done, p.total, left.Round(time.Second))
	}
	// The names running are a learner's folders and archives in drill grade.
	line := []rune(head + " " + report.Visible(strings.Join(p.running, ", ")))
	if len(line) > statusWidth {
		line = append(line[:statusWidth-3], []rune("...")...)
	}
	p.clear()
	io.WriteString(p.w, string(line))
}
