package bank

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drill-dev/drill/internal/safefs"
)

// A bank on disk with a link or a special file anywhere drill reads, or a
// file larger than drill reads of a bank: Load names it and refuses the
// exercise, and nothing behind a link is read.
func TestLoadRefusesLinksAndSpecialFiles(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "variables.py"), []byte("SECRET"), 0o644)
	tests := []struct {
		name    string
		breakIt func(dir string) error // dir is the bank's first exercise
		want    string
		loaded  string // the exercises that still load
	}{
		{"linked starter", func(dir string) error {
			os.RemoveAll(filepath.Join(dir, "starter"))
			return os.Symlink(outside, filepath.Join(dir, "starter"))
		}, "01-basics/02-variables/starter: a symbolic link, which drill does not follow; a bank holds only regular files and directories", "basics/more"},
		{"linked test", func(dir string) error {
			return os.Symlink(filepath.Join(outside, "variables.py"), filepath.Join(dir, "tests", "test_more.py"))
		}, "01-basics/02-variables/tests/test_more.py: a symbolic link", "basics/more"},
		{"linked exercise.toml", func(dir string) error {
			os.Remove(filepath.Join(dir, "exercise.toml"))
			return os.Symlink("/dev/zero", filepath.Join(dir, "exercise.toml"))
		}, "01-basics/02-variables/exercise.toml: a symbolic link", "basics/more"},
		{"linked exercise directory", func(dir string) error {
			return os.Symlink("02-variables", filepath.Join(filepath.Dir(dir), "03-again"))
		}, "01-basics/03-again: a symbolic link", "basics/variables,basics/more"},
		{"huge README", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "README.md"), []byte(strings.Repeat("#", MaxFile+1)), 0o644)
		}, "01-basics/02-variables/README.md: larger than 4096 KiB", "basics/more"},
		{"huge exercise.toml", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "exercise.toml"), []byte(goodTOML+strings.Repeat("#", MaxMetadata)), 0o644)
		}, "01-basics/02-variables/exercise.toml: larger than 64 KiB", "basics/more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if err := os.CopyFS(root, goodBank()); err != nil {
				t.Fatal(err)
			}
			if err := tt.breakIt(filepath.Join(root, "01-basics", "02-variables")); err != nil {
				t.Fatal(err)
			}
			fsys, err := safefs.Open(root)
			if err != nil {
				t.Fatal(err)
			}
			defer fsys.Close()
			b, err := Load(fsys, opts)
			var be *Error
			if !errors.As(err, &be) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load: %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "SECRET") {
				t.Errorf("the linked file was read: %v", err)
			}
			if b == nil {
				t.Fatal("no bank")
			}
			var ids []string
			for _, e := range b.All() {
				ids = append(ids, e.ID)
			}
			if got := strings.Join(ids, ","); got != tt.loaded {
				t.Errorf("loaded %s, want %s", got, tt.loaded)
			}
		})
	}
}

// A link put into an exercise after the bank loaded is refused when its
// files are read.
func TestTreeRefusesLinks(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, goodBank()); err != nil {
		t.Fatal(err)
	}
	fsys, err := safefs.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	b, err := Load(fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	ex := b.All()[0]
	os.Symlink("/etc/passwd", filepath.Join(root, filepath.FromSlash(ex.Dir), "starter", "extra.py"))
	if _, err := b.Starter(ex); err == nil || !strings.Contains(err.Error(), "starter/extra.py: a symbolic link") {
		t.Errorf("Starter: %v", err)
	}
}
