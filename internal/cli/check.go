package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/report"
	"github.com/drill-dev/drill/internal/workspace"
)

type checkOptions struct {
	app      *App
	g        *globalOptions
	exercise string
	json     bool
}

func newCheckCmd(app *App, g *globalOptions, runF func(context.Context, *checkOptions) error) *cobra.Command {
	opts := &checkOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "check [EXERCISE]",
		Short: "Grade an exercise in the sandbox",
		Long: `Grade an exercise: run its hidden tests against your files in a Docker
sandbox and show each test as passed or failed.

Without EXERCISE, drill checks the exercise whose directory you are in, or
else the next one not yet done. A pass marks the exercise done.

Exit status: 0 passed, 1 failed, 2 bad input, 3 the sandbox could not run.`,
		Args:              cobraArgs(cobra.MaximumNArgs(1)),
		ValidArgsFunction: completeExercises(app, g),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.exercise = args[0]
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCheck(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the result as JSON")
	return cmd
}

func runCheck(ctx context.Context, opts *checkOptions) error {
	a := opts.app
	ws, b, err := a.session(opts.g)
	if err != nil {
		return err
	}
	if ws == nil {
		return workspace.ErrNotFound
	}
	state, err := ws.LoadState()
	if err != nil {
		return err
	}
	ex, err := pickExercise(a, ws, b, state, opts.exercise)
	if err != nil {
		return err
	}
	if ex == nil {
		fmt.Fprintln(a.Streams.Out, "Every exercise is done. Well done! (drill check EXERCISE checks one again.)")
		return nil
	}
	files, err := ws.LearnerFiles(ex)
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
	res, err := grade.Grade(ctx, runner, b, ex, files)
	if err != nil {
		return err
	}
	if res.Status == grade.Pass {
		if err := ws.MarkDone(ex.ID, a.Now()); err != nil {
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

// pickExercise: the one named, else the one whose directory we are in,
// else the first not done (nil when all are).
func pickExercise(a *App, ws *workspace.Workspace, b *bank.Bank, state *workspace.State, id string) (*bank.Exercise, error) {
	if id != "" {
		return b.Exercise(id)
	}
	wd, err := a.Getwd()
	if err != nil {
		return nil, err
	}
	if rel, ok := ws.Rel(wd); ok {
		if ex, ok := b.ByDir(rel); ok {
			return ex, nil
		}
	}
	return nextPending(b, state, nil), nil
}

// nextPending is the first exercise after `after` (or from the start) that
// is not done, wrapping around.
func nextPending(b *bank.Bank, state *workspace.State, after *bank.Exercise) *bank.Exercise {
	all := b.All()
	start := 0
	for i, ex := range all {
		if ex == after {
			start = i + 1
		}
	}
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
		_, b, err := a.session(g)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []string
		for _, ex := range b.All() {
			ids = append(ids, ex.ID+"\t"+ex.Title)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}
