package learnerfiles

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drill-dev/drill/internal/safefs"
)

// Each way a learner file can be there and not be read, as Read reports
// it, from a submission on disk.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	other := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok.py", "x = 1\n")
	write("pkg/mod.py", "y = 2\n")
	write("big.py", strings.Repeat("#", MaxSize+1))
	os.WriteFile(filepath.Join(other, "theirs.py"), []byte("theirs\n"), 0o644)
	os.Symlink(filepath.Join(other, "theirs.py"), filepath.Join(dir, "link.py"))
	os.Symlink(other, filepath.Join(dir, "linked"))
	os.Symlink("link.py", filepath.Join(dir, "link-to-link.py"))
	os.Mkdir(filepath.Join(dir, "dir.py"), 0o755)
	src, err := safefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()

	tests := []struct {
		file string
		kind Kind   // 0: read
		msg  string // the error's text
	}{
		{file: "ok.py"},
		{file: "pkg/mod.py"},
		{"link.py", NotRegular, "link.py is not a regular file (a symbolic link, which drill does not follow)"},
		{"link-to-link.py", NotRegular, "link-to-link.py is not a regular file (a symbolic link, which drill does not follow)"},
		{"linked/theirs.py", NotRegular, "linked/theirs.py: linked is not a directory (a symbolic link, which drill does not follow)"},
		{"dir.py", NotRegular, "dir.py is not a regular file (a directory)"},
		{"ok.py/x.py", NotRegular, "ok.py/x.py: ok.py is not a directory (a regular file)"},
		{"big.py", TooLarge, "big.py is 1.0 MiB; a learner file may be at most 1 MiB"},
		{"../x.py", Unreadable, "../x.py cannot be read: open ../x.py: invalid argument"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			files, err := Read(src, []string{tt.file})
			var le *Error
			switch {
			case tt.kind == 0 && err != nil:
				t.Fatalf("err = %v", err)
			case tt.kind == 0:
				if _, ok := files[tt.file]; !ok {
					t.Fatalf("%s not read", tt.file)
				}
			case !errors.As(err, &le):
				t.Fatalf("err = %v, want an *Error", err)
			case le.Kind != tt.kind || le.Error() != tt.msg || le.File != tt.file:
				t.Errorf("err = %d %q (%s), want %d %q", le.Kind, le, le.File, tt.kind, tt.msg)
			}
		})
	}
}

// A missing file is left out for the grader to report; the files before
// the first refused one are returned with its error.
func TestReadMissingAndOrder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.py"), []byte("a"), 0o644)
	os.Symlink("a.py", filepath.Join(dir, "b.py"))
	src, err := safefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	files, err := Read(src, []string{"gone.py", "a.py"})
	if err != nil || len(files) != 1 || string(files["a.py"]) != "a" {
		t.Errorf("Read = %v, %v", files, err)
	}
	files, err = Read(src, []string{"a.py", "b.py", "gone.py"})
	var le *Error
	if !errors.As(err, &le) || le.File != "b.py" || len(files) != 1 {
		t.Errorf("Read = %v, %v", files, err)
	}
}
