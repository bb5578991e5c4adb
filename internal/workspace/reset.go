package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"time"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/safefs"
)

// Backup copies everything in the exercises' directories to a new
// directory under .drill/backups and returns it: nothing a learner wrote
// is lost by a reset. A link is copied as a link: what it points to is not
// read, and Restore never writes through it, so that stays as it is.
func (w *Workspace) Backup(exs []*bank.Exercise, at time.Time) (string, error) {
	dir := path.Join(stateDir, "backups", at.Format("2006-01-02T15-04-05.000"))
	ws, err := safefs.Open(w.Root)
	if err != nil {
		return "", err
	}
	defer ws.Close()
	for _, ex := range exs {
		if err := copyTree(ws, ex.Dir, path.Join(dir, ex.Dir)); err != nil {
			return "", fmt.Errorf("back up %s: %w", ex.ID, err)
		}
	}
	return filepath.Join(w.Root, filepath.FromSlash(dir)), nil
}

// copyTree copies src, a file, link or directory of the workspace, to dst:
// a regular file's content, a link as a link, a directory with what it
// holds. Special files (a FIFO holds nothing) are left out.
func copyTree(ws *safefs.FS, src, dst string) error {
	fi, err := ws.Lstat(src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.Mode()&fs.ModeSymlink != 0:
		target, err := ws.Readlink(src)
		if err != nil {
			return err
		}
		return ws.Symlink(target, dst)
	case fi.IsDir():
		if err := ws.MkdirAll(dst); err != nil {
			return err
		}
		entries, err := fs.ReadDir(ws, src)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := copyTree(ws, path.Join(src, e.Name()), path.Join(dst, e.Name())); err != nil {
				return err
			}
		}
		return nil
	case fi.Mode().IsRegular():
		f, err := ws.Open(src)
		if err != nil {
			return err
		}
		defer f.Close()
		return ws.CreateFrom(dst, f)
	}
	return nil
}

// Restore writes the exercise's README and starter files back into the
// workspace, over whatever is there: each file is replaced whole (a link
// there is replaced itself, never written through). A link on the way (a
// linked exercise directory) is refused. Other files are left alone.
func (w *Workspace) Restore(b *bank.Bank, ex *bank.Exercise) error {
	files, err := learnerCopy(b, ex)
	if err != nil {
		return err
	}
	ws, err := safefs.Open(w.Root)
	if err != nil {
		return err
	}
	defer ws.Close()
	for _, f := range files {
		if err := ws.Replace(path.Join(ex.Dir, f.Path), f.Data, 0o644); err != nil {
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
