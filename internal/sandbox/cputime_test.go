package sandbox

import (
	"context"
	"testing"
	"time"
)

// A single run (a check, a grade) keeps time as a batch does: CPU time
// decides "too slow", the wall clock stops code that waits, and a sandbox
// that is ready to run but not given the CPU is said to be held back, not
// slow. The last is made certain here by giving the sandbox a tenth of a
// CPU, which the kernel enforces by throttling: what a busy machine does to
// it, only more so.
func TestDockerTimeIsCPUTime(t *testing.T) {
	d := newDocker(t)
	const limit = 2 * time.Second
	t.Run("computing", func(t *testing.T) {
		t.Parallel()
		out, err := d.Run(context.Background(), testJob(limit, "def test_loop():\n    while True:\n        pass\n"))
		if err != nil {
			t.Fatal(err)
		}
		if heldBack(t, out) {
			return
		}
		if !out.CPUExceeded || out.WallExceeded || out.CPUTime < limit {
			t.Errorf("not stopped at %s of CPU time: %+v", limit, out)
		}
	})
	t.Run("waiting", func(t *testing.T) {
		t.Parallel()
		out, err := d.Run(context.Background(), testJob(limit, "import time\ndef test_sleep():\n    time.sleep(3600)\n"))
		if err != nil {
			t.Fatal(err)
		}
		if !out.WallExceeded || out.Busy || out.CPUExceeded || out.Duration < WallLimit(limit) {
			t.Errorf("not stopped by the wall clock as waiting: %+v", out)
		}
		if running(t, out) != "test_sleep" {
			t.Errorf("the sleeping test was not announced: %q", out.Stdout)
		}
	})
	t.Run("held back", func(t *testing.T) {
		t.Parallel()
		starved := newDocker(t)
		// No spares: one this slow must not serve another job. A twentieth
		// of a CPU: 2s of CPU time would take 40s, past the cap of 22s.
		starved.limits.NanoCPUs, starved.spareTTL = 50_000_000, 0
		out, err := starved.Run(context.Background(), testJob(limit, "def test_loop():\n    while True:\n        pass\n"))
		if err != nil {
			t.Fatal(err)
		}
		if !out.WallExceeded || !out.Busy || out.CPUExceeded {
			t.Errorf("not seen as held back: %+v", out)
		}
		if out.CPUTime >= limit || out.ReadyTime < out.Duration/2 || out.Duration < WallCap(limit) {
			t.Errorf("%s of CPU time and %s ready in %s", out.CPUTime, out.ReadyTime, out.Duration)
		}
	})
}

// heldBack says whether a job that should have reached its CPU limit was
// instead held back by a machine too busy to give it the CPU, all the way
// to its wall-clock cap: the right outcome on a machine that busy, though
// not the one the test looks for; the test says so.
func heldBack(t *testing.T, out Outcome) bool {
	t.Helper()
	if out.WallExceeded && out.Busy && !out.CPUExceeded {
		t.Logf("held back by a busy machine: %s of CPU time and %s waiting for a CPU in %s", out.CPUTime, out.ReadyTime, out.Duration)
		return true
	}
	return false
}
