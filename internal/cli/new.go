package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/safefs"
	"github.com/drill-dev/drill/internal/sandbox"
)

type newOptions struct {
	app     *App
	g       *globalOptions
	id      string
	runtime string
}

func newNewCmd(app *App, g *globalOptions, runF func(context.Context, *newOptions) error) *cobra.Command {
	opts := &newOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "new SECTION/EXERCISE",
		Short: "Scaffold a new exercise in a bank on disk",
		Long: `Create a new exercise in the bank given with --bank DIR (or DRILL_BANK),
made if need be: exercise.toml, README.md, starter/, solution/, tests/ and
one known-wrong solution in wrong/. The scaffold is a small exercise that
works, with ` + bank.Marker + ` at every part for you to write; drill validate
rejects the exercise, naming each of them, until none is left.

The exercise goes after the last one of its section, and a new section after
the last section; give numbers to choose (drill new 04-sql/06-joins).
docs/authoring.md is the guide.`,
		Example: `  drill --bank ~/my-bank new sql/joins
  drill --bank ~/my-bank new --runtime django security/open-redirect`,
		Args: cobraArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			if !slices.Contains(sandbox.Runtimes(), opts.runtime) {
				return usageErrorf("--runtime must be one of %s, not %q", strings.Join(sandbox.Runtimes(), ", "), opts.runtime)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runNew(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.runtime, "runtime", "python", "the sandbox `RUNTIME`: "+strings.Join(sandbox.Runtimes(), ", "))
	return cmd
}

func runNew(_ context.Context, opts *newOptions) error {
	a := opts.app
	// Only a bank on disk can take a new exercise; unlike other commands,
	// new makes the directory, so that a bank can start from nothing.
	given := a.givenBank(opts.g)
	if given == "" {
		return usageErrorf("drill new writes into a bank on disk: name it with --bank DIR (or DRILL_BANK)")
	}
	root, err := filepath.Abs(given)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return usageErrorf("bank %s: %v", given, err)
	}
	fsys, err := safefs.Open(root)
	if err != nil {
		return usageErrorf("bank %s: %v", given, err)
	}
	defer fsys.Close()
	p, err := bank.Place(fsys, opts.id)
	if err != nil {
		return err
	}
	files, err := bank.Scaffold(p, opts.runtime)
	if err != nil {
		return err
	}
	// Check everything before writing anything: a refusal leaves no trace.
	// Nothing is written through a link (a linked section directory is
	// refused), not even one put there between the check and the write.
	for _, f := range files {
		_, err := fsys.Lstat(f.Path)
		switch {
		case err == nil:
			return usageErrorf("%s already exists; drill new writes only new files", filepath.Join(given, filepath.FromSlash(f.Path)))
		case !errors.Is(err, fs.ErrNotExist):
			return usageErrorf("bank %s: %v", given, err)
		}
	}
	for _, f := range files {
		if err := fsys.CreateFrom(f.Path, bytes.NewReader(f.Data)); err != nil {
			return usageErrorf("bank %s: %v", given, err)
		}
	}
	out := a.Streams.Out
	fmt.Fprintf(out, "Created %s (%s, runtime %s) in %s:\n", p.Dir, p.ID, opts.runtime, given)
	for _, f := range files {
		fmt.Fprintf(out, "  %s\n", f.Path)
	}
	fmt.Fprintf(out, "\nWrite your exercise where the files say %s, then check it:\n  drill --bank %s validate %s\n", bank.Marker, given, p.ID)
	return nil
}
