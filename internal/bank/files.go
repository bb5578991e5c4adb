package bank

import (
	"io/fs"
	"path"
	"strings"
)

// File is one file of an exercise: its path relative to the directory it
// came from (starter/, solution/ or tests/) and its content.
type File struct {
	Path string
	Data []byte
}

// Starter returns every file of the exercise's starter/ directory.
func (b *Bank) Starter(e *Exercise) ([]File, error) { return b.tree(path.Join(e.Dir, "starter")) }

// Solution returns every file of the exercise's solution/ directory.
func (b *Bank) Solution(e *Exercise) ([]File, error) { return b.tree(path.Join(e.Dir, "solution")) }

// WrongSolution returns the files of the known-wrong solution wrong/name/,
// completed with the reference solution's files it does not replace.
func (b *Bank) WrongSolution(e *Exercise, name string) ([]File, error) {
	wrong, err := b.tree(path.Join(e.Dir, "wrong", name))
	if err != nil {
		return nil, err
	}
	solution, err := b.Solution(e)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, f := range wrong {
		have[f.Path] = true
	}
	for _, f := range solution {
		if !have[f.Path] {
			wrong = append(wrong, f)
		}
	}
	return wrong, nil
}

// Tests returns the exercise's hidden tests and their support files.
func (b *Bank) Tests(e *Exercise) ([]File, error) { return b.tree(path.Join(e.Dir, "tests")) }

// README returns the learner-facing task.
func (b *Bank) README(e *Exercise) ([]byte, error) {
	return fs.ReadFile(b.FS, path.Join(e.Dir, "README.md"))
}

// tree reads every regular file under dir, in lexical order, leaving out
// what a Python run on an author's machine may have left behind.
func (b *Bank) tree(dir string) ([]File, error) {
	var out []File
	err := fs.WalkDir(b.FS, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "__pycache__" {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasSuffix(p, ".pyc") {
			return nil
		}
		data, err := fs.ReadFile(b.FS, p)
		if err != nil {
			return err
		}
		out = append(out, File{Path: strings.TrimPrefix(p, dir+"/"), Data: data})
		return nil
	})
	return out, err
}
