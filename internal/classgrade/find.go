package classgrade

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/safefs"
)

// A Submission is one learner's work to grade, or the reason it cannot be
// graded at all.
type Submission struct {
	// Name is where it is, as the rows show it: the path as given, then
	// the entry inside a class folder or archive ("class.zip/ann").
	Name string
	// IDs are the names the learner may have on a roster: the folder's or
	// archive's name without its extension, and the name of a single
	// folder wrapped around the files.
	IDs []string
	// Problem says why there is nothing to grade, if so.
	Problem string
	// Kind is the kind of Problem, as in Row.Kind.
	Kind string
	// Dir is the learner's folder on disk ("" when the files are in an
	// archive): where --format gradescope writes results.json by default.
	Dir     string
	archive bool // the files are in an archive
	// open gives the learner's files, rooted where the exercise's files
	// are, and what to call when done with them.
	open func() (fs.FS, func(), error)
}

// Open gives the submission's files as an fs.FS rooted where the
// exercise's files are (a single wrapping folder is gone), and a func to
// call when done with them. An archive refused is an *ArchiveError. A
// submission with a Problem has no files: Open returns an error.
func (s Submission) Open() (fs.FS, func(), error) {
	if s.open == nil {
		return nil, nil, errors.New(s.Problem)
	}
	return s.open()
}

// A Skip is an entry of a class folder or archive that is no learner's
// submission, and why.
type Skip struct {
	Name   string
	Reason string
}

// Kinds of row of this package's, in Row.Kind beside grade's kinds of
// error: all but KindUnwritable never reached the sandbox.
const (
	KindArchive    = "archive"    // an archive refused: hostile or unreadable
	KindNotFound   = "not_found"  // no such file or folder
	KindLink       = "link"       // a symbolic link, not followed
	KindUnreadable = "unreadable" // a folder or file drill could not read
	KindEmpty      = "empty"      // a folder or archive with nothing in it
	KindMissing    = "missing"    // on the roster, no submission
	KindUnwritable = "unwritable" // graded, but its results.json could not be written
)

// Find lists the submissions the arguments name. Each argument is a
// learner's folder or archive, or a class of them: a folder or archive
// whose entries are the learners' folders and archives. Every entry of a
// class is a Submission or a Skip; a stray exercise file beside learners'
// folders is skipped, never taken for a submission of the whole class.
// Finder and Explorer metadata are skipped, and a single folder wrapped
// around the files (or around the class) is looked through. Find reads a
// class archive into memory (within lim) and nothing else: learners'
// files are read by Open, when they are graded.
func Find(args []string, ex *bank.Exercise, lim Limits) ([]Submission, []Skip) {
	f := &finder{ex: ex, lim: lim}
	for _, arg := range args {
		f.arg(arg)
	}
	return f.subs, f.skipped
}

type finder struct {
	ex      *bank.Exercise
	lim     Limits
	subs    []Submission
	skipped []Skip
}

// place is a class folder or archive: its files and how to open a
// learner's folder or archive inside it.
type place struct {
	name    string // as rows show it
	fsys    fs.FS
	archive bool   // an archive's files, in memory
	disk    string // the folder on disk, for a folder's
	// mem is an archive's files, with the entries refused; nil for a
	// folder on disk.
	mem *memFS
	// dir opens a folder inside; file reads a file inside, capped.
	dir  func(rel string) (fs.FS, func(), error)
	file func(rel string) ([]byte, error)
}

func (f *finder) problem(name, kind, format string, args ...any) {
	f.subs = append(f.subs, Submission{Name: name, IDs: []string{learnerID(name)}, Kind: kind, Problem: fmt.Sprintf(format, args...)})
}

func (f *finder) arg(arg string) {
	name := filepath.Clean(arg)
	// The grader named this path, so a link here is the grader's own.
	st, err := os.Stat(arg)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f.problem(name, KindNotFound, "no such file or folder")
	case err != nil:
		f.problem(name, KindUnreadable, "%v", err)
	case st.IsDir():
		root, err := safefs.Open(arg)
		if err != nil {
			f.problem(name, KindUnreadable, "%v", err)
			return
		}
		defer root.Close()
		f.place(place{name: name, fsys: root, disk: arg,
			dir: func(rel string) (fs.FS, func(), error) {
				// Beneath the class, reached without following a link.
				class, err := safefs.Open(arg)
				if err != nil {
					return nil, nil, err
				}
				defer class.Close()
				if rel == "." {
					return safefsOf(safefs.Open(arg))
				}
				return safefsOf(class.OpenDir(rel))
			},
			file: func(rel string) ([]byte, error) {
				// A learner's archive, read when it is graded: beneath
				// the class, through no link, without blocking, as the
				// learners' folders are (it may have been replaced since
				// Find saw it).
				class, err := safefs.Open(arg)
				if err != nil {
					return nil, err
				}
				defer class.Close()
				return safefs.ReadFile(class, rel, f.lim.MaxBytes)
			},
		}, ".", []string{learnerID(name)})
	case st.Mode().IsRegular() && IsArchive(arg):
		data, err := readCapped(arg, f.lim.MaxBytes)
		if err != nil {
			f.problem(name, KindUnreadable, "%v", err)
			return
		}
		m, err := readArchive(name, bytes.NewReader(data), int64(len(data)), f.lim)
		if err != nil {
			f.problem(name, KindArchive, "%s", refusal(err))
			return
		}
		f.place(memPlace(name, m), ".", []string{learnerID(name)})
	default:
		f.problem(name, KindUnreadable, "not a folder or an archive (%s): a submission is a folder of the learner's files", strings.Join(archiveKinds, ", "))
	}
}

// safefsOf is a safefs.FS just opened as a submission's files.
func safefsOf(s *safefs.FS, err error) (fs.FS, func(), error) {
	if err != nil {
		return nil, nil, err
	}
	return s, func() { s.Close() }, nil
}

// diskPath is the folder rel of a place on disk, "" for an archive's.
func (p place) diskPath(rel string) string {
	if p.disk == "" {
		return ""
	}
	return filepath.Join(p.disk, filepath.FromSlash(rel))
}

func memPlace(name string, fsys *memFS) place {
	return place{name: name, fsys: fsys, archive: true, mem: fsys,
		dir: func(rel string) (fs.FS, func(), error) {
			sub, err := fs.Sub(fsys, rel)
			return sub, func() {}, err
		},
		file: func(rel string) ([]byte, error) { return fs.ReadFile(fsys, rel) },
	}
}

// place sorts out the folder rel of p: one learner's submission, or a
// class of them. ids are the learner's names, should it be one.
func (f *finder) place(p place, rel string, ids []string) {
	all, err := fs.ReadDir(p.fsys, rel)
	if err != nil {
		f.problem(p.name, KindUnreadable, "%v", err)
		return
	}
	var entries []fs.DirEntry
	for _, e := range all {
		if IsMetadata(e.Name()) {
			f.skipped = append(f.skipped, Skip{join(p.name, rel, e.Name()), "Finder or Explorer metadata"})
			continue
		}
		entries = append(entries, e)
	}
	if p.mem != nil {
		// An archive's were left out as it was read.
		for _, m := range p.mem.metadata {
			if path.Dir(m) == rel {
				f.skipped = append(f.skipped, Skip{join(p.name, rel, path.Base(m)), "Finder or Explorer metadata"})
			}
		}
	}
	single := func() {
		// Named for where the files are, a wrapping folder included: a
		// class of one learner is still that learner's row.
		name := filepath.Join(p.name, filepath.FromSlash(rel))
		if reason, bad := p.poisonUnder(rel); bad {
			f.subs = append(f.subs, Submission{Name: name, IDs: ids, Kind: KindArchive, Problem: "archive refused: " + reason})
			return
		}
		f.subs = append(f.subs, Submission{Name: name, IDs: ids, Dir: p.diskPath(rel), archive: p.archive, open: func() (fs.FS, func(), error) {
			fsys, done, err := p.dir(rel)
			if err != nil {
				return nil, nil, err
			}
			return settle(fsys, done, f.ex)
		}})
	}
	if holdsAny(p.fsys, rel, f.ex.Files) {
		// A learner's folder, unless learners' folders sit beside the
		// files: then those are strays.
		for _, e := range entries {
			if f.isLearner(p, path.Join(rel, e.Name()), e) {
				f.class(p, rel, entries)
				return
			}
		}
		single()
		return
	}
	if len(p.orphans(rel, entries)) > 0 {
		f.class(p, rel, entries)
		return
	}
	if len(entries) == 1 && entries[0].IsDir() {
		// A folder wrapped around the files, or around the class.
		f.place(p, path.Join(rel, entries[0].Name()), append(ids, entries[0].Name()))
		return
	}
	for _, e := range entries {
		if e.IsDir() || e.Type()&fs.ModeSymlink != 0 || IsArchive(e.Name()) {
			f.class(p, rel, entries)
			return
		}
	}
	single()
}

// isLearner says whether an entry beside the exercise's files looks like a
// learner's submission: an archive, or a folder holding the files.
func (f *finder) isLearner(p place, rel string, e fs.DirEntry) bool {
	if strings.HasPrefix(e.Name(), ".") {
		return false
	}
	if e.Type().IsRegular() {
		return IsArchive(e.Name())
	}
	if !e.IsDir() {
		return false
	}
	for range 4 {
		if holdsAny(p.fsys, rel, f.ex.Files) {
			return true
		}
		entries, err := fs.ReadDir(p.fsys, rel)
		if err != nil || len(entries) != 1 || !entries[0].IsDir() {
			return false
		}
		rel = path.Join(rel, entries[0].Name())
	}
	return false
}

// class makes a row or a skip of each entry of the class folder rel.
func (f *finder) class(p place, rel string, entries []fs.DirEntry) {
	for _, e := range entries {
		name := join(p.name, rel, e.Name())
		erel := path.Join(rel, e.Name())
		ids := []string{learnerID(e.Name())}
		reason, poisoned := p.poisonUnder(erel)
		switch t := e.Type(); {
		case strings.HasPrefix(e.Name(), "."):
			f.skipped = append(f.skipped, Skip{name, "hidden"})
		case poisoned:
			f.subs = append(f.subs, Submission{Name: name, IDs: ids, Kind: KindArchive, Problem: "archive refused: " + reason})
		case t&fs.ModeSymlink != 0:
			to := ""
			if l, ok := p.fsys.(interface{ Readlink(string) (string, error) }); ok {
				if target, err := l.Readlink(erel); err == nil {
					to = " (to " + target + ")"
				}
			}
			f.subs = append(f.subs, Submission{Name: name, IDs: ids, Kind: KindLink,
				Problem: safefs.ErrLink.Error() + to + ": put the learner's folder itself here"})
		case e.IsDir():
			f.subs = append(f.subs, Submission{Name: name, IDs: ids, Dir: p.diskPath(erel), archive: p.archive, open: func() (fs.FS, func(), error) {
				fsys, done, err := p.dir(erel)
				if err != nil {
					return nil, nil, err
				}
				return settle(fsys, done, f.ex)
			}})
		case t.IsRegular() && IsArchive(e.Name()):
			f.subs = append(f.subs, Submission{Name: name, IDs: ids, archive: true, open: func() (fs.FS, func(), error) {
				data, err := p.file(erel)
				if err != nil {
					return nil, nil, err
				}
				fsys, err := ReadArchive(name, bytes.NewReader(data), int64(len(data)), f.lim)
				if err != nil {
					return nil, nil, err
				}
				return settle(fsys, func() {}, f.ex)
			}})
		case t.IsRegular():
			f.skipped = append(f.skipped, Skip{name, "not a submission: a file beside the learners' folders, not a folder or an archive"})
		default:
			f.skipped = append(f.skipped, Skip{name, "a special file (" + t.String() + ")"})
		}
	}
	for _, o := range p.orphans(rel, entries) {
		reason, _ := p.poisonUnder(path.Join(rel, o))
		f.subs = append(f.subs, Submission{Name: join(p.name, rel, o), IDs: []string{learnerID(o)}, Kind: KindArchive, Problem: "archive refused: " + reason})
	}
}

// poisonUnder is why the folder rel holds an entry refused, if it does.
func (p place) poisonUnder(rel string) (string, bool) {
	if p.mem == nil {
		return "", false
	}
	return p.mem.poisonUnder(rel)
}

// orphans are the names of refused entries directly in the folder rel
// that are not among its entries (a link is never one): each a learner's
// entry all the same.
func (p place) orphans(rel string, entries []fs.DirEntry) []string {
	if p.mem == nil {
		return nil
	}
	var out []string
	for _, bad := range p.mem.poisoned {
		inner := bad.name
		if rel != "." {
			var ok bool
			if inner, ok = strings.CutPrefix(bad.name, rel+"/"); !ok {
				continue
			}
		}
		first, _, _ := strings.Cut(inner, "/")
		if !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == first }) && !slices.Contains(out, first) {
			out = append(out, first)
		}
	}
	return out
}

// settle looks through single folders wrapped around a learner's files.
func settle(fsys fs.FS, done func(), ex *bank.Exercise) (fs.FS, func(), error) {
	for range 4 {
		if holdsAny(fsys, ".", ex.Files) {
			break
		}
		entries, err := fs.ReadDir(fsys, ".")
		if err != nil {
			break
		}
		var kept []fs.DirEntry
		for _, e := range entries {
			if !IsMetadata(e.Name()) {
				kept = append(kept, e)
			}
		}
		if len(kept) != 1 || !kept[0].IsDir() {
			break
		}
		sub, err := fs.Sub(fsys, kept[0].Name())
		if err != nil {
			break
		}
		fsys = sub
	}
	return fsys, done, nil
}

// readCapped reads a regular file of at most max bytes, never trusting its
// size: it may grow, or be a device.
func readCapped(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s is more than the %s drill reads", name, mib(max))
	}
	return data, nil
}

// join is the name rows show for the entry of rel in a place.
func join(place, rel, entry string) string {
	return filepath.Join(place, filepath.FromSlash(rel), entry)
}

// learnerID is the learner a name stands for: its last element without an
// archive's extension.
func learnerID(name string) string {
	base := filepath.Base(name)
	return base[:len(base)-len(archiveExt(base))]
}

// refusal is what a row says of an archive's error.
func refusal(err error) string {
	var ae *ArchiveError
	if errors.As(err, &ae) {
		return "archive refused: " + ae.Reason
	}
	return err.Error()
}
