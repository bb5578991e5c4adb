package safefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// tree makes, in a new directory, a root with regular files, a directory,
// links of every shape, and a secret outside the root; it returns the
// root and the secret's directory.
func tree(t testing.TB) (root, outside string) {
	t.Helper()
	dir := t.TempDir()
	root, outside = filepath.Join(dir, "root"), filepath.Join(dir, "outside")
	for name, data := range map[string]string{
		"root/a.py":         "a\n",
		"root/sub/b.py":     "b\n",
		"root/big.py":       strings.Repeat("x", 100),
		"outside/secret.py": "SECRET\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"to-file":      "a.py",                    // inside the root
		"to-dir":       "sub",                     // inside the root
		"to-link":      "to-file",                 // a link to a link
		"chain":        "to-link",                 // and one more
		"out-file":     "../outside/secret.py",    // out of the root
		"out-dir":      "../outside",              // out of the root
		"abs-file":     outside + "/secret.py",    // absolute
		"sub/up":       "../a.py",                 // up, still inside
		"sub/dangling": "nothing-there",           // to nothing
		"zero":         "/dev/zero",               // to a device
		"sub/loop":     "loop",                    // to itself
		"sub/outdir":   "../../outside/secret.py", // out, from below
	} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	return root, outside
}

func open(t testing.TB, dir string) *FS {
	t.Helper()
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// What ReadFile gives for each name: a file beneath the root and reached
// without a link, or the error saying why not.
func TestReadFile(t *testing.T) {
	root, _ := tree(t)
	f := open(t, root)
	tests := []struct {
		name string
		want string // content, or "" for an error
		err  error  // matched with errors.Is
		kind string // the *KindError's text, if one
	}{
		{name: "a.py", want: "a\n"},
		{name: "sub/b.py", want: "b\n"},
		{name: "to-file", err: ErrLink, kind: "to-file is not a regular file (a symbolic link, which drill does not follow)"},
		{name: "to-dir/b.py", err: ErrLink, kind: "to-dir is not a directory (a symbolic link, which drill does not follow)"},
		{name: "to-link", err: ErrLink},
		{name: "chain", err: ErrLink},
		{name: "out-file", err: ErrLink},
		{name: "out-dir/secret.py", err: ErrLink},
		{name: "abs-file", err: ErrLink},
		{name: "sub/up", err: ErrLink},
		{name: "sub/dangling", err: ErrLink},
		{name: "sub/loop", err: ErrLink},
		{name: "sub/outdir", err: ErrLink},
		{name: "zero", err: ErrLink},
		{name: "sub", err: ErrNotRegular, kind: "sub is not a regular file (a directory)"},
		{name: "a.py/x", err: nil, kind: "a.py is not a directory (a regular file)"},
		{name: "big.py", err: ErrTooLarge},
		{name: "nothing.py", err: fs.ErrNotExist},
		{name: "sub/../a.py", err: fs.ErrInvalid},
		{name: "../outside/secret.py", err: fs.ErrInvalid},
		{name: "/etc/passwd", err: fs.ErrInvalid},
		{name: root + "/a.py", err: fs.ErrInvalid},
		{name: "", err: fs.ErrInvalid},
		{name: "./a.py", err: fs.ErrInvalid},
		{name: "sub//b.py", err: fs.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := ReadFile(f, tt.name, 99)
			if tt.want != "" {
				if err != nil || string(data) != tt.want {
					t.Fatalf("ReadFile = %q, %v; want %q", data, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ReadFile = %q, want an error", data)
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
			var ke *KindError
			if tt.kind != "" && (!errors.As(err, &ke) || ke.Error() != tt.kind) {
				t.Errorf("err = %v, want %q", err, tt.kind)
			}
			if !strings.Contains(tt.name, root) && strings.Contains(err.Error(), filepath.Dir(root)) {
				t.Errorf("the error names the directory on disk: %v", err)
			}
		})
	}
}

// ReadFile holds any fs.FS to the kind and the size: an archive's FIFO
// or an oversized file is refused all the same.
func TestReadFileOtherFS(t *testing.T) {
	fsys := fstest.MapFS{
		"ok.py":   {Data: []byte("ok")},
		"fifo.py": {Mode: fs.ModeNamedPipe},
		"big.py":  {Data: make([]byte, 11)},
	}
	if data, err := ReadFile(fsys, "ok.py", 10); err != nil || string(data) != "ok" {
		t.Errorf("ok.py: %q, %v", data, err)
	}
	if _, err := ReadFile(fsys, "fifo.py", 10); !errors.Is(err, ErrNotRegular) {
		t.Errorf("fifo.py: %v", err)
	}
	var tl *TooLargeError
	if _, err := ReadFile(fsys, "big.py", 10); !errors.As(err, &tl) || tl.Size != 11 || tl.Max != 10 {
		t.Errorf("big.py: %v", err)
	}
}

// fs.WalkDir sees the links as links (never walks into one) and the tree
// passes testing/fstest's checks of an fs.FS.
func TestWalk(t *testing.T) {
	root, _ := tree(t)
	for _, name := range []string{"to-file", "to-dir", "to-link", "chain", "out-file", "out-dir", "abs-file", "zero",
		"sub/up", "sub/dangling", "sub/loop", "sub/outdir"} {
		os.Remove(filepath.Join(root, filepath.FromSlash(name)))
	}
	f := open(t, root)
	if err := fstest.TestFS(f, "a.py", "sub/b.py", "big.py"); err != nil {
		t.Fatal(err)
	}

	root2, _ := tree(t)
	f2 := open(t, root2)
	var links []string
	err := fs.WalkDir(f2, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			links = append(links, p)
		}
		return nil
	})
	if err != nil || len(links) != 12 {
		t.Errorf("walk: %d links %v, %v", len(links), links, err)
	}
	// A walk that starts at a link does not enter it.
	if err := fs.WalkDir(f2, "out-dir", func(p string, d fs.DirEntry, err error) error { return err }); !errors.Is(err, ErrLink) {
		t.Errorf("walk from a link: %v", err)
	}
	if _, err := f2.OpenDir("to-dir"); !errors.Is(err, ErrLink) {
		t.Errorf("OpenDir of a link: %v", err)
	}
}

// Writes never go through a link: CreateFrom refuses one in the way,
// Replace replaces it itself, and MkdirAll refuses a linked directory.
func TestWrites(t *testing.T) {
	root, outside := tree(t)
	f := open(t, root)
	secret := filepath.Join(outside, "secret.py")
	check := func() {
		t.Helper()
		if data, _ := os.ReadFile(secret); string(data) != "SECRET\n" {
			t.Fatalf("the file outside now holds %q", data)
		}
	}
	if err := f.CreateFrom("out-file", strings.NewReader("x")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("CreateFrom over a link: %v", err)
	}
	if err := f.CreateFrom("out-dir/new.py", strings.NewReader("x")); !errors.Is(err, ErrLink) {
		t.Errorf("CreateFrom through a linked directory: %v", err)
	}
	if err := f.MkdirAll("out-dir/new"); !errors.Is(err, ErrLink) {
		t.Errorf("MkdirAll through a link: %v", err)
	}
	if err := f.Replace("out-dir/secret.py", []byte("x")); !errors.Is(err, ErrLink) {
		t.Errorf("Replace through a linked directory: %v", err)
	}
	check()
	if err := f.Replace("out-file", []byte("mine\n")); err != nil {
		t.Fatal(err)
	}
	check()
	if st, err := os.Lstat(filepath.Join(root, "out-file")); err != nil || !st.Mode().IsRegular() {
		t.Errorf("after Replace: %v, %v", st, err)
	}
	if err := f.CreateFrom("new/dir/c.py", bytes.NewReader([]byte("c"))); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(f, "new/dir/c.py", 10); string(data) != "c" || err != nil {
		t.Errorf("c.py = %q, %v", data, err)
	}
	if err := f.Symlink("../outside", "new/link"); err != nil {
		t.Fatal(err)
	}
	if target, err := f.Readlink("new/link"); target != "../outside" || err != nil {
		t.Errorf("Readlink = %q, %v", target, err)
	}
	entries, _ := os.ReadDir(filepath.Join(root, "new", "dir"))
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
