"""The judge's batch parent: the sandbox's program once the harness has
chosen what a job is (harness.py), run as the judge's uid (10001).

main listens for the zygote (procs.py) before anything else, warms up while
the zygote connects, accepts it, and only then reads the jobs from
standard input: one JSON line (for each job its header, its time limits and
the size of its archive), then each job's tar archive. Each job runs in a
judge child forked from this warmed-up process, with a session of its own
to the zygote; the parent keeps the job's time (CPU time, and the wall
clock as a safety net), its output caps and its memory verdict, and writes
one record per job to standard output (see run_batch). After each job the
zygote kills every learner process and empties the learner's files (the
judge's uid can do neither), and the parent empties its own.
"""

import base64
import json
import os
import selectors
import signal
import sys
import time
import traceback

import cleanup
import procs

MAX_JOB_BYTES = 64 << 20


def main(prepare):
    """The judge's program. prepare() warms the judge up and returns
    run_job(job, archive, learners), which runs one job in its judge child
    (learners: that job's session with the zygote) and writes the results
    stream to standard output."""
    procs.set_dumpable(False)
    # What the judge writes anywhere (/tmp too) is its own to read.
    os.umask(0o077)
    # The rendezvous comes first, so that the zygote can connect while both
    # warm up; everything that does not depend on the job is done before
    # reading it, so that a sandbox started ahead of time has it done when
    # the job comes.
    listener = procs.listen()
    run_job = prepare()
    try:
        learners = procs.accept(listener)
        judge = procs.judge_dir()
        # The first job's session and learner process, ready before it comes.
        first = learners.session()
        first.prespawn()
    except (procs.ZygoteError, OSError) as e:
        raise SystemExit("harness: %s" % e)
    os.chdir(judge)
    servers = wait_for_services()

    # The jobs: one JSON line naming them (see run_batch), then their tar
    # archives, one after another. A single check is a batch of one.
    header = json.loads(sys.stdin.buffer.readline() or b"{}")
    if servers is not None:
        # Said once the job has come, so that a spare whose servers failed
        # waits for its job like any other, and drill hears it then.
        sys.stderr.write("%s\n" % servers)
        sys.stderr.flush()
        os._exit(EXIT_SERVICES)
    data = sys.stdin.buffer.read(MAX_JOB_BYTES + 1)
    if len(data) > MAX_JOB_BYTES:
        raise SystemExit("harness: job larger than %d bytes" % MAX_JOB_BYTES)
    run_batch(header, data, run_job, learners, judge, first)
    # Code may leave threads behind; they must not keep us alive.
    os._exit(0)


# The image's servers (see ../services/start.py): which it has, and where
# their starter says how it went.
SERVICES_ENABLED = "/opt/drill/services/enabled"
SERVICES_READY = "/srv/run/ready"
SERVICES_FAILED = "/srv/run/failed"
# How long the servers may take to start, in seconds of wall time, past
# which the sandbox has failed. A spare waits for its job far longer.
SERVICES_TIMEOUT = 60.0
# The harness's exit status when the servers did not start: drill's
# internal/wire names it (ExitServices) and takes it for the sandbox's
# failure, not the learner's.
EXIT_SERVICES = 75


def wait_for_services(timeout=SERVICES_TIMEOUT, enabled=SERVICES_ENABLED, ready=SERVICES_READY, failed=SERVICES_FAILED):
    """Wait for the image's servers to answer. None when they do (or the
    image has none); else one line saying which did not start and why. It
    is read before any learner code runs in this sandbox, from a file only
    the servers' uid can write."""
    if not os.path.exists(enabled):
        return None
    deadline = time.monotonic() + timeout
    while True:
        if os.path.exists(ready):
            return None
        try:
            with open(failed) as f:
                doc = json.loads(f.read(8192))
            return "service %s did not start: %s" % (doc["service"], doc["message"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        if time.monotonic() > deadline:
            with open(enabled) as f:
                names = ", ".join(line.strip() for line in f if line.strip())
            return "services %s did not start within %d s" % (names, timeout)
        time.sleep(0.01)


def results_stream():
    """Keep a private copy of stdout for JSON lines, and send everything
    else printed from here on to stderr. Returns emit(obj), close() and the
    private copy's descriptor (which a job's child must not keep)."""
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)

    def emit(obj):
        out.write(json.dumps(obj) + "\n")
        out.flush()

    return emit, out.close, out.fileno()


def run_batch(header, data, run_job, learners, judge, first):
    """Run the jobs one after another, each in a judge child forked from
    this warmed-up process, with the judge's directory (judge) and /tmp
    emptied in between and, by the zygote (learners), every learner process
    killed and the learner's files removed. For each job, one line on
    standard output: what its child wrote to its standard output and error
    (base64, capped as drill caps a sandbox's), how it ended, and the CPU
    and wall time it took. Jobs of one batch share the sandbox, so drill
    batches several only of code it trusts alike: an exercise bank's own
    solutions; a learner's job is always a batch of one. A zygote that does
    not answer a reset ends the batch (SystemExit) after that job's record:
    drill runs the jobs left in sandboxes of their own. first is the first
    job's session, with its learner process started ahead."""
    emit, close, results_fd = results_stream()
    caps = (int(header["stdout_limit"]), int(header["stderr_limit"]))
    # A child's exit wakes the harness through this pipe (SIGCHLD).
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    signal.set_wakeup_fd(wake_w)
    offset = 0
    for i, entry in enumerate(header["jobs"]):
        size = int(entry["size"])
        archive = data[offset:offset + size]
        offset += size
        limits = (float(entry["cpu_limit_seconds"]), float(entry["wall_limit_seconds"]), float(entry["wall_cap_seconds"]))
        dirs = (judge,) + SHARED_DIRS
        record = None
        try:
            session = first if i == 0 else learners.session()
            record = run_child(entry["job"], archive, run_job, caps, limits, wake_r, (wake_w, results_fd), learners, session, dirs)
            failure = None
            learners.reset()
        except procs.ZygoteError as e:
            failure = e
        if record is not None:
            record["job"] = i
            emit(record)
        if failure is not None:
            close()
            raise SystemExit("harness: %s" % failure)
    close()


def run_child(job, archive, run_job, caps, limits, wake_r, parents, learners, session, dirs):
    """Run one job in a judge child and return its record. parents are the
    harness's own descriptors, which the child closes: it can write neither
    the results channel nor the wake-up pipe, nor use the parent's channel
    to the zygote (it has a session of its own). dirs are emptied first."""
    for d in dirs:
        cleanup.empty(d)
    cleanup.remove_ipc()
    oom_before = oom_kills()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    clock = JobClock(*limits)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            learners.close()
            for fd in (out_r, out_w, err_r, err_w, wake_r) + parents:
                os.close(fd)
            run_job(job, archive, session)
            code = 0
        except BaseException:  # noqa: BLE001 - reported as the child's own failure
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    session.close()
    os.close(out_w)
    os.close(err_w)
    streams, status, stop, exceeded = collect(pid, {out_r: caps[0], err_r: caps[1]}, clock, wake_r)
    oom = oom_kills()
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    if oom is not None and oom_before is not None:
        oom_killed = oom > oom_before
    else:
        # Without the counter: a SIGKILL that the harness did not send is the
        # kernel's, and in a sandbox with this little memory, the OOM killer.
        oom_killed = killed and not (stop or exceeded)
    if os.WIFSIGNALED(status):
        exit_code = 128 + os.WTERMSIG(status)
    else:
        exit_code = os.WEXITSTATUS(status)
    record = {
        "exit_code": exit_code,
        "cpu_exceeded": stop == "cpu",
        "wall_exceeded": stop in ("waiting", "busy"),
        "busy": stop == "busy",
        "oom_killed": oom_killed,
        "output_exceeded": exceeded,
        "stdout": base64.b64encode(bytes(streams[out_r])).decode("ascii"),
        "stderr": base64.b64encode(bytes(streams[err_r])).decode("ascii"),
    }
    record.update(clock.figures())
    return record


# How often the harness looks at the CPU time a job has used, in seconds:
# a job overruns its CPU limit by at most about this much.
CPU_POLL = 0.05
# At the wall-clock limit, a job that was running or ready to run for at
# least this share of the time is being held back by a busy machine, and
# may go on to its cap; one that was not was waiting (sleeping, reading,
# locking). How often a held-back job is looked at again, in seconds:
BUSY_SHARE = 0.5
BUSY_RECHECK = 1.0


class JobClock:
    """The time limits of one job: CPU seconds (the sandbox's processes, from
    the cgroup's CPU accounting, as isolate and contest judges count time),
    and on the wall clock, the safety net for code that waits, a limit and
    a cap: past the limit a job goes on only while it is being held back by
    a busy machine, and never past the cap."""

    def __init__(self, cpu_limit, wall_limit, wall_cap):
        self.cpu_limit, self.wall_limit, self.wall_cap = cpu_limit, wall_limit, wall_cap
        self.start = time.monotonic()
        self.cpu_start = sandbox_cpu()
        self.next_look = self.start + wall_limit
        self.ready = 0.0  # seconds the job's live tasks waited for a CPU, when last looked at
        self.end = None

    def cpu(self):
        """CPU seconds the sandbox has used since the job started."""
        return max(0.0, sandbox_cpu() - self.cpu_start)

    def deadline(self):
        """When the wall clock is next looked at."""
        return self.next_look

    def check(self, now):
        """None while the job may go on; else why it must stop: "cpu" (over
        its CPU time), "waiting" (at the wall limit, not computing), or
        "busy" (at the wall cap, held back by a busy machine all along)."""
        if self.cpu() >= self.cpu_limit:
            return "cpu"
        if now < self.next_look:
            return None
        self.ready = ready_seconds()
        wall = now - self.start
        if self.cpu() + self.ready < BUSY_SHARE * wall:
            return "waiting"
        if wall >= self.wall_cap:
            return "busy"
        self.next_look = min(now + BUSY_RECHECK, self.start + self.wall_cap)
        return None

    def stop(self):
        self.end = time.monotonic()

    def figures(self):
        end = self.end or time.monotonic()
        return {
            "duration_ms": round((end - self.start) * 1000, 3),
            "cpu_ms": round(self.cpu() * 1000, 3),
            "ready_ms": round(self.ready * 1000, 3),
        }


CPU_USAGE_FILES = (
    ("/sys/fs/cgroup/cpu.stat", "usage_usec", 1e-6),  # cgroup v2
    ("/sys/fs/cgroup/cpuacct/cpuacct.usage", None, 1e-9),  # cgroup v1
    ("/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage", None, 1e-9),
)


def sandbox_cpu():
    """CPU seconds used by every process of the sandbox so far, from its
    cgroup; where the cgroup does not say, the harness's own and its
    children's, as the kernel counts them (os.times) plus the live ones'."""
    for path, key, unit in CPU_USAGE_FILES:
        try:
            with open(path) as f:
                if key is None:
                    return int(f.read()) * unit
                for line in f:
                    name, _, value = line.partition(" ")
                    if name == key:
                        return int(value) * unit
        except (OSError, ValueError):
            continue
    t = os.times()
    total = t.user + t.system + t.children_user + t.children_system
    tick = os.sysconf("SC_CLK_TCK")
    for pid in other_pids():
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
    return total


def ready_seconds():
    """Seconds the live tasks of the job spent ready to run but waiting for
    a CPU (the second figure of /proc/PID/task/TID/schedstat)."""
    total = 0
    for pid in other_pids():
        try:
            tids = os.listdir("/proc/%d/task" % pid)
        except OSError:
            continue
        for tid in tids:
            try:
                with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                    total += int(f.read().split()[1])
            except (OSError, IndexError, ValueError):
                continue
    return total / 1e9


def collect(pid, caps, clock, wake_r):
    """Read the child's output until it has exited and its pipes are closed,
    killing it when clock says its time is up or when it prints more than
    the caps allow. wake_r becomes readable when a child exits. Returns the
    output by pipe, the wait status, why its time was up (None, or what
    JobClock.check said), and whether it printed too much."""
    bufs = {fd: bytearray() for fd in caps}
    sel = selectors.DefaultSelector()
    for fd in caps:
        sel.register(fd, selectors.EVENT_READ)
    sel.register(wake_r, selectors.EVENT_READ)
    status = None
    stop = None
    exceeded = False
    drain_until = None

    while True:
        if status is None:
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                clock.stop()
                # What the child left running goes with it, and with that
                # the last holders of its pipes.
                kill_others()
                drain_until = time.monotonic() + 0.5
        now = time.monotonic()
        if status is None and stop is None:
            stop = clock.check(now)
            if stop is not None:
                kill_others()
        if status is not None and (len(sel.get_map()) == 1 or now >= drain_until):
            break
        if status is not None:
            wait = drain_until - now
        elif stop is None:
            wait = min(CPU_POLL, clock.deadline() - now)
        else:
            wait = 0.1  # killed: its exit is a moment away
        for key, _ in sel.select(max(0.0, wait)):
            fd = key.fd
            if fd == wake_r:
                try:
                    os.read(wake_r, 512)
                except BlockingIOError:
                    pass
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                sel.unregister(fd)
                os.close(fd)
                continue
            buf = bufs[fd]
            room = caps[fd] - len(buf)
            buf += chunk[:max(room, 0)]
            if len(chunk) > room and not exceeded:
                exceeded = True
                kill_others()
    sel.unregister(wake_r)
    for key in list(sel.get_map().values()):
        os.close(key.fd)
    sel.close()
    return bufs, status, stop, exceeded


def kill_others():
    """Kill every process in the sandbox but the harness and those above it
    (the watchdog, the init) that the judge's uid may: the job's judge
    child's, wherever they went (a new session, a daemon's double fork).
    The learner's uid's are the zygote's to kill (Learners.reset)."""
    for pid in other_pids():
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def other_pids():
    """The sandbox's processes but the harness and those above it."""
    keep = {1, os.getpid(), os.getppid()}
    return [int(name) for name in os.listdir("/proc") if name.isdigit() and int(name) not in keep]


def oom_kills():
    """How many processes the OOM killer has killed in this sandbox, or None
    if the cgroup does not say."""
    for path in ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"):
        try:
            with open(path) as f:
                for line in f:
                    name, _, value = line.partition(" ")
                    if name == "oom_kill":
                        return int(value)
        except OSError:
            continue
    return None



# Where a job of a batch can leave files for the next besides the judge's
# directory: /tmp, POSIX shared memory and semaphores, POSIX message queues.
SHARED_DIRS = ("/tmp", "/dev/shm", "/dev/mqueue")
