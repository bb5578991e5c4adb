//go:build unix

package safefs

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO is refused without blocking: nothing ever writes to this one, so
// a blocking open would hang the test.
func TestFIFO(t *testing.T) {
	root, _ := tree(t)
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.py"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	f := open(t, root)
	_, err := ReadFile(f, "fifo.py", 1<<20)
	var ke *KindError
	if !errors.As(err, &ke) || ke.Error() != "fifo.py is not a regular file (a FIFO)" {
		t.Errorf("err = %v", err)
	}
	if _, err := f.Open("fifo.py"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Open: err = %v", err)
	}
}

// A device beneath the root (as /dev/zero is beneath /dev) is refused
// before anything is read; no test can make one without root, so this
// reads /dev itself.
func TestDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	f := open(t, "/dev")
	_, err := ReadFile(f, "zero", 1<<20)
	var ke *KindError
	if !errors.As(err, &ke) || ke.Error() != "zero is not a regular file (a device)" {
		t.Errorf("err = %v", err)
	}
}
