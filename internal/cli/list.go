package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/report"
	"github.com/drill-dev/drill/internal/workspace"
)

type listOptions struct {
	app     *App
	g       *globalOptions
	pending bool
	done    bool
	section string
	json    bool
}

func newListCmd(app *App, g *globalOptions, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{app: app, g: g}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the sections and exercises in order, with your progress",
		Args:  cobraArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.pending && opts.done {
				return usageErrorf("--pending and --done exclude each other")
			}
			if runF != nil {
				return runF(opts)
			}
			return runList(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.pending, "pending", false, "only exercises not done")
	cmd.Flags().BoolVar(&opts.done, "done", false, "only exercises done")
	cmd.Flags().StringVar(&opts.section, "section", "", "only the section with this `ID` (python-basics)")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the list as JSON")
	_ = cmd.RegisterFlagCompletionFunc("section", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		_, b, _, err := app.session(g)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []string
		for _, s := range b.Sections {
			ids = append(ids, s.ID+"\t"+report.Visible(s.Title))
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// listItem is one exercise in list --json.
type listItem struct {
	ID         string `json:"id"`
	Section    string `json:"section"`
	Title      string `json:"title"`
	Difficulty string `json:"difficulty"`
	Status     string `json:"status"`
	HintsShown int    `json:"hints_shown"`
	Hints      int    `json:"hints"`
	Dir        string `json:"dir"`
}

func runList(opts *listOptions) error {
	a := opts.app
	ws, b, state, err := a.session(opts.g)
	if err != nil {
		return err
	}
	switch {
	case state != nil:
	case ws != nil:
		if state, err = ws.LoadState(); err != nil {
			return err
		}
	default:
		state = &workspace.State{Exercises: map[string]*workspace.Progress{}}
	}
	sections := b.Sections
	if opts.section != "" {
		sections = nil
		for _, s := range b.Sections {
			if s.ID == opts.section {
				sections = append(sections, s)
			}
		}
		if sections == nil {
			return usageErrorf("no section %q (sections: %s)", opts.section, sectionIDs(b))
		}
	}
	keep := func(ex *bank.Exercise) bool {
		done := state.Done(ex.ID)
		return !(opts.pending && done) && !(opts.done && !done)
	}
	if opts.json {
		items := []listItem{}
		for _, s := range sections {
			for _, ex := range s.Exercises {
				if !keep(ex) {
					continue
				}
				status := "pending"
				if state.Done(ex.ID) {
					status = "done"
				}
				shown := 0
				if p := state.Exercises[ex.ID]; p != nil {
					shown = p.HintsShown
				}
				items = append(items, listItem{ex.ID, s.ID, ex.Title, ex.Difficulty, status, shown, len(ex.Hints), ex.Dir})
			}
		}
		return report.JSON(a.Streams.Out, items)
	}

	out := a.Streams.Out
	style := report.Style{Color: a.colorOn()}
	done, total := 0, 0
	for i, s := range sections {
		if i > 0 {
			fmt.Fprintln(out)
		}
		sdone := 0
		for _, ex := range s.Exercises {
			if state.Done(ex.ID) {
				sdone++
			}
		}
		done += sdone
		total += len(s.Exercises)
		fmt.Fprintf(out, "%s  %s %d/%d\n", report.Visible(s.Title), progressBar(sdone, len(s.Exercises), 20), sdone, len(s.Exercises))
		// Columns are padded by hand: a coloured mark's escape codes have
		// no width on screen.
		width := 0
		for _, ex := range s.Exercises {
			width = max(width, len(ex.ID))
		}
		for _, ex := range s.Exercises {
			if !keep(ex) {
				continue
			}
			mark, status := "·", "pending"
			if state.Done(ex.ID) {
				mark, status = style.Mark(true), "done"
			}
			fmt.Fprintf(out, "  %s %-7s  %-*s  %s\n", mark, status, width, ex.ID, report.Visible(ex.Title))
		}
	}
	fmt.Fprintf(out, "\nTotal  %s %d/%d exercises done\n", progressBar(done, total, 20), done, total)
	if ws == nil {
		fmt.Fprintln(out, `Not in a workspace: run "drill init" to start.`)
	} else if next := nextPending(b, state, nil); next != nil {
		fmt.Fprintf(out, "Next: %s (drill next)\n", next.ID)
	}
	return nil
}

// progressBar draws done of total in width cells.
func progressBar(done, total, width int) string {
	filled := 0
	if total > 0 {
		filled = done * width / total
	}
	return "[" + strings.Repeat("#", filled) + strings.Repeat("-", width-filled) + "]"
}

func sectionIDs(b *bank.Bank) string {
	var ids []string
	for _, s := range b.Sections {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ", ")
}
