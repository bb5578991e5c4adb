package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

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
}

// drill runs the real binary in dir.
func drill(t *testing.T, dir string, args ...string) run {
	t.Helper()
	cmd := exec.Command(drillBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := run{stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start), pid: cmd.Process.Pid}
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
// started (other drills may be running on the same engine).
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
		if owner := s.Labels["dev.drill.owner"]; strings.HasSuffix(owner, ":"+strconv.Itoa(pid)) {
			ids = append(ids, s.ID[:12]+" "+owner)
		}
	}
	return ids
}

func noSandboxLeft(t *testing.T, c *client.Client, pid int) {
	t.Helper()
	if left := sandboxes(t, c, pid); len(left) > 0 {
		t.Errorf("sandbox containers left behind: %v", left)
	}
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
			[]string{"time limit exceeded", "time limit of 3s exceeded while running test_hello_greets_by_name"}},
		{"memory limit", "def hello(name):\n    blocks = [b'x' * (64 << 20) for _ in range(64)]\n    return len(blocks)\n",
			[]string{"memory limit of 512 MiB exceeded while running test_hello_greets_by_name"}},
		{"exits early", "import os\n\ndef hello(name):\n    os._exit(0)\n",
			[]string{"the tests could not run", "ended while running test_hello_greets_by_name without reporting results"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := requireDocker(t)
			ws := newWorkspace(t)
			ex := filepath.Join(ws, "01-basics/01-hello")
			write(t, filepath.Join(ex, "hello.py"), tt.code)
			r := drill(t, ex, "check")
			expect(t, r, 1, tt.wants...)
			// The time limit is 3s; drill must give up soon after, not
			// wait for the in-container watchdog.
			if r.elapsed > 3*time.Second+5*time.Second {
				t.Errorf("check took %s with a 3s limit", r.elapsed)
			}
			if data, _ := os.ReadFile(filepath.Join(ex, "hello.py")); string(data) != tt.code {
				t.Error("the check changed the learner's file")
			}
			noSandboxLeft(t, c, r.pid)
		})
	}
}

func TestDockerSandboxIsLockedDown(t *testing.T) {
	c := requireDocker(t)
	bankDir, _ := filepath.Abs("testdata/bank")
	r := drill(t, t.TempDir(), "--bank", bankDir, "validate", "basics/sandbox")
	expect(t, r, 0, "ok   basics/sandbox", "1 exercises: 1 valid, 0 invalid")
	noSandboxLeft(t, c, r.pid)
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

// A drill that dies without cleaning up (SIGKILL) leaves its container;
// the next drill on the host removes it.
func TestDockerOrphanIsRemovedByTheNextRun(t *testing.T) {
	c := requireDocker(t)
	cmd, _, ws := startLoopingCheck(t, c)
	pid := cmd.Process.Pid
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if left := sandboxes(t, c, pid); len(left) != 1 {
		t.Fatalf("expected the killed drill's sandbox, found %v", left)
	}
	ex := filepath.Join(ws, "01-basics/01-hello")
	write(t, filepath.Join(ex, "hello.py"), "def hello(name):\n    return f'Hello, {name}!'\n")
	r := drill(t, ex, "check")
	expect(t, r, 0)
	noSandboxLeft(t, c, pid)
	noSandboxLeft(t, c, r.pid)
}
