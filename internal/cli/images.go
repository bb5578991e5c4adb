package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/sandbox"
)

type imagesBuildOptions struct {
	app      *App
	runtimes []string
	force    bool
}

func newImagesCmd(app *App, runF func(*imagesBuildOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "images",
		Short: "Manage the sandbox images",
		Args:  cobraArgs(cobra.NoArgs),
	}
	opts := &imagesBuildOptions{app: app}
	build := &cobra.Command{
		Use:   "build [RUNTIME...]",
		Short: "Build the sandbox images (all runtimes unless some are named)",
		Long: `Build the runner images from the recipes in sandbox/. drill check builds a
missing image on first use; this builds them ahead of time. Images are tagged
with a hash of their recipe, so a changed recipe builds a new image.

Where the Docker engine cannot pull debian:trixie-slim, drill makes the same
base with debootstrap from this machine's apt mirror (needs root and the
debootstrap package).`,
		ValidArgs: sandbox.Runtimes(),
		Args:      cobraArgs(cobra.OnlyValidArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.runtimes = args
			if len(args) == 0 {
				opts.runtimes = sandbox.Runtimes()
			}
			if runF != nil {
				return runF(opts)
			}
			return runImagesBuild(cmd, opts)
		},
	}
	build.Flags().BoolVar(&opts.force, "force", false, "rebuild images that already exist")
	cmd.AddCommand(build)
	return cmd
}

func runImagesBuild(cmd *cobra.Command, opts *imagesBuildOptions) error {
	a := opts.app
	runner, err := a.NewRunner(cmd.Context(), a.Streams.ErrOut)
	if err != nil {
		return err
	}
	defer runner.Close()
	tags, err := runner.BuildImages(cmd.Context(), opts.runtimes, opts.force)
	for _, t := range tags {
		fmt.Fprintf(a.Streams.Out, "ready: %s\n", t)
	}
	return err
}
