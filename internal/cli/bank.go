package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/drill-dev/drill/exercises"
	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/safefs"
	"github.com/drill-dev/drill/internal/sandbox"
	"github.com/drill-dev/drill/internal/workspace"
)

// globalOptions are the flags every command takes.
type globalOptions struct {
	bankDir string
}

// givenBank is the bank the user named: --bank, then DRILL_BANK, or "".
func (a *App) givenBank(g *globalOptions) string {
	if g.bankDir != "" {
		return g.bankDir
	}
	return a.Getenv("DRILL_BANK")
}

// bankDir says which bank to use: the one given, then the bank the
// workspace was made from, else "" for the built-in one. When it read the
// workspace's state to find out, it returns that too (else nil), so that
// it is read once.
func (a *App) bankDir(g *globalOptions, ws *workspace.Workspace) (string, *workspace.State, error) {
	dir := a.givenBank(g)
	if dir == "" && ws != nil {
		st, err := ws.LoadState()
		if err != nil {
			return "", nil, err
		}
		return st.Bank, st, nil
	}
	if dir == "" {
		return "", nil, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, err
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return "", nil, usageErrorf("bank %s: not a directory", dir)
	}
	return abs, nil, nil
}

// loadBank loads the bank bankDir names. A bank on disk is read through
// safefs, never through a link in it; its root stays open as long as the
// bank is in use, which is the command's life.
func loadBank(dir string) (*bank.Bank, error) {
	opts := bank.Options{Runtimes: sandbox.Runtimes(), Services: sandbox.Services()}
	if dir == "" {
		return bank.Load(exercises.FS, opts)
	}
	fsys, err := safefs.Open(dir)
	if err != nil {
		return nil, usageErrorf("bank %s: %v", dir, err)
	}
	return bank.Load(fsys, opts)
}

// findWorkspace returns the workspace around the working directory, or nil
// when there is none.
func (a *App) findWorkspace() (*workspace.Workspace, error) {
	wd, err := a.Getwd()
	if err != nil {
		return nil, err
	}
	ws, err := workspace.Find(wd)
	if err == workspace.ErrNotFound {
		return nil, nil
	}
	return ws, err
}

// session is what most commands start from: the workspace (if any), the
// bank it uses, and the workspace's state if finding the bank read it
// (else nil). With an error, the bank is what loaded of it, if anything:
// only validate goes on with a bank that has problems.
func (a *App) session(g *globalOptions) (*workspace.Workspace, *bank.Bank, *workspace.State, error) {
	ws, err := a.findWorkspace()
	if err != nil {
		return nil, nil, nil, err
	}
	dir, st, err := a.bankDir(g, ws)
	if err != nil {
		return nil, nil, nil, err
	}
	b, err := loadBank(dir)
	return ws, b, st, err
}

// learnerSession is session for the commands that only make sense inside
// a workspace, with the workspace's state.
func (a *App) learnerSession(g *globalOptions) (*workspace.Workspace, *bank.Bank, *workspace.State, error) {
	ws, b, state, err := a.session(g)
	if err != nil {
		return nil, nil, nil, err
	}
	if ws == nil {
		return nil, nil, nil, workspace.ErrNotFound
	}
	if state == nil {
		if state, err = ws.LoadState(); err != nil {
			return nil, nil, nil, err
		}
	}
	return ws, b, state, nil
}

// learnerExercise is learnerSession and exerciseArg together, for the
// commands about one exercise. ex is nil when every exercise is done; the
// command then says so (done is its way of saying it).
func (a *App) learnerExercise(g *globalOptions, id, done string) (*workspace.Workspace, *bank.Bank, *workspace.State, *bank.Exercise, error) {
	ws, b, state, err := a.learnerSession(g)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	ex, err := a.exerciseArg(ws, b, state, id)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if ex == nil {
		fmt.Fprintln(a.Streams.Out, done)
	}
	return ws, b, state, ex, nil
}

// exerciseArg is the exercise a command is about: the id given, else the
// one whose directory we are in, else the next one not done (nil when all
// are).
func (a *App) exerciseArg(ws *workspace.Workspace, b *bank.Bank, state *workspace.State, id string) (*bank.Exercise, error) {
	if id != "" {
		return b.Exercise(id)
	}
	wd, err := a.Getwd()
	if err != nil {
		return nil, err
	}
	if rel, ok := ws.Rel(wd); ok {
		if ex, ok := b.ByDir(rel); ok {
			return ex, nil
		}
	}
	return nextPending(b, state, nil), nil
}
