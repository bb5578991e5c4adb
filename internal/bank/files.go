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

// Tests returns the exercise's hidden tests and their support files.
func (b *Bank) Tests(e *Exercise) ([]File, error) { return b.tree(path.Join(e.Dir, "tests")) }

// Files returns every file of the exercise's directory (exercise.toml,
// README.md, starter/, ...), paths relative to it.
func (b *Bank) Files(e *Exercise) ([]File, error) { return b.tree(e.Dir) }

// README returns the learner-facing task.
func (b *Bank) README(e *Exercise) ([]byte, error) {
	return readFile(b.FS, path.Join(e.Dir, "README.md"), MaxFile)
}

// tree reads every file under dir, in lexical order, leaving out what a
// Python run on an author's machine may have left behind. A link or a
// special file is an *Error (Load refuses an exercise that has one; this
// is for one put there since).
func (b *Bank) tree(dir string) ([]File, error) {
	var out []File
	err := fs.WalkDir(b.FS, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fileError(p, err)
		}
		if d.IsDir() {
			if d.Name() == "__pycache__" {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return kindProblem(p, d.Type())
		}
		if strings.HasSuffix(p, ".pyc") {
			return nil
		}
		data, err := readFile(b.FS, p, MaxFile)
		if err != nil {
			return err
		}
		out = append(out, File{Path: strings.TrimPrefix(p, dir+"/"), Data: data})
		return nil
	})
	return out, err
}
