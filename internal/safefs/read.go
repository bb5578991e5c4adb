package safefs

import (
	"io"
	"io/fs"
)

// ReadFile reads the regular file name of fsys, at most max bytes. Its kind
// and size are checked on the opened file before anything is read, and no
// more than max+1 bytes are read even from a file that grows meanwhile. A
// file of another kind is a *KindError, one larger than max a
// *TooLargeError. With an *FS, a link on the way is refused and opening
// cannot block; other file systems (the embedded bank, an archive) get the
// kind and size checks alone.
func ReadFile(fsys fs.FS, name string, max int64) ([]byte, error) {
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if !st.Mode().IsRegular() {
		return nil, &KindError{Path: name, Mode: st.Mode(), Want: RegularFile}
	}
	if st.Size() > max {
		return nil, &TooLargeError{Path: name, Size: st.Size(), Max: max}
	}
	data, err := io.ReadAll(io.LimitReader(file, max+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if int64(len(data)) > max {
		return nil, &TooLargeError{Path: name, Size: int64(len(data)), Max: max}
	}
	return data, nil
}
