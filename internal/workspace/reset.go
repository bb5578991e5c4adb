package workspace

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/drill-dev/drill/internal/atomicfile"
	"github.com/drill-dev/drill/internal/bank"
)

// Backup copies everything in the exercises' directories to a new
// directory under .drill/backups and returns it: nothing a learner wrote
// is lost by a reset.
func (w *Workspace) Backup(exs []*bank.Exercise, at time.Time) (string, error) {
	backup := stateDir + "/backups/" + at.Format("2006-01-02T15-04-05.000")
	dir := filepath.Join(w.Root, filepath.FromSlash(backup))
	root, err := os.OpenRoot(w.Root)
	if err != nil {
		return "", err
	}
	defer root.Close()
	for _, ex := range exs {
		src := w.ExerciseDir(ex)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			target := path.Join(backup, ex.Dir, filepath.ToSlash(rel))
			if d.IsDir() {
				return atomicfile.MkdirAll(root, target)
			}
			if !d.Type().IsRegular() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return atomicfile.Write(root, target, data, 0o644)
		})
		if err != nil && !os.IsNotExist(err) {
			return "", fmt.Errorf("back up %s: %w", ex.ID, err)
		}
	}
	return dir, nil
}

// Restore writes the exercise's README and starter files back into the
// workspace, over whatever is there. Other files are left alone.
func (w *Workspace) Restore(b *bank.Bank, ex *bank.Exercise) error {
	files, err := learnerCopy(b, ex)
	if err != nil {
		return err
	}
	root, err := os.OpenRoot(w.Root)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, f := range files {
		// A link where the file goes is replaced, not written through.
		if err := atomicfile.Write(root, ex.Dir+"/"+f.Path, f.Data, 0o644); err != nil {
			return fmt.Errorf("restore %s: %w", ex.ID, err)
		}
	}
	return nil
}

// learnerCopy is what a workspace holds of an exercise: its README and its
// starter files.
func learnerCopy(b *bank.Bank, ex *bank.Exercise) ([]bank.File, error) {
	readme, err := b.README(ex)
	if err != nil {
		return nil, fmt.Errorf("read %s README: %w", ex.ID, err)
	}
	starter, err := b.Starter(ex)
	if err != nil {
		return nil, fmt.Errorf("read %s starter: %w", ex.ID, err)
	}
	return append([]bank.File{{Path: "README.md", Data: readme}}, starter...), nil
}
