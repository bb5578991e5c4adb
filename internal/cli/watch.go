package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/report"
	"github.com/drill-dev/drill/internal/workspace"
)

// debounce is how long watch waits after a change before checking: an
// editor's save is often several events (write, rename, chmod).
const debounce = 50 * time.Millisecond

type watchOptions struct {
	app      *App
	g        *globalOptions
	exercise string
}

func newWatchCmd(app *App, g *globalOptions, runF func(context.Context, *watchOptions) error) *cobra.Command {
	opts := &watchOptions{app: app, g: g}
	return &cobra.Command{
		Use:   "watch [EXERCISE]",
		Short: "Check an exercise again on every save, and move on when it passes",
		Long: `Stay open, check the current exercise every time you save one of its
files, and move to the next one when it passes. Keys: h next hint, l list,
n skip to the next exercise, c check again, q quit.

Without EXERCISE: the one whose directory you are in, else the next one not
done. watch needs a terminal.`,
		Args:              cobraArgs(cobra.MaximumNArgs(1)),
		ValidArgsFunction: completeExercises(app, g),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.exercise = args[0]
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runWatch(cmd.Context(), opts)
		},
	}
}

// watcher is one watch session.
type watcher struct {
	app    *App
	g      *globalOptions
	ws     *workspace.Workspace
	bank   *bank.Bank
	runner Runner
	files  *fsnotify.Watcher
	out    io.Writer // the terminal, in raw mode: \n becomes \r\n
	ex     *bank.Exercise
}

func runWatch(ctx context.Context, opts *watchOptions) error {
	a := opts.app
	if !a.Streams.InTTY || !a.Streams.OutTTY {
		return usageErrorf("drill watch needs a terminal to read keys from and draw on; use drill check instead")
	}
	ws, b, _, ex, err := a.learnerExercise(opts.g, opts.exercise,
		"Every exercise is done. Well done! (drill watch EXERCISE watches one again.)")
	if err != nil || ex == nil {
		return err
	}
	out := &crlf{w: a.Streams.Out}
	runner, err := a.NewRunner(ctx, &crlf{w: a.Streams.ErrOut})
	if err != nil {
		return err
	}
	defer runner.Close()
	files, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch files: %w", err)
	}
	defer files.Close()

	// Raw mode: single keys arrive at once, and Ctrl-C is a key (quit)
	// rather than a signal.
	if f, ok := a.Streams.In.(*os.File); ok {
		old, err := term.MakeRaw(int(f.Fd()))
		if err != nil {
			return fmt.Errorf("watch: terminal: %w", err)
		}
		defer term.Restore(int(f.Fd()), old)
	}
	ctx, quit := context.WithCancel(ctx)
	defer quit()
	keys := make(chan byte, 16)
	go readKeys(a.Streams.In, keys, quit)

	w := &watcher{app: a, g: opts.g, ws: ws, bank: b, runner: runner, files: files, out: out}
	if err := w.switchTo(ex); err != nil {
		return err
	}
	err = w.loop(ctx, keys)
	fmt.Fprintln(out)
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		return nil // q or Ctrl-C: a normal way out
	}
	return err
}

// readKeys forwards each key pressed; q, Ctrl-C and Ctrl-D quit, at once,
// even in the middle of a check.
func readKeys(in io.Reader, keys chan<- byte, quit func()) {
	buf := make([]byte, 1)
	for {
		if _, err := in.Read(buf); err != nil {
			quit()
			return
		}
		switch buf[0] {
		case 'q', 3, 4:
			quit()
			return
		}
		select {
		case keys <- buf[0]:
		default: // a key pressed many times while busy counts once
		}
	}
}

func (w *watcher) loop(ctx context.Context, keys <-chan byte) error {
	if err := w.check(ctx); err != nil {
		return err
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev := <-w.files.Events:
			if w.concerns(ev.Name) {
				timer.Reset(debounce)
			}
		case err := <-w.files.Errors:
			return fmt.Errorf("watch files: %w", err)
		case <-timer.C:
			if err := w.check(ctx); err != nil {
				return err
			}
		case k := <-keys:
			if err := w.key(ctx, k); err != nil {
				return err
			}
		}
	}
}

func (w *watcher) key(ctx context.Context, k byte) error {
	switch k {
	case 'h':
		fmt.Fprintln(w.out)
		if err := showHint(ctx, w.out, w.ws, w.ex, false); err != nil {
			return err
		}
	case 'l':
		fmt.Fprintln(w.out)
		list := *w.app
		list.Streams.Out = w.out
		if err := runList(&listOptions{app: &list, g: w.g}); err != nil {
			return err
		}
	case 'n':
		state, err := w.ws.LoadState()
		if err != nil {
			return err
		}
		next := nextPending(w.bank, state, w.ex)
		if next == nil {
			fmt.Fprintln(w.out, "\nNo other exercise is left to do.")
			return nil
		}
		if err := w.switchTo(next); err != nil {
			return err
		}
		return w.check(ctx)
	case 'c':
		return w.check(ctx)
	default:
		return nil
	}
	w.footer()
	return nil
}

// switchTo makes ex the watched exercise: its directory, and those of its
// files, are watched (directories, not files: editors that save by
// writing a new file and renaming it over the old one replace the file).
func (w *watcher) switchTo(ex *bank.Exercise) error {
	for _, p := range w.files.WatchList() {
		_ = w.files.Remove(p)
	}
	dirs := map[string]bool{}
	for _, f := range ex.Files {
		dirs[filepath.Dir(filepath.Join(w.ws.ExerciseDir(ex), filepath.FromSlash(f)))] = true
	}
	for d := range dirs {
		if err := w.files.Add(d); err != nil {
			return fmt.Errorf("watch %s: %w", d, err)
		}
	}
	w.ex = ex
	return nil
}

// concerns reports whether a changed path is one of the exercise's files.
func (w *watcher) concerns(path string) bool {
	for _, f := range w.ex.Files {
		if filepath.Clean(path) == filepath.Join(w.ws.ExerciseDir(w.ex), filepath.FromSlash(f)) {
			return true
		}
	}
	return false
}

// check grades the current exercise and redraws the screen; on a pass it
// moves to the next exercise.
func (w *watcher) check(ctx context.Context) error {
	a := w.app
	fmt.Fprint(w.out, "\x1b[2J\x1b[H") // clear the screen
	fmt.Fprintf(w.out, "%s\n\n", report.Style{Color: a.colorOn()}.Heading(
		fmt.Sprintf("drill watch · %s · %s", w.ex.ID, report.Visible(w.ex.Title))))
	files, refused, err := workspaceFiles(w.ws, w.ex)
	if err != nil {
		return err
	}
	started := time.Now()
	res, err := gradeFiles(ctx, w.runner, w.bank, w.ex, files, refused)
	if err != nil {
		return err
	}
	// A terminal's worth: the first failures in full, the rest by name.
	if err := report.Text(w.out, res, report.Style{Color: a.colorOn(), Detailed: 3}); err != nil {
		return err
	}
	fmt.Fprintf(w.out, "(checked in %s)\n", time.Since(started).Round(10*time.Millisecond))
	if res.Status != grade.Pass {
		// The bank refuses an exercise without files.
		fmt.Fprintf(w.out, "\nEdit %s and save: drill checks it again.\n", report.Visible(filepath.Join(w.ex.Dir, w.ex.Files[0])))
		w.footer()
		return nil
	}
	state, err := w.ws.MarkDone(ctx, w.ex.ID, a.Now())
	if err != nil {
		return err
	}
	next := nextPending(w.bank, state, w.ex)
	if next == nil {
		fmt.Fprintln(w.out, "\nPassed! That was the last exercise: every one is done. Press q to quit.")
		return nil
	}
	fmt.Fprintf(w.out, "\nPassed! Next: %s, %s. Its task is in %s/README.md.\n", next.ID, report.Visible(next.Title), next.Dir)
	if err := w.switchTo(next); err != nil {
		return err
	}
	w.footer()
	return nil
}

func (w *watcher) footer() {
	fmt.Fprintf(w.out, "\n[%s] h hint · l list · n next · c check · q quit\n", w.ex.ID)
}

// crlf turns \n into \r\n: in raw mode the terminal no longer does.
type crlf struct{ w io.Writer }

func (c *crlf) Write(p []byte) (int, error) {
	if _, err := c.w.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}
