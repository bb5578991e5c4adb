// Package learnerfiles is drill's one reader of a learner's editable
// files: from a workspace (drill check, drill watch), a submission (drill
// grade) and a bank's starter, solution and known-wrong solutions (drill
// validate), so that all of them are read under the same guards. Each file
// must be a regular file no larger than MaxSize, and the source decides
// the rest: a safefs.FS (a directory on disk) also refuses a link anywhere
// on the way and never blocks on opening, and any fs.FS (an archive, the
// embedded bank) can be read the same way.
package learnerfiles

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/drill-dev/drill/internal/safefs"
)

// MaxSize is the largest learner file drill reads, in bytes: far more than
// any exercise needs, far less than the sandbox's work area.
const MaxSize = 1 << 20

// Kind is why a learner file was not read.
type Kind int

// Kinds of Error.
const (
	// NotRegular is a link (the file, or a directory on its way), a
	// directory, a FIFO, a device: anything drill does not read.
	NotRegular Kind = iota + 1
	// TooLarge is a regular file larger than MaxSize; it was not read.
	TooLarge
	// Unreadable is any other failure to read it (permissions, I/O).
	Unreadable
)

// Error is a learner file that was not read, and why.
type Error struct {
	File string // as exercise.toml names it
	Kind Kind
	Size int64 // bytes, for TooLarge
	Err  error // what the source said
}

func (e *Error) Error() string {
	var ke *safefs.KindError
	switch {
	case e.Kind == TooLarge:
		return fmt.Sprintf("%s is %.1f MiB; a learner file may be at most %d MiB", e.File, float64(e.Size)/(1<<20), MaxSize>>20)
	case errors.As(e.Err, &ke) && (ke.Path == e.File || strings.HasSuffix(ke.Path, "/"+e.File)):
		// The file itself (ke.Path may be named from a wider root).
		return ke.Error()
	case errors.As(e.Err, &ke):
		return fmt.Sprintf("%s: %v", e.File, ke)
	}
	return fmt.Sprintf("%s cannot be read: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Read reads each of names (slash-separated, relative to src) from src, a
// directory of a learner's files. It returns the files it read by name; a
// file that is not there is left out, for the grader to report as missing.
// The first of names that is there but was not read is an *Error, returned
// with the files read before it.
func Read(src fs.FS, names []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, name := range names {
		data, err := safefs.ReadFile(src, name, MaxSize)
		var tl *safefs.TooLargeError
		switch {
		case err == nil:
			out[name] = data
		case errors.Is(err, fs.ErrNotExist):
		case errors.As(err, &tl):
			return out, &Error{File: name, Kind: TooLarge, Size: tl.Size, Err: err}
		case errors.As(err, new(*safefs.KindError)):
			return out, &Error{File: name, Kind: NotRegular, Err: err}
		default:
			return out, &Error{File: name, Kind: Unreadable, Err: err}
		}
	}
	return out, nil
}
