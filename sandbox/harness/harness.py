"""drill's in-container harness.

It runs as an unprivileged user with no capabilities, started by the watchdog
(see watchdog), in a sandbox whose root filesystem is read-only. drill streams the jobs to it on standard
input: one JSON line (for each job its header, its time limits and the size
of its archive), then each job's tar archive of the learner's editable
files, the exercise's support files, and the hidden tests under tests/.

Each job runs in a child forked from the warmed-up harness: it unpacks the
job into /work (a tmpfs), checks the learner's Python files for syntax
errors, runs pytest with a small plugin that records every test, and writes
what happened to its standard output as JSON lines:

    {"collect": "<test file>"} as pytest imports a test file (and the learner's
                               code with it)
    {"collected": [<node id>, ...]}  when collection is done: every test, in
                               file order, each of which must have a result
    {"start": "<test id>"}     as each test begins (so a time-out can name it)
    {"results": {...}}         once, at the very end: the results document

Everything else that anybody prints (pytest's own report, the learner's
prints outside a test) goes to its standard error, so it can never be
mistaken for a results line. The parent keeps the job's time (CPU time, and
the wall clock as a safety net), its output caps and its memory verdict, and
writes one record per job to standard output (see run_batch). drill trusts
the results document only if the child exited normally and every test it
expects appears in it.
"""

import base64
import difflib
import importlib
import importlib.util
import io
import json
import os
import reprlib
import selectors
import shutil
import signal
import sys
import tarfile
import textwrap
import time
import traceback

import pytest

WORK = "/work"
TESTS = "tests"
MAX_JOB_BYTES = 64 << 20
OUTPUT_LIMIT = 4096  # characters of captured output kept per test
MESSAGE_LIMIT = 4096


def main():
    set_dumpable(False)
    # Everything that does not depend on the job is done before reading it,
    # so that a sandbox started ahead of time has it done when the job comes.
    plugins, _ = warm_up()

    # The jobs: one JSON line naming them (see run_batch), then their tar
    # archives, one after another. A single check is a batch of one.
    header = json.loads(sys.stdin.buffer.readline() or b"{}")
    data = sys.stdin.buffer.read(MAX_JOB_BYTES + 1)
    if len(data) > MAX_JOB_BYTES:
        raise SystemExit("harness: job larger than %d bytes" % MAX_JOB_BYTES)
    run_batch(header, data, plugins)
    # Learner code may leave threads behind; they must not keep us alive.
    os._exit(0)


def set_dumpable(on):
    """PR_SET_DUMPABLE (prctl(2)): a process that is not dumpable has its
    /proc entries owned by root, so the job's processes, which run as the
    same user, cannot open the harness's descriptors (its copy of the
    results channel) through /proc/PID/fd. A job's child is made dumpable
    again: to the learner's code, a process like any other."""
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(4, 1 if on else 0, 0, 0, 0)


def run_job(job, archive, plugins):
    """Run one job, in the child run_child forked: unpack its archive into
    /work, run its tests, and write the results stream to standard output.
    Its time is kept by the parent."""
    learner_files = job.get("learner_files", [])
    emit, close, _ = results_stream()
    unpack(archive, WORK)
    os.chdir(WORK)
    sys.path.insert(0, WORK)

    doc = syntax_check(learner_files) or preflight(learner_files) or run_pytest(learner_files, emit, plugins)
    emit({"results": doc})
    close()


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


def run_batch(header, data, plugins):
    """Run the jobs one after another, each in a child forked from this
    warmed-up process, with /work and /tmp emptied in between. For each job,
    one line on standard output: what its child wrote to its standard output
    and error (base64, capped as drill caps a sandbox's), how it ended, and
    the CPU and wall time it took. Jobs of one batch share the sandbox, so
    drill batches several only of code it trusts alike: an exercise bank's
    own solutions; a learner's job is always a batch of one."""
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
        record = run_child(entry["job"], archive, plugins, caps, limits, wake_r, (wake_w, results_fd))
        record["job"] = i
        emit(record)
    close()


def run_child(job, archive, plugins, caps, limits, wake_r, parents):
    """Run one job in a child and return its record. parents are the
    harness's own descriptors, which the child closes: it can write neither
    the results channel nor the wake-up pipe."""
    for d in JOB_DIRS:
        empty(d)
    remove_ipc()
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
            set_dumpable(True)
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            for fd in (out_r, out_w, err_r, err_w, wake_r) + parents:
                os.close(fd)
            run_job(job, archive, plugins)
            code = 0
        except BaseException:  # noqa: BLE001 - reported as the child's own failure
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
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
    (the watchdog, the init): the job's, wherever they went (a new session,
    a daemon's double fork)."""
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


# Where a job of a batch can leave files for the next: the work area, /tmp,
# POSIX shared memory and semaphores, POSIX message queues.
JOB_DIRS = (WORK, "/tmp", "/dev/shm", "/dev/mqueue")


def remove_ipc():
    """Remove the System V shared memory, semaphores and message queues that
    a job made: they outlive its processes. ipcrm runs only if there are
    some (the sandbox's IPC namespace is its own)."""
    for kind in ("shm", "sem", "msg"):
        try:
            with open("/proc/sysvipc/" + kind) as f:
                if len(f.readlines()) > 1:  # a header, then one line each
                    break
        except OSError:
            continue
    else:
        return
    import subprocess

    subprocess.run(["ipcrm", "--all"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)


def empty(directory):
    """Remove what a job left in directory (a tmpfs of the sandbox's)."""
    try:
        entries = os.listdir(directory)
    except OSError:
        return
    for name in entries:
        p = os.path.join(directory, name)
        if os.path.isdir(p) and not os.path.islink(p):
            shutil.rmtree(p, ignore_errors=True)
        else:
            try:
                os.unlink(p)
            except OSError:
                pass


# What most jobs import beyond pytest, loaded before the job comes. Django's
# share is what imports without settings (models need the job's settings);
# for the Django REST framework, which few jobs use, importing costs more
# than it saves.
WARM_MODULES = ("sqlite3", "pdb", "xml.etree.ElementTree")
WARM_DJANGO_MODULES = (
    "django.test",
    "django.db.backends.sqlite3.base",
    "django.db.backends.sqlite3.schema",
    "django.db.backends.sqlite3.creation",
    "django.db.backends.sqlite3.introspection",
    "django.db.backends.sqlite3.client",
    "django.db.migrations.executor",
    "django.db.migrations.autodetector",
    "django.db.migrations.questioner",
    "django.core.management.commands.migrate",
    "django.core.management.commands.createcachetable",
    "django.contrib.auth.apps",
    "django.contrib.auth.hashers",
    "django.contrib.auth.password_validation",
    "django.contrib.auth.validators",
    "django.contrib.auth.checks",
    "django.contrib.auth.management",
    "django.contrib.contenttypes.apps",
    "django.contrib.contenttypes.management",
    "django.contrib.sessions.apps",
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.middleware",
    "django.contrib.messages.api",
    "django.contrib.staticfiles.storage",
    "django.core.cache.backends.locmem",
    "django.core.cache.backends.db",
    "django.core.serializers.json",
    "django.core.serializers.jsonl",
    "django.core.serializers.xml_serializer",
    "django.middleware.common",
    "django.middleware.csrf",
    "django.middleware.security",
    "django.middleware.clickjacking",
    "django.middleware.cache",
    "django.shortcuts",
    "django.views.decorators.csrf",
    "django.views.decorators.http",
    "django.views.decorators.cache",
    "django.template.loaders.app_directories",
    "django.template.loaders.cached",
    "django.template.loaders.filesystem",
    "django.templatetags.cache",
    "django.templatetags.l10n",
    "django.templatetags.tz",
    "django.template.context_processors",
)


def warm_up():
    """Import what jobs need, and name the pytest plugins to load: pytest is
    told not to scan every installed package for plugins, which costs more
    than the tests of a small exercise. Returns the plugins and the modules
    that could not be imported."""
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    plugins = []
    for module in ("pytest_subtests.plugin", "pytest_django.plugin"):
        try:
            __import__(module)
        except ImportError:
            continue
        plugins.append(module)
    import _pytest.config

    modules = ["_pytest." + name for name in _pytest.config.default_plugins] + list(WARM_MODULES)
    if importlib.util.find_spec("django") is not None:
        modules += WARM_DJANGO_MODULES
    missing = []
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - a module not loaded now is loaded by the job
            missing.append(module)
    return plugins, missing


def unpack(data, dest):
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")


def error_doc(message, **extra):
    doc = {"version": 1, "status": "error", "message": clip(message, MESSAGE_LIMIT), "tests": []}
    doc.update(extra)
    return doc


def syntax_check(learner_files):
    """Compile each learner .py file, so a syntax error names file and line."""
    for rel in learner_files:
        if not rel.endswith(".py"):
            continue
        try:
            with open(os.path.join(WORK, rel), "rb") as f:
                source = f.read()
            compile(source, rel, "exec")
        except FileNotFoundError:
            return error_doc("%s is missing" % rel, kind="missing_file", file=rel)
        except SyntaxError as e:
            lines = ["%s, line %s" % (rel, e.lineno) if e.lineno else rel]
            if e.text:
                text = e.text.rstrip("\n")
                stripped = text.lstrip()
                lines.append("    " + stripped)
                if e.offset:
                    col = max(0, e.offset - 1 - (len(text) - len(stripped)))
                    lines.append("    " + " " * col + "^")
            lines.append("%s: %s" % (type(e).__name__, e.msg))
            return error_doc("\n".join(lines), kind="syntax", file=rel, line=e.lineno)
    return None


def preflight(learner_files):
    """Set Django up before pytest does, so an error in the learner's models
    is reported with its file and line instead of as a pytest usage error."""
    settings = django_settings_module()
    if not settings:
        return None
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    try:
        import django

        django.setup()
    except Exception as e:  # noqa: BLE001 - any failure here is the learner's to see
        return error_doc(describe_exception(e, learner_files), kind="import")
    return None


def django_settings_module():
    ini = os.path.join(WORK, TESTS, "pytest.ini")
    if not os.path.exists(ini):
        return None
    import configparser

    cp = configparser.ConfigParser()
    cp.read(ini)
    return cp.get("pytest", "DJANGO_SETTINGS_MODULE", fallback=None)


def describe_exception(exc, learner_files):
    """One learner-facing line for an exception: where in the learner's files
    it happened (the deepest frame there), what it was, and the source line."""
    where = learner_frame(traceback.extract_tb(exc.__traceback__), learner_files)
    head = exception_head(exc)
    if where is None:
        return head
    rel, lineno, line = where
    out = "%s, line %d: %s" % (rel, lineno, head)
    if line:
        out += "\n    " + line.strip()
    return out


INPUT_MESSAGE = "your code asked for keyboard input; the tests give none: take the value as a parameter"


class NoKeyboardInput(EOFError):
    """Raised when the code under test reads standard input (input(),
    sys.stdin): nobody types during a check. An EOFError, as input() raises
    at the end of its input, so code written to handle that still does."""

    def __init__(self):
        super().__init__(INPUT_MESSAGE)


class NoKeyboard(io.TextIOBase):
    """Standard input during a job: every read raises NoKeyboardInput."""

    def readable(self):
        return True

    def read(self, size=-1):
        raise NoKeyboardInput()

    def readline(self, size=-1):
        raise NoKeyboardInput()

    def readlines(self, hint=-1):
        raise NoKeyboardInput()

    def fileno(self):
        raise io.UnsupportedOperation("standard input has no file descriptor during a check")


def exception_head(exc):
    """What an exception says, in the learner's terms: its type and message
    (without the blank lines some messages begin with); for a read of
    standard input, which no test can answer, what to do instead; for an
    exception whose __str__ fails, that it does."""
    name = type(exc).__name__
    text, failure = safe_str(exc)
    if failure is not None:
        return "%s (its message cannot be shown: its __str__ raised %s)" % (name, failure)
    if isinstance(exc, NoKeyboardInput):
        return INPUT_MESSAGE
    text = text.strip()
    return "%s: %s" % (name, text) if text else name


def safe_str(exc):
    """str(exc), and None; or "", and what str() raised (its type and
    message, if that can be shown)."""
    try:
        return str(exc), None
    except BaseException as e:  # noqa: BLE001 - the learner's __str__ may raise anything
        try:
            return "", "%s: %s" % (type(e).__name__, e)
        except BaseException:  # noqa: BLE001
            return "", type(e).__name__


def needs_own_words(exc):
    """Whether pytest's text for exc would mislead the learner: a read of
    standard input, or a message that cannot be shown."""
    return isinstance(exc, NoKeyboardInput) or safe_str(exc)[1] is not None


def root_cause(exc):
    """The exception at the end of exc's __cause__ chain (import failures
    of a test module come wrapped), each link followed once."""
    seen = set()
    while getattr(exc, "__cause__", None) is not None and id(exc) not in seen:
        seen.add(id(exc))
        exc = exc.__cause__
    return exc


def helper_modules(tests_dir):
    """The modules under tests/ that are neither test files nor conftest.py,
    by the names the tests import them by: that of the file, inside its
    packages (directories with an __init__.py)."""
    names = []
    for dirpath, dirs, files in os.walk(tests_dir):
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".py") or f == "conftest.py" or is_test_file(f):
                continue
            parts = [] if f == "__init__.py" else [f[:-3]]
            d = dirpath
            while os.path.exists(os.path.join(d, "__init__.py")) and d != WORK:
                parts.insert(0, os.path.basename(d))
                d = os.path.dirname(d)
            if parts:
                names.append(".".join(parts))
    return names


def is_test_file(name):
    """pytest's default python_files: test_*.py and *_test.py."""
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def learner_frame(frames, learner_files):
    found = None
    for fr in frames:
        rel = os.path.relpath(os.path.abspath(fr.filename), WORK)
        if rel in learner_files:
            found = (rel, fr.lineno, fr.line)
    return found


def clip(text, limit):
    if len(text) <= limit:
        return text
    return text[:limit] + "\n[... truncated]"


# A collected test's status until a report of its call says otherwise.
NOT_RUN = "not run"


class Recorder:
    """The pytest plugin: one entry per collected test, in collection (file)
    order, with its outcome, a learner-facing message and its output."""

    def __init__(self, learner_files, emit):
        self.learner_files = learner_files
        self.emit = emit
        self.tests = {}
        self.collect_errors = []
        self.exceptions = {}

    @pytest.hookimpl(tryfirst=True)
    def pytest_load_initial_conftests(self, early_config, parser, args):
        # pytest rewrites asserts only in test files and conftest.py; a
        # helper module of the tests must show a failed assert's values too.
        # This is the first moment the rewriting hook exists, and before
        # any conftest imports a helper.
        names = helper_modules(os.path.join(WORK, TESTS))
        if names:
            pytest.register_assert_rewrite(*names)

    def pytest_configure(self, config):
        config.addinivalue_line(
            "markers",
            "hidden: on failure show only the test's name and the first line of its docstring",
        )
        config.addinivalue_line(
            "markers",
            "help(message): a message for the learner, shown when the test fails",
        )

    def pytest_assertrepr_compare(self, config, op, left, right):
        return unified_explanation(op, left, right)

    def pytest_collection_finish(self, session):
        # drill expects exactly these tests in the results, in this order.
        items = file_order(session.items)
        for item in items:
            doc = getattr(getattr(item, "obj", None), "__doc__", None) or ""
            self.tests[item.nodeid] = {
                "name": test_name(item.nodeid),
                "file": item.nodeid.split("::")[0],
                # A test passes only on a passing report of its call: one
                # cut short (pytest.exit, a session ended early) does not.
                "status": NOT_RUN,
                "message": "",
                "output": "",
                "output_truncated": False,
                "hidden": item.get_closest_marker("hidden") is not None,
                "_help": help_message(item),
                "_doc": doc.strip().splitlines()[0] if doc.strip() else "",
                "_failures": [],
            }
        self.emit({"collected": [item.nodeid for item in items]})

    def pytest_exception_interact(self, node, call, report):
        # Reached before pytest_collectreport for collection errors. pytest
        # wraps import failures of a test module; the learner wants the
        # original error.
        exc = root_cause(call.excinfo.value) if call.excinfo else None
        if exc is not None:
            self.exceptions[report.nodeid] = exc

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        # A test's exception is gone by the time its report is logged.
        if call.excinfo is not None:
            self.exceptions[item.nodeid] = call.excinfo.value
        return (yield)

    def pytest_internalerror(self, excrepr, excinfo):
        # A BaseException that is not an Exception (SystemExit,
        # KeyboardInterrupt) raised by the learner's code at import time
        # ends the session here.
        if excinfo is not None:
            self.collect_errors.append({
                "file": "",
                "message": clip(describe_exception(excinfo.value, self.learner_files), MESSAGE_LIMIT),
            })

    def pytest_collectreport(self, report):
        if not report.failed:
            return
        exc = self.exceptions.get(report.nodeid)
        if exc is not None and not isinstance(exc, SyntaxError):
            message = describe_exception(exc, self.learner_files)
        else:
            message = error_lines(report.longreprtext) or report.longreprtext
        self.collect_errors.append({"file": report.nodeid, "message": clip(message, MESSAGE_LIMIT)})

    def pytest_collectstart(self, collector):
        if isinstance(collector, pytest.Module):
            self.emit({"collect": collector.nodeid})

    def pytest_runtest_logstart(self, nodeid, location):
        self.emit({"start": test_name(nodeid)})

    @pytest.hookimpl(wrapper=True)
    def pytest_report_teststatus(self, report, config):
        # No progress letters: while a unittest subTest is reported, the
        # test's output is being captured, and its letter would be taken for
        # the learner's. (pytest's own report goes to stderr, unread.)
        status = yield
        if status:
            category, _, word = status
            return category, "", word
        return status

    def pytest_runtest_logreport(self, report):
        entry = self.tests.get(report.nodeid)
        if entry is None:
            return
        # A sub-test (unittest's subTest, the subtests fixture) is reported
        # inside its test, under the test's id, with its parameters.
        subtest = getattr(report, "context", None) is not None and hasattr(report, "sub_test_description")
        if not subtest:
            # Each phase's report carries the output of the phases before
            # it. Keep no more than is shown: a flood can be tens of MB.
            entry["output"], entry["output_truncated"] = captured(report)
        if report.skipped and not subtest and entry["status"] in (NOT_RUN, "pass"):
            entry["status"] = "skip"
            return
        if not report.failed:
            if report.passed and report.when == "call" and not subtest and entry["status"] == NOT_RUN:
                entry["status"] = "pass"
            return
        if entry["status"] in (NOT_RUN, "pass", "skip"):
            entry["status"] = "fail" if report.when == "call" else "error"
        if entry["hidden"]:
            return
        message = self.failure_message(report)
        if subtest:
            message = "%s %s" % (report.sub_test_description(), message)
        entry["_failures"].append(message)

    def failure_message(self, report):
        """What the learner is told of one failed report: the assertion with
        its values, or the exception and where in their code it was raised."""
        message = error_lines(report.longreprtext) or report.longreprtext
        exc = self.exceptions.get(report.nodeid)
        if exc is not None and needs_own_words(exc):
            return describe_exception(exc, self.learner_files)
        if exc is None or isinstance(exc, AssertionError):
            return message
        where = learner_frame(traceback.extract_tb(exc.__traceback__), self.learner_files)
        if where is not None:
            message = "%s\n(raised at %s, line %d)" % (message, where[0], where[1])
        return message

    def document(self, exit_code):
        tests = []
        for entry in self.tests.values():
            entry = dict(entry)
            failures = entry.pop("_failures")
            doc, help_text = entry.pop("_doc"), entry.pop("_help")
            if entry["hidden"]:
                # What a hidden test printed is what the learner's code saw
                # of its inputs (or of its source): hidden too.
                entry["output"], entry["output_truncated"] = "", False
            if entry["status"] == NOT_RUN:
                entry["status"] = "error"
                entry["message"] = "this test did not finish: the test run ended before it did (pytest.exit, or something else that ends the run)"
            elif entry["status"] in ("fail", "error"):
                if entry["hidden"]:
                    entry["message"] = (doc or "This test failed; its details are hidden.") + help_text
                elif failures:
                    entry["message"] = clip(failure_text(failures), MESSAGE_LIMIT) + help_text
            tests.append(entry)
        doc = {"version": 1, "status": "pass", "message": "", "tests": tests, "pytest_exit": int(exit_code)}
        if self.collect_errors:
            doc["status"] = "error"
            doc["kind"] = "import"
            doc["message"] = "\n\n".join(e["message"] for e in self.collect_errors)
        elif not tests:
            doc["status"] = "error"
            doc["message"] = "no tests were collected (pytest exit code %d)" % int(exit_code)
        elif any(t["status"] in ("fail", "error") for t in tests):
            doc["status"] = "fail"
        elif int(exit_code) != 0:
            doc["status"] = "error"
            doc["message"] = "pytest ended with exit code %d" % int(exit_code)
        return doc


def file_order(items):
    """Collected items in the order their test files define them. pytest
    runs a unittest.TestCase's tests in name order; here they are in
    definition order, inherited ones first, as pytest orders the tests of
    other classes."""
    import _pytest.unittest

    out = []
    start = 0
    while start < len(items):
        parent = items[start].parent
        end = start
        while end < len(items) and items[end].parent is parent:
            end += 1
        group = items[start:end]
        if isinstance(parent, _pytest.unittest.UnitTestCase):
            place = {}
            for klass in reversed(parent.obj.__mro__):
                for name in vars(klass):
                    place.setdefault(name, len(place))
            group.sort(key=lambda item: place.get(item.name, len(place)))
        out.extend(group)
        start = end
    return out


# How many of a test's failures (its failed sub-tests, a failed teardown)
# are shown in full; the rest are counted.
SHOWN_FAILURES = 3


def failure_text(failures):
    shown = failures[:SHOWN_FAILURES]
    text = "\n\n".join(shown)
    more = len(failures) - len(shown)
    if more:
        text += "\n\n(and %d more failed case%s)" % (more, "" if more == 1 else "s")
    return text


def help_message(item):
    marker = item.get_closest_marker("help")
    if marker is None or not marker.args:
        return ""
    return "\nhelp: " + str(marker.args[0])


# Long values compare better as a unified diff than as pytest's own
# character-by-character explanation.
DIFF_MIN_LEN = 60
DIFF_MIN_ITEMS = 4


# A learner's wrong answer can be huge (a list of millions, a text of
# megabytes), and computed in a moment: reporting it must cost little more.
# At most this many lines or items are compared and shown, each item's repr
# cut at REPR_LIMIT characters.
DIFF_MAX = 200
REPR_LIMIT = 200


def unified_explanation(op, left, right):
    """For `assert actual == expected` on long strings or sequences: a
    unified diff of their first DIFF_MAX lines or items, expected lines
    with -, actual lines with +; for other large containers, their sizes.
    Bounded in time and memory whatever the values' size."""
    if op != "==":
        return None
    cut = ""
    if isinstance(left, str) and isinstance(right, str):
        if "\n" not in left[:DIFF_MAX * REPR_LIMIT] + right[:DIFF_MAX * REPR_LIMIT] and max(len(left), len(right)) < DIFF_MIN_LEN:
            return None
        actual, expected = left[:DIFF_MAX * REPR_LIMIT].splitlines(), right[:DIFF_MAX * REPR_LIMIT].splitlines()
        if len(actual) <= 1 and len(expected) <= 1:
            # One long line: compare it word by word.
            actual, expected = left[:DIFF_MAX * REPR_LIMIT].split(" "), right[:DIFF_MAX * REPR_LIMIT].split(" ")
        if max(len(left), len(right)) > DIFF_MAX * REPR_LIMIT or max(len(actual), len(expected)) > DIFF_MAX:
            cut = "(the texts are %d and %d characters long: their first %d lines or words are compared)" % (
                len(left), len(right), DIFF_MAX)
    elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        if max(len(left), len(right)) < DIFF_MIN_ITEMS:
            return None
        actual = [short(x, REPR_LIMIT) for x in left[:DIFF_MAX]]
        expected = [short(x, REPR_LIMIT) for x in right[:DIFF_MAX]]
        if max(len(left), len(right)) > DIFF_MAX:
            cut = "(%d and %d items: their first %d are compared)" % (len(left), len(right), DIFF_MAX)
    elif isinstance(left, (dict, set, frozenset, list, tuple, str, bytes)) and max(sized(left), sized(right)) > DIFF_MAX:
        return ["%s == %s" % (short(left), short(right)), "",
                "(values of %d and %d items, too large to compare in full)" % (sized(left), sized(right))]
    else:
        return None
    diff = list(difflib.unified_diff(expected[:DIFF_MAX], actual[:DIFF_MAX], "expected", "actual", lineterm="", n=2))
    head = ["%s == %s" % (short(left), short(right))]
    if cut:
        head.append(cut)
    return head + ["", "Diff (- expected, + actual):"] + diff


def bound_pytest_compare():
    """pytest calls every plugin's pytest_assertrepr_compare, its own too,
    whose diff of two huge values (pprint and ndiff) can take minutes and
    gigabytes. For values past DIFF_MAX, its own is skipped: drill's
    (unified_explanation) says what matters in bounded time."""
    import _pytest.assertion.util as util

    full = util.assertrepr_compare

    def bounded(config, op, left, right, **kw):
        if too_large(left) or too_large(right):
            return None
        return full(config, op, left, right, **kw)

    util.assertrepr_compare = bounded


def too_large(value):
    if isinstance(value, (str, bytes)):
        return len(value) > DIFF_MAX * REPR_LIMIT
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return len(value) > DIFF_MAX
    return False


def sized(value):
    try:
        return len(value)
    except Exception:  # noqa: BLE001 - the learner's __len__ may fail
        return 0


REPR = reprlib.Repr(maxlevel=4, maxtuple=12, maxlist=12, maxarray=12, maxdict=8, maxset=12,
                    maxfrozenset=12, maxdeque=12, maxstring=REPR_LIMIT, maxlong=REPR_LIMIT, maxother=REPR_LIMIT)


def short(value, limit=40):
    """A repr of value of at most limit characters, in time that does not
    grow with its size (reprlib), and never failing."""
    try:
        text = REPR.repr(value)
    except Exception as e:  # noqa: BLE001 - the learner's __repr__ may fail
        text = "<%s whose repr raised %s>" % (type(value).__name__, type(e).__name__)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def captured(report):
    """The test's captured stdout and stderr, cut at OUTPUT_LIMIT."""
    parts, size, cut = [], 0, False
    for title, content in report.sections:
        if not title.startswith("Captured std"):
            continue
        room = OUTPUT_LIMIT - size
        if len(content) > room:
            content, cut = content[:room], True
        parts.append(content)
        size += len(content)
    return "".join(parts), cut


def test_name(nodeid):
    """tests/test_x.py::TestA::test_b[1] -> TestA::test_b[1]"""
    return nodeid.split("::", 1)[1] if "::" in nodeid else nodeid


def error_lines(longrepr):
    """The "E   " lines of a pytest failure: the assertion with its expected
    and actual values, or the exception raised."""
    lines = textwrap.dedent("\n".join(ln[1:] for ln in longrepr.splitlines() if ln.startswith("E "))).strip()
    if lines.startswith("AssertionError: "):
        lines = lines[len("AssertionError: "):]
    return lines


class TeeBytes(io.BytesIO):
    """The bytes of a test's captured stream, each also written on to the
    stream it replaces, as soon as written."""

    def __init__(self, other):
        super().__init__()
        self.other = other

    def write(self, data):
        n = super().write(data)
        target = getattr(self.other, "buffer", None)
        if target is not None:
            target.write(data)
        else:
            self.other.write(bytes(data).decode("utf-8", "replace"))
        self.other.flush()
        return n


def tee_capture_io():
    """pytest's tee-sys capture (its TeeCaptureIO) tees what is written as
    text, so bytes written to sys.stdout.buffer stay in memory, unbounded,
    and invalid UTF-8 among them breaks pytest when it reads the capture.
    This one tees at the byte level, and reads what is not UTF-8 as pytest's
    file capture does (replaced)."""
    import _pytest.capture

    class TeeCaptureIO(_pytest.capture.CaptureIO):
        def __init__(self, other):
            io.TextIOWrapper.__init__(self, TeeBytes(other), encoding="UTF-8", newline="", write_through=True)

        def getvalue(self):
            return self.buffer.getvalue().decode("UTF-8", "replace")

    return TeeCaptureIO


def run_pytest(learner_files, emit, plugins):
    # Nothing reads the job's standard input: not the learner's code (whose
    # input() is told why), not a program it starts (which reads nothing).
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    sys.stdin = NoKeyboard()
    import _pytest.capture

    # SysCapture makes its tee by this name when a test starts.
    _pytest.capture.TeeCaptureIO = tee_capture_io()
    bound_pytest_compare()
    recorder = Recorder(learner_files, emit)
    args = [arg for module in plugins for arg in ("-p", module)] + [
        "-q",
        "-p", "no:cacheprovider",
        "--rootdir", WORK,
        "--color", "no",
        # Captured output stays in memory and is also written on, to the
        # child's stderr, which drill bounds: a flood of prints meets drill's
        # output limit, never a full /tmp (where pytest's file capture would
        # keep it). It also leaves the subtests fixture's output in its test.
        "--capture", "tee-sys",
        "-o", "console_output_style=classic",
        "-W", "ignore::DeprecationWarning",
        # pytest's own report goes to stderr, which drill bounds; captured
        # output is reported per test, truncated, instead.
        "--no-summary",
        "--show-capture=no",
        "--no-header",
        # Whole values in a failed assert, up to pytest's bound for this
        # level (2400 characters): level 2 has none, and a huge wrong value
        # would cost more to show than to compute.
        "-o", "verbosity_assertions=1",
        TESTS,
    ]
    code = pytest.main(args, plugins=[recorder])
    return recorder.document(code)


if __name__ == "__main__":
    main()
