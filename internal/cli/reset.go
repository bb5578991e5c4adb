package cli

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/bank"
)

type resetOptions struct {
	app      *App
	g        *globalOptions
	exercise string
	all      bool
	yes      bool
}

func newResetCmd(app *App, g *globalOptions, runF func(*resetOptions) error) *cobra.Command {
	opts := &resetOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "reset EXERCISE | --all",
		Short: "Put an exercise's starter files back (your files are backed up first)",
		Long: `Put the exercise's starter files and README back, as drill init made them.
Your current files are first copied to a backup inside the workspace
(.drill/backups/TIME/...), and drill says where: nothing you wrote is lost.
--all resets every exercise, after asking (or with --yes).`,
		Args:              cobraArgs(cobra.MaximumNArgs(1)),
		ValidArgsFunction: completeExercises(app, g),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.exercise = args[0]
			}
			if opts.all == (opts.exercise != "") {
				return usageErrorf("name one EXERCISE to reset, or --all")
			}
			if runF != nil {
				return runF(opts)
			}
			return runReset(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.all, "all", false, "reset every exercise")
	cmd.Flags().BoolVarP(&opts.yes, "yes", "y", false, "with --all, do not ask")
	return cmd
}

func runReset(opts *resetOptions) error {
	a := opts.app
	ws, b, _, err := a.learnerSession(opts.g)
	if err != nil {
		return err
	}
	exs := b.All()
	if !opts.all {
		ex, err := b.Exercise(opts.exercise)
		if err != nil {
			return err
		}
		exs = []*bank.Exercise{ex}
	} else if !opts.yes {
		if !a.Streams.InTTY {
			return usageErrorf("reset --all asks before it resets every exercise; without a terminal to ask on, add --yes")
		}
		fmt.Fprintf(a.Streams.ErrOut, "Reset all %d exercises to their starter files? Your files are backed up first. [y/N] ", len(exs))
		answer, _ := bufio.NewReader(a.Streams.In).ReadString('\n')
		if ans := strings.ToLower(strings.TrimSpace(answer)); ans != "y" && ans != "yes" {
			fmt.Fprintln(a.Streams.Out, "Nothing was reset.")
			return nil
		}
	}
	backup, err := ws.Backup(exs, a.Now())
	if err != nil {
		return err
	}
	for _, ex := range exs {
		if err := ws.Restore(b, ex); err != nil {
			return err
		}
	}
	rel, err := filepath.Rel(ws.Root, backup)
	if err != nil {
		rel = backup
	}
	if opts.all {
		fmt.Fprintf(a.Streams.Out, "Reset %d exercises to their starter files.\n", len(exs))
	} else {
		fmt.Fprintf(a.Streams.Out, "Reset %s to its starter files.\n", exs[0].ID)
	}
	fmt.Fprintf(a.Streams.Out, "Your files were saved in %s\n", rel)
	return nil
}
