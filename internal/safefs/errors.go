package safefs

import (
	"errors"
	"fmt"
	"io/fs"
)

var (
	// ErrLink is matched (errors.Is) by a *KindError about a symbolic link.
	ErrLink = errors.New("a symbolic link, which drill does not follow")
	// ErrNotRegular is matched by a *KindError about something that should
	// have been a regular file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge is matched by a *TooLargeError.
	ErrTooLarge = errors.New("too large")
	// ErrChanged means a path was replaced between drill's look at it and
	// its open: drill reads only what it checked.
	ErrChanged = errors.New("changed while drill was opening it")
)

// Want is the kind of file a path had to be.
type Want int

// Kinds a path may have to be.
const (
	AnyKind Want = iota // anything but a link
	RegularFile
	Directory
	NotDirectory // where a file is written: anything is replaced but a directory
)

// KindError says that a path is not of the kind drill needs: a link, a
// FIFO, a device or a directory where a regular file was needed, anything
// but a directory on the way to a file, or a directory where one is
// written.
type KindError struct {
	// Path is slash-separated and relative to the FS's root; from
	// WriteFile and WritePath it names the file as the caller did.
	Path string
	Mode fs.FileMode // what the path is
	Want Want
}

func (e *KindError) Error() string { return e.Path + " is " + e.Reason() }

// Reason is the error without the path: "not a regular file (a FIFO)".
func (e *KindError) Reason() string {
	switch e.Want {
	case RegularFile:
		return "not a regular file (" + Describe(e.Mode) + ")"
	case Directory:
		return "not a directory (" + Describe(e.Mode) + ")"
	case NotDirectory:
		return Describe(e.Mode) + ", which drill does not replace with a file"
	}
	return Describe(e.Mode)
}

// Is matches ErrLink for a link, and ErrNotRegular where a regular file was
// needed.
func (e *KindError) Is(target error) bool {
	switch target {
	case ErrLink:
		return e.Mode&fs.ModeSymlink != 0
	case ErrNotRegular:
		return e.Want == RegularFile
	}
	return false
}

// Describe names a kind of file for a person: "a FIFO", "a directory", ...
func Describe(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return ErrLink.Error()
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// TooLargeError says that a file is larger than the limit it is read
// under. Size is its size as fstat gave it, or, for a file that grew while
// it was read, the bytes read when drill stopped (Max+1).
type TooLargeError struct {
	Path      string
	Size, Max int64 // bytes
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is %s, more than the %s drill reads of it", e.Path, bytesText(e.Size), bytesText(e.Max))
}

// Is matches ErrTooLarge.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
