//go:build unix

// Package filelock takes exclusive locks on files, shared by every drill
// process of a user on one host.
package filelock

import (
	"os"
	"syscall"
)

// Lock waits for an exclusive lock on path (created if need be) and
// returns the function that releases it.
func Lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
