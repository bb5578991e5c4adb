package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/classgrade"
	"github.com/drill-dev/drill/internal/grade"
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
	roster      string
	html        string
}

func newGradeCmd(app *App, g *globalOptions, runF func(context.Context, *gradeOptions) error) *cobra.Command {
	opts := &gradeOptions{app: app, g: g}
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "grade --exercise EXERCISE SUBMISSION...",
		Short: "Grade many learners' submissions of one exercise",
		Long: `Grade submissions of one exercise in the sandbox, several at a time. A
SUBMISSION is a learner's folder or archive (.zip, .tar, .tar.gz, .tgz)
holding the exercise's editable files at their paths, or a class: a folder
or archive of learners' folders and archives, one per learner. Archives are
read in memory, never unpacked. __MACOSX/, .DS_Store and Thumbs.db are
ignored, and a single folder wrapped around the files is looked through.
Nothing else of a submission is read, and a symbolic link is not followed.

Every entry of a class is a row, or is named as skipped with the reason (a
stray file beside the learners' folders is never taken for a submission).
A submission that cannot be graded (no such folder, an empty one, a file
missing or too large, a link, an archive refused as hostile, a syntax
error, a time-out, a crash) is a row with status error and the reason; it
never stops the others. --roster FILE (an id a line, or CSV with an id
column) gives each learner on it a row, status missing for those who
handed nothing in, and names the submissions that match nobody.

Output, to --out FILE or standard output:
  csv (default)   submission,status,passed,total,score,message
                  (score = passed/total, 0 on an error)
  json            a summary, and the rows with each whole result
  gradescope      Gradescope's results.json for each submission: in the
                  submission's folder, or with --out DIR in DIR/NAME/
                  (DIR/results.json when there is one submission, as in
                  Gradescope's autograder: --out /autograder/results).
                  NAME is the submission's last path element, with -2,
                  -3... added, in the order given, to one that another
                  submission has already (in any letter case). A
                  results.json already there is replaced, never written
                  through; one that cannot be written is an error row.
With --out FILE, FILE.journal records each row as it is graded: run the
same command again after an interruption and the rows of unchanged files
are kept, not graded again. --html FILE writes a page of the class's
results (scores, what the class got wrong, errors, each learner's
failures) that needs nothing but a browser.

A line per submission as it finishes, then a summary (passed, failed,
errored, missing, skipped, the slowest) and a table of each test with the
share of the class that failed it go to standard output, or to standard
error when the table does.

Exit status: 0 every learner's submission passed, 1 some did not or a
learner on the roster has none, 2 bad input, 3 the sandbox could not run
(the rows are still written), 4 another error, 130 interrupted (run again
to resume).`,
		Example: `  drill grade --exercise python-basics/variables class/ --out grades.csv
  drill grade -e sql/joins --roster roster.csv --html report.html --out grades.csv download.zip
  drill grade -e sql/joins --json alice/ bob.zip > grades.json
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
	cmd.Flags().StringVarP(&opts.out, "out", "o", "", "write the table to `PATH` (a directory for --format gradescope); resume from PATH.journal")
	cmd.Flags().StringVar(&opts.format, "format", formatCSV, "`FORMAT` of the output: csv, json or gradescope")
	cmd.Flags().BoolVar(&asJSON, "json", false, "the same as --format json")
	cmd.Flags().StringVar(&opts.roster, "roster", "", "who should have handed something in: `FILE` of ids, one a line, or CSV with an id column")
	cmd.Flags().StringVar(&opts.html, "html", "", "write the class's report as a page to `FILE`")
	_ = cmd.RegisterFlagCompletionFunc("exercise", completeExercises(app, g))
	return cmd
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
	var roster *classgrade.Roster
	if opts.roster != "" {
		f, err := os.Open(opts.roster)
		if err != nil {
			return usageErrorf("--roster: %v", err)
		}
		roster, err = classgrade.ReadRoster(f)
		f.Close()
		if err != nil {
			return usageErrorf("--roster %s: %v", opts.roster, err)
		}
	}
	subs, skipped := classgrade.Find(opts.submissions, ex, classgrade.DefaultLimits)
	resultsFiles, err := gradescopeFiles(opts, subs)
	if err != nil {
		return err
	}
	journal := ""
	if opts.out != "" && opts.format != formatGradescope {
		journal = classgrade.JournalName(opts.out)
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
	prog := &progress{w: human, tty: tty, total: len(subs), now: a.Now, started: a.Now()}
	class, err := classgrade.Grade(ctx, subs, skipped, classgrade.Options{
		Runner: runner, Bank: b, Exercise: ex, Jobs: opts.jobs, Roster: roster, Journal: journal,
		Started: prog.start,
		Finished: func(row classgrade.Row, kept bool) {
			line := gradeLine(row)
			if kept {
				line = strings.TrimSuffix(line, "\n") + "  (kept from the last run)\n"
			}
			prog.finishRow(row.Submission, line, !kept)
		},
		Deliver: func(i int, row classgrade.Row) classgrade.Row {
			if resultsFiles == nil || resultsFiles[i].dir == "" {
				return row
			}
			// Written as each finishes, so that one that cannot be
			// written is this submission's row and stops no other.
			if err := writeResults(resultsFiles[i], row); err != nil {
				return classgrade.Row{Submission: row.Submission, Learner: row.Learner, Status: grade.Error,
					Kind: classgrade.KindUnwritable, DurationMS: row.DurationMS,
					Message: "Gradescope results not written: " + err.Error()}
			}
			return row
		},
	})
	prog.close()
	if err != nil {
		if class != nil && errors.Is(err, context.Canceled) && journal != "" {
			fmt.Fprintf(human, "%d of %d submissions graded before the interruption, kept in %s: run the same command again to grade the rest\n",
				len(class.Rows), len(subs), journal)
		}
		return err
	}
	if opts.format != formatGradescope {
		if err := writeTable(opts, class); err != nil {
			return err
		}
	}
	if opts.html != "" {
		var buf bytes.Buffer
		if err := classgrade.WriteHTML(&buf, class, a.Now()); err != nil {
			return err
		}
		if err := safefs.WritePath(opts.html, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	printClassSummary(human, class)
	if class.SandboxFailed > 0 {
		return fmt.Errorf("%w: %d of %d submissions could not be graded because the sandbox failed", sandbox.ErrUnavailable, class.SandboxFailed, len(subs))
	}
	if sum := class.Summary(); sum.Passed < sum.Submissions || sum.Missing > 0 {
		return errFailed
	}
	return nil
}

// printClassSummary writes what the class did: the counts, the slowest,
// who was skipped, missing or unknown, and what the class got wrong. The
// names, reasons, tests and messages come from learners (their folders,
// archives and code), so they are shown Visible.
func printClassSummary(w io.Writer, c *classgrade.Class) {
	sum := c.Summary()
	line := fmt.Sprintf("\n%d submissions of %s: %d passed, %d failed, %d errored", sum.Submissions, c.Exercise, sum.Passed, sum.Failed, sum.Errored)
	if sum.Missing > 0 {
		line += fmt.Sprintf(", %d missing", sum.Missing)
	}
	if sum.Kept > 0 {
		line += fmt.Sprintf("; %d kept from the last run", sum.Kept)
	}
	fmt.Fprintln(w, line)
	if slow := classgrade.Slowest(c.Rows, 3); len(slow) > 0 {
		var names []string
		for _, r := range slow {
			names = append(names, fmt.Sprintf("%s (%s)", report.Visible(r.Submission), (time.Duration(r.DurationMS)*time.Millisecond).Round(10*time.Millisecond)))
		}
		fmt.Fprintf(w, "slowest: %s\n", strings.Join(names, ", "))
	}
	var missing []string
	for _, r := range c.Rows {
		if r.Status == classgrade.Missing {
			missing = append(missing, report.Visible(r.Submission))
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "missing (on the roster, no submission): %s\n", strings.Join(missing, ", "))
	}
	if len(c.Unmatched) > 0 {
		fmt.Fprintf(w, "on nobody's line of the roster: %s\n", report.Visible(strings.Join(c.Unmatched, ", ")))
	}
	for _, s := range c.Skipped {
		fmt.Fprintf(w, "skipped %s: %s\n", report.Visible(s.Name), report.Visible(s.Reason))
	}
	tests := c.Tests()
	if len(tests) == 0 {
		return
	}
	if tests[0].Failed == 0 {
		fmt.Fprintf(w, "\nEvery submission whose tests ran (%d) passed every test.\n", tests[0].Ran)
		return
	}
	width := len("test")
	for _, t := range tests {
		width = max(width, len(report.Visible(t.Name)))
	}
	fmt.Fprintf(w, "\nWhat the class got wrong (of %d submissions whose tests ran):\n", tests[0].Ran)
	fmt.Fprintf(w, "  %-*s  %-10s  %s\n", width, "test", "failed", "most common message")
	for _, t := range tests {
		failed := fmt.Sprintf("%3.0f%% %d/%d", t.Share()*100, t.Failed, t.Ran)
		msg := ""
		if t.Failed > 0 {
			msg = fmt.Sprintf("%s (%d)", report.Visible(t.Message), t.Common)
		}
		fmt.Fprintf(w, "  %-*s  %-10s  %s\n", width, report.Visible(t.Name), failed, msg)
	}
}

// gradeLine is a submission's line as it finishes. Its name and message
// are the learner's, so they are shown Visible.
func gradeLine(r classgrade.Row) string {
	line := fmt.Sprintf("%-5s %s", r.Status, report.Visible(r.Submission))
	if r.Status != grade.Error {
		line += fmt.Sprintf("  %d/%d", r.Passed, r.Total)
	}
	if r.DurationMS > 0 {
		line += "  " + (time.Duration(r.DurationMS) * time.Millisecond).Round(10*time.Millisecond).String()
	}
	if r.Message != "" {
		line += "  " + report.Visible(r.Message)
	}
	return line + "\n"
}

// resultsFile is where a submission's results.json goes: name, slash-
// separated, beneath the directory dir ("" for a submission with no
// folder to write into: one in an archive, or refused).
type resultsFile struct {
	dir, name string
}

// gradescopeFiles says where each submission's results.json goes (by the
// submission's index), and checks that no two submissions would share
// one, before grading starts: nil unless the format is gradescope.
func gradescopeFiles(opts *gradeOptions, subs []classgrade.Submission) ([]resultsFile, error) {
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
		// A refused submission's folder (a learner's link among them) is
		// never written into.
		if sub.Problem != "" || sub.Dir == "" {
			continue
		}
		key, err := filepath.Abs(sub.Dir)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[key]; dup {
			return nil, usageErrorf("submissions %s and %s are one folder: each would write %s", prev, sub.Name, filepath.Join(sub.Dir, "results.json"))
		}
		seen[key] = sub.Name
		files[i] = resultsFile{sub.Dir, "results.json"}
	}
	return files, nil
}

// outputNames gives each submission its directory's name under --out:
// the last element of its name ("submission" for a file system's root),
// with -2, -3... added to one already taken, in the order given. Names
// are compared ignoring case, as macOS's and Windows' file systems do, so
// no two submissions ever share a directory, and since a name is one path
// element it cannot lead out of --out.
func outputNames(subs []classgrade.Submission) []string {
	names := make([]string, len(subs))
	taken := map[string]bool{}
	for i, sub := range subs {
		base := "submission"
		if abs, err := filepath.Abs(sub.Name); err == nil {
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

// writeResults writes a submission's row as Gradescope's results.json.
func writeResults(f resultsFile, r classgrade.Row) error {
	var buf bytes.Buffer
	if err := classgrade.WriteGradescope(&buf, r); err != nil {
		return err
	}
	return safefs.WriteFile(f.dir, f.name, buf.Bytes(), 0o644)
}

// writeTable writes the CSV or JSON table, to --out or standard output.
func writeTable(opts *gradeOptions, c *classgrade.Class) error {
	var buf bytes.Buffer
	if opts.format == formatJSON {
		doc := struct {
			Exercise    string                `json:"exercise"`
			Summary     classgrade.Summary    `json:"summary"`
			Tests       []classgrade.TestStat `json:"tests"`
			Skipped     []classgrade.Skip     `json:"skipped,omitempty"`
			Unmatched   []string              `json:"unmatched,omitempty"`
			Submissions []classgrade.Row      `json:"submissions"`
		}{c.Exercise, c.Summary(), c.Tests(), c.Skipped, c.Unmatched, c.Rows}
		if err := report.JSON(&buf, doc); err != nil {
			return err
		}
	} else if err := classgrade.WriteCSV(&buf, c.Rows); err != nil {
		return err
	}
	if opts.out == "" {
		_, err := io.Copy(opts.app.Streams.Out, &buf)
		return err
	}
	return safefs.WritePath(opts.out, buf.Bytes(), 0o644)
}
