package sandbox

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/moby/moby/client"

	"github.com/drill-dev/drill/internal/wire"
)

// newDocker opens the real engine, or skips (fails under
// DRILL_REQUIRE_DOCKER=1) without one.
func newDocker(t *testing.T) *Docker {
	t.Helper()
	d, err := NewDocker(context.Background(), &testLog{t})
	if err != nil {
		if os.Getenv("DRILL_REQUIRE_DOCKER") == "1" {
			t.Fatalf("DRILL_REQUIRE_DOCKER=1 but: %v", err)
		}
		t.Skipf("skipping: %v; set DRILL_REQUIRE_DOCKER=1 to make this a failure", err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

type testLog struct{ t *testing.T }

func (l *testLog) Write(p []byte) (int, error) {
	l.t.Log(string(bytes.TrimRight(p, "\n")))
	return len(p), nil
}

// docStatus is the status in the harness's results document, with the
// messages of the tests that did not pass.
func docStatus(t *testing.T, out Outcome) (string, []string) {
	t.Helper()
	// Read strictly: what the real harness writes must be what wire reads.
	s, err := wire.ParseStream(out.Stdout)
	if err != nil || s.Results == nil {
		t.Fatalf("no results document: %v\n%s\n%s", err, out.Stdout, out.Stderr)
	}
	var failed []string
	for _, tt := range s.Results.Tests {
		if tt.Status != wire.Pass {
			failed = append(failed, tt.Name+": "+tt.Message)
		}
	}
	return string(s.Results.Status), failed
}

// running is the test a job's results stream says was running when it
// ended: "" if it ended otherwise.
func running(t *testing.T, out Outcome) string {
	t.Helper()
	s, err := wire.ParseStream(out.Stdout)
	if err != nil {
		t.Errorf("%v\n%s", err, out.Stdout)
	}
	return s.Running
}

var passingJob = Job{
	Runtime: "python",
	Files: []File{
		{Path: "tests/test_ok.py", Data: []byte("def test_ok():\n    assert True\n")},
	},
	TimeLimit: 10 * time.Second,
}

// An image deleted while drill runs (docker rmi, a prune) is built again,
// and the job still runs.
func TestDockerImageDeletedMidSession(t *testing.T) {
	d := newDocker(t)
	ctx := context.Background()
	out, err := d.Run(ctx, passingJob)
	if err != nil {
		t.Fatal(err)
	}
	if status, failed := docStatus(t, out); status != "pass" {
		t.Fatalf("first run: %s %v", status, failed)
	}
	tag, err := Tag("python")
	if err != nil {
		t.Fatal(err)
	}
	// The first run's sandbox is removed, and a spare made, in the
	// background. Podman's forced removal of an image removes the
	// containers of it too (Docker's only untags it), and fails when drill
	// removes one of them at the same moment: wait for drill first.
	d.pending.Wait()
	if _, err := d.client.ImageRemove(ctx, tag, client.ImageRemoveOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	out, err = d.Run(ctx, passingJob)
	if err != nil {
		t.Fatalf("run after the image was deleted: %v", err)
	}
	if status, failed := docStatus(t, out); status != "pass" {
		t.Fatalf("run after the image was deleted: %s %v", status, failed)
	}
}

// The limits a job runs under, read from inside.
func TestDockerLimitsInsideTheSandbox(t *testing.T) {
	d := newDocker(t)
	job := passingJob
	job.Files = []File{{Path: "tests/test_limits.py", Data: []byte(`import os, resource

def read(v2, v1):
    """A cgroup value, from cgroup v2's file or else v1's."""
    path = "/sys/fs/cgroup/" + v2
    if not v2 or not os.path.isfile(path):
        path = "/sys/fs/cgroup/" + v1
    with open(path) as f:
        return f.read().strip()

def test_memory_limit():
    assert read("memory.max", "memory/memory.limit_in_bytes") == str(512 << 20)

def test_swap_adds_nothing():
    if os.path.exists("/sys/fs/cgroup/memory.swap.max"):
        assert read("memory.swap.max", "") == "0"
    elif os.path.exists("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes"):
        assert read("", "memory/memory.memsw.limit_in_bytes") == str(512 << 20)
    # else the kernel does not account swap, and there is none to limit

def test_pids_limit():
    assert read("pids.max", "pids/pids.max") == "128"

def test_cpu_limit():
    if os.path.exists("/sys/fs/cgroup/cpu.max"):
        assert read("cpu.max", "").split() == ["100000", "100000"]
    else:
        assert read("", "cpu/cpu.cfs_quota_us") == read("", "cpu/cpu.cfs_period_us")

def test_open_files_limit():
    assert resource.getrlimit(resource.RLIMIT_NOFILE) == (256, 256)

def test_tmpfs_sizes():
    work, tmp = os.statvfs("/work"), os.statvfs("/tmp")
    assert work.f_blocks * work.f_frsize == 64 << 20
    assert tmp.f_blocks * tmp.f_frsize == 16 << 20
`)}}
	out, err := d.Run(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	if status, failed := docStatus(t, out); status != "pass" {
		t.Errorf("limits differ: %s\n%s", status, strings.Join(failed, "\n"))
	}
}
