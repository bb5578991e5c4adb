//go:build !unix

package safefs

// openFlags are added to every open of a file for reading. Where there are
// no FIFOs to block on and no O_NOFOLLOW (Windows), the checks of the
// opened file (its kind, and that it is the file Lstat saw) are the guard.
const openFlags = 0
