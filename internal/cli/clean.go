package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/sandbox"
)

type cleanOptions struct {
	app    *App
	all    bool
	images bool
}

func newCleanCmd(app *App, runF func(context.Context, *cleanOptions) error) *cobra.Command {
	opts := &cleanOptions{app: app}
	cmd := &cobra.Command{
		Use:   "clean",
		Short: "Remove sandbox containers left behind (and, with --images, drill's images)",
		Long: `Remove the sandbox containers that no drill is using: those past the
deadline on their labels (any drill's, from any host: by then the sandbox's
own watchdog has ended it), those of a drill of yours on this machine that
was killed, spares waiting for a job, and stopped ones made by a drill from
before deadlines. A sandbox of a drill that is still running, on this host
or another, is left alone until its deadline. Every drill already removes
its own on every path, and sweeps what is past its deadline; this is for
everything else.

--all also removes sandboxes in use by running drills (their checks fail).
--images also removes drill's images; the next check builds them again.`,
		Args: cobraArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runClean(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.all, "all", false, "also remove sandboxes in use")
	cmd.Flags().BoolVar(&opts.images, "images", false, "also remove drill's images")
	return cmd
}

func runClean(ctx context.Context, opts *cleanOptions) error {
	a := opts.app
	runner, err := a.NewRunner(ctx, a.Streams.ErrOut)
	if err != nil {
		return err
	}
	defer runner.Close()
	scope := sandbox.Leftovers
	if opts.all {
		scope = sandbox.All
	}
	n, err := runner.Clean(ctx, scope)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Streams.Out, "removed %d sandbox container(s)\n", n)
	if opts.images {
		tags, err := runner.RemoveImages(ctx)
		for _, t := range tags {
			fmt.Fprintf(a.Streams.Out, "removed image %s\n", t)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
