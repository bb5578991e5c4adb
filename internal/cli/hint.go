package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/report"
	"github.com/drill-dev/drill/internal/workspace"
)

type hintOptions struct {
	app      *App
	g        *globalOptions
	exercise string
	all      bool
}

func newHintCmd(app *App, g *globalOptions, runF func(context.Context, *hintOptions) error) *cobra.Command {
	opts := &hintOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "hint [EXERCISE]",
		Short: "Show the next hint for an exercise",
		Long: `Show the exercise's next hint: each time you ask, one more, in order.
drill remembers how many you have seen; --all shows them all again.
Without EXERCISE: the one whose directory you are in, else the next one not done.`,
		Args:              cobraArgs(cobra.MaximumNArgs(1)),
		ValidArgsFunction: completeExercises(app, g),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.exercise = args[0]
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runHint(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.all, "all", false, "show every hint seen so far")
	return cmd
}

func runHint(ctx context.Context, opts *hintOptions) error {
	a := opts.app
	ws, _, _, ex, err := a.learnerExercise(opts.g, opts.exercise,
		"Every exercise is done: no hints needed. (drill hint EXERCISE shows an exercise's hints.)")
	if err != nil || ex == nil {
		return err
	}
	return showHint(ctx, a.Streams.Out, ws, ex, opts.all)
}

// showHint shows the next hint (or, with all, those seen so far) and
// records it; ctx ends the wait for the progress file's lock. Watch mode
// shares it.
func showHint(ctx context.Context, out io.Writer, ws *workspace.Workspace, ex *bank.Exercise, all bool) error {
	shown := 0
	err := ws.Update(ctx, func(s *workspace.State) error {
		p := s.Of(ex.ID)
		if !all && p.HintsShown < len(ex.Hints) {
			p.HintsShown++
		}
		shown = p.HintsShown
		return nil
	})
	if err != nil {
		return err
	}
	total := len(ex.Hints)
	switch {
	case shown == 0:
		fmt.Fprintf(out, "No hints seen yet for %s: drill hint shows the first.\n", ex.ID)
	case all:
		for i := 0; i < shown; i++ {
			fmt.Fprintf(out, "Hint %d of %d for %s:\n  %s\n", i+1, total, ex.ID, report.Visible(ex.Hints[i]))
		}
	default:
		fmt.Fprintf(out, "Hint %d of %d for %s:\n  %s\n", shown, total, ex.ID, report.Visible(ex.Hints[shown-1]))
		if shown == total {
			fmt.Fprintln(out, "That was the last hint. (drill hint --all shows them all again.)")
		}
	}
	return nil
}
