package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// setup makes root/ and outside/ (a file of someone else's) in a fresh
// directory, and opens root.
func setup(t *testing.T) (dir string, root *os.Root) {
	t.Helper()
	dir = t.TempDir()
	for _, d := range []string{"root", "outside"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "outside", "profile"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(filepath.Join(dir, "root"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return dir, root
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string)
		file    string
		wantErr error // nil: the write succeeds
		errText string
	}{
		{name: "new file, directories made", file: "a/b/results.json"},
		{name: "a file there is replaced", file: "results.json", prepare: func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "root", "results.json"), []byte(`{"score": 14}`), 0o644))
		}},
		{name: "a link there is replaced, its target untouched", file: "results.json", prepare: func(t *testing.T, dir string) {
			must(t, os.Symlink("../outside/profile", filepath.Join(dir, "root", "results.json")))
		}},
		{name: "a link inside root is replaced too", file: "results.json", prepare: func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "root", "code.py"), []byte("code"), 0o644))
			must(t, os.Symlink("code.py", filepath.Join(dir, "root", "results.json")))
		}},
		{name: "a dangling link is replaced", file: "results.json", prepare: func(t *testing.T, dir string) {
			must(t, os.Symlink("../outside/new", filepath.Join(dir, "root", "results.json")))
		}},
		{name: "a linked directory on the way is refused", file: "ann/results.json", wantErr: ErrLink, prepare: func(t *testing.T, dir string) {
			must(t, os.Symlink("../outside", filepath.Join(dir, "root", "ann")))
		}},
		{name: "a link to a directory inside root is refused", file: "ann/results.json", wantErr: ErrLink, prepare: func(t *testing.T, dir string) {
			must(t, os.Mkdir(filepath.Join(dir, "root", "bob"), 0o755))
			must(t, os.Symlink("bob", filepath.Join(dir, "root", "ann")))
		}},
		{name: "a directory where the file goes", file: "results.json", wantErr: ErrNotFile, prepare: func(t *testing.T, dir string) {
			must(t, os.MkdirAll(filepath.Join(dir, "root", "results.json", "x"), 0o755))
		}},
		{name: "a file where a directory goes", file: "ann/results.json", errText: "is not a directory", prepare: func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "root", "ann"), nil, 0o644))
		}},
		{name: "dot-dot", file: "../outside/profile", errText: "not a plain relative file name"},
		{name: "dot-dot inside", file: "a/../../outside/profile", errText: "not a plain relative file name"},
		{name: "absolute", file: "/tmp/x", errText: "not a relative file name"},
		{name: "empty", file: "", errText: "not a relative file name"},
		{name: "empty part", file: "a//b", errText: "not a plain relative file name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, root := setup(t)
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			err := Write(root, tt.file, []byte("new"), 0o644)
			if profile, _ := os.ReadFile(filepath.Join(dir, "outside", "profile")); string(profile) != "mine" {
				t.Errorf("the file outside root now holds %q", profile)
			}
			if entries, _ := os.ReadDir(filepath.Join(dir, "outside")); len(entries) != 1 {
				t.Errorf("outside root: %d entries, want only the one that was there", len(entries))
			}
			if tt.wantErr != nil || tt.errText != "" {
				if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) || !strings.Contains(err.Error(), tt.errText) {
					t.Fatalf("Write = %v, want an error (%v, %q)", err, tt.wantErr, tt.errText)
				}
			} else {
				if err != nil {
					t.Fatalf("Write: %v", err)
				}
				p := filepath.Join(dir, "root", filepath.FromSlash(tt.file))
				st, err := os.Lstat(p)
				if err != nil || !st.Mode().IsRegular() {
					t.Fatalf("%s is not a regular file after the write (%v)", tt.file, err)
				}
				if got, _ := os.ReadFile(p); string(got) != "new" {
					t.Errorf("%s holds %q, want %q", tt.file, got, "new")
				}
			}
			// No temporary file is left behind, whatever happened.
			_ = filepath.WalkDir(filepath.Join(dir, "root"), func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.Contains(d.Name(), ".tmp-") {
					t.Errorf("temporary file left: %s", p)
				}
				return nil
			})
		})
	}
}

func TestWriteErrorNamesTheFile(t *testing.T) {
	dir, root := setup(t)
	must(t, os.Mkdir(filepath.Join(dir, "root", "results.json"), 0o755))
	err := Write(root, "results.json", nil, 0o644)
	want := "write " + filepath.Join(dir, "root", "results.json") + ": a directory is in the way"
	if err == nil || err.Error() != want {
		t.Errorf("Write = %v, want %q", err, want)
	}
}

func TestWritePath(t *testing.T) {
	dir, _ := setup(t)
	link := filepath.Join(dir, "grades.csv")
	must(t, os.Symlink(filepath.Join(dir, "outside", "profile"), link))
	if err := WritePath(link, []byte("table"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "outside", "profile")); string(got) != "mine" {
		t.Errorf("written through the link: the target holds %q", got)
	}
	if st, err := os.Lstat(link); err != nil || !st.Mode().IsRegular() {
		t.Errorf("grades.csv is not a regular file (%v)", err)
	}
	if err := WritePath(filepath.Join(dir, "new", "dir", "junit.xml"), []byte("x"), 0o644); err != nil {
		t.Errorf("WritePath into a directory to be made: %v", err)
	}
}

func TestMkdirAll(t *testing.T) {
	dir, root := setup(t)
	if err := MkdirAll(root, "a/b"); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dir, "root", "a", "b")); err != nil || !st.IsDir() {
		t.Errorf("a/b not made (%v)", err)
	}
	must(t, os.Symlink("../outside", filepath.Join(dir, "root", "l")))
	if err := MkdirAll(root, "l/c"); !errors.Is(err, ErrLink) {
		t.Errorf("MkdirAll through a link = %v, want ErrLink", err)
	}
}

// Whatever the name, nothing is written outside root, and a write that
// succeeds leaves a regular file at the name.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"results.json", "a/b", "../x", "a/../../x", "/etc/x", ".", "a/./b", "l/x", "l", "\\..\\x", "C:x", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		dir, root := setup(t)
		must(t, os.Symlink("../outside", filepath.Join(dir, "root", "l")))
		if err := Write(root, name, []byte("new"), 0o644); err == nil {
			st, err := os.Lstat(filepath.Join(dir, "root", filepath.FromSlash(name)))
			if err != nil || !st.Mode().IsRegular() {
				t.Errorf("Write(%q) succeeded but left no regular file (%v)", name, err)
			}
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "outside", "profile")); string(got) != "mine" {
			t.Errorf("Write(%q) changed a file outside root", name)
		}
		if entries, _ := os.ReadDir(filepath.Join(dir, "outside")); len(entries) != 1 {
			t.Errorf("Write(%q) made something outside root", name)
		}
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
