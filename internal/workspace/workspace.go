// Package workspace is a learner's workspace: the exercises' files laid out
// by section and exercise, and the progress state beside them.
package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/learnerfiles"
	"github.com/drill-dev/drill/internal/safefs"
)

// stateDir holds drill's own files inside a workspace.
const stateDir = ".drill"

// ErrNotFound means no workspace contains the directory asked about.
var ErrNotFound = errors.New("not inside a drill workspace (run drill init first)")

// ErrExists means init was asked to write over an existing workspace.
var ErrExists = errors.New("already a drill workspace")

// Workspace is a learner's workspace on disk.
type Workspace struct {
	Root string
}

func (w *Workspace) statePath() string { return filepath.Join(w.Root, stateDir, "state.json") }

// Init lays out every exercise of the bank under root (its README and
// starter files) and an empty progress state. bankDir is recorded so later
// commands use the same bank; "" means the embedded one. It refuses to
// write over an existing workspace or any existing file.
func Init(root string, b *bank.Bank, bankDir string) (*Workspace, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	w := &Workspace{Root: root}
	if _, err := os.Stat(filepath.Join(root, stateDir)); err == nil {
		return nil, fmt.Errorf("%s: %w", root, ErrExists)
	}
	type file struct {
		path string // slash-separated, relative to root
		data []byte
	}
	var files []file
	for _, ex := range b.All() {
		given, err := learnerCopy(b, ex)
		if err != nil {
			return nil, err
		}
		for _, f := range given {
			files = append(files, file{path.Join(ex.Dir, f.Path), f.Data})
		}
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	dst, err := safefs.Open(root)
	if err != nil {
		return nil, err
	}
	defer dst.Close()
	// Check everything before writing anything: a refusal leaves no trace.
	// Nothing is written through a link: not one in root, nor one put
	// there between the check and the write.
	for _, f := range files {
		_, err := dst.Lstat(f.path)
		switch {
		case err == nil:
			return nil, fmt.Errorf("%s already exists; drill init writes only into a new or empty directory", filepath.Join(root, filepath.FromSlash(f.path)))
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("%s: %w", root, err)
		}
	}
	for _, f := range files {
		if err := dst.CreateFrom(f.path, bytes.NewReader(f.data)); err != nil {
			return nil, fmt.Errorf("%s: %w", root, err)
		}
	}
	if err := dst.MkdirAll(stateDir); err != nil {
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	if err := w.SaveState(&State{Version: stateVersion, Bank: bankDir, Exercises: map[string]*Progress{}}); err != nil {
		return nil, err
	}
	return w, nil
}

// Find returns the workspace that contains dir.
func Find(dir string) (*Workspace, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, stateDir)); err == nil && st.IsDir() {
			return &Workspace{Root: d}, nil
		}
		if filepath.Dir(d) == d {
			return nil, ErrNotFound
		}
	}
}

// ExerciseDir is where an exercise's files are in the workspace.
func (w *Workspace) ExerciseDir(ex *bank.Exercise) string {
	return filepath.Join(w.Root, filepath.FromSlash(ex.Dir))
}

// Rel returns dir relative to the workspace root, slash-separated, or false
// if dir is outside it.
func (w *Workspace) Rel(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(w.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// LearnerFiles reads the exercise's editable files from the workspace
// with learnerfiles.Read: beneath the workspace, never through a link
// (the exercise's directory included), regular files no larger than
// learnerfiles.MaxSize. A file that is not there is left out of the map;
// one that is there but was not read is a *learnerfiles.Error.
func (w *Workspace) LearnerFiles(ex *bank.Exercise) (map[string][]byte, error) {
	src, err := safefs.Open(w.Root)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	dir, err := fs.Sub(src, ex.Dir)
	if err != nil {
		return nil, err
	}
	return learnerfiles.Read(dir, ex.Files)
}
