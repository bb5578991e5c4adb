package classgrade

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// Limits bound what drill reads of one archive. They are checked while
// reading, on the bytes actually decompressed: the sizes an archive's
// headers claim are never trusted.
type Limits struct {
	// MaxEntries is the most entries (files, folders, anything) an archive
	// may have.
	MaxEntries int
	// MaxBytes is the most bytes the archive may hold once decompressed, all
	// entries together; it also bounds the archive file itself.
	MaxBytes int64
	// MaxRatio is the most decompressed bytes per compressed byte, checked
	// once more than ratioFloor bytes have come out: real source code
	// compresses about 4:1, a zip bomb a thousand to one.
	MaxRatio int64
}

// DefaultLimits are generous for a class of source code and far below what
// would hurt the grader's machine: everything read is held in memory.
var DefaultLimits = Limits{MaxEntries: 20000, MaxBytes: 256 << 20, MaxRatio: 100}

// ratioFloor is how much an entry may decompress to before its ratio is
// checked, so that small, very compressible files (a file of blanks) pass.
const ratioFloor = 1 << 20

// An ArchiveError says why drill refuses an archive; it is the reason on the
// submission's row.
type ArchiveError struct {
	Archive string // the archive's name, as the rows show it
	Reason  string
}

func (e *ArchiveError) Error() string { return e.Archive + ": " + e.Reason }

// archiveKinds are the archive file names drill reads, by how they end.
var archiveKinds = []string{".zip", ".tar", ".tar.gz", ".tgz"}

// IsArchive says whether a file's name is one of an archive drill reads:
// .zip, .tar, .tar.gz or .tgz, in any case.
func IsArchive(name string) bool { return archiveExt(name) != "" }

func archiveExt(name string) string {
	lower := strings.ToLower(name)
	for _, ext := range []string{".tar.gz", ".tgz", ".tar", ".zip"} {
		if strings.HasSuffix(lower, ext) && len(lower) > len(ext) {
			return ext
		}
	}
	return ""
}

// ReadArchive reads the archive called name (its kind is from the name:
// see IsArchive) of size bytes from r into memory and returns its files as
// an fs.FS of regular files and folders. Finder and Explorer metadata
// (__MACOSX/, .DS_Store, Thumbs.db, ._ files) are left out. An entry that
// would escape the archive (an absolute path, ..), a link, a device, too
// many entries or bytes, or a suspicious compression ratio make the whole
// archive refused with an *ArchiveError: no partial reading of a hostile
// archive.
func ReadArchive(name string, r io.ReaderAt, size int64, lim Limits) (fs.FS, error) {
	m, err := readArchive(name, r, size, lim)
	if err != nil {
		return nil, err
	}
	if len(m.poisoned) > 0 {
		return nil, &ArchiveError{name, m.poisoned[0].reason}
	}
	return m, nil
}

// readArchive is ReadArchive, but an entry refused for what it is (a link,
// a device, a .. inside its path, a name twice) only poisons the folder
// it is in, so that one learner's hostile entry in a class archive is that
// learner's row, not the class's. What no learner could have caused alone
// (too many entries or bytes, a bomb, an absolute path or a .. at the top,
// a damaged archive) still refuses it all.
func readArchive(name string, r io.ReaderAt, size int64, lim Limits) (*memFS, error) {
	if size > lim.MaxBytes {
		return nil, &ArchiveError{name, fmt.Sprintf("the archive is %s, more than the %s drill reads", mib(size), mib(lim.MaxBytes))}
	}
	b := &builder{name: name, lim: lim, fsys: newMemFS()}
	var err error
	switch archiveExt(name) {
	case ".zip":
		err = b.readZip(r, size)
	case ".tar":
		err = b.readTar(io.NewSectionReader(r, 0, size), nil)
	case ".tar.gz", ".tgz":
		cr := &countingReader{r: io.NewSectionReader(r, 0, size)}
		var zr *gzip.Reader
		if zr, err = gzip.NewReader(bufio.NewReader(cr)); err == nil {
			err = b.readTar(zr, cr)
		} else {
			err = b.refuse("not a gzip file: %v", err)
		}
	default:
		err = b.refuse("not an archive drill reads (%s)", strings.Join(archiveKinds, ", "))
	}
	if err != nil {
		return nil, err
	}
	return b.fsys, nil
}

// poison records an entry refused for what it is, under the raw name it
// has; one that is not inside a folder refuses the archive.
func (b *builder) poison(raw, format string, args ...any) error {
	reason := fmt.Sprintf(format, args...)
	first, _, inside := strings.Cut(strings.TrimPrefix(raw, "./"), "/")
	if !inside || first == ".." || first == "." || first == "" {
		return &ArchiveError{b.name, reason}
	}
	b.fsys.poisoned = append(b.fsys.poisoned, poison{strings.TrimPrefix(raw, "./"), reason})
	return nil
}

// builder fills a memFS from an archive's entries, within the limits.
type builder struct {
	name    string
	lim     Limits
	fsys    *memFS
	entries int
	bytes   int64 // decompressed so far, all entries
}

func (b *builder) refuse(format string, args ...any) error {
	return &ArchiveError{b.name, fmt.Sprintf(format, args...)}
}

func (b *builder) readZip(r io.ReaderAt, size int64) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return b.refuse("not a zip archive drill can read: %v", err)
	}
	// The central directory's length is real (it was read); check it before
	// reading any entry.
	if len(zr.File) > b.lim.MaxEntries {
		return b.refuse("more than %d entries", b.lim.MaxEntries)
	}
	for _, f := range zr.File {
		// Windows tools of old wrote \ between folders.
		p, skip, err := b.entryPath(strings.ReplaceAll(f.Name, `\`, "/"))
		if err != nil {
			return err
		}
		if skip || p == "" {
			continue
		}
		mode := f.Mode()
		switch {
		case mode&fs.ModeSymlink != 0:
			if err := b.poison(p, "%s is a symbolic link: links in an archive are refused", f.Name); err != nil {
				return err
			}
			continue
		case mode.IsDir():
			if err := b.dir(f.Name, p); err != nil {
				return err
			}
			continue
		case !mode.IsRegular():
			if err := b.poison(p, "%s is a special file (%s): only files and folders are read", f.Name, mode.Type()); err != nil {
				return err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return b.refuse("%s cannot be read: %v", f.Name, err)
		}
		// The compressed size bounds what the reader consumes, so it is a
		// fair denominator even when the header lies.
		data, err := b.read(f.Name, rc, func(n int64) (int64, int64) { return n, int64(f.CompressedSize64) })
		rc.Close()
		if err != nil {
			return err
		}
		if err := b.file(f.Name, p, data, f.Modified); err != nil {
			return err
		}
	}
	return nil
}

// readTar reads a tar stream; compressed counts the bytes under a gzip
// layer, if any, for the compression ratio.
func (b *builder) readTar(r io.Reader, compressed *countingReader) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return b.refuse("not a tar archive drill can read: %v", err)
		}
		if b.entries++; b.entries > b.lim.MaxEntries {
			return b.refuse("more than %d entries", b.lim.MaxEntries)
		}
		if h.Typeflag == tar.TypeXGlobalHeader {
			continue // metadata for the entries that follow, no entry itself
		}
		p, skip, err := b.entryPath(h.Name)
		if err != nil {
			return err
		}
		if skip || p == "" {
			continue // tar.Reader skips the entry's data itself
		}
		switch h.Typeflag {
		case tar.TypeSymlink:
			if err := b.poison(p, "%s is a symbolic link (to %s): links in an archive are refused", h.Name, h.Linkname); err != nil {
				return err
			}
			continue
		case tar.TypeLink:
			if err := b.poison(p, "%s is a hard link (to %s): links in an archive are refused", h.Name, h.Linkname); err != nil {
				return err
			}
			continue
		case tar.TypeDir:
			if err := b.dir(h.Name, p); err != nil {
				return err
			}
			continue
		case tar.TypeReg, tar.TypeGNUSparse:
		default:
			if err := b.poison(p, "%s is a special file (tar type %q): only files and folders are read", h.Name, h.Typeflag); err != nil {
				return err
			}
			continue
		}
		var ratio func(n int64) (out, in int64)
		if compressed != nil {
			// A gzip layer has no entries of its own: the whole stream's
			// ratio so far.
			ratio = func(int64) (int64, int64) { return b.bytes, compressed.n }
		}
		data, err := b.read(h.Name, tr, ratio)
		if err != nil {
			return err
		}
		if err := b.file(h.Name, p, data, h.ModTime); err != nil {
			return err
		}
	}
}

// entryPath is an entry's path in the FS, or skip for metadata; an entry
// that would land outside the archive is refused.
func (b *builder) entryPath(name string) (p string, skip bool, err error) {
	switch {
	case name == "":
		return "", false, b.refuse("an entry has no name")
	case strings.HasPrefix(name, "/"), len(name) > 1 && name[1] == ':':
		return "", false, b.refuse("%s is an absolute path: an entry must stay inside the archive", name)
	case strings.ContainsRune(name, 0):
		return "", false, b.refuse("%q has a NUL in its name", name)
	}
	for _, el := range strings.Split(name, "/") {
		if el == ".." {
			return "", false, b.poison(name, "%s goes up with ..: an entry must stay inside the archive", name)
		}
	}
	p = path.Clean(name)
	if p == "." {
		return "", true, nil
	}
	els := strings.Split(p, "/")
	for i, el := range els {
		if IsMetadata(el) {
			b.fsys.addMetadata(path.Join(els[:i+1]...))
			return "", true, nil
		}
	}
	return p, false, nil
}

// read decompresses one entry, stopping as soon as the archive's bytes or
// the ratio pass the limits. ratio, given the entry's bytes so far, says
// how many bytes came out of how many compressed ones; nil for no ratio.
func (b *builder) read(name string, r io.Reader, ratio func(n int64) (out, in int64)) ([]byte, error) {
	var buf bytes.Buffer
	chunk := make([]byte, 32<<10)
	var n int64
	for {
		k, err := r.Read(chunk)
		buf.Write(chunk[:k])
		n += int64(k)
		b.bytes += int64(k)
		if b.bytes > b.lim.MaxBytes {
			return nil, b.refuse("more than %s once decompressed (stopped reading at %s)", mib(b.lim.MaxBytes), name)
		}
		if ratio != nil {
			if out, in := ratio(n); out > ratioFloor && out > in*b.lim.MaxRatio {
				return nil, b.refuse("%s decompresses to more than %d times its size (stopped after %s): a zip bomb?", name, b.lim.MaxRatio, mib(out))
			}
		}
		if errors.Is(err, io.EOF) {
			return buf.Bytes(), nil
		}
		if err != nil {
			return nil, b.refuse("%s cannot be read: %v", name, err)
		}
	}
}

func (b *builder) dir(name, p string) error {
	if err := b.fsys.addDir(p); err != nil {
		return b.poison(p, "%s: %v", name, err)
	}
	return nil
}

func (b *builder) file(name, p string, data []byte, mod time.Time) error {
	if err := b.fsys.addFile(p, data, mod); err != nil {
		return b.poison(p, "%s: %v", name, err)
	}
	return nil
}

// IsMetadata says whether a file or folder name is one that Finder or
// Explorer adds to what a learner zips: never part of a submission.
func IsMetadata(name string) bool {
	return slices.Contains([]string{"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"}, name) ||
		strings.HasPrefix(name, "._") // AppleDouble resource forks
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += int64(k)
	return k, err
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
