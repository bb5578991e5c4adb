package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/workspace"
)

type listOptions struct {
	app *App
	g   *globalOptions
}

func newListCmd(app *App, g *globalOptions, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{app: app, g: g}
	return &cobra.Command{
		Use:   "list",
		Short: "List the sections and exercises in order, with your progress",
		Args:  cobraArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runList(opts)
		},
	}
}

func runList(opts *listOptions) error {
	ws, b, err := opts.app.session(opts.g)
	if err != nil {
		return err
	}
	state := &workspace.State{}
	if ws != nil {
		if state, err = ws.LoadState(); err != nil {
			return err
		}
	}
	out := opts.app.Streams.Out
	done := 0
	for i, s := range b.Sections {
		if i > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintln(out, s.Title)
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		for _, ex := range s.Exercises {
			status := "pending"
			if state.Done(ex.ID) {
				status = "done"
				done++
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", status, ex.ID, ex.Title)
		}
		tw.Flush()
	}
	total := len(b.All())
	fmt.Fprintf(out, "\n%d of %d exercises done\n", done, total)
	if ws == nil {
		fmt.Fprintln(out, `Not in a workspace: run "drill init" to start.`)
	}
	return nil
}
