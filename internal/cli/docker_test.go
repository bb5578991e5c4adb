package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/containerd/errdefs"
	"github.com/moby/moby/client"
)

// These tests run the real drill binary against the real Docker engine.
// Without an engine they skip, unless DRILL_REQUIRE_DOCKER=1 (as in CI),
// where they fail.

func requireDocker(t *testing.T) *client.Client {
	t.Helper()
	c, err := client.New(client.FromEnv)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, err = c.Ping(ctx, client.PingOptions{NegotiateAPIVersion: true})
	}
	if err != nil {
		if os.Getenv("DRILL_REQUIRE_DOCKER") == "1" {
			t.Fatalf("DRILL_REQUIRE_DOCKER=1 but the Docker engine is not reachable: %v", err)
		}
		t.Skipf("skipping: no Docker engine (%v); set DRILL_REQUIRE_DOCKER=1 to make this a failure", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

var (
	buildOnce sync.Once
	drillBin  string
	buildErr  error
)

// drillBinary builds the real drill once per test run.
func drillBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "drill-bin-")
		if err != nil {
			buildErr = err
			return
		}
		drillBin = filepath.Join(dir, "drill")
		out, err := exec.Command("go", "build", "-o", drillBin, "../../cmd/drill").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("build drill: %v", buildErr)
	}
	return drillBin
}

type run struct {
	stdout, stderr string
	code           int
	elapsed        time.Duration
	pid            int // for finding the sandboxes this run started
	maxRSS         int64
}

// drill runs the real binary in dir.
func drill(t *testing.T, dir string, args ...string) run {
	t.Helper()
	return drillEnv(t, dir, nil, args...)
}

// drillEnv runs the real binary in dir with env added to the environment.
func drillEnv(t *testing.T, dir string, env []string, args ...string) run {
	t.Helper()
	cmd := exec.Command(drillBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := run{stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start), pid: cmd.Process.Pid}
	r.maxRSS = peakRSS(cmd.ProcessState)
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("drill %v: %v", args, err)
	}
	return r
}

// newWorkspace makes a workspace of the test bank.
func newWorkspace(t *testing.T) string {
	t.Helper()
	bankDir, err := filepath.Abs("testdata/bank")
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(t.TempDir(), "course")
	if r := drill(t, t.TempDir(), "--bank", bankDir, "init", root); r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	return root
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sandboxes lists the sandbox containers that the drill with this pid
// made (other drills may be running on the same engine), but for spares
// still waiting for a job: those are meant to outlive it. Its pid is on
// the owner label (made-by on a spare), which is there for people; a spare
// it made and another drill claimed (named drill-run-...) counts as its own.
func sandboxes(t *testing.T, c *client.Client, pid int) []string {
	t.Helper()
	list, err := c.ContainerList(context.Background(), client.ContainerListOptions{
		All: true, Filters: make(client.Filters).Add("label", "dev.drill.sandbox"),
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range list.Items {
		owner := s.Labels["dev.drill.owner"] + s.Labels["dev.drill.made-by"]
		waiting := len(s.Names) > 0 && strings.HasPrefix(s.Names[0], "/drill-spare-")
		if strings.HasSuffix(owner, ":"+strconv.Itoa(pid)) && !waiting {
			ids = append(ids, s.ID[:12]+" "+owner+strings.Join(s.Names, ","))
		}
	}
	return ids
}

// noSandboxLeft checks that the drill with this pid left no sandbox. A
// spare it made may be in another drill's use for a moment: that drill
// removes it, so it is waited for.
func noSandboxLeft(t *testing.T, c *client.Client, pid int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	left := sandboxes(t, c, pid)
	for len(left) > 0 && time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		left = sandboxes(t, c, pid)
	}
	if len(left) > 0 {
		t.Errorf("sandbox containers left behind: %v", left)
	}
}

// heldBack says whether a check that wants a CPU-time verdict was instead
// held back by a machine too busy to give it the CPU, past its wall-clock
// cap: the right verdict on a machine that busy (exit 3, check again), and
// never a pass, though not the one the test looks for; the test says so.
func heldBack(t *testing.T, r run, wants []string) bool {
	t.Helper()
	cpuVerdict := strings.Contains(strings.Join(wants, "\n"), "of CPU time exceeded")
	if cpuVerdict && r.code == 3 && strings.Contains(r.stderr, "the machine was too busy") {
		t.Logf("held back by a busy machine instead of reaching the CPU limit: %s", r.stderr)
		return true
	}
	return false
}

// checkHello checks code as the learner's hello.py in a fresh workspace,
// and expects drill's exit code and wants in its output (or a sandbox held
// back by a busy machine, where the wants are a CPU-time verdict). The
// check must leave the learner's file as it was, use little memory, and
// leave no sandbox behind.
func checkHello(t *testing.T, code string, exit int, wants []string) {
	t.Helper()
	c := requireDocker(t)
	ws := newWorkspace(t)
	ex := filepath.Join(ws, "01-basics/01-hello")
	write(t, filepath.Join(ex, "hello.py"), code)
	r := drill(t, ex, "check")
	if !heldBack(t, r, wants) {
		expect(t, r, exit, wants...)
	}
	// pytest's words for what drill has its own for.
	for _, never := range []string{"Consider using `-s`", "str() failed", "use '-vv'"} {
		if strings.Contains(r.stdout+r.stderr, never) {
			t.Errorf("the learner is told %q:\n%s", never, r.stdout)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(ex, "hello.py")); string(data) != code {
		t.Error("the check changed the learner's file")
	}
	// The kernel counts into a child's peak the memory of the process it
	// was forked from, at its exec (this test binary's): only a peak above
	// that is drill's own.
	if r.maxRSS > 64<<20 && r.maxRSS > ownPeakRSS(t) {
		t.Errorf("drill used %d MiB", r.maxRSS>>20)
	}
	noSandboxLeft(t, c, r.pid)
}

// ownPeakRSS is this test process's peak resident memory, in bytes (VmHWM).
func ownPeakRSS(t *testing.T) int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n << 10
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

func expect(t *testing.T, r run, code int, wants ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	for _, w := range wants {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("stdout lacks %q:\n%s\nstderr:\n%s", w, r.stdout, r.stderr)
		}
	}
}

func TestDockerCheckFailThenPass(t *testing.T) {
	c := requireDocker(t)
	ws := newWorkspace(t)
	ex := filepath.Join(ws, "01-basics/01-hello")

	r := drill(t, ex, "check")
	expect(t, r, 1, "✗ test_hello_greets_by_name", "None == 'Hello, Ann!'", "basics/hello: 0 passed, 2 failed")

	write(t, filepath.Join(ex, "hello.py"), "def hello(name):\n    print('greeting', name)\n    return f'Hello, {name}!'\n")
	r = drill(t, ex, "check", "--json")
	expect(t, r, 0)
	var res struct {
		Exercise string
		Status   string
		Tests    []struct{ Name, Status, Output string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("--json output: %v\n%s", err, r.stdout)
	}
	if res.Exercise != "basics/hello" || res.Status != "pass" || len(res.Tests) != 2 || res.Tests[0].Output != "greeting Ann\n" {
		t.Errorf("result = %+v", res)
	}
	state, _ := os.ReadFile(filepath.Join(ws, ".drill/state.json"))
	if !strings.Contains(string(state), `"basics/hello"`) {
		t.Errorf("a pass was not recorded: %s", state)
	}
	noSandboxLeft(t, c, r.pid)
}

// Learner code that cannot be graded normally: each gets its own message.
func TestDockerLearnerErrors(t *testing.T) {
	tests := []struct {
		name  string
		code  string
		wants []string
	}{
		{"syntax error", "def hello(name)\n    return name\n",
			[]string{"basics/hello: syntax error", "hello.py, line 1", "def hello(name)", "SyntaxError: expected ':'"}},
		{"import error", "import os\n\nGREETING = undefined_name\n",
			[]string{"your code failed to load", "hello.py, line 3: NameError: name 'undefined_name' is not defined"}},
		{"time limit", "def hello(name):\n    while True:\n        pass\n",
			[]string{"time limit exceeded", "time limit of 3s of CPU time exceeded while running test_hello_greets_by_name"}},
		{"waits forever", "import time\n\ndef hello(name):\n    time.sleep(3600)\n",
			[]string{"time limit exceeded", "of wall time while running test_hello_greets_by_name, waiting rather than computing", "look for a sleep, an input()"}},
		{"memory limit", "def hello(name):\n    blocks = [b'x' * (64 << 20) for _ in range(64)]\n    return len(blocks)\n",
			// The learner process is the OOM killer's choice: that test's
			// error; the next test runs in a fresh one.
			[]string{"✗ test_hello_greets_by_name", "your code ran out of memory: the process running it was killed at the sandbox's memory limit of 512 MiB", "basics/hello: 0 passed, 2 failed"}},
		{"exits early", "import os\n\ndef hello(name):\n    os._exit(0)\n",
			[]string{"✗ test_hello_greets_by_name", "your code ended the process running it (exit code 0", "basics/hello: 0 passed, 2 failed"}},
		{"keyboard input", "def hello(name):\n    return 'Hello, ' + input('Name? ') + '!'\n",
			[]string{"✗ test_hello_greets_by_name", "hello.py, line 2: your code asked for keyboard input; the tests give none: take the value as a parameter", "return 'Hello, ' + input('Name? ') + '!'"}},
		{"keyboard input at import", "NAME = input('Name? ')\n\ndef hello(name):\n    return name\n",
			[]string{"your code failed to load", "hello.py, line 1: your code asked for keyboard input; the tests give none"}},
		{"an exception whose __str__ fails", "class Odd(Exception):\n    def __str__(self):\n        raise TypeError('no text')\n\n\ndef hello(name):\n    raise Odd()\n",
			[]string{"hello.py, line 7: Odd (its message cannot be shown: its __str__ raised TypeError: no text)", "raise Odd()"}},
		// pytest cuts a long comparison short and names its own flag.
		{"a long wrong value", "def hello(name):\n    return '\\n'.join('line %d' % i for i in range(60))\n",
			[]string{"✗ test_hello_greets_by_name", "more lines not shown)"}},
		// Tens of MB of prints: drill's output limit, not a full /tmp.
		{"a flood of prints in a test", "def hello(name):\n    for i in range(300_000):\n        print('step', i, 'of the loop, still looking for the bug ..........')\n",
			[]string{"output limit exceeded", "too much output while running test_hello_greets_by_name: the run printed more than 1024 KiB and was stopped. It began:", "step 0 of the loop"}},
		{"a flood of prints at import", "for i in range(300_000):\n    print('loading', i, '..................................................')\n",
			[]string{"output limit exceeded", "too much output while tests/test_hello.py imported your code", "loading 0 ..."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// CPU time decides the limits, so checks side by side cannot
			// tip each other over.
			t.Parallel()
			checkHello(t, tt.code, 1, tt.wants)
		})
	}
}

// Both kinds of sandbox, one made for the job and a spare made ahead of
// time, are locked down alike.
func TestDockerSandboxIsLockedDown(t *testing.T) {
	for _, ttl := range []string{"0", "5m"} {
		t.Run("spare TTL "+ttl, func(t *testing.T) {
			c := requireDocker(t)
			t.Setenv("DRILL_SPARE_TTL", ttl)
			bankDir, _ := filepath.Abs("testdata/bank")
			// validate runs the exercise's three jobs as a batch, in
			// children of the harness; with spares on, in a spare.
			r := drill(t, t.TempDir(), "--bank", bankDir, "validate", "--jobs", "1", "basics/sandbox")
			expect(t, r, 0, "ok   basics/sandbox", "1 exercises: 1 valid, 0 invalid")
			noSandboxLeft(t, c, r.pid)
			// A check runs one job as the harness itself, twice: with spares
			// on, the second in the spare the first left.
			ex := filepath.Join(newWorkspace(t), "01-basics/03-sandbox")
			probe, err := os.ReadFile(filepath.Join(bankDir, "01-basics/03-sandbox/solution/probe.py"))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(ex, "probe.py"), string(probe))
			for range 2 {
				r = drill(t, ex, "check")
				expect(t, r, 0, "7 passed, 0 failed")
				noSandboxLeft(t, c, r.pid)
			}
		})
	}
}

// A check leaves a spare ready; the next check runs in it and leaves
// another; drill clean removes it.
func TestDockerSpares(t *testing.T) {
	c := requireDocker(t)
	spares := func() map[string]bool {
		list, err := c.ContainerList(context.Background(), client.ContainerListOptions{
			Filters: make(client.Filters).Add("label", "dev.drill.spare").Add("name", "drill-spare-"),
		})
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, s := range list.Items {
			if s.Labels["dev.drill.sandbox"] != "1" || s.Labels["dev.drill.expires"] == "" {
				t.Errorf("spare %s lacks drill's labels: %v", s.ID[:12], s.Labels)
			}
			ids[s.ID] = true
		}
		return ids
	}
	ws := newWorkspace(t)
	ex := filepath.Join(ws, "01-basics/01-hello")
	write(t, filepath.Join(ex, "hello.py"), "def hello(name):\n    return f'Hello, {name}!'\n")
	expect(t, drill(t, ex, "check"), 0)
	before := spares()
	if len(before) == 0 {
		t.Fatal("no spare was left ready after a check")
	}
	expect(t, drill(t, ex, "check"), 0)
	after := spares()
	used := 0
	for id := range before {
		if !after[id] {
			used++
		}
	}
	if used == 0 || len(after) == 0 {
		t.Errorf("the second check did not use a spare and leave a new one: before %d, after %d", len(before), len(after))
	}
	// A used spare is removed by whoever claimed it, this check or another
	// drill on the engine.
	for id := range before {
		if !after[id] {
			gone(t, c, id)
		}
	}
	expect(t, drill(t, t.TempDir(), "clean"), 0, "removed ")
	// Other drills on the engine may make new spares meanwhile; those seen
	// before the clean must be gone.
	left := spares()
	for id := range after {
		if left[id] {
			t.Errorf("drill clean left spare %s", id[:12])
		}
	}
}

// waitForSandbox waits until the drill with this pid has a sandbox.
func waitForSandbox(t *testing.T, c *client.Client, pid int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if len(sandboxes(t, c, pid)) > 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("no sandbox container appeared")
}

func startLoopingCheck(t *testing.T, c *client.Client) (*exec.Cmd, *bytes.Buffer, string) {
	t.Helper()
	ws := newWorkspace(t)
	ex := filepath.Join(ws, "01-basics/01-hello")
	write(t, filepath.Join(ex, "hello.py"), "def hello(name):\n    while True:\n        pass\n")
	cmd := exec.Command(drillBinary(t), "check")
	cmd.Dir = ex
	// A sandbox of its own, not a spare another drill made, carries its pid.
	cmd.Env = append(os.Environ(), "DRILL_SPARE_TTL=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForSandbox(t, c, cmd.Process.Pid)
	return cmd, &stderr, ws
}

func TestDockerInterruptRemovesSandbox(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			c := requireDocker(t)
			cmd, stderr, _ := startLoopingCheck(t, c)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 130 {
				t.Errorf("drill ended with %v, want exit code 130; stderr:\n%s", err, stderr)
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr does not say interrupted:\n%s", stderr)
			}
			noSandboxLeft(t, c, cmd.Process.Pid)
		})
	}
}

// killDuringCheck SIGKILLs a drill in the middle of a check, so that it
// cannot remove its sandbox, and returns its pid and workspace.
func killDuringCheck(t *testing.T, c *client.Client) (int, string) {
	t.Helper()
	cmd, _, ws := startLoopingCheck(t, c)
	pid := cmd.Process.Pid
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if left := sandboxes(t, c, pid); len(left) != 1 {
		t.Fatalf("expected the killed drill's sandbox, found %v", left)
	}
	return pid, ws
}

// A drill that dies without cleaning up (SIGKILL) leaves its container;
// the next drill on the host removes it.
func TestDockerOrphanIsRemovedByTheNextRun(t *testing.T) {
	c := requireDocker(t)
	pid, ws := killDuringCheck(t, c)
	ex := filepath.Join(ws, "01-basics/01-hello")
	write(t, filepath.Join(ex, "hello.py"), "def hello(name):\n    return f'Hello, {name}!'\n")
	r := drill(t, ex, "check")
	expect(t, r, 0)
	noSandboxLeft(t, c, pid)
	noSandboxLeft(t, c, r.pid)
}

// Code written to break the grader, each as a learner's submission to a
// real exercise. None may pass; each must leave nothing behind.
func TestDockerHostileCode(t *testing.T) {
	const correct = "\n\ndef hello(name):\n    return f'Hello, {name}!'\n"
	tests := []struct {
		name  string
		code  string
		exit  int      // drill's exit code
		wants []string // in stdout
	}{
		{"endless loop at import", "while True:\n    pass\n" + correct, 1,
			[]string{"time limit of 3s of CPU time exceeded"}},
		{"fork bomb", "import os\n\ndef hello(name):\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n", 1,
			[]string{"time limit of 3s of CPU time exceeded"}},
		// Output is drill's to bound: a flood is its output verdict,
		// never a full /tmp.
		{"output flood while importing", "import os\nwhile True:\n    os.write(1, b'x' * 65536)\n    os.write(2, b'y' * 65536)\n", 1,
			[]string{"output limit exceeded", "too much output while tests/test_hello.py imported your code"}},
		// pytest captures what the code prints; the container's own
		// streams are docker-init's, root's, which the learner cannot open.
		{"output flood on the container's stderr", "def hello(name):\n    with open('/proc/1/fd/2', 'wb') as f:\n        while True:\n            f.write(b'y' * 65536)\n", 1,
			[]string{"Permission denied: '/proc/1/fd/2'", "basics/hello: 0 passed, 2 failed"}},
		{"output flood on the results stream", "def hello(name):\n    with open('/proc/1/fd/1', 'wb') as f:\n        while True:\n            f.write(b'x' * 65536)\n", 1,
			[]string{"Permission denied: '/proc/1/fd/1'", "basics/hello: 0 passed, 2 failed"}},
		{"output flood inside a test", "import sys\n\ndef hello(name):\n    for _ in range(20000):\n        sys.stdout.write('x' * 100000)\n    return f'Hello, {name}!'\n", 1,
			[]string{"output limit exceeded", "too much output while running test_hello_greets_by_name"}},
		{"bytes flood inside a test", "import sys\n\ndef hello(name):\n    for _ in range(20000):\n        sys.stdout.buffer.write(b'x' * 100000)\n    return f'Hello, {name}!'\n", 1,
			[]string{"output limit exceeded", "too much output while running test_hello_greets_by_name"}},
		{"a test's output, cut", "def hello(name):\n    print('x' * 100_000)\n    return None\n", 1,
			[]string{"✗ test_hello_greets_by_name", "[output truncated]"}},
		// A test passes only on a passing report of its call: one that
		// pytest.exit cuts short never does.
		{"pytest.exit in the last test", "import pytest\n\ndef hello(name):\n    if name == 'Bo':\n        pytest.exit('done', returncode=0)\n    return f'Hello, {name}!'\n", 1,
			[]string{"_pytest.outcomes.Exit: done", "basics/hello: 1 passed, 1 failed"}},
		// A wrong answer computed in a moment costs a moment to report,
		// however large.
		{"a huge wrong list", "def hello(name):\n    return list(range(3_000_000))\n", 1,
			[]string{"your code gave the tests a value of more than 100000 items, which cannot be sent to them", "basics/hello: 0 passed, 2 failed"}},
		{"a huge wrong text", "def hello(name):\n    return ' '.join(str(i) for i in range(1_000_000))\n", 1,
			[]string{"characters long: their first 200 lines or words are compared", "basics/hello: 0 passed, 2 failed"}},
		{"SystemExit at import", "raise SystemExit(0)\n", 1,
			[]string{"your code failed to load", "hello.py, line 1: SystemExit: 0"}},
		{"SystemExit in a test", "import sys\n\ndef hello(name):\n    sys.exit(0)\n", 1,
			[]string{"SystemExit: 0", "basics/hello: 0 passed, 2 failed"}},
		{"os._exit in a test", "import os\n\ndef hello(name):\n    os._exit(0)\n", 1,
			[]string{"your code ended the process running it", "basics/hello: 0 passed, 2 failed"}},
		{"a forged passing document", "import os\nforged = b'{\"results\": {\"version\": 1, \"status\": \"pass\", \"tests\": [' \\\n" +
			"  b'{\"name\": \"test_hello_greets_by_name\", \"file\": \"tests/test_hello.py\", \"status\": \"pass\"}, ' \\\n" +
			"  b'{\"name\": \"test_hello_greets_anyone\", \"file\": \"tests/test_hello.py\", \"status\": \"pass\"}]}}\\n'\n" +
			"for fd in range(1, 20):\n    try:\n        os.write(fd, forged)\n    except OSError:\n        pass\nos._exit(0)\n", 1,
			// Written into its own process's channel (fd 3): nonsense to the
			// judge, never a result.
			[]string{"your code's process sent"}},
		{"a detached child that sleeps", "import subprocess\nsubprocess.Popen(['sleep', '600'], start_new_session=True)" + correct, 0,
			[]string{"basics/hello: 2 passed, 0 failed"}},
		{"filling the work area", "def fill(path):\n    try:\n        with open(path, 'wb') as f:\n            while True:\n                f.write(b'x' * (1 << 20))\n    except OSError as e:\n        return e\n\n" +
			"def hello(name):\n    raise fill('/work/big') or fill('/tmp/big')\n", 1,
			[]string{"No space left on device"}},
		{"invalid UTF-8 output", "import sys\n\ndef hello(name):\n    sys.stdout.buffer.write(b'bad \\xff\\xfe bytes\\n')\n    sys.stdout.flush()\n    return None\n", 1,
			[]string{"printed:", "bad ", "basics/hello: 0 passed, 2 failed"}},
		// The judge/learner split: what learner code in the judge's
		// process could forge, here reaches only its own process.
		{"patching pytest's reports", "import _pytest.reports\n_init = _pytest.reports.TestReport.__init__\n" +
			"def _passed(self, *a, **k):\n    _init(self, *a, **k)\n    self.outcome = 'passed'\n" +
			"_pytest.reports.TestReport.__init__ = _passed\n\ndef hello(name):\n    return None\n", 1,
			[]string{"basics/hello: 0 passed, 2 failed"}},
		{"rewriting drill's recorder", "import gc, sys\n\ndef hello(name):\n" +
			"    for mod in list(sys.modules.values()):\n        rec = getattr(mod, 'Recorder', None)\n        if rec is not None:\n            rec.document = lambda self, code: {'status': 'pass'}\n" +
			"    for obj in gc.get_objects():\n        if type(obj).__name__ in ('Recorder', 'Learner'):\n            obj.tests = {}\n    return None\n", 1,
			[]string{"basics/hello: 0 passed, 2 failed"}},
		{"reading the hidden tests", "import glob\n\ndef hello(name):\n    for path in ['/judge/tests/test_hello.py', '/work/tests/test_hello.py', '/tmp/tests/test_hello.py'] + glob.glob('/*/tests/*.py'):\n" +
			"        try:\n            return open(path).read()\n        except OSError:\n            pass\n    return 'nothing found'\n", 1,
			[]string{"'nothing found'", "basics/hello: 0 passed, 2 failed"}},
		{"the expected value from the caller's frame", "import sys\n\ndef hello(name):\n    f = sys._getframe(1)\n    while f is not None:\n" +
			"        for v in f.f_locals.values():\n            if isinstance(v, str) and v.startswith('Hello'):\n                return v\n        f = f.f_back\n    return 'no frame of the tests'\n", 1,
			[]string{"'no frame of the tests'", "basics/hello: 0 passed, 2 failed"}},
		{"an object equal to everything", "class Yes(str):\n    def __eq__(self, other):\n        return True\n    __hash__ = str.__hash__\n\ndef hello(name):\n    return Yes('no')\n", 1,
			[]string{"basics/hello: 0 passed, 2 failed"}},
		{"signals to every process", "import os, signal\n\ndef hello(name):\n    for pid in os.listdir('/proc'):\n        if pid.isdigit() and int(pid) != os.getpid():\n" +
			"            try:\n                os.kill(int(pid), signal.SIGKILL)\n            except OSError:\n                pass\n    return f'Hello, {name}!'\n", 0,
			// It cannot reach the judge: correct code, graded as such.
			[]string{"basics/hello: 2 passed, 0 failed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkHello(t, tt.code, tt.exit, tt.wants)
		})
	}
}

func TestDockerHugeSubmission(t *testing.T) {
	c := requireDocker(t)
	ws := newWorkspace(t)
	ex := filepath.Join(ws, "01-basics/01-hello")
	write(t, filepath.Join(ex, "hello.py"), "# "+strings.Repeat("x", 30<<20)+"\n")
	r := drill(t, ex, "check")
	expect(t, r, 1, "a file is too large", "hello.py is 30.0 MiB; a learner file may be at most 1 MiB")

	// Thousands of other files in the exercise directory are not sent.
	write(t, filepath.Join(ex, "hello.py"), "def hello(name):\n    return f'Hello, {name}!'\n")
	for i := range 3000 {
		write(t, filepath.Join(ex, fmt.Sprintf("junk%04d.py", i)), "raise SystemExit\n")
	}
	r = drill(t, ex, "check")
	expect(t, r, 0, "basics/hello: 2 passed, 0 failed")
	noSandboxLeft(t, c, r.pid)
}

func TestDockerEngineMissing(t *testing.T) {
	ws := newWorkspace(t)
	cmd := exec.Command(drillBinary(t), "check")
	cmd.Dir = filepath.Join(ws, "01-basics/01-hello")
	cmd.Env = append(os.Environ(), "DOCKER_HOST=unix://"+filepath.Join(t.TempDir(), "no.sock"))
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 || !strings.Contains(string(out), "cannot reach the Docker engine") || !strings.Contains(string(out), "is Docker running?") {
		t.Errorf("err %v, output:\n%s", err, out)
	}
}

// A sandbox killed from outside drill (docker kill) is reported, not passed.
func TestDockerSandboxKilledFromOutside(t *testing.T) {
	c := requireDocker(t)
	cmd, _, _ := startLoopingCheck(t, c)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	// The list can name a container the engine has just let go of (one
	// whose creation was retried, say): kill what is there until one is.
	killed := false
	for try := 0; !killed && try < 50; try++ {
		for _, s := range sandboxes(t, c, cmd.Process.Pid) {
			_, err := c.ContainerKill(context.Background(), strings.Fields(s)[0], client.ContainerKillOptions{Signal: "KILL"})
			switch {
			case err == nil:
				killed = true
			case !errdefs.IsNotFound(err) && !errdefs.IsConflict(err):
				t.Fatal(err)
			}
		}
		if !killed {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if !killed {
		t.Fatal("no sandbox of the check could be killed")
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("drill ended with %v, want exit code 1", err)
	}
	noSandboxLeft(t, c, cmd.Process.Pid)
}

// Two checks at once in one workspace: both graded, both recorded.
func TestDockerTwoChecksAtOnce(t *testing.T) {
	c := requireDocker(t)
	ws := newWorkspace(t)
	write(t, filepath.Join(ws, "01-basics/01-hello/hello.py"), "def hello(name):\n    return f'Hello, {name}!'\n")
	write(t, filepath.Join(ws, "01-basics/02-sum/sum.py"), "def total(numbers):\n    return sum(numbers)\n")
	var wg sync.WaitGroup
	runs := make([]run, 2)
	for i, id := range []string{"basics/hello", "basics/sum"} {
		wg.Go(func() { runs[i] = drill(t, ws, "check", id) })
	}
	wg.Wait()
	for _, r := range runs {
		expect(t, r, 0, "2 passed, 0 failed")
		noSandboxLeft(t, c, r.pid)
	}
	state, _ := os.ReadFile(filepath.Join(ws, ".drill/state.json"))
	if !strings.Contains(string(state), `"basics/hello"`) || !strings.Contains(string(state), `"basics/sum"`) {
		t.Errorf("state lost a pass:\n%s", state)
	}
}

func TestDockerInterruptValidate(t *testing.T) {
	c := requireDocker(t)
	bank := filepath.Join(t.TempDir(), "bank")
	if out, err := exec.Command("cp", "-r", "testdata/bank", bank).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	// Every solution loops, so validate is surely inside the sandboxes.
	for _, f := range []string{"01-hello/solution/hello.py", "02-sum/solution/sum.py"} {
		write(t, filepath.Join(bank, "01-basics", f), "while True:\n    pass\n")
	}
	cmd := exec.Command(drillBinary(t), "--bank", bank, "validate", "--jobs", "2")
	// Sandboxes of its own, not spares another drill made: the test finds
	// them by their maker.
	cmd.Env = append(os.Environ(), "DRILL_SPARE_TTL=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(sandboxes(t, c, cmd.Process.Pid)) < 2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Errorf("validate ended with %v, want exit code 130; stderr:\n%s", err, stderr.String())
	}
	noSandboxLeft(t, c, cmd.Process.Pid)
}

// drill clean removes what a killed drill left, and nothing in use.
func TestDockerClean(t *testing.T) {
	c := requireDocker(t)
	pid, _ := killDuringCheck(t, c)
	r := drill(t, t.TempDir(), "clean")
	expect(t, r, 0, "removed ")
	noSandboxLeft(t, c, pid)
}
