package classgrade

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
)

// entry is an archive entry to make: a file, or a link to link, or a
// folder when the name ends in /.
type entry struct {
	name, link, hardlink string
	data                 string
}

func makeZip(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		data := e.data
		switch {
		case e.link != "":
			h.SetMode(fs.ModeSymlink | 0o777)
			data = e.link
		case strings.HasSuffix(e.name, "/"):
			h.SetMode(fs.ModeDir | 0o755)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func makeTar(t testing.TB, gz bool, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	var w io.Writer = &buf
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(&buf)
		w = zw
	}
	tw := tar.NewWriter(w)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.data)), Typeflag: tar.TypeReg}
		switch {
		case e.link != "":
			h = &tar.Header{Name: e.name, Linkname: e.link, Typeflag: tar.TypeSymlink}
		case e.hardlink != "":
			h = &tar.Header{Name: e.name, Linkname: e.hardlink, Typeflag: tar.TypeLink}
		case strings.HasSuffix(e.name, "/"):
			h = &tar.Header{Name: e.name, Mode: 0o755, Typeflag: tar.TypeDir}
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		io.WriteString(tw, e.data)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if zw != nil {
		zw.Close()
	}
	return buf.Bytes()
}

func TestReadArchive(t *testing.T) {
	const code = "def hello(name):\n    return name\n"
	small := Limits{MaxEntries: 5, MaxBytes: 4 << 20, MaxRatio: 100}
	zeros := strings.Repeat("\x00", 3<<20)
	tests := []struct {
		name   string
		file   string // the archive's name: its kind
		data   func(testing.TB) []byte
		lim    Limits
		files  []string // the FS's files, when it is read
		refuse string   // the start of the reason, when it is refused
	}{
		{"a zip", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, entry{name: "ann/"}, entry{name: "ann/hello.py", data: code})
		}, DefaultLimits, []string{"ann/hello.py"}, ""},
		{"a Mac zip: __MACOSX and .DS_Store left out", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, entry{name: ".DS_Store", data: "Bud1"}, entry{name: "ann/hello.py", data: code},
				entry{name: "__MACOSX/ann/._hello.py", data: "\x00\x05\x16\x07"}, entry{name: "ann/.DS_Store", data: "Bud1"},
				entry{name: "ann/Thumbs.db", data: "x"})
		}, DefaultLimits, []string{"ann/hello.py"}, ""},
		{"backslashes of old Windows tools", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, entry{name: `ann\hello.py`, data: code})
		}, DefaultLimits, []string{"ann/hello.py"}, ""},
		{"a tar.gz", "a.tar.gz", func(t testing.TB) []byte {
			return makeTar(t, true, entry{name: "./ann/"}, entry{name: "./ann/hello.py", data: code})
		}, DefaultLimits, []string{"ann/hello.py"}, ""},
		{"a tgz", "A.TGZ", func(t testing.TB) []byte { return makeTar(t, true, entry{name: "hello.py", data: code}) }, DefaultLimits, []string{"hello.py"}, ""},
		{"a tar with AppleDouble files", "a.tar", func(t testing.TB) []byte {
			return makeTar(t, false, entry{name: "._hello.py", data: "x"}, entry{name: "hello.py", data: code})
		}, DefaultLimits, []string{"hello.py"}, ""},
		{"an empty zip", "a.zip", func(t testing.TB) []byte { return makeZip(t) }, DefaultLimits, nil, ""},
		{"an empty tar", "a.tar", func(t testing.TB) []byte { return makeTar(t, false) }, DefaultLimits, nil, ""},

		{"zip-slip", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, entry{name: "hello.py", data: code}, entry{name: "ann/../../etc/cron.d/x", data: "* * * * * root sh"})
		}, DefaultLimits, nil, "ann/../../etc/cron.d/x goes up with .."},
		{"zip-slip in a tar", "a.tar.gz", func(t testing.TB) []byte {
			return makeTar(t, true, entry{name: "../hello.py", data: code})
		}, DefaultLimits, nil, "../hello.py goes up with .."},
		{"an absolute path", "a.zip", func(t testing.TB) []byte { return makeZip(t, entry{name: "/etc/passwd", data: "x"}) }, DefaultLimits, nil, "/etc/passwd is an absolute path"},
		{"a Windows drive", "a.zip", func(t testing.TB) []byte { return makeZip(t, entry{name: `C:\x.py`, data: "x"}) }, DefaultLimits, nil, "C:/x.py is an absolute path"},
		{"a link in a zip", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, entry{name: "hello.py", link: "/etc/passwd"})
		}, DefaultLimits, nil, "hello.py is a symbolic link"},
		{"a link in a tar", "a.tar", func(t testing.TB) []byte {
			return makeTar(t, false, entry{name: "hello.py", link: "../../bob/hello.py"})
		}, DefaultLimits, nil, "hello.py is a symbolic link (to ../../bob/hello.py)"},
		{"a hard link in a tar", "a.tar", func(t testing.TB) []byte {
			return makeTar(t, false, entry{name: "a.py", data: code}, entry{name: "hello.py", hardlink: "/etc/shadow"})
		}, DefaultLimits, nil, "hello.py is a hard link (to /etc/shadow)"},
		{"too many entries in a zip", "a.zip", func(t testing.TB) []byte {
			var es []entry
			for _, n := range "abcdef" {
				es = append(es, entry{name: string(n), data: "x"})
			}
			return makeZip(t, es...)
		}, small, nil, "more than 5 entries"},
		{"too many entries in a tar", "a.tar", func(t testing.TB) []byte {
			var es []entry
			for _, n := range "abcdef" {
				es = append(es, entry{name: string(n), data: "x"})
			}
			return makeTar(t, false, es...)
		}, small, nil, "more than 5 entries"},
		{"too many bytes, at a ratio that is no bomb's", "a.tar.gz", func(t testing.TB) []byte {
			return makeTar(t, true, entry{name: "a", data: letters(3 << 20)}, entry{name: "b", data: letters(3 << 20)})
		}, Limits{MaxEntries: 10, MaxBytes: 5 << 20, MaxRatio: 100}, nil, "more than 5.0 MiB once decompressed (stopped reading at b)"},
		{"an archive larger than the limit", "a.tar", func(t testing.TB) []byte {
			return makeTar(t, false, entry{name: "a", data: strings.Repeat("x", 5<<20)})
		}, small, nil, "the archive is 5.0 MiB, more than the 4.0 MiB drill reads"},
		{"a zip bomb", "a.zip", func(t testing.TB) []byte { return makeZip(t, entry{name: "hello.py", data: zeros}) }, DefaultLimits, nil, "hello.py decompresses to more than 100 times its size"},
		{"a tar.gz bomb", "a.tgz", func(t testing.TB) []byte { return makeTar(t, true, entry{name: "hello.py", data: zeros}) }, DefaultLimits, nil, "hello.py decompresses to more than 100 times its size"},
		{"a file and a folder of one name", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, entry{name: "ann", data: "x"}, entry{name: "ann/hello.py", data: code})
		}, DefaultLimits, nil, "ann/hello.py: both a file and a folder"},
		{"two entries of one name", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, entry{name: "hello.py", data: code}, entry{name: "./hello.py", data: "evil"})
		}, DefaultLimits, nil, "./hello.py: the archive has two entries of that name"},
		{"not a zip", "a.zip", func(testing.TB) []byte { return []byte("hello") }, DefaultLimits, nil, "not a zip archive drill can read"},
		{"not a gzip", "a.tar.gz", func(testing.TB) []byte { return []byte("hello") }, DefaultLimits, nil, "not a gzip file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data(t)
			fsys, err := ReadArchive(tt.file, bytes.NewReader(data), int64(len(data)), tt.lim)
			if tt.refuse != "" {
				ae, ok := err.(*ArchiveError)
				if !ok || !strings.HasPrefix(ae.Reason, tt.refuse) {
					t.Fatalf("err = %v, want an ArchiveError starting %q", err, tt.refuse)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					got = append(got, p)
				}
				return err
			})
			if strings.Join(got, ",") != strings.Join(tt.files, ",") {
				t.Errorf("files %q, want %q", got, tt.files)
			}
			if err := fstest.TestFS(fsys, tt.files...); err != nil {
				t.Error(err)
			}
		})
	}
}

// A bomb is refused after reading a little of it, not all: the check is
// on the bytes coming out, as they come.
func TestReadArchiveStopsABombEarly(t *testing.T) {
	for _, kind := range []string{"bomb.zip", "bomb.tar.gz"} {
		t.Run(kind, func(t *testing.T) {
			const size = 32 << 20 // 32 MiB of zeros: about 32 KiB compressed
			zeros := strings.Repeat("\x00", size)
			var data []byte
			if strings.HasSuffix(kind, ".zip") {
				data = makeZip(t, entry{name: "hello.py", data: zeros})
			} else {
				data = makeTar(t, true, entry{name: "hello.py", data: zeros})
			}
			r := &countingReaderAt{r: bytes.NewReader(data)}
			_, err := ReadArchive(kind, r, int64(len(data)), DefaultLimits)
			if _, ok := err.(*ArchiveError); !ok {
				t.Fatalf("err = %v, want it refused", err)
			}
			if r.n > int64(len(data))/4 {
				t.Errorf("read %d of the bomb's %d compressed bytes before refusing it", r.n, len(data))
			}
		})
	}
}

// letters is n pseudo-random letters: text that compresses less than 2:1.
func letters(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.IntN(26))
	}
	return string(b)
}

type countingReaderAt struct {
	r *bytes.Reader
	n int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	k, err := c.r.ReadAt(p, off)
	c.n += int64(k)
	return k, err
}

func TestIsArchive(t *testing.T) {
	for name, want := range map[string]bool{"a.zip": true, "A.ZIP": true, "b.tar": true, "c.tar.gz": true, "d.tgz": true,
		".zip": false, "e.gz": false, "f.py": false, "zip": false} {
		if got := IsArchive(name); got != want {
			t.Errorf("IsArchive(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzReadArchive: whatever the bytes, ReadArchive returns an FS that
// holds only valid paths of regular files and folders, or an error; it
// never panics or reads past its limits.
func FuzzReadArchive(f *testing.F) {
	f.Add("a.zip", makeZip(f, entry{name: "ann/hello.py", data: "x = 1\n"}, entry{name: "__MACOSX/._x", data: "y"}))
	f.Add("a.zip", makeZip(f, entry{name: "../x", data: "x"}))
	f.Add("a.zip", makeZip(f, entry{name: "l", link: "/etc"}))
	f.Add("a.tar", makeTar(f, false, entry{name: "d/"}, entry{name: "d/f", data: "x"}))
	f.Add("a.tgz", makeTar(f, true, entry{name: "l", link: "/"}, entry{name: "h", hardlink: "l"}))
	lim := Limits{MaxEntries: 50, MaxBytes: 1 << 20, MaxRatio: 100}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		fsys, err := ReadArchive(name, bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			if _, ok := err.(*ArchiveError); !ok {
				t.Fatalf("an error that is not an ArchiveError: %v", err)
			}
			return
		}
		var total int64
		err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !fs.ValidPath(p) || strings.Contains(p, "..") && strings.Contains("/"+p+"/", "/../") {
				t.Errorf("path %q", p)
			}
			if !d.IsDir() && !d.Type().IsRegular() {
				t.Errorf("%s is %v", p, d.Type())
			}
			if info, err := d.Info(); err == nil && !d.IsDir() {
				total += info.Size()
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if total > lim.MaxBytes {
			t.Errorf("%d bytes held, the limit is %d", total, lim.MaxBytes)
		}
	})
}
