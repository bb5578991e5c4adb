"""The zygote: the learner's side's fork server (uid 10002, started by the
watchdog beside the judge, before the job comes).

It makes itself not dumpable and a session of its own, imports what
learner code most often needs (never pytest: that is the judge's), connects
to the judge's rendezvous (procs.address()), and then serves the judge's
requests (see procs.py) until the judge's channel ends, when it kills every
learner process and exits. It never runs learner code itself: a learner
process is a fork of it that does, after dropping every descriptor of the
zygote's but its request channel and output pipe.

Learner processes run as the zygote's own uid: they can signal it (kill or
stop it), not trace it or open its /proc entries (it is not dumpable). A
zygote they killed is the judge's ZygoteError, never a pass.
"""

import importlib
import io
import importlib.util
import os
import selectors
import signal
import socket
import stat
import sys
import time
import traceback

import cleanup
import procs
import warm
import wire

# What learner code most often imports, loaded before the job comes.
# Django's share is what imports without settings (models need the job's
# settings); for the Django REST framework, which few jobs use, importing
# costs more than it saves.
WARM_MODULES = ("sqlite3",)
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

# The shared places a learner process can leave files in besides /work.
SHARED_DIRS = ("/tmp", "/dev/shm", "/dev/mqueue")
# How long the zygote tries to reach the judge, which starts beside it.
CONNECT_TIMEOUT = 30.0
# How long a kill waits for the learner's processes to be gone (SIGKILL
# takes effect when each is next scheduled).
KILL_WAIT = 5.0
# The descriptor a learner process's request channel is, and how many a
# process may have (the sandbox's nofile limit).
CHANNEL_FD = 3
MAX_FDS = 256


def main():
    seclude()
    # Warmed up before it connects: the judge's first request is answered
    # at once, and the judge waits for the connection, not for a reply.
    warm_up()
    sock = connect(procs.address())
    Zygote(sock).serve()
    os._exit(0)


def seclude():
    """Make the zygote not dumpable (its learner processes, of its uid,
    cannot open its /proc entries or trace it) and the leader of a session
    of its own, and so its learner processes' (from another session, not
    even SIGCONT reaches the judge)."""
    procs.set_dumpable(False)
    if os.getpgid(0) != os.getpid():
        os.setsid()


def connect(addr, timeout=CONNECT_TIMEOUT):
    """A socket connected to the judge's rendezvous at addr, tried until
    timeout seconds have passed (the judge may not be listening yet)."""
    deadline = time.monotonic() + timeout
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(addr)
            return s
        except (ConnectionRefusedError, FileNotFoundError):
            s.close()
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


# The web image's frameworks: each costs a learner process a few hundred
# milliseconds of CPU time to import, so the zygote imports those most
# exercises there use (with their test clients) once, before the job.
WARM_WEB_MODULES = (
    "flask",
    "flask.testing",
    "werkzeug.test",
    "fastapi",
    "fastapi.testclient",
    "pydantic",
    "httpx",
)


def warm_up():
    """Import what learner code most often needs; returns the modules that
    could not be imported."""
    modules = list(WARM_MODULES)
    if importlib.util.find_spec("django") is not None:
        modules += WARM_DJANGO_MODULES
    if importlib.util.find_spec("flask") is not None:
        modules += WARM_WEB_MODULES
    return warm.import_each(modules)


class Zygote:
    """Serves the judge's requests on sock (the parent's channel) and on the
    sessions it opens. work is the learner's directory, shared the other
    places its files go; server(chan) is what a learner process runs on its
    request channel: by default drill's object server, learner.serve
    (imported in the learner process; the tests give their own)."""

    def __init__(self, sock, work=procs.WORK, shared=SHARED_DIRS, server=None):
        self.work, self.shared = work, shared
        self.server = server
        self.selector = selectors.DefaultSelector()
        self.main = self.add(sock)
        self.sessions = []
        self.children = set()  # learner processes spawned, not yet reaped
        self.ended = {}  # pid -> status reply, for those reaped
        self.uid = os.getuid()

    def add(self, sock):
        sock.setblocking(True)
        chan = wire.Channel(sock)
        self.selector.register(sock, selectors.EVENT_READ, chan)
        return chan

    def drop(self, chan):
        self.selector.unregister(chan.sock)
        chan.sock.close()
        if chan in self.sessions:
            self.sessions.remove(chan)

    def serve(self):
        """Answer requests until the parent's channel ends; then kill every
        learner process."""
        while self.main is not None:
            for key, _ in self.selector.select():
                if self.main is None:
                    break
                if key.data is self.main or key.data in self.sessions:
                    self.answer(key.data)
        self.kill_all()

    def answer(self, chan):
        """Read one request from chan and answer it. A channel that ended (a
        judge child killed mid-request leaves a frame cut short) is closed;
        the parent's ends the serving."""
        try:
            request = chan.recv()
        except (EOFError, OSError, wire.WireError):
            if chan is self.main:
                self.main = None
            self.drop(chan)
            return
        after = []
        try:
            reply, fds = self.handle(request, chan is self.main, after)
        except Exception as e:  # noqa: BLE001 - refused, with why; the zygote goes on
            reply, fds = {"error": "%s: %s" % (type(e).__name__, e)}, []
        try:
            if fds:
                chan.send_fds(reply, fds)
            else:
                chan.send(reply)
        except OSError:
            pass  # the asker is gone; its channel ends at the next read
        finally:
            for obj in after:
                obj.close()

    def handle(self, request, main, after):
        """The reply to request and the descriptors to send with it; objects
        to close once sent go in after."""
        op = request.get("op") if isinstance(request, dict) else None
        if op == "files":
            self.write_files(request.get("files"))
            return {"ok": True}, []
        if op == "spawn":
            return self.spawn(after)
        if op == "status":
            return self.status(request.get("pid")), []
        if op == "kill":
            self.kill_all()
            return {"ok": True}, []
        if op == "reset":
            self.reset(main)
            return {"ok": True}, []
        if op == "session":
            mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sessions.append(self.add(mine))
            after.append(theirs)
            return {"ok": True}, [theirs.fileno()]
        return {"error": "no such request: %r" % (op,)}, []

    def write_files(self, files):
        """Write files ({relpath: bytes}) under work, through no link."""
        if not isinstance(files, dict):
            raise ValueError("files must be a dict of relative paths to bytes")
        for rel, data in files.items():
            if type(data) is not bytes:
                raise ValueError("%r: the content must be bytes" % (rel,))
            write_file(self.work, safe_parts(rel), data)

    def spawn(self, after):
        """Fork a learner process; the reply, with the judge's end of its
        request channel and the read end of its output pipe."""
        judge_end, learner_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        out_r, out_w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:
            for s in (judge_end, learner_end):
                s.close()
            os.close(out_r)
            os.close(out_w)
            raise
        if pid == 0:
            judge_end.detach()  # closed below with the zygote's other descriptors
            self.become_learner(learner_end, out_w)
        learner_end.close()
        os.close(out_w)
        self.children.add(pid)
        out = os.fdopen(out_r, "rb", buffering=0)
        after += [judge_end, out]
        return {"pid": pid}, [judge_end.fileno(), out_r]

    def become_learner(self, learner_end, out_w):
        """In the forked child: keep only the request channel (fd 3) and
        the output pipe (fds 1 and 2, stdin /dev/null), become an ordinary
        process of the learner's in /work, and serve. Never returns."""
        code = 1
        try:
            for chan in [self.main] + self.sessions:
                chan.sock.close()
            self.selector.close()
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(out_w, 1)
            os.dup2(out_w, 2)
            os.dup2(learner_end.fileno(), CHANNEL_FD)
            learner_end.detach()
            # Whatever else the zygote had open (its stderr, the other
            # processes' ends) goes: only now may the process be dumpable.
            os.closerange(CHANNEL_FD + 1, MAX_FDS)
            procs.set_dumpable(True)
            standard_streams()
            os.chdir(self.work)
            # drill's server, imported before /work can shadow it.
            serve = self.server or importlib.import_module("learner").serve
            forget_shadowed(self.work)
            sys.path.insert(0, self.work)
            serve(wire.Channel(socket.socket(fileno=CHANNEL_FD)))
            code = 0
        except SystemExit as e:
            # As the interpreter would exit: sys.exit(), sys.exit(3), sys.exit("why").
            if e.code is None or type(e.code) is int:
                code = e.code or 0
            else:
                print(e.code, file=sys.stderr)
        except BaseException:  # noqa: BLE001 - the learner process's own failure, on its output
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)

    def status(self, pid):
        if type(pid) is not int or (pid not in self.children and pid not in self.ended):
            raise ValueError("no learner process %r" % (pid,))
        if pid in self.children:
            done, st = os.waitpid(pid, os.WNOHANG)
            if not done:
                return {"running": True}
            self.record(pid, st)
        return self.ended[pid]

    def record(self, pid, st):
        self.children.discard(pid)
        if os.WIFSIGNALED(st):
            self.ended[pid] = {"signal": os.WTERMSIG(st)}
        else:
            self.ended[pid] = {"exit": os.WEXITSTATUS(st)}

    def reap(self):
        """Reap every ended child of the zygote's."""
        while True:
            try:
                pid, st = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid in self.children:
                self.record(pid, st)

    def kill_all(self):
        """Kill every process of the learner's uid but the zygote: those it
        spawned and whatever they started (a new session, a double fork),
        and wait, a moment at most, until they are gone."""
        deadline = time.monotonic() + KILL_WAIT
        while True:
            try:
                os.kill(-1, signal.SIGKILL)  # every process this uid may signal but itself
            except ProcessLookupError:
                pass
            self.reap()
            if not live_pids(self.uid) or time.monotonic() >= deadline:
                break
            time.sleep(0.005)
        self.reap()  # those that became zombies since

    def reset(self, main):
        """Between two jobs: no learner process, no file of the learner's
        uid; from the parent, no session of the job that ended."""
        self.kill_all()
        cleanup.empty(self.work)
        for d in self.shared:
            cleanup.empty(d, owner=self.uid)
        cleanup.remove_ipc()
        self.ended.clear()
        if main:
            for chan in list(self.sessions):
                self.drop(chan)


def standard_streams():
    """sys.stdin, stdout and stderr on fds 0, 1 and 2, whatever they were
    in the zygote, writing through: what a learner process printed is in
    its pipe even if it ends with os._exit."""
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace",
                                  write_through=True)


def live_pids(uid):
    """The processes of real uid uid but this one that have not exited
    (zombies are not counted), from /proc/PID/status, which shows the uids
    even of a process that is not dumpable."""
    me = os.getpid()
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == me:
            continue
        try:
            with open("/proc/%s/status" % name) as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except (OSError, ValueError):
            continue
        if int(fields.get("Uid", "-1").split()[0]) == uid and fields.get("State", "").split()[:1] not in (["Z"], ["X"]):
            out.append(int(name))
    return out


def safe_parts(rel):
    """rel's components, for a relative path with no '..', '.' or empty
    component; ValueError otherwise."""
    if not isinstance(rel, str) or not rel or rel.startswith("/") or "\0" in rel:
        raise ValueError("not a relative path: %r" % (rel,))
    parts = rel.split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise ValueError("not a plain relative path: %r" % (rel,))
    return parts


def write_file(root, parts, data):
    """Write data to root/parts..., making the directories, refusing a
    component that is a link (or a file with other links, or not a regular
    file: a FIFO would hang the zygote)."""
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
    d = os.open(root, flags)
    try:
        for part in parts[:-1]:
            try:
                os.mkdir(part, 0o755, dir_fd=d)
            except FileExistsError:
                pass
            try:
                sub = os.open(part, flags, dir_fd=d)
            except OSError as e:
                raise ValueError("%s: %s is not a directory of its own (%s)" % ("/".join(parts), part, e.strerror)) from None
            os.close(d)
            d = sub
        try:
            fd = os.open(parts[-1], os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644, dir_fd=d)
        except OSError as e:
            raise ValueError("%s: cannot write it (%s)" % ("/".join(parts), e.strerror)) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:
                raise ValueError("%s: not a regular file of its own" % "/".join(parts))
            os.ftruncate(fd, 0)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    finally:
        os.close(d)


def forget_shadowed(work):
    """Drop from sys.modules drill's own modules (this directory's) that a
    learner's file or package in work is named like, so that the learner's
    import of that name is the learner's; drill's objects that are loaded
    keep working."""
    here = os.path.dirname(os.path.abspath(__file__))
    for name, module in list(sys.modules.items()):
        top = name.split(".")[0]
        path = getattr(module, "__file__", None) or ""
        if not os.path.abspath(path).startswith(here + os.sep):
            continue
        if os.path.exists(os.path.join(work, top + ".py")) or os.path.isdir(os.path.join(work, top)):
            del sys.modules[name]


if __name__ == "__main__":
    main()
