package filelock

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Holders of the lock never overlap.
func TestLockExcludes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	var mu sync.Mutex
	inside, most := 0, 0
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			unlock, err := Lock(context.Background(), path)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			inside++
			most = max(most, inside)
			mu.Unlock()
			time.Sleep(time.Millisecond) // room for another holder, were there one
			mu.Lock()
			inside--
			mu.Unlock()
			unlock()
		})
	}
	wg.Wait()
	if most != 1 {
		t.Errorf("%d holders at once", most)
	}
}

// A wait for a lock someone holds ends when its context does.
func TestLockWaitIsCancellable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.lock")
	unlock, err := Lock(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := Lock(ctx, path)
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestTryLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.lock")
	if _, err := TryLock(path, false); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file without create: %v", err)
	}
	unlock, err := TryLock(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := TryLock(path, false); !errors.Is(err, ErrHeld) {
		t.Errorf("held lock: %v, want ErrHeld", err)
	}
	unlock()
	again, err := TryLock(path, false)
	if err != nil {
		t.Errorf("released lock: %v", err)
	} else {
		again()
	}
}

// A link where a lock file is expected is refused, not followed.
func TestLockRefusesLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no O_NOFOLLOW: there the lock directory being the user's own is the guard (private_other.go)")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	link := filepath.Join(dir, "x.lock")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(context.Background(), link); err == nil {
		t.Error("Lock followed a link")
	}
	if _, err := TryLock(link, true); err == nil {
		t.Error("TryLock followed a link")
	}
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}
}

func TestDir(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string) // makes DIR/drill, or not
		ok      bool
	}{
		{"made if missing", func(*testing.T, string) {}, true},
		{"an existing private directory", func(t *testing.T, dir string) { mkdir(t, dir, 0o700) }, true},
		// Windows has no Unix modes (Go shows a directory as 0777 there):
		// it checks only that the directory is one.
		{"open to others", func(t *testing.T, dir string) { mkdir(t, dir, 0o755) }, !unixModes},
		{"open to the group", func(t *testing.T, dir string) { mkdir(t, dir, 0o770) }, !unixModes},
		{"a file", func(t *testing.T, dir string) {
			if err := os.WriteFile(dir, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"a link to a private directory", func(t *testing.T, dir string) {
			other := filepath.Join(filepath.Dir(dir), "other")
			mkdir(t, other, 0o700)
			if err := os.Symlink(other, dir); err != nil {
				t.Fatal(err)
			}
		}, false},
		// Owned by another user: TestDirOwnedByAnotherUser (Unix, as root).
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runtime := t.TempDir()
			t.Setenv("XDG_RUNTIME_DIR", runtime)
			want := filepath.Join(runtime, "drill")
			tt.prepare(t, want)
			got, err := Dir()
			if !tt.ok {
				if err == nil {
					t.Errorf("Dir() = %s, want an error", got)
				}
				return
			}
			if err != nil || got != want {
				t.Fatalf("Dir() = %q, %v; want %q", got, err, want)
			}
			fi, err := os.Lstat(got)
			if err != nil || !fi.IsDir() || unixModes && fi.Mode().Perm() != 0o700 {
				t.Errorf("%s: %v, %v", got, fi.Mode(), err)
			}
		})
	}
}

// Without XDG_RUNTIME_DIR, the locks live under the user's cache directory:
// XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
// %LocalAppData% on Windows.
func TestDirUnderCache(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", "")
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	t.Setenv("HOME", home)
	t.Setenv("LocalAppData", filepath.Join(home, "AppData", "Local"))
	cache, err := os.UserCacheDir()
	if err != nil || !strings.HasPrefix(cache, home) {
		t.Fatalf("the cache directory %q (%v) is not in the test's home %s", cache, err, home)
	}
	got, err := Dir()
	if want := filepath.Join(cache, "drill", "locks"); err != nil || got != want {
		t.Fatalf("Dir() = %q, %v; want %q", got, err, want)
	}
}

// unixModes: the file system has Unix's owners and modes (not Windows).
const unixModes = runtime.GOOS != "windows"

func mkdir(t *testing.T, dir string, mode os.FileMode) {
	t.Helper()
	if err := os.Mkdir(dir, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, mode); err != nil { // past the umask
		t.Fatal(err)
	}
}
