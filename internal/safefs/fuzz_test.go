package safefs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadFile reads any name from a tree full of links (to files, to
// directories, to links, out of the root, absolute, dangling, looping):
// what it reads is always a regular file beneath the root reached through
// no link, and never the secret outside it.
func FuzzReadFile(f *testing.F) {
	for _, name := range []string{"a.py", "sub/b.py", "to-file", "to-dir/b.py", "chain", "out-dir/secret.py",
		"../outside/secret.py", "/etc/passwd", "sub/../a.py", "sub/up", "sub/outdir", "abs-file", "zero",
		"sub/loop/x", ".", "sub/", "a.py/", `sub\b.py`, "sub/./b.py"} {
		f.Add(name)
	}
	root, _ := tree(f)
	fsys := open(f, root)
	f.Fuzz(func(t *testing.T, name string) {
		data, err := ReadFile(fsys, name, 1<<10)
		if err != nil {
			return
		}
		if strings.Contains(string(data), "SECRET") {
			t.Fatalf("%q read the secret outside the root", name)
		}
		// Every element on the way, and the file, is no link.
		p := root
		for _, elem := range strings.Split(name, "/") {
			p = filepath.Join(p, elem)
			st, err := os.Lstat(p)
			if err != nil || st.Mode()&os.ModeSymlink != 0 {
				t.Fatalf("%q was read, but %s is a link or not there (%v)", name, p, err)
			}
		}
		if rel, err := filepath.Rel(root, p); err != nil || strings.HasPrefix(rel, "..") {
			t.Fatalf("%q was read from %s, outside the root", name, p)
		}
	})
}

// FuzzReplace writes any name beneath a root that holds a link out of it:
// nothing outside the root changes, and a write that succeeds leaves a
// regular file at the name.
func FuzzReplace(f *testing.F) {
	for _, s := range []string{"results.json", "a/b", "../x", "a/../../x", "/etc/x", ".", "a/./b", "l/x", "l", "\\..\\x", "C:x", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		dir, root := writeSetup(t)
		must(t, os.Symlink("../outside", filepath.Join(dir, "root", "l")))
		if err := root.Replace(name, []byte("new"), 0o644); err == nil {
			st, err := os.Lstat(filepath.Join(dir, "root", filepath.FromSlash(name)))
			if err != nil || !st.Mode().IsRegular() {
				t.Errorf("Replace(%q) succeeded but left no regular file (%v)", name, err)
			}
		}
		outsideUntouched(t, dir, name)
	})
}
