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
	if err := f.Replace("out-dir/secret.py", []byte("x"), 0o644); !errors.Is(err, ErrLink) {
		t.Errorf("Replace through a linked directory: %v", err)
	}
	check()
	if err := f.Replace("out-file", []byte("mine\n"), 0o644); err != nil {
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

// writeSetup makes root/ and outside/ (a file of someone else's) in a
// fresh directory, and opens root.
func writeSetup(t *testing.T) (dir string, root *FS) {
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
	return dir, open(t, filepath.Join(dir, "root"))
}

// outsideUntouched fails t if anything outside root changed.
func outsideUntouched(t *testing.T, dir, what string) {
	t.Helper()
	if profile, _ := os.ReadFile(filepath.Join(dir, "outside", "profile")); string(profile) != "mine" {
		t.Errorf("%s: the file outside root now holds %q", what, profile)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "outside")); len(entries) != 1 {
		t.Errorf("%s: outside root: %d entries, want only the one that was there", what, len(entries))
	}
}

func TestReplace(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string)
		file    string
		wantErr error // matched with errors.Is; nil and no errText: the write succeeds
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
		{name: "a directory where the file goes", file: "results.json",
			errText: "results.json is a directory, which drill does not replace with a file", prepare: func(t *testing.T, dir string) {
				must(t, os.MkdirAll(filepath.Join(dir, "root", "results.json", "x"), 0o755))
			}},
		{name: "an empty directory where the file goes", file: "results.json",
			errText: "results.json is a directory, which drill does not replace with a file", prepare: func(t *testing.T, dir string) {
				must(t, os.Mkdir(filepath.Join(dir, "root", "results.json"), 0o755))
			}},
		{name: "a file where a directory goes", file: "ann/results.json", errText: "ann is not a directory (a regular file)", prepare: func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "root", "ann"), nil, 0o644))
		}},
		{name: "dot-dot", file: "../outside/profile", wantErr: fs.ErrInvalid},
		{name: "dot-dot inside", file: "a/../../outside/profile", wantErr: fs.ErrInvalid},
		{name: "absolute", file: "/tmp/x", wantErr: fs.ErrInvalid},
		{name: "empty", file: "", wantErr: fs.ErrInvalid},
		{name: "the root itself", file: ".", wantErr: fs.ErrInvalid},
		{name: "empty part", file: "a//b", wantErr: fs.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, root := writeSetup(t)
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			err := root.Replace(tt.file, []byte("new"), 0o644)
			outsideUntouched(t, dir, tt.file)
			if tt.wantErr != nil || tt.errText != "" {
				if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) || !strings.Contains(err.Error(), tt.errText) {
					t.Fatalf("Replace = %v, want an error (%v, %q)", err, tt.wantErr, tt.errText)
				}
				var ke *KindError
				if tt.errText != "" && !errors.As(err, &ke) {
					t.Errorf("Replace = %T, want a *KindError, which drill's exit code knows", err)
				}
			} else {
				if err != nil {
					t.Fatalf("Replace: %v", err)
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
				if err == nil && strings.Contains(d.Name(), ".drill-") {
					t.Errorf("temporary file left: %s", p)
				}
				return nil
			})
		})
	}
}

// The file gets the permission asked for and no more (the umask can only
// take bits away), also where it replaces a file that had more: the
// progress state stays the learner's alone.
func TestReplacePerm(t *testing.T) {
	dir, root := writeSetup(t)
	for _, perm := range []fs.FileMode{0o644, 0o600} {
		if err := root.Replace("state.json", []byte("{}"), perm); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(filepath.Join(dir, "root", "state.json"))
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got&^perm != 0 {
			t.Errorf("Replace(perm %v) made %v", perm, got)
		}
	}
}

func TestWriteFileErrorNamesTheFile(t *testing.T) {
	dir, _ := writeSetup(t)
	must(t, os.Mkdir(filepath.Join(dir, "root", "results.json"), 0o755))
	must(t, os.Symlink("../outside", filepath.Join(dir, "root", "ann")))
	tests := []struct{ name, want string }{
		{"results.json", filepath.Join(dir, "root", "results.json") + " is a directory, which drill does not replace with a file"},
		{"ann/results.json", filepath.Join(dir, "root", "ann") + " is not a directory (a symbolic link, which drill does not follow)"},
		{"../x", "replace " + filepath.Join(dir, "x") + ": invalid argument"},
	}
	for _, tt := range tests {
		err := WriteFile(filepath.Join(dir, "root"), tt.name, nil, 0o644)
		if err == nil || err.Error() != tt.want {
			t.Errorf("WriteFile(%q) = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestWritePath(t *testing.T) {
	dir, _ := writeSetup(t)
	link := filepath.Join(dir, "grades.csv")
	must(t, os.Symlink(filepath.Join(dir, "outside", "profile"), link))
	if err := WritePath(link, []byte("table"), 0o644); err != nil {
		t.Fatal(err)
	}
	outsideUntouched(t, dir, "grades.csv")
	if st, err := os.Lstat(link); err != nil || !st.Mode().IsRegular() {
		t.Errorf("grades.csv is not a regular file (%v)", err)
	}
	if err := WritePath(filepath.Join(dir, "new", "dir", "junit.xml"), []byte("x"), 0o644); err != nil {
		t.Errorf("WritePath into a directory to be made: %v", err)
	}
	must(t, os.Mkdir(filepath.Join(dir, "taken.csv"), 0o755))
	if err := WritePath(filepath.Join(dir, "taken.csv"), []byte("x"), 0o644); !errors.As(err, new(*KindError)) {
		t.Errorf("WritePath over a directory = %v, want a *KindError", err)
	}
}

func TestMkdirAll(t *testing.T) {
	dir, root := writeSetup(t)
	if err := root.MkdirAll("a/b"); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dir, "root", "a", "b")); err != nil || !st.IsDir() {
		t.Errorf("a/b not made (%v)", err)
	}
	must(t, os.Symlink("../outside", filepath.Join(dir, "root", "l")))
	if err := root.MkdirAll("l/c"); !errors.Is(err, ErrLink) {
		t.Errorf("MkdirAll through a link = %v, want ErrLink", err)
	}
	outsideUntouched(t, dir, "l/c")
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
