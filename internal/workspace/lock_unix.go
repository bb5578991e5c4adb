//go:build unix

package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockState holds an exclusive lock on the workspace's state while a
// read-modify-write of it runs, so two drills in one workspace (two checks
// at once) never lose each other's progress.
func (w *Workspace) lockState() (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(w.Root, stateDir, "state.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock progress: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock progress: %w", err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
