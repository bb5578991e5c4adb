// Package workspace is a learner's workspace: the exercises' files laid out
// by section and exercise, and the progress state beside them.
package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/drill-dev/drill/internal/atomicfile"
	"github.com/drill-dev/drill/internal/bank"
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
		name string // slash-separated, from the workspace's root
		data []byte
	}
	var files []file
	for _, ex := range b.All() {
		given, err := learnerCopy(b, ex)
		if err != nil {
			return nil, err
		}
		for _, f := range given {
			files = append(files, file{ex.Dir + "/" + f.Path, f.Data})
		}
	}
	// Check everything before writing anything: a refusal leaves no trace.
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.name))
		if _, err := os.Lstat(p); err == nil {
			return nil, fmt.Errorf("%s already exists; drill init writes only into a new or empty directory", p)
		}
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	for _, f := range files {
		if err := atomicfile.Write(r, f.name, f.data, 0o644); err != nil {
			return nil, err
		}
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

// LearnerFiles reads the exercise's editable files from the workspace; a
// file that is not there is left out of the map.
func (w *Workspace) LearnerFiles(ex *bank.Exercise) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, f := range ex.Files {
		p := filepath.Join(w.ExerciseDir(ex), filepath.FromSlash(f))
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		out[f] = data
	}
	return out, nil
}
