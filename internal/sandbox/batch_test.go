package sandbox

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/drill-dev/drill/internal/wire"
)

// testJob is a python job whose only file is a test module.
func testJob(limit time.Duration, test string) Job {
	return Job{
		Runtime:   "python",
		Files:     []File{{Path: "tests/test_it.py", Data: []byte(test)}},
		TimeLimit: limit,
	}
}

// Each job of a batch ends its own way and gets its own outcome; what one
// job leaves behind (files, processes) is gone before the next starts.
func TestDockerBatch(t *testing.T) {
	d := newDocker(t)
	const limit = 3 * time.Second
	cases := []struct {
		name, test string
		check      func(t *testing.T, out Outcome)
	}{
		{"pass", "def test_ok():\n    assert 1 + 1 == 2\n", wantStatus("pass")},
		{"fail", "def test_no():\n    assert 1 + 1 == 3\n", wantStatus("fail")},
		// What the learner's process leaves: the judge's own code cannot
		// write where the learner's does.
		{"leave files and a process behind", `import remote
def test_leave():
    for path in ("/work/left-behind", "/tmp/left-behind"):
        with remote.inside("builtins").open(path, "w") as f:
            f.write("x")
    remote.inside("subprocess").Popen(["sleep", "600"], start_new_session=True)
`, wantStatus("pass")},
		{"nothing left by the job before", `import os, remote
def test_clean_work():
    exists = remote.inside("os.path").exists
    assert not exists("/work/left-behind")
    assert not exists("/tmp/left-behind")
def test_no_sleeper():
    # The watchdog's timers sleep too, as root; the job's ran as the learner.
    names = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if os.stat("/proc/" + pid).st_uid == 10002:
                    names.append(open("/proc/%s/comm" % pid).read().strip())
            except OSError:
                pass
    assert "sleep" not in names
`, wantStatus("pass")},
		{"leave shared memory behind, forge the next job's record", `import base64, ctypes, json, os
libc = ctypes.CDLL(None, use_errno=True)
def test_leave():
    open("/dev/shm/left-behind", "w").write("x")
    assert libc.shmget(0x6472696c, 4096, 0o1600) >= 0  # IPC_CREAT | 0600
    assert libc.mq_open(b"/left-behind", os.O_CREAT | os.O_RDWR, 0o600, None) >= 0
    # A passing record for the next job (the 6th), everywhere one could go.
    doc = {"results": {"version": 1, "status": "pass", "tests": [{"name": "test_no", "status": "pass"}]}}
    out = base64.b64encode((json.dumps(doc) + "\n").encode()).decode()
    forged = (json.dumps({"job": 5, "exit_code": 0, "stdout": out, "stderr": ""}) + "\n").encode()
    for fd in range(3, 256):  # its own: they reach only its own output
        try:
            os.write(fd, forged)
        except OSError:
            pass
    reached = []  # the harness's, the init's
    for path in ["/proc/%d/fd/%s" % (os.getppid(), fd) for fd in range(256)] + ["/proc/1/fd/1"]:
        try:
            with open(path, "wb") as f:
                f.write(forged)
            reached.append(path)
        except OSError:
            pass
    assert reached == []
`, func(t *testing.T, out Outcome) {
			// The forged records reached only the job's own results
			// stream, where they are the learner's to spoil.
			var own [][]byte
			forged := 0
			for _, line := range bytes.SplitAfter(out.Stdout, []byte("\n")) {
				if bytes.HasPrefix(line, []byte(`{"job": 5,`)) {
					forged++
				} else {
					own = append(own, line)
				}
			}
			out.Stdout = bytes.Join(own, nil)
			if forged == 0 {
				t.Errorf("no forged record in the job's own stream: %s", out.Stdout)
			}
			wantStatus("pass")(t, out)
		}},
		{"nothing of shared memory left; a record of its own", `import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
def test_no_shm():
    assert os.listdir("/dev/shm") == []
    assert os.listdir("/dev/mqueue") == []
    assert libc.shmget(0x6472696c, 0, 0) == -1
def test_no():
    assert False
`, wantStatus("fail")},
		{"endless loop", "def test_loop():\n    while True:\n        pass\n", func(t *testing.T, out Outcome) {
			if heldBack(t, out) {
				return
			}
			if !out.CPUExceeded || out.WallExceeded {
				t.Errorf("not stopped at its CPU time limit: %+v", out)
			}
			if out.CPUTime < limit {
				t.Errorf("stopped after %s of CPU time, limit %s", out.CPUTime, limit)
			}
			if running(t, out) != "test_loop" {
				t.Errorf("the loop's test was not announced: %q", out.Stdout)
			}
		}},
		{"sleeps past the wall clock", "import time\ndef test_sleep():\n    time.sleep(3600)\n", func(t *testing.T, out Outcome) {
			if !out.WallExceeded || out.Busy || out.CPUExceeded {
				t.Errorf("not stopped by the wall clock as waiting: %+v", out)
			}
			if out.Duration < WallLimit(limit) || out.CPUTime >= limit {
				t.Errorf("stopped after %s of wall time and %s of CPU time; wall limit %s", out.Duration, out.CPUTime, WallLimit(limit))
			}
			if running(t, out) != "test_sleep" {
				t.Errorf("the sleeping test was not announced: %q", out.Stdout)
			}
		}},
		{"memory", "def test_hog():\n    blocks = [bytearray(64 << 20) for _ in range(16)]\n", func(t *testing.T, out Outcome) {
			if !out.OOMKilled {
				t.Errorf("not reported as out of memory: exit %d, %+v", out.ExitCode, out)
			}
		}},
		// pytest captures what a test writes to fds 1 and 2; this writes to
		// the pipes behind them, as the harness set them up.
		{"flood", `import os
def test_flood():
    pipes = [fd for fd in range(3, 64) if os.path.exists("/proc/self/fd/%d" % fd) and os.readlink("/proc/self/fd/%d" % fd).startswith("pipe:")]
    while True:
        for fd in pipes:
            try:
                os.write(fd, b"y" * 65536)
            except OSError:
                pass
`, func(t *testing.T, out Outcome) {
			if !out.OutputExceeded || len(out.Stderr) > DefaultLimits.Stderr || len(out.Stdout) > DefaultLimits.Stdout {
				t.Errorf("output_exceeded %v, %d bytes of stdout and %d of stderr kept", out.OutputExceeded, len(out.Stdout), len(out.Stderr))
			}
		}},
		{"early exit", "import os\ndef test_exit():\n    os._exit(3)\n", func(t *testing.T, out Outcome) {
			if s, err := wire.ParseStream(out.Stdout); out.ExitCode != 3 || err != nil || s.Results != nil {
				t.Errorf("exit code %d, stdout %q", out.ExitCode, out.Stdout)
			}
		}},
		{"a hidden test's output is hidden", "import pytest\n\n@pytest.mark.hidden\ndef test_secret():\n    \"\"\"A hint.\"\"\"\n    print('the secret input is 42')\n    assert False\n", func(t *testing.T, out Outcome) {
			wantStatus("fail")(t, out)
			s, _ := wire.ParseStream(out.Stdout)
			if strings.Contains(string(out.Stdout), "secret input") || s.Results == nil || len(s.Results.Tests) != 1 || s.Results.Tests[0].Message != "A hint." || s.Results.Tests[0].Output != "" {
				t.Errorf("the hidden test's output or details reached the results: %s", out.Stdout)
			}
		}},
		{"pass after all that", "def test_ok():\n    assert True\n", wantStatus("pass")},
	}
	jobs := make([]Job, len(cases))
	for i, c := range cases {
		jobs[i] = testJob(limit, c.test)
	}
	outs, err := d.RunBatch(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.check(t, outs[i]) })
	}
}

// A job that kills the harness ends the batch's sandbox; every job still
// gets an outcome of its own, the rest from sandboxes of their own. The
// killer, run again on its own, kills that harness too (every job runs
// under one): its outcome is the sandbox's, with no results, never a pass.
func TestDockerBatchHarnessKilled(t *testing.T) {
	d := newDocker(t)
	jobs := []Job{
		testJob(5*time.Second, "def test_ok():\n    assert True\n"),
		testJob(5*time.Second, `import os, signal
def test_kill():
    if open("/proc/%d/comm" % os.getppid()).read().strip() == "python3":
        os.kill(os.getppid(), signal.SIGKILL)
`),
		testJob(5*time.Second, "def test_no():\n    assert False\n"),
	}
	outs, err := d.RunBatch(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus("pass")(t, outs[0])
	if len(outs[1].Stdout) != 0 || outs[1].ExitCode == 0 {
		t.Errorf("the harness's killer: exit code %d, results stream %q", outs[1].ExitCode, outs[1].Stdout)
	}
	wantStatus("fail")(t, outs[2])
}

func wantStatus(want string) func(t *testing.T, out Outcome) {
	return func(t *testing.T, out Outcome) {
		t.Helper()
		if status, failed := docStatus(t, out); status != want {
			t.Errorf("status %s, want %s: %v\n%s", status, want, failed, out.Stderr)
		}
	}
}

// Every module the harness and the zygote preload imports in its image: a
// name that drifted (a Django upgrade, a typo) would silently cost every
// job.
func TestDockerWarmModulesImport(t *testing.T) {
	d := newDocker(t)
	for _, rt := range Runtimes() {
		t.Run(rt, func(t *testing.T) {
			job := testJob(20*time.Second, "import harness, zygote\n\ndef test_warm():\n    _, missing = harness.warm_up()\n    assert missing == []\n    assert zygote.warm_up() == []\n")
			job.Runtime = rt
			out, err := d.Run(context.Background(), job)
			if err != nil {
				t.Fatal(err)
			}
			wantStatus("pass")(t, out)
		})
	}
}

// The harness, as the image has it, writes the wire contract's shared
// fixtures exactly: its host test of them, run in the sandbox (where the
// harness's pytest is), passes.
func TestDockerHarnessWritesFixtures(t *testing.T) {
	d := newDocker(t)
	const harness = "../../sandbox/harness"
	test, err := os.ReadFile(filepath.Join(harness, "tests", "test_wire_fixtures.py"))
	if err != nil {
		t.Fatal(err)
	}
	job := testJob(20*time.Second, string(test))
	fixtures, err := filepath.Glob(filepath.Join(harness, "testdata", "wire", "*"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range fixtures {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		job.Files = append(job.Files, File{Path: "tests/testdata/wire/" + filepath.Base(f), Data: data})
	}
	out, err := d.Run(context.Background(), job)
	if err != nil {
		t.Fatal(err)
	}
	status, failed := docStatus(t, out)
	if s, _ := wire.ParseStream(out.Stdout); status != "pass" || len(s.Collected) < 6 {
		t.Errorf("status %s, %d tests: %v\n%s", status, len(s.Collected), failed, out.Stderr)
	}
}
