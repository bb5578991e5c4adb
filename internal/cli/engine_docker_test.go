package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/containerd/errdefs"
	"github.com/moby/moby/api/types/container"
	"github.com/moby/moby/client"
)

// These tests are about drills sharing one engine: several users, hosts or
// CI jobs, none sharing a lock with another.

// strangerEnv is the environment of a drill that shares no file with any
// other: its own HOME, runtime and temporary directories. The Docker
// client configuration stays the test's, to reach the same engine.
func strangerEnv(t *testing.T) []string {
	t.Helper()
	home := t.TempDir()
	for _, d := range []string{"run", "tmp"} {
		if err := os.Mkdir(filepath.Join(home, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"HOME=" + home, "XDG_RUNTIME_DIR=" + filepath.Join(home, "run"), "TMPDIR=" + filepath.Join(home, "tmp"), "XDG_CACHE_HOME="}
	if os.Getenv("DOCKER_CONFIG") == "" {
		if h, err := os.UserHomeDir(); err == nil {
			env = append(env, "DOCKER_CONFIG="+filepath.Join(h, ".docker"))
		}
	}
	return env
}

// Drills that share no lock check at once, round after round, each taking
// the spares the others leave: each reports its own learner's result,
// never another's (a spare claimed twice would show one learner's output
// to two).
func TestDockerDrillsWithoutASharedLockNeverShareASpare(t *testing.T) {
	c := requireDocker(t)
	const drills, rounds = 4, 3
	envs := make([][]string, drills)
	dirs := make([]string, drills)
	for i := range drills {
		envs[i] = append(strangerEnv(t), "DRILL_SPARE_TTL=5m")
		dirs[i] = filepath.Join(newWorkspace(t), "01-basics/01-hello")
		write(t, filepath.Join(dirs[i], "hello.py"), fmt.Sprintf("def hello(name):\n    print('learner-%d')\n    return f'Hello, {name}!'\n", i))
	}
	// Spares to start with.
	expect(t, drillEnv(t, dirs[0], envs[0], "check"), 0)
	for round := range rounds {
		runs := make([]run, drills)
		var wg sync.WaitGroup
		for i := range drills {
			wg.Go(func() { runs[i] = drillEnv(t, dirs[i], envs[i], "check", "--json") })
		}
		wg.Wait()
		for i, r := range runs {
			var res struct {
				Tests []struct{ Output string }
			}
			if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || len(res.Tests) == 0 {
				t.Errorf("round %d, drill %d: %v\n%s\n%s", round, i, err, r.stdout, r.stderr)
				continue
			}
			if want := fmt.Sprintf("learner-%d\n", i); res.Tests[0].Output != want {
				t.Errorf("round %d: drill %d reported output %q, not its learner's %q", round, i, res.Tests[0].Output, want)
			}
			noSandboxLeft(t, c, r.pid)
		}
	}
}

// Learner code that tries to stop or kill every other process (the
// watchdog among them), cancels the harness's alarm and loops; then drill
// is killed (SIGKILL) mid-check and cannot end the sandbox. The sandbox
// still ends by itself soon after the job's time limit (3s of CPU time;
// the root watchdog, which no learner's uid can signal, allows 6s more:
// with the zygote stopped the harness cannot end the learner's process,
// and without the watchdog's CPU rule it ran to 13-15s), in a sandbox
// made for the job and in
// a spare made long before it (whose own lifetime is many minutes). "Soon"
// is in CPU time, which a busy machine does not stretch: the sandbox's
// CPU time as the engine counts it stays within maxCPU. (Past its
// wall-clock deadline, about a minute, it would end too, having used far
// more on a machine with a CPU to spare.)
func TestDockerWatchdogOutlivesDrillAndLearner(t *testing.T) {
	const fight = `import ctypes, os, signal

# Stop every other process (the harness that keeps this job's time among
# them: killing it would end the sandbox); kill those of root's too.
for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            root = os.stat("/proc/" + pid).st_uid == 0
        except OSError:
            continue
        for sig in (signal.SIGSTOP, signal.SIGKILL) if root else (signal.SIGSTOP,):
            try:
                os.kill(int(pid), sig)
            except OSError:
                pass
signal.alarm(0)
ctypes.CDLL(None).prctl(1, 0)  # PR_SET_PDEATHSIG: none
while True:
    pass
`
	for _, spare := range []bool{false, true} {
		t.Run(fmt.Sprintf("spare %v", spare), func(t *testing.T) {
			// The one without spares takes none: the two cannot meet.
			t.Parallel()
			c := requireDocker(t)
			env := strangerEnv(t)
			ex := filepath.Join(newWorkspace(t), "01-basics/01-hello")
			maker := 0
			if spare {
				env = append(env, "DRILL_SPARE_TTL=5m")
				write(t, filepath.Join(ex, "hello.py"), "def hello(name):\n    return f'Hello, {name}!'\n")
				r := drillEnv(t, ex, env, "check")
				expect(t, r, 0)
				maker = r.pid
			} else {
				env = append(env, "DRILL_SPARE_TTL=0")
			}
			write(t, filepath.Join(ex, "hello.py"), fight)
			cmd := exec.Command(drillBinary(t), "check")
			cmd.Dir, cmd.Env = ex, append(os.Environ(), env...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			owner := cmd.Process.Pid
			if spare {
				owner = maker // the spare carries its maker's labels
			}
			id, used := cpuOnceDrillIsKilled(t, c, cmd, owner, 30*time.Second, 2*time.Minute)
			// The job's 3s, its second and the watchdog's 5s margin (9s),
			// its one-second look, and what the sandbox used before the
			// job came (a spare's warm-up). Without the watchdog's CPU rule
			// the sandbox used 14.8s and 15.7s at load 9, so the bound is
			// no looser than that.
			const maxCPU = 12 * time.Second
			if used > maxCPU {
				t.Errorf("the sandbox used %s of CPU time before it ended, more than %s: nothing stopped it at the job's limit", used.Round(time.Millisecond), maxCPU)
			} else {
				t.Logf("the sandbox ended after %s of CPU time", used.Round(time.Millisecond))
			}
			if !spare {
				// Its drill is gone and its instance lock with it: the next
				// drill of this user removes it at once.
				expect(t, drillEnv(t, t.TempDir(), env, "clean"), 0, "removed ")
				gone(t, c, id)
			}
		})
	}
}

// A bank's tests are the judge's code: in a stranger's bank they can stop
// the harness that keeps each job's time (their parent, the same uid) and
// spin. Then, with drill killed, only the root watchdog is left, and it
// ends the sandbox at the batch's CPU time: three jobs of 2s, a second
// each, and its 5s margin. Without its CPU rule the sandbox spins to its
// wall-clock deadline, about 90s later (91s of CPU time seen at load 7).
func TestDockerWatchdogEndsABankThatStopsTheHarness(t *testing.T) {
	c := requireDocker(t)
	bank := t.TempDir()
	ex := filepath.Join(bank, "01-basics", "01-spin")
	for _, d := range []string{"starter", "solution", "tests", "wrong/w"} {
		if err := os.MkdirAll(filepath.Join(ex, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(bank, "01-basics", "section.toml"), "title = \"Basics\"\n")
	write(t, filepath.Join(ex, "exercise.toml"), `format = 1
title = "Spin"
runtime = "python"
difficulty = "easy"
time_limit = "2s"
files = ["spin.py"]
hints = ["One.", "Two."]
`)
	write(t, filepath.Join(ex, "README.md"), "# Spin\n\n## Your task\n\nNothing.\n\n## What is checked\n\nNothing.\n")
	for _, d := range []string{"starter", "solution", "wrong/w"} {
		write(t, filepath.Join(ex, d, "spin.py"), "X = 1\n")
	}
	write(t, filepath.Join(ex, "tests", "test_spin.py"), `import os, signal


def test_spin():
    os.kill(os.getppid(), signal.SIGSTOP)  # the harness
    signal.alarm(0)
    while True:
        pass
`)
	cmd := exec.Command(drillBinary(t), "--bank", bank, "validate")
	cmd.Dir, cmd.Env = t.TempDir(), append(os.Environ(), append(strangerEnv(t), "DRILL_SPARE_TTL=0")...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	_, used := cpuOnceDrillIsKilled(t, c, cmd, cmd.Process.Pid, 60*time.Second, 3*time.Minute)
	// 3 x (2s + 1s) + 5s = 14s, the watchdog's one-second look and the
	// sandbox's start.
	const maxCPU = 18 * time.Second
	if used > maxCPU {
		t.Errorf("the sandbox used %s of CPU time before it ended, more than %s: the root watchdog did not end it at the batch's limit", used.Round(time.Millisecond), maxCPU)
	} else {
		t.Logf("the sandbox ended after %s of CPU time", used.Round(time.Millisecond))
	}
}

// cpuOnceDrillIsKilled finds the sandbox of the started drill cmd (its
// owner's pid on the labels) within appear, kills drill two seconds later
// (the code under test is fighting by then), waits up to end for the
// sandbox to end by itself, and returns its id and the CPU time it used,
// as the engine counts it. The sandbox is removed when the test ends.
func cpuOnceDrillIsKilled(t *testing.T, c *client.Client, cmd *exec.Cmd, owner int, appear, end time.Duration) (string, time.Duration) {
	t.Helper()
	id := ""
	for deadline := time.Now().Add(appear); id == "" && time.Now().Before(deadline); {
		for _, s := range sandboxes(t, c, owner) {
			id = strings.Fields(s)[0]
		}
		time.Sleep(50 * time.Millisecond)
	}
	if id == "" {
		_ = cmd.Process.Kill()
		t.Fatal("no sandbox of this drill appeared")
	}
	t.Cleanup(func() {
		_, _ = c.ContainerRemove(context.Background(), id, client.ContainerRemoveOptions{Force: true})
	})
	ctx, cancel := context.WithTimeout(context.Background(), end)
	defer cancel()
	statsCtx, stopStats := context.WithCancel(ctx)
	defer stopStats()
	cpu := cpuUntilStopped(statsCtx, c, id)
	time.Sleep(2 * time.Second)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	wait := c.ContainerWait(ctx, id, client.ContainerWaitOptions{Condition: container.WaitConditionNotRunning})
	select {
	case <-wait.Result:
	case err := <-wait.Error:
		if !errdefs.IsNotFound(err) {
			t.Fatalf("the sandbox did not end by itself: %v", err)
		}
	}
	stopStats()
	return id, <-cpu
}

// cpuUntilStopped follows the container's CPU time as the engine counts it
// (its stats, about once a second) until the stream ends (the container
// stopped) or ctx does, and then sends the most it saw.
func cpuUntilStopped(ctx context.Context, c *client.Client, id string) <-chan time.Duration {
	out := make(chan time.Duration, 1)
	go func() {
		var most time.Duration
		defer func() { out <- most }()
		res, err := c.ContainerStats(ctx, id, client.ContainerStatsOptions{Stream: true})
		if err != nil {
			return
		}
		defer res.Body.Close()
		dec := json.NewDecoder(res.Body)
		for {
			var s container.StatsResponse
			if err := dec.Decode(&s); err != nil {
				return
			}
			most = max(most, time.Duration(s.CPUStats.CPUUsage.TotalUsage))
		}
	}()
	return out
}

// gone waits for the container to be removed (by its drill or another).
func gone(t *testing.T, c *client.Client, id string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		_, err := c.ContainerInspect(context.Background(), id, client.ContainerInspectOptions{})
		if errdefs.IsNotFound(err) {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("container %.12s is still there (%v)", id, err)
			return
		}
	}
}
