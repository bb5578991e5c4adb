package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/report"
)

type validateOptions struct {
	app  *App
	g    *globalOptions
	ids  []string
	jobs int
	json bool
}

func newValidateCmd(app *App, g *globalOptions, runF func(context.Context, *validateOptions) error) *cobra.Command {
	opts := &validateOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "validate [EXERCISE...]",
		Short: "Check the exercise bank: metadata, failing starters, passing solutions",
		Long: `Check every exercise of the bank (or the ones named): its metadata is sound,
its starter runs and fails in the sandbox, its reference solution passes well
within the time limit, and each known-wrong solution (wrong/NAME/) fails.

Exit status: 0 all valid, 1 some exercise is not, 3 the sandbox could not run.`,
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
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", runtime.NumCPU(), "validate `N` exercises at a time")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the findings as JSON")
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

func runValidate(ctx context.Context, opts *validateOptions) error {
	a := opts.app
	ws, err := a.findWorkspace()
	if err != nil {
		return err
	}
	dir, err := a.bankDir(opts.g, ws)
	if err != nil {
		return err
	}
	b, loadErr := loadBank(dir)
	if b == nil {
		return loadErr
	}
	// An unsound bank is what validate is for: report every problem, then
	// go on with the exercises that loaded.
	var problems []string
	var joined interface{ Unwrap() []error }
	if errors.As(loadErr, &joined) {
		for _, e := range joined.Unwrap() {
			problems = append(problems, e.Error())
			if !opts.json {
				fmt.Fprintf(a.Streams.Out, "invalid: %v\n", e)
			}
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
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.jobs)
	for i, ex := range exs {
		g.Go(func() error {
			v, err := validateExercise(gctx, runner, b, ex)
			if err != nil {
				return err
			}
			results[i] = v
			if !opts.json {
				mu.Lock()
				printValidation(a, v)
				mu.Unlock()
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	failed := 0
	for _, v := range results {
		if !v.OK {
			failed++
		}
	}
	if opts.json {
		doc := struct {
			MetadataProblems []string      `json:"metadata_problems"`
			Exercises        []*validation `json:"exercises"`
		}{append([]string{}, problems...), results}
		if err := report.JSON(a.Streams.Out, doc); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.Streams.Out, "\n%d exercises: %d valid, %d invalid", len(results), len(results)-failed, failed)
		if len(problems) > 0 {
			fmt.Fprintf(a.Streams.Out, "; %d problems in the bank's metadata", len(problems))
		}
		fmt.Fprintln(a.Streams.Out)
	}
	if failed > 0 || len(problems) > 0 {
		return errFailed
	}
	return nil
}

func printValidation(a *App, v *validation) {
	out := a.Streams.Out
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
	fmt.Fprintf(out, "%s %s%s\n", status, v.Exercise, detail)
	for _, p := range v.Problems {
		fmt.Fprintf(out, "     - %s\n", p)
	}
	for _, w := range v.Warnings {
		fmt.Fprintf(out, "     warning: %s\n", w)
	}
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

// validateExercise runs the starter and the solution. Only a sandbox that
// cannot run is an error; what is wrong with the exercise is a problem.
func validateExercise(ctx context.Context, runner Runner, b *bank.Bank, ex *bank.Exercise) (*validation, error) {
	v := &validation{Exercise: ex.ID}
	starter, err := b.Starter(ex)
	if err != nil {
		return nil, err
	}
	solution, err := b.Solution(ex)
	if err != nil {
		return nil, err
	}
	for _, f := range solution {
		if !slices.Contains(ex.Files, f.Path) {
			v.Problems = append(v.Problems, fmt.Sprintf("solution/%s is not one of the exercise's files", f.Path))
		}
	}

	v.Starter, err = grade.Grade(ctx, runner, b, ex, learnerFiles(ex, starter))
	if err != nil {
		return nil, err
	}
	switch v.Starter.Status {
	case grade.Pass:
		v.Problems = append(v.Problems, "the starter passes every test: the tests check nothing the learner must do")
	case grade.Error:
		v.Problems = append(v.Problems, "the starter must run and fail, but: "+oneLine(v.Starter.Message))
	}

	v.Solution, err = grade.Grade(ctx, runner, b, ex, learnerFiles(ex, solution))
	if err != nil {
		return nil, err
	}
	switch v.Solution.Status {
	case grade.Pass:
		if d := v.Solution.Duration(); d > ex.TimeLimit/2 {
			v.Warnings = append(v.Warnings, fmt.Sprintf("the solution took %s, more than half the time limit of %s", d.Round(time.Millisecond), ex.TimeLimit))
		}
	case grade.Fail:
		for _, t := range v.Solution.Tests {
			if t.Status != grade.Pass {
				v.Problems = append(v.Problems, fmt.Sprintf("the solution fails %s: %s", t.Name, oneLine(t.Message)))
			}
		}
	default:
		v.Problems = append(v.Problems, "the solution does not run: "+oneLine(v.Solution.Message))
	}
	v.Wrong = map[string]*grade.Result{}
	for _, name := range ex.Wrong {
		files, err := b.WrongSolution(ex, name)
		if err != nil {
			return nil, err
		}
		r, err := grade.Grade(ctx, runner, b, ex, learnerFiles(ex, files))
		if err != nil {
			return nil, err
		}
		v.Wrong[name] = r
		switch r.Status {
		case grade.Pass:
			v.Problems = append(v.Problems, fmt.Sprintf("the known-wrong solution wrong/%s passes: the tests do not catch its mistake", name))
		case grade.Error:
			v.Problems = append(v.Problems, fmt.Sprintf("the known-wrong solution wrong/%s must run and fail, but: %s", name, oneLine(r.Message)))
		}
	}
	v.OK = len(v.Problems) == 0
	return v, nil
}

// learnerFiles picks the exercise's editable files out of a directory's
// files, as a learner's workspace would hold them.
func learnerFiles(ex *bank.Exercise, files []bank.File) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range files {
		if slices.Contains(ex.Files, f.Path) {
			out[f.Path] = f.Data
		}
	}
	return out
}

func oneLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i] + " ..."
		}
	}
	return s
}
