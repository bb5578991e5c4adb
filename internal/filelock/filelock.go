// Package filelock takes exclusive locks on files (github.com/gofrs/flock),
// opened without following a link, and finds the directory private to the
// user where drill keeps the locks that stand for its running processes.
package filelock

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// retryDelay is how often a wait for a held lock tries again.
const retryDelay = 20 * time.Millisecond

// Lock waits for an exclusive lock on path (created 0600 if need be, never
// through a link) until ctx is done, and returns the function that
// releases it. The error wraps ctx.Err() when the wait was given up.
func Lock(ctx context.Context, path string) (unlock func(), err error) {
	l := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|noFollow), flock.SetPermissions(0o600))
	ok, err := l.TryLockContext(ctx, retryDelay)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !ok {
		return nil, fmt.Errorf("lock %s: %w", path, ctx.Err())
	}
	return func() { _ = l.Unlock() }, nil
}

// ErrHeld is returned by TryLock when another holds the lock.
var ErrHeld = errors.New("lock held by another")

// TryLock takes an exclusive lock on path without waiting; it returns
// ErrHeld if another holds it, and an error wrapping fs.ErrNotExist if
// create is false and there is no such file. A link is never followed.
func TryLock(path string, create bool) (unlock func(), err error) {
	flag := os.O_RDWR | noFollow
	if create {
		flag |= os.O_CREATE
	}
	l := flock.New(path, flock.SetFlag(flag), flock.SetPermissions(0o600))
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !ok {
		return nil, ErrHeld
	}
	return func() { _ = l.Unlock() }, nil
}

// Dir returns drill's directory for locks of this user on this host:
// $XDG_RUNTIME_DIR/drill where that is set (a tmpfs of the user's own),
// else drill/locks under the user's cache directory. It is made 0700 if
// missing; an existing one must be a directory, not a link, owned by this
// user and open to no one else, or Dir returns an error (a directory
// another user made first could hold locks drill would wait for).
func Dir() (string, error) {
	var dir string
	if rt := os.Getenv("XDG_RUNTIME_DIR"); filepath.IsAbs(rt) {
		dir = filepath.Join(rt, "drill")
	} else {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("lock directory: %w", err)
		}
		dir = filepath.Join(cache, "drill", "locks")
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return "", fmt.Errorf("lock directory: %w", err)
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("lock directory: %w", err)
	}
	if err := checkPrivate(dir); err != nil {
		return "", fmt.Errorf("lock directory %s: %w", dir, err)
	}
	return dir, nil
}
