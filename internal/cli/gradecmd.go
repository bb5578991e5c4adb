package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/learnerfiles"
	"github.com/drill-dev/drill/internal/report"
	"github.com/drill-dev/drill/internal/safefs"
	"github.com/drill-dev/drill/internal/sandbox"
)

// Output formats of drill grade.
const (
	formatCSV        = "csv"
	formatJSON       = "json"
	formatGradescope = "gradescope"
)

type gradeOptions struct {
	app         *App
	g           *globalOptions
	exercise    string
	submissions []string
	jobs        int
	out         string
	format      string
}

func newGradeCmd(app *App, g *globalOptions, runF func(context.Context, *gradeOptions) error) *cobra.Command {
	opts := &gradeOptions{app: app, g: g}
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "grade --exercise EXERCISE SUBMISSION...",
		Short: "Grade many learners' submissions of one exercise",
		Long: `Grade submissions of one exercise in the sandbox, several at a time. A
SUBMISSION is a directory holding a learner's files (the exercise's editable
files, at their paths), or a directory of such directories, one per learner:
a directory that holds none of the exercise's files but has subdirectories
is taken as a class. Nothing else of a submission is read, and a symbolic
link is not followed.

A submission that cannot be graded (no such directory, an empty one, a file
missing or too large, a syntax error, a time-out, a crash) is a row with
status error and the reason; it never stops the others.

Output, to --out FILE or standard output:
  csv (default)   submission,status,passed,total,score,message
                  (score = passed/total, 0 on an error)
  json            a summary, and the rows with each whole result
  gradescope      Gradescope's results.json for each submission: in the
                  submission's directory, or with --out DIR in DIR/NAME/
                  (DIR/results.json when there is one submission, as in
                  Gradescope's autograder: --out /autograder/results).
                  NAME is the submission's last path element, with -2,
                  -3... added, in the order given, to one that another
                  submission has already (in any letter case). A
                  results.json already there is replaced, never written
                  through; one that cannot be written is an error row.
A line per submission as it finishes and a summary (passed, failed,
errored, the slowest) go to standard output, or to standard error when the
table does.

Exit status: 0 every submission passed, 1 some did not, 2 bad input,
3 the sandbox could not run (the rows are still written).`,
		Example: `  drill grade --exercise python-basics/variables class/ --out grades.csv
  drill grade -e sql/joins --json alice/ bob/ > grades.json
  drill grade -e sql/joins --format gradescope --out /autograder/results /autograder/submission`,
		Args: cobraArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.submissions = args
			if opts.exercise == "" {
				return usageErrorf("--exercise is required: which exercise the submissions are for")
			}
			if opts.jobs < 1 {
				return usageErrorf("--jobs must be at least 1")
			}
			if asJSON {
				if cmd.Flags().Changed("format") && opts.format != formatJSON {
					return usageErrorf("--json and --format %s ask for two formats", opts.format)
				}
				opts.format = formatJSON
			}
			if !slices.Contains([]string{formatCSV, formatJSON, formatGradescope}, opts.format) {
				return usageErrorf("--format must be csv, json or gradescope, not %q", opts.format)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runGrade(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.exercise, "exercise", "e", "", "the `EXERCISE` the submissions are for (required)")
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", runtime.NumCPU(), "grade `N` submissions at a time")
	cmd.Flags().StringVarP(&opts.out, "out", "o", "", "write the table to `PATH` (a directory for --format gradescope)")
	cmd.Flags().StringVar(&opts.format, "format", formatCSV, "`FORMAT` of the output: csv, json or gradescope")
	cmd.Flags().BoolVar(&asJSON, "json", false, "the same as --format json")
	_ = cmd.RegisterFlagCompletionFunc("exercise", completeExercises(app, g))
	return cmd
}

// gradeSummary counts a batch's grades by status.
type gradeSummary struct {
	Submissions int `json:"submissions"`
	Passed      int `json:"passed"`
	Failed      int `json:"failed"`
	Errored     int `json:"errored"`
}

// submission is one learner's directory, or the reason there is none.
type submission struct {
	name    string // as the rows show it: the path as given
	dir     string
	problem string // why it cannot be graded at all, if so
}

func runGrade(ctx context.Context, opts *gradeOptions) error {
	a := opts.app
	_, b, _, err := a.session(opts.g)
	if err != nil {
		return err
	}
	ex, err := b.Exercise(opts.exercise)
	if err != nil {
		return err
	}
	subs := findSubmissions(opts.submissions, ex)
	results, err := gradescopeFiles(opts, subs)
	if err != nil {
		return err
	}

	runner, err := a.NewRunner(ctx, a.Streams.ErrOut)
	if err != nil {
		return err
	}
	defer runner.Close()

	// The table has standard output unless it goes to a file; the lines
	// for people then go to standard error.
	human, tty := a.Streams.Out, a.Streams.OutTTY
	if opts.out == "" && opts.format != formatGradescope {
		human, tty = a.Streams.ErrOut, false
	}
	grades := make([]report.Grade, len(subs))
	sandboxFailed := make([]bool, len(subs))
	prog := &progress{w: human, tty: tty, total: len(subs)}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.jobs)
	for i, sub := range subs {
		g.Go(func() error {
			prog.start(sub.name)
			gr, err := gradeSubmission(gctx, runner, b, ex, sub)
			switch {
			case gctx.Err() != nil:
				prog.finish(sub.name, "")
				return gctx.Err()
			case err != nil && !errors.Is(err, sandbox.ErrUnavailable):
				// The bank itself is unreadable: every submission would fail.
				prog.finish(sub.name, "")
				return err
			case errors.Is(err, sandbox.ErrUnavailable):
				// The sandbox failed this one; the engine may still serve
				// the others.
				sandboxFailed[i] = true
				gr = report.Grade{Submission: sub.name, Status: grade.Error, Message: "the sandbox failed: " + err.Error()}
			case gr.Result != nil && gr.Result.Busy():
				// Twice too busy to run: the machine's failure, not the
				// learner's, though the row says what happened.
				sandboxFailed[i] = true
			}
			if results != nil && results[i].dir != "" {
				// Written as each finishes, so that one that cannot be
				// written is this submission's row and stops no other.
				if err := writeResults(results[i], gr); err != nil {
					gr = report.Grade{Submission: sub.name, Status: grade.Error, DurationMS: gr.DurationMS,
						Message: "Gradescope results not written: " + err.Error()}
				}
			}
			grades[i] = gr
			prog.finish(sub.name, gradeLine(gr))
			return nil
		})
	}
	err = g.Wait()
	prog.close()
	if err != nil {
		return err
	}

	sum := gradeSummary{Submissions: len(grades)}
	for _, gr := range grades {
		switch gr.Status {
		case grade.Pass:
			sum.Passed++
		case grade.Fail:
			sum.Failed++
		default:
			sum.Errored++
		}
	}
	if opts.format != formatGradescope {
		if err := writeTable(opts, ex, grades, sum); err != nil {
			return err
		}
	}
	fmt.Fprintf(human, "\n%d submissions of %s: %d passed, %d failed, %d errored\n",
		sum.Submissions, ex.ID, sum.Passed, sum.Failed, sum.Errored)
	if slow := report.Slowest(grades, 3); len(slow) > 0 {
		var names []string
		for _, gr := range slow {
			names = append(names, fmt.Sprintf("%s (%s)", report.Visible(gr.Submission), (time.Duration(gr.DurationMS)*time.Millisecond).Round(10*time.Millisecond)))
		}
		fmt.Fprintf(human, "slowest: %s\n", strings.Join(names, ", "))
	}
	if n := countTrue(sandboxFailed); n > 0 {
		return fmt.Errorf("%w: %d of %d submissions could not be graded because the sandbox failed", sandbox.ErrUnavailable, n, len(grades))
	}
	if sum.Passed < sum.Submissions {
		return errFailed
	}
	return nil
}

// findSubmissions lists the submissions the arguments name: each a
// learner's directory, or a class directory of them. An argument is
// followed if it is a link (the grader named it); a link inside a class is
// a learner's, and is that member's error row.
func findSubmissions(args []string, ex *bank.Exercise) []submission {
	var subs []submission
	for _, arg := range args {
		name := filepath.Clean(arg)
		st, err := os.Stat(arg)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			subs = append(subs, submission{name: name, problem: "no such directory"})
			continue
		case err != nil:
			subs = append(subs, submission{name: name, problem: err.Error()})
			continue
		case !st.IsDir():
			subs = append(subs, submission{name: name, problem: "not a directory: a submission is a directory of the learner's files"})
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			subs = append(subs, submission{name: name, problem: err.Error()})
			continue
		}
		var members []submission
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			member := submission{name: filepath.Join(name, e.Name()), dir: filepath.Join(arg, e.Name())}
			switch {
			case e.Type()&fs.ModeSymlink != 0:
				member.problem = safefs.ErrLink.Error()
			case !e.IsDir():
				continue
			}
			members = append(members, member)
		}
		if holdsAny(arg, ex.Files) || len(members) == 0 {
			subs = append(subs, submission{name: name, dir: arg})
		} else {
			subs = append(subs, members...)
		}
	}
	return subs
}

// holdsAny says whether dir has any of the files, of any kind, or a link
// or a file where a directory on the way to one should be: each of those
// makes dir a submission (with an error row), not a class.
func holdsAny(dir string, files []string) bool {
	src, err := safefs.Open(dir)
	if err != nil {
		return false
	}
	defer src.Close()
	for _, f := range files {
		if _, err := src.Lstat(f); err == nil || errors.As(err, new(*safefs.KindError)) {
			return true
		}
	}
	return false
}

// gradeSubmission grades one submission. The error is the sandbox's or
// the context's; whatever is wrong with the submission is in the grade.
func gradeSubmission(ctx context.Context, runner Runner, b *bank.Bank, ex *bank.Exercise, sub submission) (report.Grade, error) {
	if sub.problem != "" {
		return report.Grade{Submission: sub.name, Status: grade.Error, Message: sub.problem}, nil
	}
	src, err := safefs.Open(sub.dir)
	if err != nil {
		return report.Grade{Submission: sub.name, Status: grade.Error, Message: err.Error()}, nil
	}
	defer src.Close()
	return gradeSource(ctx, runner, b, ex, sub.name, src)
}

// gradeSource grades the learner's files in src, a submission's files as
// an fs.FS: a safefs.FS of a directory, or any other source that keeps to
// io/fs (learnerfiles.Read holds every file to the same guards).
func gradeSource(ctx context.Context, runner Runner, b *bank.Bank, ex *bank.Exercise, name string, src fs.FS) (report.Grade, error) {
	entries, err := fs.ReadDir(src, ".")
	if err != nil {
		return report.Grade{Submission: name, Status: grade.Error, Message: err.Error()}, nil
	}
	if len(entries) == 0 {
		return report.Grade{Submission: name, Status: grade.Error, Message: "the submission directory is empty"}, nil
	}
	files, refused := submissionFiles(ex, src)
	if refused != nil {
		return report.GradeOf(name, refused), nil
	}
	r, err := grade.AgainIfBusy(func() (*grade.Result, error) { return grade.Grade(ctx, runner, b, ex, files) })
	if err != nil {
		return report.Grade{}, err
	}
	return report.GradeOf(name, r), nil
}

// submissionFiles reads the exercise's editable files from a submission,
// with learnerfiles.Read: only regular files of a bounded size, never
// through a symbolic link (a learner's link to another's work, to the
// bank's solution or to the grader's files must not carry them into the
// sandbox), and a FIFO must not hang the batch. A file that cannot be
// graded gives the Result that says why.
func submissionFiles(ex *bank.Exercise, src fs.FS) (map[string][]byte, *grade.Result) {
	files, err := learnerfiles.Read(src, ex.Files)
	var le *learnerfiles.Error
	if errors.As(err, &le) { // the only error Read returns
		return nil, grade.Unreadable(ex, le)
	}
	for _, f := range ex.Files {
		if _, ok := files[f]; !ok {
			return nil, grade.Refuse(ex, grade.KindMissingFile, f, "%s is missing from the submission", f)
		}
	}
	return files, nil
}

// gradeLine is a submission's line as it finishes. Its name and message
// are the learner's, so they are shown Visible.
func gradeLine(gr report.Grade) string {
	line := fmt.Sprintf("%-5s %s", gr.Status, report.Visible(gr.Submission))
	if gr.Status != grade.Error {
		line += fmt.Sprintf("  %d/%d", gr.Passed, gr.Total)
	}
	if gr.DurationMS > 0 {
		line += "  " + (time.Duration(gr.DurationMS) * time.Millisecond).Round(10*time.Millisecond).String()
	}
	if gr.Message != "" {
		line += "  " + report.Visible(gr.Message)
	}
	return line + "\n"
}

// resultsFile is where a submission's results.json goes: name, slash-
// separated, beneath the directory dir ("" for a submission with no
// directory to write into).
type resultsFile struct {
	dir, name string
}

// gradescopeFiles says where each submission's results.json goes, before
// grading starts: nil unless the format is gradescope.
func gradescopeFiles(opts *gradeOptions, subs []submission) ([]resultsFile, error) {
	if opts.format != formatGradescope {
		return nil, nil
	}
	files := make([]resultsFile, len(subs))
	if opts.out != "" {
		if err := os.MkdirAll(opts.out, 0o755); err != nil {
			return nil, usageErrorf("--out: %v", err)
		}
		if len(subs) == 1 {
			files[0] = resultsFile{opts.out, "results.json"}
			return files, nil
		}
		for i, name := range outputNames(subs) {
			files[i] = resultsFile{opts.out, name + "/results.json"}
		}
		return files, nil
	}
	seen := map[string]string{}
	for i, sub := range subs {
		if sub.problem != "" {
			continue
		}
		key, err := filepath.Abs(sub.dir)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[key]; dup {
			return nil, usageErrorf("submissions %s and %s are one directory: each would write %s", prev, sub.name, filepath.Join(sub.dir, "results.json"))
		}
		seen[key] = sub.name
		files[i] = resultsFile{sub.dir, "results.json"}
	}
	return files, nil
}

// outputNames gives each submission its directory's name under --out:
// the last element of its path ("submission" for a file system's root),
// with -2, -3... added to one already taken, in the order given. Names
// are compared ignoring case, as macOS's and Windows' file systems do, so
// no two submissions ever share a directory, and since a name is one path
// element it cannot lead out of --out.
func outputNames(subs []submission) []string {
	names := make([]string, len(subs))
	taken := map[string]bool{}
	for i, sub := range subs {
		base := "submission"
		if abs, err := filepath.Abs(sub.name); err == nil {
			if b := filepath.Base(abs); b != "." && b != ".." && b != string(filepath.Separator) {
				base = b
			}
		}
		name := base
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		taken[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// writeResults writes a submission's grade as Gradescope's results.json.
func writeResults(f resultsFile, gr report.Grade) error {
	var buf bytes.Buffer
	if err := report.Gradescope(&buf, gr); err != nil {
		return err
	}
	return safefs.WriteFile(f.dir, f.name, buf.Bytes(), 0o644)
}

// writeTable writes the CSV or JSON table, to --out or standard output.
func writeTable(opts *gradeOptions, ex *bank.Exercise, grades []report.Grade, sum gradeSummary) error {
	var buf bytes.Buffer
	if opts.format == formatJSON {
		doc := struct {
			Exercise    string         `json:"exercise"`
			Summary     gradeSummary   `json:"summary"`
			Submissions []report.Grade `json:"submissions"`
		}{ex.ID, sum, grades}
		if err := report.JSON(&buf, doc); err != nil {
			return err
		}
	} else if err := report.GradesCSV(&buf, grades); err != nil {
		return err
	}
	if opts.out == "" {
		_, err := io.Copy(opts.app.Streams.Out, &buf)
		return err
	}
	return safefs.WritePath(opts.out, buf.Bytes(), 0o644)
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
