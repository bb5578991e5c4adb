package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/report"
)

type nextOptions struct {
	app *App
	g   *globalOptions
}

func newNextCmd(app *App, g *globalOptions, runF func(*nextOptions) error) *cobra.Command {
	opts := &nextOptions{app: app, g: g}
	return &cobra.Command{
		Use:   "next",
		Short: "Say which exercise to do next, and where it is",
		Args:  cobraArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runNext(opts)
		},
	}
}

func runNext(opts *nextOptions) error {
	a := opts.app
	ws, b, state, err := a.learnerSession(opts.g)
	if err != nil {
		return err
	}
	next := nextPending(b, state, nil)
	if next == nil {
		fmt.Fprintln(a.Streams.Out, "Every exercise is done. Well done!")
		return nil
	}
	dir := ws.ExerciseDir(next)
	if wd, err := a.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, dir); err == nil {
			dir = rel
		}
	}
	fmt.Fprintf(a.Streams.Out, "Next: %s, %s (%s)\n  cd %s\n  drill check\n", next.ID, report.Visible(next.Title), next.Difficulty, dir)
	return nil
}
