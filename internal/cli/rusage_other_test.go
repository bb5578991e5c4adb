//go:build !linux

package cli_test

import "os"

// peakRSS is 0, not measured: the tests that look at drill's memory compare
// it with their own from Linux's /proc, and macOS counts Maxrss in bytes,
// Windows not at all.
func peakRSS(*os.ProcessState) int64 { return 0 }
