package classgrade

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
	"github.com/drill-dev/drill/internal/learnerfiles"
	"github.com/drill-dev/drill/internal/safefs"
)

// ReadFiles reads the exercise's editable files from a learner's files
// with learnerfiles.Read, drill's one reader of learner files: regular
// files of a bounded size only, and from a folder on disk (a safefs.FS)
// never through a link, not the file's nor a folder's on its way. Files
// that cannot be graded give the Result that says why.
func ReadFiles(fsys fs.FS, ex *bank.Exercise) (map[string][]byte, *grade.Result) {
	files, err := learnerfiles.Read(fsys, ex.Files)
	var le *learnerfiles.Error
	if errors.As(err, &le) { // the only error Read returns
		return nil, grade.Unreadable(ex, le)
	}
	for _, f := range ex.Files {
		if _, ok := files[f]; !ok {
			return nil, grade.Refuse(ex, grade.KindMissingFile, f, "%s is missing from the submission", f)
		}
	}
	return files, nil
}

// holdsAny says whether the folder dir of fsys has any of the files, of
// any kind, or a link or a file where a folder on the way to one should
// be: each of those makes dir a submission (with an error row), not a
// class.
func holdsAny(fsys fs.FS, dir string, files []string) bool {
	for _, f := range files {
		name := dir + "/" + f
		if dir == "." {
			name = f
		}
		if _, err := lstat(fsys, name); err == nil || errors.As(err, new(*safefs.KindError)) {
			return true
		}
	}
	return false
}

// lstat is the FS's Lstat where it has one (a safefs.FS), else fs.Stat
// (an archive's FS, which has no links).
func lstat(fsys fs.FS, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(interface {
		Lstat(string) (fs.FileInfo, error)
	}); ok {
		return l.Lstat(name)
	}
	return fs.Stat(fsys, name)
}

// filesHash is the SHA-256, in hex, of the files as graded: what a resumed
// run compares to know a submission is unchanged.
func filesHash(files map[string][]byte, ex *bank.Exercise) string {
	h := sha256.New()
	for _, f := range ex.Files {
		io.WriteString(h, f)
		h.Write([]byte{0})
		sum := sha256.Sum256(files[f])
		h.Write(sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}
