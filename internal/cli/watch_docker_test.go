package cli_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmux drives a real terminal session.
type tmux struct {
	t       *testing.T
	session string
}

func newTmux(t *testing.T, dir, command string) *tmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is needed for the watch test")
		}
		t.Skip("skipping: tmux is not installed")
	}
	m := &tmux{t: t, session: fmt.Sprintf("drill-test-%d", time.Now().UnixNano())}
	m.run("new-session", "-d", "-s", m.session, "-x", "110", "-y", "45", "-c", dir, command)
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", m.session).Run() })
	return m
}

func (m *tmux) run(args ...string) string {
	m.t.Helper()
	out, err := exec.Command("tmux", args...).CombinedOutput()
	if err != nil {
		m.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (m *tmux) screen() string { return m.run("capture-pane", "-p", "-t", m.session) }

func (m *tmux) keys(k string) { m.run("send-keys", "-t", m.session, k) }

// waitFor waits until the screen shows text, and returns how long that took.
func (m *tmux) waitFor(text string, limit time.Duration) time.Duration {
	m.t.Helper()
	start := time.Now()
	for time.Since(start) < limit {
		if strings.Contains(m.screen(), text) {
			return time.Since(start)
		}
		time.Sleep(20 * time.Millisecond)
	}
	m.t.Fatalf("the screen never showed %q; it shows:\n%s", text, m.screen())
	return 0
}

// A learner's session: fail, hint, fix (saved the way editors save: a new
// file renamed over the old one), pass, move on, list, quit.
func TestDockerWatch(t *testing.T) {
	requireDocker(t)
	ws := newWorkspace(t)
	ex := filepath.Join(ws, "01-basics/01-hello")
	m := newTmux(t, ex, drillBinary(t)+" watch; echo EXIT=$?; sleep 60")

	m.waitFor("basics/hello: 0 passed, 2 failed", 60*time.Second)
	m.waitFor("h hint · l list · n next · c check · q quit", 5*time.Second)

	m.keys("h")
	m.waitFor("Hint 1 of 2 for basics/hello:", 5*time.Second)

	tmp := filepath.Join(ex, ".hello.py.swp")
	write(t, tmp, "def hello(name):\n    return f'Hello, {name}!'\n")
	if err := os.Rename(tmp, filepath.Join(ex, "hello.py")); err != nil {
		t.Fatal(err)
	}
	took := m.waitFor("Passed! Next: basics/sum", 30*time.Second)
	t.Logf("from save to result on screen: %s", took)
	if !strings.Contains(m.screen(), "basics/hello: 2 passed, 0 failed") {
		t.Errorf("no result on screen:\n%s", m.screen())
	}

	// Now watching basics/sum: a save of its file checks it.
	write(t, filepath.Join(ws, "01-basics/02-sum/sum.py"), "def total(numbers):\n    return 0\n")
	m.waitFor("basics/sum: 1 passed, 1 failed", 30*time.Second)

	m.keys("l")
	m.waitFor("1/3 exercises done", 5*time.Second)
	m.keys("q")
	m.waitFor("EXIT=0", 5*time.Second)
	state, _ := os.ReadFile(filepath.Join(ws, ".drill/state.json"))
	if !strings.Contains(string(state), `"hints_shown": 1`) || !strings.Contains(string(state), `"done": true`) {
		t.Errorf("state after the session:\n%s", state)
	}
}
