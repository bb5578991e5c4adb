package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/report"
)

type solutionOptions struct {
	app      *App
	g        *globalOptions
	exercise string
	force    bool
}

func newSolutionCmd(app *App, g *globalOptions, runF func(*solutionOptions) error) *cobra.Command {
	opts := &solutionOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "solution EXERCISE",
		Short: "Show the reference solution of an exercise you have solved",
		Long: `Show the reference solution, to compare with yours, once the exercise
has passed. Before that drill refuses: --force shows it anyway.`,
		Args:              cobraArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: completeExercises(app, g),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.exercise = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runSolution(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.force, "force", false, "show it before you have solved the exercise")
	return cmd
}

func runSolution(opts *solutionOptions) error {
	a := opts.app
	_, b, state, err := a.learnerSession(opts.g)
	if err != nil {
		return err
	}
	ex, err := b.Exercise(opts.exercise)
	if err != nil {
		return err
	}
	if !state.Done(ex.ID) {
		if !opts.force {
			return usageErrorf("%s is not solved yet: the solution shows once drill check passes (or with --force, which spoils the exercise)", ex.ID)
		}
		fmt.Fprintf(a.Streams.ErrOut, "warning: %s is not solved yet; you asked to see the solution anyway.\n", ex.ID)
	}
	files, err := b.Solution(ex)
	if err != nil {
		return err
	}
	style := report.Style{Color: a.colorOn()}
	for i, f := range files {
		if i > 0 {
			fmt.Fprintln(a.Streams.Out)
		}
		// The bank's files, shown, not obeyed: a bank may come from anyone.
		fmt.Fprintln(a.Streams.Out, style.Heading("── "+report.Visible(f.Path)+" ──"))
		fmt.Fprint(a.Streams.Out, report.Visible(string(f.Data)))
	}
	return nil
}
