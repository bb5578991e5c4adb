//go:build windows

package cli

import (
	"os"
	"syscall"
)

// interruptSignals end a command as an interruption. Go's runtime delivers
// Ctrl-C and Ctrl-Break in the console as os.Interrupt, and the console
// window closing, logoff and shutdown as SIGTERM (after which Windows
// ends the process within seconds), as the Unix variant has Ctrl-C,
// SIGTERM and the terminal's SIGHUP.
func interruptSignals() []os.Signal {
	return []os.Signal{os.Interrupt, syscall.SIGTERM}
}
