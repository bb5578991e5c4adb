package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"

	"golang.org/x/sync/errgroup"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/learnerfiles"
	"github.com/drill-dev/drill/internal/report"
	"github.com/drill-dev/drill/internal/workspace"
)

type checkOptions struct {
	app      *App
	g        *globalOptions
	exercise string
	json     bool
	all      bool
	jobs     int
}

func newCheckCmd(app *App, g *globalOptions, runF func(context.Context, *checkOptions) error) *cobra.Command {
	opts := &checkOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "check [EXERCISE]",
		Short: "Grade an exercise in the sandbox",
		Long: `Grade an exercise: run its hidden tests against your files in a Docker
sandbox and show each test as passed or failed.

Without EXERCISE, drill checks the exercise whose directory you are in, or
else the next one not yet done. A pass marks the exercise done. --all checks
every exercise and rebuilds your progress from what passes.

Exit status: 0 passed, 1 failed, 2 bad input, 3 the sandbox could not run
(or the machine was too busy: check again), 4 another error.`,
		Args:              cobraArgs(cobra.MaximumNArgs(1)),
		ValidArgsFunction: completeExercises(app, g),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.exercise = args[0]
			}
			if opts.all && opts.exercise != "" {
				return usageErrorf("--all checks every exercise: name none")
			}
			if opts.jobs < 1 {
				return usageErrorf("--jobs must be at least 1")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCheck(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the result as JSON")
	cmd.Flags().BoolVar(&opts.all, "all", false, "check every exercise and rebuild your progress from what passes")
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", runtime.NumCPU(), "with --all, check `N` exercises at a time")
	return cmd
}

func runCheck(ctx context.Context, opts *checkOptions) error {
	a := opts.app
	if opts.all {
		ws, b, _, err := a.learnerSession(opts.g)
		if err != nil {
			return err
		}
		return runCheckAll(ctx, opts, ws, b)
	}
	ws, b, state, ex, err := a.learnerExercise(opts.g, opts.exercise,
		"Every exercise is done. Well done! (drill check EXERCISE checks one again.)")
	if err != nil || ex == nil {
		return err
	}
	files, refused, err := workspaceFiles(ws, ex)
	if err != nil {
		return err
	}
	runner, err := a.NewRunner(ctx, a.Streams.ErrOut)
	if err != nil {
		return err
	}
	defer runner.Close()
	if !opts.json {
		fmt.Fprintf(a.Streams.ErrOut, "Checking %s...\n", ex.ID)
	}
	res, err := gradeFiles(ctx, runner, b, ex, files, refused)
	if err != nil {
		return err
	}
	if res.Busy() {
		// Not the learner's verdict: no report, exit 3, check again.
		return grade.BusyError(res)
	}
	if res.Status == grade.Pass {
		if _, err := ws.MarkDone(ctx, ex.ID, a.Now()); err != nil {
			return err
		}
	}
	if opts.json {
		if err := report.JSON(a.Streams.Out, res); err != nil {
			return err
		}
	} else {
		if err := report.Text(a.Streams.Out, res, report.Style{Color: a.colorOn()}); err != nil {
			return err
		}
		if res.Status == grade.Pass {
			if next := nextPending(b, state, ex); next != nil {
				fmt.Fprintf(a.Streams.Out, "\nDone! Next: %s (%s)\n", next.ID, next.Dir)
			} else {
				fmt.Fprintln(a.Streams.Out, "\nDone!")
			}
		}
	}
	if res.Status != grade.Pass {
		return errFailed
	}
	return nil
}

// workspaceFiles reads the exercise's files from the workspace for
// grading. A file too large to grade is the exercise's result, refused (as
// a missing file is, by grade.Grade); a file drill does not read (a link,
// a FIFO, a device) is an error naming it, a usage error.
func workspaceFiles(ws *workspace.Workspace, ex *bank.Exercise) (files map[string][]byte, refused *grade.Result, err error) {
	files, err = ws.LearnerFiles(ex)
	var le *learnerfiles.Error
	switch {
	case errors.As(err, &le) && le.Kind == learnerfiles.TooLarge:
		return nil, grade.Unreadable(ex, le), nil
	case err != nil:
		return nil, nil, usageError{fmt.Errorf("%s: %w", ex.ID, err)}
	}
	return files, nil, nil
}

// gradeFiles grades files as workspaceFiles read them: refused, if it is
// not nil, is the result.
func gradeFiles(ctx context.Context, runner Runner, b *bank.Bank, ex *bank.Exercise, files map[string][]byte, refused *grade.Result) (*grade.Result, error) {
	if refused != nil {
		return refused, nil
	}
	return grade.Grade(ctx, runner, b, ex, files)
}

// nextPending is the first exercise after `after` (or from the start) that
// is not done, wrapping around.
func nextPending(b *bank.Bank, state *workspace.State, after *bank.Exercise) *bank.Exercise {
	all := b.All()
	start := slices.Index(all, after) + 1 // 0 when after is nil
	for i := range all {
		ex := all[(start+i)%len(all)]
		if ex != after && !state.Done(ex.ID) {
			return ex
		}
	}
	return nil
}

// completeExercises completes exercise ids from the bank in use.
func completeExercises(a *App, g *globalOptions) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		_, b, _, err := a.session(g)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []string
		for _, ex := range b.All() {
			ids = append(ids, ex.ID+"\t"+report.Visible(ex.Title))
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}

// runCheckAll grades every exercise and makes the progress say exactly
// which pass.
func runCheckAll(ctx context.Context, opts *checkOptions, ws *workspace.Workspace, b *bank.Bank) error {
	a := opts.app
	runner, err := a.NewRunner(ctx, a.Streams.ErrOut)
	if err != nil {
		return err
	}
	defer runner.Close()
	exs := b.All()
	results := make([]*grade.Result, len(exs))
	prog := &progress{w: a.Streams.Out, tty: a.Streams.OutTTY && !opts.json, total: len(exs)}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(opts.jobs)
	for i, ex := range exs {
		g.Go(func() error {
			prog.start(ex.ID)
			line := ""
			defer func() { prog.finish(ex.ID, line) }()
			files, refused, err := workspaceFiles(ws, ex)
			if err != nil {
				return err
			}
			r, err := grade.AgainIfBusy(func() (*grade.Result, error) { return gradeFiles(gctx, runner, b, ex, files, refused) })
			if err != nil {
				return err
			}
			results[i] = r
			if !opts.json {
				line = briefLine(a, r)
			}
			return nil
		})
	}
	err = g.Wait()
	prog.close()
	if err != nil {
		return err
	}
	passed := 0
	for _, r := range results {
		if r.Status == grade.Pass {
			passed++
		}
	}
	now := a.Now()
	err = ws.Update(ctx, func(s *workspace.State) error {
		for _, r := range results {
			s.Of(r.Exercise).SetDone(r.Status == grade.Pass, now)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if opts.json {
		if err := report.JSON(a.Streams.Out, results); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.Streams.Out, "\nexercises: %d passed, %d failed\n", passed, len(results)-passed)
	}
	if passed < len(results) {
		return errFailed
	}
	return nil
}

// briefLine is one line for one exercise's result.
func briefLine(a *App, r *grade.Result) string {
	style := report.Style{Color: a.colorOn()}
	switch r.Status {
	case grade.Pass:
		return fmt.Sprintf("%s %s\n", style.Mark(true), r.Exercise)
	case grade.Fail:
		p, f := r.Counts()
		return fmt.Sprintf("%s %s (%d passed, %d failed)\n", style.Mark(false), r.Exercise, p, f)
	default:
		return fmt.Sprintf("%s %s (%s)\n", style.Mark(false), r.Exercise, report.ErrorTitle(r.ErrorKind))
	}
}
