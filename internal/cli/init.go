package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/workspace"
)

type initOptions struct {
	app *App
	g   *globalOptions
	dir string
}

func newInitCmd(app *App, g *globalOptions, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{app: app, g: g}
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a workspace with every exercise's starter files",
		Long: `Create a learner workspace in DIR (default: ./drill-exercises): one directory
per section and exercise, each with its README.md and starter files, and the
progress state in DIR/.drill. It never writes over an existing workspace or file.`,
		Args: cobraArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = "drill-exercises"
			if len(args) == 1 {
				opts.dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts)
		},
	}
}

func runInit(opts *initOptions) error {
	a := opts.app
	wd, err := a.Getwd()
	if err != nil {
		return err
	}
	dir := opts.dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(wd, dir)
	}
	bankDir, _, err := a.bankDir(opts.g, nil)
	if err != nil {
		return err
	}
	b, err := loadBank(bankDir)
	if err != nil {
		return err
	}
	ws, err := workspace.Init(dir, b, bankDir)
	if err != nil {
		return usageErrorf("init: %w", err)
	}
	n := len(b.All())
	first := b.All()[0]
	out := a.Streams.Out
	fmt.Fprintf(out, "Created a workspace with %d exercises in %d sections in %s\n\n", n, len(b.Sections), ws.Root)
	fmt.Fprintf(out, "Start with the first exercise:\n  cd %s\n  cat %s/README.md\n  drill check\n", opts.dir, first.Dir)
	return nil
}
