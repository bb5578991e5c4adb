package safefs

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
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

// Replace makes name hold data (0o644), by way of a new file beside it that
// is then renamed over it: whatever was at name (a file, a link, a FIFO) is
// replaced whole, and a link is replaced itself, never written through.
// Missing parent directories are made; a directory at name is an error.
func (f *FS) Replace(name string, data []byte) error {
	dir, base, err := f.parent("replace", name, true)
	if err != nil {
		return err
	}
	defer dir.Close()
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := "." + base + ".drill-" + hex.EncodeToString(rnd[:])
	file, err := dir.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return pathError("replace", name, err)
	}
	_, err = file.Write(data)
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
