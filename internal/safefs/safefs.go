// Package safefs reads and writes files beneath a directory that someone
// else may have written (a learner's submission or workspace, a bank from
// another instructor) without being led anywhere else by it:
//
//   - every path is resolved beneath the root (os.Root), one element at a
//     time, and no element may be a symbolic link: a link is refused, never
//     followed, even one that stays inside the root;
//   - only regular files are opened for reading, and without blocking
//     (O_NONBLOCK), so a FIFO cannot hang drill; the kind is checked again
//     on the opened descriptor (fstat), which must be the file looked at;
//   - ReadFile checks a size limit before it reads, and reads no more than
//     the limit even from a file that grows (no reading /dev/zero forever);
//   - writes make new files exclusively (O_EXCL, which never follows a link)
//     or replace a file by renaming a new one over it, so a link in the way
//     is replaced itself, never written through.
//
// Paths are slash-separated and relative, as io/fs has them (fs.ValidPath):
// no "..", no absolute names.
package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"runtime"
	"strings"
)

// FS is a directory tree on disk, read and written as the package says.
// It implements fs.FS, so fs.WalkDir, fs.ReadDir and fs.Sub work on it
// with its guards; Open refuses anything but regular files and
// directories. An FS holds an open descriptor of its root until Close.
type FS struct {
	root *os.Root
}

// Open opens the directory dir as the root of an FS. dir itself is the
// caller's to trust (a path the user gave): it is followed if it is a link.
func Open(dir string) (*FS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: r}, nil
}

// Close releases the root's descriptor.
func (f *FS) Close() error { return f.root.Close() }

// OpenDir returns the directory name beneath f as an FS of its own,
// reached without following a link; close it when done.
func (f *FS) OpenDir(name string) (*FS, error) {
	r, err := f.dir("open", name, false)
	if err != nil {
		return nil, err
	}
	return &FS{root: r}, nil
}

// Open opens a regular file or a directory for reading. A link anywhere on
// the way, or a file of any other kind, is a *KindError; a path changed
// while drill opened it is ErrChanged.
func (f *FS) Open(name string) (fs.File, error) {
	if name == "." {
		return f.root.Open(".")
	}
	dir, base, err := f.parent("open", name, false)
	if err != nil {
		return nil, err
	}
	defer dir.Close()
	fi, err := dir.Lstat(base)
	if err != nil {
		return nil, pathError("open", name, err)
	}
	if fi.IsDir() {
		sub, err := enter(dir, base, name, false)
		if err != nil {
			return nil, err
		}
		defer sub.Close()
		d, err := sub.Open(".")
		if err != nil {
			return nil, pathError("open", name, err)
		}
		return dirFile{d, base}, nil
	}
	if !fi.Mode().IsRegular() {
		return nil, &KindError{Path: name, Mode: fi.Mode(), Want: RegularFile}
	}
	file, err := dir.OpenFile(base, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, pathError("open", name, err)
	}
	st, err := file.Stat()
	switch {
	case err != nil:
		file.Close()
		return nil, pathError("open", name, err)
	case !st.Mode().IsRegular():
		file.Close()
		return nil, &KindError{Path: name, Mode: st.Mode(), Want: RegularFile}
	case !os.SameFile(fi, st):
		file.Close()
		return nil, pathError("open", name, ErrChanged)
	}
	return file, nil
}

// dirFile is a directory Open opened. Opened as ".", it would call itself
// that; fs.FS wants its own name.
type dirFile struct {
	*os.File
	name string
}

func (d dirFile) Stat() (fs.FileInfo, error) {
	fi, err := d.File.Stat()
	if err != nil {
		return nil, err
	}
	return namedInfo{fi, d.name}, nil
}

type namedInfo struct {
	fs.FileInfo
	name string
}

func (n namedInfo) Name() string { return n.name }

// Lstat describes name itself, a link included (as a link), reached
// through parent directories none of which may be a link.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	if name == "." {
		return f.root.Stat(".")
	}
	dir, base, err := f.parent("lstat", name, false)
	if err != nil {
		return nil, err
	}
	defer dir.Close()
	fi, err := dir.Lstat(base)
	if err != nil {
		return nil, pathError("lstat", name, err)
	}
	return fi, nil
}

// Readlink returns the target of the link name, without following it.
func (f *FS) Readlink(name string) (string, error) {
	dir, base, err := f.parent("readlink", name, false)
	if err != nil {
		return "", err
	}
	defer dir.Close()
	target, err := dir.Readlink(base)
	if err != nil {
		return "", pathError("readlink", name, err)
	}
	return target, nil
}

// parent opens the directory that holds name, and returns it with name's
// last element. With create, missing directories are made.
func (f *FS) parent(op, name string, create bool) (*os.Root, string, error) {
	if err := check(op, name); err != nil {
		return nil, "", err
	}
	if name == "." {
		return nil, "", pathError(op, name, fs.ErrInvalid)
	}
	dir, err := f.dir(op, path.Dir(name), create)
	if err != nil {
		return nil, "", err
	}
	return dir, path.Base(name), nil
}

// dir opens the directory name element by element, each a directory and
// none a link; with create, missing ones are made (0o755). The caller
// closes what it returns.
func (f *FS) dir(op, name string, create bool) (*os.Root, error) {
	if err := check(op, name); err != nil {
		return nil, err
	}
	cur, err := f.root.OpenRoot(".")
	if err != nil || name == "." {
		return cur, err
	}
	done := ""
	for _, elem := range strings.Split(name, "/") {
		done = path.Join(done, elem)
		next, err := enter(cur, elem, done, create)
		cur.Close()
		if err != nil {
			return nil, err
		}
		cur = next
	}
	return cur, nil
}

// enter opens the directory elem of parent, which must be a directory and
// not a link (p names it in errors). The directory opened must be the one
// looked at: os.Root would follow a link put there in between, if only
// beneath the root.
func enter(parent *os.Root, elem, p string, create bool) (*os.Root, error) {
	fi, err := parent.Lstat(elem)
	if create && errors.Is(err, fs.ErrNotExist) {
		if err := parent.Mkdir(elem, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return nil, pathError("mkdir", p, err)
		}
		fi, err = parent.Lstat(elem)
	}
	if err != nil {
		return nil, pathError("lstat", p, err)
	}
	if !fi.IsDir() {
		return nil, &KindError{Path: p, Mode: fi.Mode(), Want: Directory}
	}
	child, err := parent.OpenRoot(elem)
	if err != nil {
		return nil, pathError("open", p, err)
	}
	ci, err := child.Stat(".")
	if err != nil || !os.SameFile(fi, ci) {
		child.Close()
		return nil, pathError("open", p, ErrChanged)
	}
	return child, nil
}

// check refuses a name that is not a clean relative path. On Windows a
// backslash or a colon would be a separator or a drive to os.Root, so
// neither may be in a name there.
func check(op, name string) error {
	if !fs.ValidPath(name) || (runtime.GOOS == "windows" && strings.ContainsAny(name, `\:`)) {
		return pathError(op, name, fs.ErrInvalid)
	}
	return nil
}

// pathError wraps err with the path relative to the FS's root: os.Root's
// own errors name the directory on disk, which a learner's row should not
// show.
func pathError(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}
