package classgrade

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// memFS is an archive's files in memory: regular files and folders only,
// so there is no link to follow. It implements fs.ReadDirFS, fs.ReadFileFS
// and fs.StatFS.
type memFS struct {
	nodes map[string]*memNode // by path; "." is the root
	// poisoned are the entries refused for what they are, in the order
	// read, left out of nodes.
	poisoned []poison
	// metadata are the paths of Finder and Explorer metadata left out, each
	// once, for the class to name them as skipped.
	metadata []string
}

func (m *memFS) addMetadata(p string) {
	if !slices.Contains(m.metadata, p) {
		m.metadata = append(m.metadata, p)
	}
}

// poison is an entry refused: its raw name in the archive, and why.
type poison struct{ name, reason string }

// poisonUnder is why the folder dir holds a refused entry, if it does.
func (m *memFS) poisonUnder(dir string) (string, bool) {
	for _, p := range m.poisoned {
		if dir == "." || p.name == dir || strings.HasPrefix(p.name, dir+"/") {
			return p.reason, true
		}
	}
	return "", false
}

type memNode struct {
	name     string // base name
	dir      bool
	data     []byte
	mod      time.Time
	children []string // base names, sorted
}

func newMemFS() *memFS {
	return &memFS{nodes: map[string]*memNode{".": {name: ".", dir: true}}}
}

var errFileAndFolder = errors.New("both a file and a folder of that name")

// addDir adds a folder and its parents; adding one twice is fine.
func (m *memFS) addDir(p string) error {
	if p == "." {
		return nil
	}
	if n, ok := m.nodes[p]; ok {
		if !n.dir {
			return errFileAndFolder
		}
		return nil
	}
	parent := path.Dir(p)
	if err := m.addDir(parent); err != nil {
		return err
	}
	m.nodes[p] = &memNode{name: path.Base(p), dir: true}
	m.link(parent, path.Base(p))
	return nil
}

func (m *memFS) addFile(p string, data []byte, mod time.Time) error {
	if _, ok := m.nodes[p]; ok {
		return errors.New("the archive has two entries of that name")
	}
	parent := path.Dir(p)
	if err := m.addDir(parent); err != nil {
		return err
	}
	m.nodes[p] = &memNode{name: path.Base(p), data: data, mod: mod}
	m.link(parent, path.Base(p))
	return nil
}

func (m *memFS) link(parent, name string) {
	d := m.nodes[parent]
	i, _ := slices.BinarySearch(d.children, name)
	d.children = slices.Insert(d.children, i, name)
}

func (m *memFS) node(op, name string) (*memNode, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	n, ok := m.nodes[name]
	if !ok {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	return n, nil
}

func (m *memFS) Open(name string) (fs.File, error) {
	n, err := m.node("open", name)
	if err != nil {
		return nil, err
	}
	return &memFile{fsys: m, path: name, node: n, r: bytes.NewReader(n.data)}, nil
}

func (m *memFS) Stat(name string) (fs.FileInfo, error) {
	n, err := m.node("stat", name)
	if err != nil {
		return nil, err
	}
	return memInfo{n}, nil
}

func (m *memFS) ReadFile(name string) ([]byte, error) {
	n, err := m.node("readfile", name)
	if err != nil {
		return nil, err
	}
	if n.dir {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: errors.New("is a directory")}
	}
	return slices.Clone(n.data), nil
}

func (m *memFS) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := m.node("readdir", name)
	if err != nil {
		return nil, err
	}
	if !n.dir {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	return m.entries(name, n), nil
}

func (m *memFS) entries(p string, n *memNode) []fs.DirEntry {
	out := make([]fs.DirEntry, 0, len(n.children))
	for _, c := range n.children {
		out = append(out, fs.FileInfoToDirEntry(memInfo{m.nodes[path.Join(p, c)]}))
	}
	return out
}

// memFile is an open file or folder of a memFS.
type memFile struct {
	fsys   *memFS
	path   string
	node   *memNode
	r      *bytes.Reader
	listed int // entries of a folder already returned by ReadDir
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{f.node}, nil }
func (f *memFile) Close() error               { return nil }

func (f *memFile) Read(p []byte) (int, error) {
	if f.node.dir {
		return 0, &fs.PathError{Op: "read", Path: f.path, Err: errors.New("is a directory")}
	}
	return f.r.Read(p)
}

// ReadDir is fs.ReadDirFile's: n <= 0 for all that remain.
func (f *memFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if !f.node.dir {
		return nil, &fs.PathError{Op: "readdir", Path: f.path, Err: errors.New("not a directory")}
	}
	all := f.fsys.entries(f.path, f.node)[f.listed:]
	if n > 0 && len(all) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(all) {
		all = all[:n]
	}
	f.listed += len(all)
	return all, nil
}

type memInfo struct{ n *memNode }

func (i memInfo) Name() string       { return i.n.name }
func (i memInfo) Size() int64        { return int64(len(i.n.data)) }
func (i memInfo) ModTime() time.Time { return i.n.mod }
func (i memInfo) IsDir() bool        { return i.n.dir }
func (i memInfo) Sys() any           { return nil }
func (i memInfo) Mode() fs.FileMode {
	if i.n.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
