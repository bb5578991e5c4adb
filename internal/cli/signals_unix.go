//go:build unix

package cli

import (
	"os"
	"os/signal"
	"syscall"
)

// interruptSignals end a command as an interruption: Ctrl-C (SIGINT),
// SIGTERM, and SIGHUP when the terminal closes (unless drill was started
// with it ignored, as by nohup). The Windows variant has the same three
// events.
func interruptSignals() []os.Signal {
	sigs := []os.Signal{os.Interrupt, syscall.SIGTERM}
	if !signal.Ignored(syscall.SIGHUP) {
		sigs = append(sigs, syscall.SIGHUP)
	}
	return sigs
}
