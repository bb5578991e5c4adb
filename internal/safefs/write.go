package safefs

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// MkdirAll makes the directory name and any missing parents (0o755). Each
// that is there already must be a directory, not a link to one.
func (f *FS) MkdirAll(name string) error {
	dir, err := f.dir("mkdir", name, true)
	if err != nil {
		return err
	}
	return dir.Close()
}

// CreateFrom writes a new file name (0o644) holding what r holds, making
// missing parent directories. It fails (fs.ErrExist) if anything is at
// name already, a link included, and leaves nothing behind if r fails.
func (f *FS) CreateFrom(name string, r io.Reader) error {
	dir, base, err := f.parent("create", name, true)
	if err != nil {
		return err
	}
	defer dir.Close()
	// O_EXCL: never through a link, never over a file.
	file, err := dir.OpenFile(base, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return pathError("create", name, err)
	}
	_, err = io.Copy(file, r)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		dir.Remove(base)
		return pathError("write", name, err)
	}
	return nil
}

// Replace makes name hold data, by way of a new file (perm, less the
// umask) beside it that is synced and then renamed over it: a reader, or a
// crash, sees the old file or the new one, never a mix. Whatever is at name
// (a file, a link, a FIFO) is replaced whole, and a link is replaced
// itself, never written through: rename(2) replaces a name, it does not
// open what the name points to. Missing parent directories are made; a
// directory at name is a *KindError (Want NotDirectory), as is a link or a
// file on the way.
func (f *FS) Replace(name string, data []byte, perm fs.FileMode) error {
	dir, base, err := f.parent("replace", name, true)
	if err != nil {
		return err
	}
	defer dir.Close()
	if fi, err := dir.Lstat(base); err == nil && fi.IsDir() {
		return &KindError{Path: name, Mode: fi.Mode(), Want: NotDirectory}
	}
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := "." + base + ".drill-" + hex.EncodeToString(rnd[:])
	// O_EXCL: the temporary name is new, never something planted.
	file, err := dir.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return pathError("replace", name, err)
	}
	_, err = file.Write(data)
	if err == nil {
		err = file.Sync()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = dir.Rename(tmp, base)
	}
	if err != nil {
		dir.Remove(tmp)
		return pathError("replace", name, err)
	}
	return nil
}

// WriteFile is Replace of name beneath the directory dir, for a file drill
// writes into a directory the user named (a submission's, --out's): dir
// itself is followed if it is a link, as Open does, and nothing beneath it
// is. Errors name the file as filepath.Join(dir, name).
func WriteFile(dir, name string, data []byte, perm fs.FileMode) error {
	f, err := Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return under(dir, f.Replace(name, data, perm))
}

// WritePath writes the file the user named by an OS path (--out FILE,
// --junit FILE): its directory, made if missing, is the root, so only the
// last element is guarded, and a link there is replaced, not followed.
func WritePath(file string, data []byte, perm fs.FileMode) error {
	file = filepath.Clean(file)
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return WriteFile(dir, filepath.Base(file), data, perm)
}

// under makes an error of this package about name beneath dir name the
// file as the user would, filepath.Join(dir, name). The errors are this
// package's own, fresh from one call, so they are copied, not shared.
func under(dir string, err error) error {
	switch e := err.(type) {
	case *KindError:
		c := *e
		c.Path = filepath.Join(dir, filepath.FromSlash(e.Path))
		return &c
	case *fs.PathError:
		return &fs.PathError{Op: e.Op, Path: filepath.Join(dir, filepath.FromSlash(e.Path)), Err: e.Err}
	}
	return err
}

// Symlink makes name a symbolic link to target, making missing parent
// directories; drill records a learner's link this way and never follows
// it.
func (f *FS) Symlink(target, name string) error {
	dir, base, err := f.parent("symlink", name, true)
	if err != nil {
		return err
	}
	defer dir.Close()
	if err := dir.Symlink(target, base); err != nil {
		return pathError("symlink", name, err)
	}
	return nil
}
