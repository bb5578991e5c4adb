// Package cli is drill's command line: one file per command, each an
// options struct, a constructor that wires its flags, and a run function
// that takes its dependencies. It is the only package that prints.
package cli

import (
	"context"
	"io"
	"os"
	"time"

	"github.com/mattn/go-colorable"
	"github.com/mattn/go-isatty"

	"github.com/drill-dev/drill/internal/sandbox"
)

// Streams are where a command reads and writes, and whether they are
// terminals.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY is true when Out is a terminal: colour and progress go there
	// only then.
	OutTTY bool
	// InTTY is true when In is a terminal that can be asked questions.
	InTTY bool
}

// SystemStreams are the process's standard streams. Colour is ANSI's
// escapes, which Windows' console shows only when asked to: there
// go-colorable turns that on, or translates them for an old console;
// elsewhere it returns the stream itself.
func SystemStreams() Streams {
	return Streams{
		In: os.Stdin, Out: colorable.NewColorable(os.Stdout), ErrOut: colorable.NewColorable(os.Stderr),
		OutTTY: isatty.IsTerminal(os.Stdout.Fd()),
		InTTY:  isatty.IsTerminal(os.Stdin.Fd()),
	}
}

// App holds what every command depends on, so tests can replace any of it.
type App struct {
	Streams Streams
	// NewRunner opens the sandbox; progress receives image build output.
	NewRunner func(ctx context.Context, progress io.Writer) (Runner, error)
	Getwd     func() (string, error)
	Getenv    func(string) string
	Now       func() time.Time
	Version   string
}

// Runner is a sandbox that can also build its images.
type Runner interface {
	sandbox.Runner
	// BuildImages builds the runtimes' images; force rebuilds existing ones.
	BuildImages(ctx context.Context, runtimes []string, force bool) ([]string, error)
	// Clean removes sandbox containers left behind, and returns how many.
	Clean(ctx context.Context, scope sandbox.CleanScope) (int, error)
	// RemoveImages removes drill's images and returns their tags.
	RemoveImages(ctx context.Context) ([]string, error)
	Close() error
}

// DockerRunner opens the Docker sandbox.
func DockerRunner(ctx context.Context, progress io.Writer) (Runner, error) {
	return sandbox.NewDocker(ctx, progress)
}

// NewApp is the App of a real run of drill.
func NewApp(version string) *App {
	return &App{
		Streams:   SystemStreams(),
		NewRunner: DockerRunner,
		Getwd:     os.Getwd,
		Getenv:    os.Getenv,
		Now:       time.Now,
		Version:   version,
	}
}

// colorOn: colour only on a terminal, and never when NO_COLOR is set.
func (a *App) colorOn() bool {
	return a.Streams.OutTTY && a.Getenv("NO_COLOR") == ""
}
