//go:build !unix

package filelock

import (
	"errors"
	"os"
)

const noFollow = 0

// checkPrivate checks only that dir is a directory: ownership and modes are
// not Unix's here, and the user's own cache directory is already private.
func checkPrivate(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return errors.New("not a directory (a link or a file is refused)")
	}
	return nil
}
