package sandbox

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/moby/moby/client"

	"github.com/drill-dev/drill/internal/wire"
)

// splitImage builds the python image with the judge and learner-side
// server of testdata/split (the real watchdog, zygote and batch), and
// removes it when the test ends.
func splitImage(t *testing.T, d *Docker) string {
	t.Helper()
	ctx := context.Background()
	base, err := d.images.Ensure(ctx, "python")
	if err != nil {
		t.Fatal(err)
	}
	var files []File
	h := sha256.New()
	h.Write([]byte(base))
	for _, name := range []string{"Dockerfile", "learner.py", "run.py"} {
		data, err := os.ReadFile(filepath.Join("testdata", "split", name))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, File{Path: name, Data: data})
		h.Write(data)
	}
	buildContext, err := tarFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	tag := "drill-test-split:" + hex.EncodeToString(h.Sum(nil))[:12]
	res, err := d.client.ImageBuild(ctx, bytes.NewReader(buildContext), client.ImageBuildOptions{
		Tags: []string{tag}, BuildArgs: map[string]*string{"BASE": &base}, Remove: true, ForceRemove: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	err = d.images.follow(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = d.client.ImageRemove(context.Background(), tag, client.ImageRemoveOptions{Force: true, PruneChildren: true})
	})
	return tag
}

// splitCheck is one line of what testdata/split/run.py's judge reports.
type splitCheck struct {
	Check     string
	OK        bool
	Got, Want string
	Done      bool
}

// runSplit runs jobs as one batch in a fresh sandbox of image, made as
// every sandbox is, and returns each job's checks.
func runSplit(t *testing.T, d *Docker, image string, jobs []Job) [][]splitCheck {
	t.Helper()
	ctx := context.Background()
	input, limit, err := d.batchInput(jobs)
	if err != nil {
		t.Fatal(err)
	}
	line := wire.WatchdogLine(watchdogAfter(limit), watchdogCPU(jobs))
	created, err := d.create(ctx, "", image, limit, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer d.remove(created.ID)
	perJob := (d.limits.Stdout+d.limits.Stderr)/3*4 + 4<<10
	out, err := d.run(ctx, created.ID, false, append(line, input...), limit, streamCaps{len(jobs) * perJob, d.limits.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	outcomes, done := parseBatch(out.Stdout, len(jobs))
	var all [][]splitCheck
	for i, o := range outcomes {
		if !done[i] {
			t.Fatalf("job %d has no record: exit %d\n%s", i, out.ExitCode, out.Stderr)
		}
		var checks []splitCheck
		finished := false
		for _, l := range bytes.Split(bytes.TrimSpace(o.Stdout), []byte("\n")) {
			var c splitCheck
			if err := json.Unmarshal(l, &c); err != nil {
				t.Fatalf("job %d wrote %q: %v", i, l, err)
			}
			if c.Done {
				finished = true
				continue
			}
			checks = append(checks, c)
		}
		if o.ExitCode != 0 || !finished {
			t.Fatalf("job %d's judge did not finish: exit %d\n%s", i, o.ExitCode, o.Stderr)
		}
		all = append(all, checks)
	}
	return all
}

// A learner file that tries, as the learner (10002), everything the split
// must stop, and what it must not (on a sibling learner process: the
// controls, that show each attempt would succeed where it may).
const attackPy = `import ctypes, errno, os, socket, sys

libc = ctypes.CDLL(None, use_errno=True)


def outcome(fn):
    try:
        fn()
        return "done"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))


def seize(pid):
    # PTRACE_SEIZE: a tracee that could be seized goes on running.
    if libc.ptrace(0x4206, pid, None, None) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


def parent_of(pid):
    with open("/proc/%d/stat" % pid) as f:
        return int(f.read().rsplit(")", 1)[1].split()[1])


def reach(pid):
    return {
        "signal": outcome(lambda: os.kill(pid, 0)),
        "ptrace": outcome(lambda: seize(pid)),
        "fd": outcome(lambda: os.listdir("/proc/%d/fd" % pid)),
        "environ": outcome(lambda: open("/proc/%d/environ" % pid, "rb").read()),
        "mem": outcome(lambda: open("/proc/%d/mem" % pid, "rb").close()),
    }


def probe(judge, batch, judge_dir, sibling):
    zygote = os.getppid()
    r = {"uid": os.getuid(), "cwd": os.getcwd()}
    r["read the judge's file"] = outcome(lambda: open(os.path.join(judge_dir, "secret.txt")).read())
    r["list the judge's directory"] = outcome(lambda: os.listdir(judge_dir))
    r["list /judge"] = outcome(lambda: os.listdir("/judge"))
    r["read the judge's file in /tmp"] = outcome(lambda: open("/tmp/judge-note").read())
    for name, pid in [("judge", judge), ("batch parent", batch), ("zygote", zygote),
                      ("zygote's parent", parent_of(zygote)), ("sibling", sibling)]:
        r[name] = reach(pid)
    fds = {}
    for fd in os.listdir("/proc/self/fd"):
        try:
            st = os.stat("/proc/self/fd/" + fd)
            fds[int(fd)] = (st.st_dev, st.st_ino)
        except OSError:
            pass  # the listing's own
    r["fds"] = fds
    name = "\0drill-judge-" + socket.gethostname()
    r["connect to the rendezvous"] = outcome(lambda: socket.socket(socket.AF_UNIX).connect(name))

    def own():
        s = socket.socket(socket.AF_UNIX)
        s.bind(name)
        s.listen(1)
        socket.socket(socket.AF_UNIX).connect(name)

    r["listen there and connect"] = outcome(own)
    r["modules"] = sorted({m.split(".")[0] for m in sys.modules} & {"pytest", "_pytest", "harness", "batch", "sqlite3"})
    return r
`

// Leaves learner processes (a double-forked daemon in a session of its
// own, a plain child) and files everywhere the learner may.
const leavePy = `import ctypes, os, time

def leave():
    r, w = os.pipe()
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.write(w, b"%d\n" % os.getpid())
            time.sleep(600)
        os._exit(0)
    child = os.fork()
    if child == 0:
        time.sleep(600)
        os._exit(0)
    for path in ("/work/left", "/tmp/left", "/dev/shm/left"):
        open(path, "w").write("x")
    libc = ctypes.CDLL(None, use_errno=True)
    assert libc.shmget(0x6472696c, 4096, 0o1600) >= 0  # IPC_CREAT | 0600
    return [int(os.read(r, 64)), child]

def learner_pids():
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                status = open("/proc/%s/status" % pid).read()
            except OSError:
                continue
            fields = dict(l.split(":", 1) for l in status.splitlines() if ":" in l)
            if fields["Uid"].split()[0] == str(os.getuid()) and not fields["State"].split()[0] in "ZX":
                out.append(int(pid))
    return sorted(out)

def left():
    libc = ctypes.CDLL(None, use_errno=True)
    return {
        "work": sorted(os.listdir("/work")),
        "tmp": [n for n in os.listdir("/tmp") if n == "left"],
        "shm": os.listdir("/dev/shm"),
        "sysv": libc.shmget(0x6472696c, 0, 0) >= 0,
    }
`

// The first job's judge: the attack, then a kill.
const splitJudgeOne = `
for path in ("secret.txt", "/tmp/judge-note"):
    with open(path, "w") as f:
        f.write("the hidden tests")
a, b = learners.spawn(), learners.spawn()
# The sibling answers first: it is serving, so done making itself an
# ordinary (dumpable) process, before it is the control.
run(b, "result = 1")
r = run(a, "import attack; result = attack.probe(%d, %d, %r, %d)" % (os.getpid(), os.getppid(), os.getcwd(), b.pid))
expect("the learner process is the learner", r["uid"], 10002)
expect("in /work", r["cwd"], "/work")
expect("the judge is the judge", os.getuid(), 10001)
# On Podman, which takes no uid= on a tmpfs, /work and /judge are root's,
# mode 1777 (sandbox/README.md): either can be listed by both users, and the
# judge's directory is /judge/private, its own, mode 0700.
try:
    os.listdir("/work")
    listed = "listed"
except PermissionError:
    listed = "PermissionError"
if PODMAN:
    expect("the judge can list /work (Podman)", listed, "listed")
    expect("the judge's directory is /judge/private (Podman)", os.getcwd(), "/judge/private")
else:
    expect("the judge cannot list /work", listed, "PermissionError")
for what in ("read the judge's file", "list the judge's directory", "list /judge", "read the judge's file in /tmp"):
    if PODMAN and what == "list /judge":
        expect("can list /judge, the judge's directory's parent (Podman)", r[what], "done")
    else:
        expect("cannot " + what, r[what], "EACCES")
denied = {"signal": "EPERM", "ptrace": "EPERM", "fd": "EACCES", "environ": "EACCES", "mem": "EACCES"}
for who in ("judge", "batch parent", "zygote's parent"):
    expect("cannot reach the " + who, r[who], denied)
# The zygote is of the learner's uid: a signal reaches it (a zygote killed
# is the judge's error, never a pass), nothing else does.
expect("reaches the zygote only by a signal", r["zygote"], dict(denied, signal="done"))
expect("reaches a sibling learner process (the control)", r["sibling"],
       {"signal": "done", "ptrace": "done", "fd": "done", "environ": "done", "mem": "done"})
expect("holds stdin, its output, its channel and no more", sorted(r["fds"]), [0, 1, 2, 3])
expect("holds no results channel", [fd for fd, ident in r["fds"].items() if tuple(ident) in RESULTS], [])
expect("cannot connect to the rendezvous", r["connect to the rendezvous"], "ECONNREFUSED")
expect("the name was the rendezvous's (the control)", r["listen there and connect"], "done")
expect("the zygote never imported pytest", r["modules"], ["sqlite3"])

c = learners.spawn()
pids = run(c, "import leave; result = leave.leave()")
def gone():
    live = []
    for p in pids + [a.pid, b.pid, c.pid]:
        try:
            if open("/proc/%d/status" % p).read().split("State:")[1].split()[0] not in "ZX":
                live.append(p)
        except OSError:
            pass
    return live
expect("the learner processes run", len(gone()), 5)
learners.kill()
expect("a kill ends every learner process", gone(), [])
d = learners.spawn()
expect("files stay", run(d, "import leave; result = leave.left()")["work"], ["attack.py", "leave.py", "left"])
run(d, "import leave; result = leave.leave()")
`

// The second job's judge: nothing of the first is left.
const splitJudgeTwo = `
expect("the judge's directory is emptied", os.listdir("."), [])
a = learners.spawn()
zygote = run(a, "import os; result = os.getppid()")
expect("no learner process is left", run(a, "import leave; result = leave.learner_pids()"), sorted([zygote, a.pid]))
expect("no learner file is left", run(a, "import leave; result = leave.left()"),
       {"work": ["leave.py"], "tmp": [], "shm": [], "sysv": False})
`

// In a real sandbox, the learner's uid reaches nothing of the judge's: not
// its files, its processes (signals, ptrace, /proc), the results channel,
// nor the rendezvous once the judge accepted; a kill and the reset between
// jobs end every learner process, forks and daemons too, and the reset
// every learner file; the zygote never imported pytest. On Podman the
// judge's directory is /judge/private, and /work and /judge can be listed.
func TestDockerSplitUsers(t *testing.T) {
	d := newDocker(t)
	image := splitImage(t, d)
	job := func(judge string, files ...File) Job {
		files = append(files, File{Path: "judge/judge.py", Data: []byte(judge)})
		return Job{Runtime: "python", Files: files, TimeLimit: 20 * time.Second}
	}
	// Where the engine is Podman, the judge expects Podman's directories.
	engine := fmt.Sprintf("PODMAN = %v\n", map[bool]string{false: "False", true: "True"}[d.podman])
	checks := runSplit(t, d, image, []Job{
		job(engine+splitJudgeOne, File{Path: "attack.py", Data: []byte(attackPy)}, File{Path: "leave.py", Data: []byte(leavePy)}),
		job(splitJudgeTwo, File{Path: "leave.py", Data: []byte(leavePy)}),
	})
	for i, job := range checks {
		for _, c := range job {
			t.Run(fmt.Sprintf("job %d: %s", i+1, c.Check), func(t *testing.T) {
				if !c.OK {
					t.Errorf("got %s, want %s", c.Got, c.Want)
				}
			})
		}
	}
}
