package cli

import (
	"context"
	"errors"
	"fmt"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/report"
	"github.com/drill-dev/drill/internal/safefs"
	"github.com/drill-dev/drill/internal/sandbox"
	"github.com/drill-dev/drill/internal/workspace"
)

// Exit codes, as DESIGN.md fixes them.
const (
	ExitOK      = 0
	ExitFailed  = 1 // some exercise failed
	ExitUsage   = 2 // bad flag, unknown exercise, invalid bank
	ExitSandbox = 3 // the sandbox could not run
	// ExitInternal: anything else went wrong, not the learner's code nor
	// the input (a file drill could not read or write, a bug of drill's).
	ExitInternal    = 4
	ExitInterrupted = 130
)

// errFailed reports that grading found failures; the output already said
// which, so nothing more is printed.
var errFailed = errors.New("failed")

// usageError is a mistake in how drill was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// Main runs drill with args and returns its exit code. Ctrl-C and the
// other interruptSignals of the platform cancel the command's context;
// the command cleans up and returns. A second one ends drill at once,
// whatever it is waiting for.
func Main(app *App, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), interruptSignals()...)
	defer stop()
	go func() {
		<-ctx.Done()
		// The signals' default action again: the next one kills.
		stop()
	}()
	root := NewRootCmd(app)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	code := exitCode(err)
	if err != nil && !errors.Is(err, errFailed) {
		if code == ExitInterrupted {
			fmt.Fprintln(app.Streams.ErrOut, "drill: interrupted")
		} else {
			// An error may quote a bank's or a learner's text.
			fmt.Fprintf(app.Streams.ErrOut, "drill: %s\n", report.Visible(err.Error()))
		}
	}
	return code
}

// exitCode is the one place where an error becomes an exit code.
func exitCode(err error) int {
	var ue usageError
	var be *bank.Error
	var ke *safefs.KindError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.Is(err, errFailed):
		return ExitFailed
	case errors.Is(err, sandbox.ErrUnavailable):
		return ExitSandbox
	case errors.As(err, &ue), errors.As(err, &be), errors.As(err, &ke),
		errors.Is(err, bank.ErrUnknownExercise),
		errors.Is(err, workspace.ErrNotFound), errors.Is(err, workspace.ErrExists),
		errors.Is(err, workspace.ErrCorruptState):
		return ExitUsage
	case strings.HasPrefix(err.Error(), "unknown command"), strings.HasPrefix(err.Error(), "unknown flag"):
		return ExitUsage
	}
	return ExitInternal
}

// NewRootCmd builds the drill command tree.
func NewRootCmd(app *App) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "drill",
		Short: "Learn Python backend development by solving graded exercises",
		Long: `drill teaches Python backend development by doing: each exercise is a small
task with hidden tests, and drill check grades your code in a Docker sandbox.

Start with:  drill init course && cd course && drill check`,
		Version:       app.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(app.Streams.Out)
	root.SetErr(app.Streams.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.PersistentFlags().StringVar(&g.bankDir, "bank", "", "use the exercise bank in `DIR` instead of the built-in one (also DRILL_BANK)")
	root.AddCommand(
		newInitCmd(app, g, nil),
		newListCmd(app, g, nil),
		newCheckCmd(app, g, nil),
		newWatchCmd(app, g, nil),
		newHintCmd(app, g, nil),
		newNextCmd(app, g, nil),
		newResetCmd(app, g, nil),
		newSolutionCmd(app, g, nil),
		newValidateCmd(app, g, nil),
		newNewCmd(app, g, nil),
		newGradeCmd(app, g, nil),
		newImagesCmd(app, nil),
		newCleanCmd(app, nil),
	)
	return root
}

// cobraArgs wraps a cobra argument check so its complaint is a usage error.
func cobraArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
