//go:build unix

package cli

import (
	"context"
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// Each of Ctrl-C, SIGTERM and a closed terminal's SIGHUP interrupts a
// command, as Ctrl-C, Ctrl-Break and a closed console do on Windows.
func TestInterruptSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			if sig == syscall.SIGHUP && signal.Ignored(sig) {
				t.Skip("SIGHUP is ignored here (nohup), and drill leaves it so")
			}
			ctx, stop := signal.NotifyContext(context.Background(), interruptSignals()...)
			defer stop()
			if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			// Not a time limit on drill: a signal not caught at all
			// would have ended this test process.
			select {
			case <-ctx.Done():
			case <-time.After(time.Minute):
				t.Fatalf("%v did not interrupt", sig)
			}
		})
	}
}
