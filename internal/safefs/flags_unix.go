//go:build unix

package safefs

import "syscall"

// openFlags are added to every open of a file for reading: O_NONBLOCK so
// that opening a FIFO returns at once instead of waiting for a writer,
// O_NOFOLLOW so that the kernel itself refuses a link as the last element.
const openFlags = syscall.O_NONBLOCK | syscall.O_NOFOLLOW
