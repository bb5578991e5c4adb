//go:build unix

package filelock

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A lock directory another user made first (mode 0700, so only its owner
// can use it, or hold locks in it that drill would wait for) is refused.
// It needs a second user: run as root, the test gives the directory to
// uid 65534 (nobody) with chown; run as anyone else, it skips.
func TestDirOwnedByAnotherUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs a second user: run as root, it makes the directory uid 65534's")
	}
	runtime := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", runtime)
	dir := filepath.Join(runtime, "drill")
	mkdir(t, dir, 0o700)
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	got, err := Dir()
	if err == nil || !strings.Contains(err.Error(), "owned by uid 65534") {
		t.Errorf("Dir() = %q, %v; want it refused as another user's", got, err)
	}
}
