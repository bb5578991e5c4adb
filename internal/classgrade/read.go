package classgrade

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/drill-dev/drill/internal/bank"
	"github.com/drill-dev/drill/internal/grade"
)

// ReadFiles reads the exercise's editable files from a learner's files:
// regular files only, never through a link (not the file's, not a
// folder's on its way), each size checked before it is read and again
// while reading. A learner's link to a file of the grader's machine must
// not carry it into the sandbox, and a FIFO must not hang the class. Files
// that cannot be graded give the Result that says why.
func ReadFiles(fsys fs.FS, ex *bank.Exercise) (map[string][]byte, *grade.Result) {
	files := map[string][]byte{}
	for _, f := range ex.Files {
		data, r := readOne(fsys, ex, f)
		if r != nil {
			return nil, r
		}
		files[f] = data
	}
	return files, nil
}

func readOne(fsys fs.FS, ex *bank.Exercise, f string) ([]byte, *grade.Result) {
	els := strings.Split(f, "/")
	for i := range els {
		p := path.Join(els[:i+1]...)
		st, err := lstat(fsys, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, grade.Refuse(ex, grade.KindMissingFile, f, "%s is missing from the submission", f)
		case err != nil:
			return nil, grade.Refuse(ex, grade.KindMissingFile, f, "%s cannot be read: %v", f, err)
		case i < len(els)-1 && !st.IsDir():
			return nil, grade.Refuse(ex, grade.KindMissingFile, f, "%s is not a folder (%s), so %s is missing", p, fileKind(st.Mode()), f)
		case i < len(els)-1:
			continue
		case !st.Mode().IsRegular():
			return nil, grade.Refuse(ex, grade.KindMissingFile, f, "%s is not a regular file (%s)", f, fileKind(st.Mode()))
		case st.Size() > grade.MaxLearnerFile:
			// Not read at all: a submission may be any size.
			return nil, grade.TooLarge(ex, f, st.Size())
		}
	}
	file, err := fsys.Open(f)
	if err != nil {
		return nil, grade.Refuse(ex, grade.KindMissingFile, f, "%s cannot be read: %v", f, err)
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, grade.MaxLearnerFile+1))
	if err != nil {
		return nil, grade.Refuse(ex, grade.KindMissingFile, f, "%s cannot be read: %v", f, err)
	}
	if len(data) > grade.MaxLearnerFile {
		return nil, grade.TooLarge(ex, f, int64(len(data)))
	}
	return data, nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link, which drill does not follow"
	case m.IsDir():
		return "a directory"
	default:
		return "a special file"
	}
}

// filesHash is the SHA-256, in hex, of the files as graded: what a resumed
// run compares to know a submission is unchanged.
func filesHash(files map[string][]byte, ex *bank.Exercise) string {
	h := sha256.New()
	for _, f := range ex.Files {
		io.WriteString(h, f)
		h.Write([]byte{0})
		h.Write(sha256Of(files[f]))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func sha256Of(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}
