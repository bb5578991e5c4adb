// Package atomicfile writes files the one way drill writes any file: beneath
// a root directory, never through a symbolic link, into a temporary file
// beside the target that is then renamed over it. A reader (or a crash)
// sees the old file or the new one, never a mix, and a link planted where
// the file goes is replaced, not followed: rename(2) replaces a name, it
// does not open what the name points to.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ErrLink means a directory on the way to the file is a symbolic link,
// which drill does not follow when it writes.
var ErrLink = errors.New("is a symbolic link, which drill does not write through")

// ErrNotFile means something other than a file (a directory) is where the
// file goes, and drill will not remove it to make room.
var ErrNotFile = errors.New("a directory is in the way")

// Write writes data to name beneath root, name being slash-separated and
// relative (no "..", no empty or absolute parts). Directories missing on
// the way are made (0o755); one that is a link is refused with ErrLink, so
// nothing is written outside root nor through a link inside it. Whatever
// is at name (a file, a link to anything) is replaced; a directory there
// is refused with ErrNotFile. The file gets perm (less the umask).
// Errors name the file as root.Name()/name.
func Write(root *os.Root, name string, data []byte, perm fs.FileMode) error {
	dir, base, err := split(name)
	var d *os.Root
	if err == nil {
		d, err = openDir(root, dir)
	}
	if err == nil {
		err = replace(d, base, data, perm)
		closeUnlessRoot(d, root)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", filepath.Join(root.Name(), filepath.FromSlash(name)), err)
	}
	return nil
}

// WritePath is Write for a file named by an OS path: its directory (made
// if need be, as the user who named it asked) is the root, so only the
// last element is guarded: a link there is replaced, not followed.
func WritePath(file string, data []byte, perm fs.FileMode) error {
	file = filepath.Clean(file)
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	return Write(root, filepath.Base(file), data, perm)
}

// MkdirAll makes the directory name (slash-separated, relative) and any
// parents beneath root, refusing with ErrLink any that is a link.
func MkdirAll(root *os.Root, name string) error {
	_, _, err := split(name)
	var d *os.Root
	if err == nil {
		d, err = openDir(root, name)
	}
	if err != nil {
		return fmt.Errorf("make %s: %w", filepath.Join(root.Name(), filepath.FromSlash(name)), err)
	}
	closeUnlessRoot(d, root)
	return nil
}

// split checks name and splits it into its directory ("" for none) and
// its last element.
func split(name string) (dir, base string, err error) {
	if name == "" || path.IsAbs(name) || filepath.IsAbs(name) || filepath.VolumeName(name) != "" {
		return "", "", fmt.Errorf("%q is not a relative file name", name)
	}
	for _, part := range strings.Split(name, "/") {
		// On Windows a backslash is a separator too, so a part with one
		// is not one element.
		if part == "" || part == "." || part == ".." || (filepath.Separator == '\\' && strings.ContainsRune(part, '\\')) {
			return "", "", fmt.Errorf("%q is not a plain relative file name", name)
		}
	}
	dir, base = path.Split(name)
	return strings.TrimSuffix(dir, "/"), base, nil
}

// openDir opens dir beneath root one element at a time, making what is
// missing and refusing links. "" is root itself. The caller closes what
// it gets unless it is root.
func openDir(root *os.Root, dir string) (*os.Root, error) {
	if dir == "" {
		return root, nil
	}
	cur := root
	at := root.Name()
	for _, part := range strings.Split(dir, "/") {
		at = filepath.Join(at, part)
		st, err := cur.Lstat(part)
		if errors.Is(err, fs.ErrNotExist) {
			// One made meanwhile by another writer will do, once it too
			// passes the checks below.
			if err := cur.Mkdir(part, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				closeUnlessRoot(cur, root)
				return nil, err
			}
			st, err = cur.Lstat(part)
		}
		switch {
		case err != nil:
			closeUnlessRoot(cur, root)
			return nil, err
		case st.Mode()&fs.ModeSymlink != 0:
			closeUnlessRoot(cur, root)
			return nil, fmt.Errorf("%s %w", at, ErrLink)
		case !st.IsDir():
			closeUnlessRoot(cur, root)
			return nil, fmt.Errorf("%s is not a directory", at)
		}
		// Opening a sub-root pins the directory just checked: one swapped
		// for a link after the check still cannot lead out of root.
		next, err := cur.OpenRoot(part)
		closeUnlessRoot(cur, root)
		if err != nil {
			return nil, err
		}
		cur = next
	}
	return cur, nil
}

func closeUnlessRoot(d, root *os.Root) {
	if d != root {
		d.Close()
	}
}

// replace writes data to a new temporary file in d and renames it over
// base.
func replace(d *os.Root, base string, data []byte, perm fs.FileMode) error {
	if st, err := d.Lstat(base); err == nil && st.IsDir() {
		return ErrNotFile
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:]) // never fails (crypto/rand's documented contract)
	tmp := "." + base + ".tmp-" + hex.EncodeToString(rnd[:])
	// O_EXCL: the temporary name is new, never something planted.
	f, err := d.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = d.Rename(tmp, base)
	}
	if err != nil {
		_ = d.Remove(tmp)
		return err
	}
	return nil
}
