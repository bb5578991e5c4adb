"""The judge/zygote plumbing on the host: the rendezvous, the control
requests, learner processes and their end, and the batch's reset between
jobs. Run with /usr/bin/python3 -m pytest sandbox/harness/tests -q.

The two-uid tests need root: they fork a zygote and a judge that setuid to
uids of their own, unique to this run, never the sandbox's 10001 and 10002
(the host's kernel is shared with the sandboxes of the Docker engine: a
kill(-1) as 10002 here would reach theirs)."""

import base64
import ctypes
import io
import json
import os
import pathlib
import shutil
import signal
import socket
import stat
import sys
import tarfile
import tempfile

import time

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import batch  # noqa: E402
import cleanup  # noqa: E402
import procs  # noqa: E402
import wire  # noqa: E402
import zygote  # noqa: E402

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="the two-uid setup needs root (setuid in forked children)")

BASE_UID = 3_000_000 + (os.getpid() % 100_000) * 4
JUDGE, LEARNER, OTHER = BASE_UID, BASE_UID + 1, BASE_UID + 2


def become(uid):
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)


def live(uid):
    return zygote.live_pids(uid)


def kill_uid(uid):
    """The safety net: no process of a test uid outlives its test."""
    for pid in live(uid):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def echo_server(chan):
    """A learner process's work in these tests (learner.py is not this
    branch's): requests are [op, ...], answered with data."""
    while True:
        try:
            op, *args = chan.recv()
        except EOFError:
            return
        if op == "echo":
            chan.send(args[0])
        elif op == "print":
            print(args[0])
            chan.send(None)
        elif op == "exit":
            os._exit(args[0])
        elif op == "sys.exit":
            sys.exit(args[0])
        elif op == "raise":
            raise ValueError(args[0])
        elif op == "info":
            libc = ctypes.CDLL(None)
            fds = {}
            for fd in os.listdir("/proc/self/fd"):
                try:
                    fds[int(fd)] = os.readlink("/proc/self/fd/" + fd)
                except FileNotFoundError:
                    pass  # the listing's own, closed since
            chan.send({"uid": os.getuid(), "cwd": os.getcwd(), "fds": fds, "path0": sys.path[0],
                       "dumpable": libc.prctl(3, 0, 0, 0, 0), "sid": os.getsid(0)})
        elif op == "module":
            module = __import__(args[0])
            chan.send(module.__file__)
        elif op == "daemon":
            # A double-forked daemon in a session of its own, and a plain child.
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
            daemon = int(os.read(r, 64))
            chan.send([daemon, child])
        elif op == "write":
            path, data = args
            with open(path, "wb") as f:
                f.write(data)
            chan.send(None)
        elif op == "signal the zygote":
            os.kill(os.getppid(), args[0])
            chan.send(None)
        elif op == "symlink":
            os.symlink(args[0], args[1])
            chan.send(None)


class Pair:
    """A judge's Learners (in this process, as root) and a zygote forked
    as LEARNER, serving echo_server."""

    def __init__(self, tmp_path):
        self.work = tmp_path / "work"
        self.work.mkdir()
        os.chown(self.work, LEARNER, LEARNER)
        self.work.chmod(0o700)
        self.shared = tmp_path / "shared"
        self.shared.mkdir()
        self.shared.chmod(0o1777)
        self.addr = "\0drill-test-%d-%s" % (os.getpid(), tmp_path.name)
        listener = procs.listen(self.addr)
        self.zygote = os.fork()
        if self.zygote == 0:
            code = 1
            try:
                listener.close()
                become(LEARNER)
                zygote.seclude()
                sock = zygote.connect(self.addr, timeout=10)
                zygote.Zygote(sock, work=str(self.work), shared=(str(self.shared),), server=echo_server).serve()
                code = 0
            finally:
                os._exit(code)
        self.learners = procs.accept(listener, uid=LEARNER, timeout=10)

    def close(self):
        self.learners.close()
        if self.zygote is None:  # reaped by the test
            kill_uid(LEARNER)
            return
        try:
            os.kill(self.zygote, signal.SIGCONT)  # if a test stopped it
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if os.waitpid(self.zygote, os.WNOHANG)[0]:
                break
            time.sleep(0.01)
        else:
            os.kill(self.zygote, signal.SIGKILL)
            os.waitpid(self.zygote, 0)
        kill_uid(LEARNER)


@pytest.fixture
def base():
    """A directory both test uids can go through (pytest's tmp_path is
    under a directory of root's alone)."""
    d = tempfile.mkdtemp(prefix="drill-procs-")
    os.chmod(d, 0o711)
    yield pathlib.Path(d)
    cleanup.open_up(d)
    shutil.rmtree(d)


@pytest.fixture
def pair(base):
    p = Pair(base)
    yield p
    p.close()


def ask(spawned, *request):
    spawned.chan.send(list(request))
    return spawned.chan.recv()


def read_all(fd, until):
    """What fd gives until it holds until (bytes), or ends."""
    got = b""
    while until not in got:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        got += chunk
    return got


# Paths and files, as the zygote writes them: no root needed.

@pytest.mark.parametrize("rel", ["a.py", "pkg/b.py", "tests/x/y_test.py", "é.py", "..a"])
def test_safe_parts_takes_plain_relative_paths(rel):
    assert zygote.safe_parts(rel) == rel.split("/")


@pytest.mark.parametrize("rel", ["", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", ".", "a\0b", 3, b"a"])
def test_safe_parts_refuses_others(rel):
    with pytest.raises(ValueError):
        zygote.safe_parts(rel)


def test_write_file_makes_directories_and_replaces(tmp_path):
    zygote.write_file(str(tmp_path), ["pkg", "sub", "m.py"], b"long content")
    zygote.write_file(str(tmp_path), ["pkg", "sub", "m.py"], b"short")
    assert (tmp_path / "pkg" / "sub" / "m.py").read_bytes() == b"short"


def test_write_file_refuses_links_and_fifos(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "f").write_bytes(b"keep")
    root = tmp_path / "root"
    root.mkdir()
    (root / "dirlink").symlink_to(outside)
    (root / "filelink").symlink_to(outside / "f")
    os.link(outside / "f", root / "hardlink")
    os.mkfifo(root / "fifo")
    for parts in (["dirlink", "f"], ["filelink"], ["hardlink"], ["fifo"]):
        with pytest.raises(ValueError):
            zygote.write_file(str(root), parts, b"overwritten")
    assert (outside / "f").read_bytes() == b"keep"


def test_judge_dir_is_private(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    assert procs.judge_dir(str(mine)) == str(mine)
    # Podman's tmpfs: root's, open to all, sticky.
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    private = procs.judge_dir(str(shared))
    assert private == str(shared / "private")
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o700
    assert procs.judge_dir(str(shared)) == private  # again: the same


def test_judge_dir_refuses_a_planted_link(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    (shared / "private").symlink_to(tmp_path)
    with pytest.raises(PermissionError):
        procs.judge_dir(str(shared))


# The rendezvous.

@needs_root
def test_accept_takes_only_the_learner_uid_and_closes_the_listener(tmp_path):
    addr = "\0drill-test-%d-accept" % os.getpid()
    listener = procs.listen(addr)
    r, w = os.pipe()
    pids = []
    for uid in (OTHER, LEARNER):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                listener.close()  # else its copy would keep the name bound
                become(uid)
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(addr)
                s.sendall(b"%d" % uid)
                # The connection stays open until the judge is done with it.
                os.close(w)
                os.read(r, 1)
                code = 0
            finally:
                os._exit(code)
        pids.append(pid)
        if uid == OTHER:
            time.sleep(0.2)  # the impostor comes first (order only; no timing is asserted)
    try:
        learners = procs.accept(listener, uid=LEARNER, timeout=10)
        assert learners.chan.sock.recv(16) == b"%d" % LEARNER
        assert listener.fileno() == -1
        with pytest.raises(ConnectionRefusedError):
            socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).connect(addr)
        learners.close()
    finally:
        os.close(w)
        os.close(r)
        for pid in pids:
            os.waitpid(pid, 0)


def test_accept_gives_up(tmp_path):
    listener = procs.listen("\0drill-test-%d-nobody" % os.getpid())
    with pytest.raises(procs.ZygoteError, match="did not connect"):
        procs.accept(listener, timeout=0.05)
    assert listener.fileno() == -1


# Learner processes.

@needs_root
def test_a_learner_process_has_only_its_channel_and_output(pair):
    sp = pair.learners.spawn()
    assert ask(sp, "echo", {"x": [1, b"2", (3,)]}) == {"x": [1, b"2", (3,)]}
    info = ask(sp, "info")
    assert info["uid"] == LEARNER
    assert info["cwd"] == str(pair.work) and info["path0"] == str(pair.work)
    assert info["dumpable"] == 1
    assert info["sid"] != os.getsid(0)
    fds = info["fds"]
    assert sorted(fds) == [0, 1, 2, 3]
    assert fds[0] == "/dev/null" and fds[1] == fds[2] and fds[1].startswith("pipe:") and fds[3].startswith("socket:")
    assert ask(sp, "print", "hello from the learner") is None
    assert read_all(sp.out_fd, b"\n") == b"hello from the learner\n"
    assert pair.learners.status(sp.pid) == {"running": True}
    sp.close()  # its channel ends: echo_server returns, the process exits 0
    assert pair.learners.wait(sp.pid, 10) == {"exit": 0}
    assert pair.learners.status(sp.pid) == {"exit": 0}


@needs_root
def test_how_a_learner_process_ended(pair):
    sp = pair.learners.spawn()
    sp.chan.send(["exit", 7])
    assert pair.learners.wait(sp.pid, 10) == {"exit": 7}
    sp = pair.learners.spawn()
    os.kill(sp.pid, signal.SIGKILL)
    assert pair.learners.wait(sp.pid, 10) == {"signal": signal.SIGKILL}
    with pytest.raises(EOFError):
        sp.chan.recv()
    # The server's own end: as the interpreter would exit, what it said on
    # the learner process's output.
    for request, status, said in [(("sys.exit", None), {"exit": 0}, b""), (("sys.exit", 4), {"exit": 4}, b""),
                                  (("sys.exit", "why"), {"exit": 1}, b"why\n"),
                                  (("raise", "boom"), {"exit": 1}, b"ValueError: boom\n")]:
        other = pair.learners.spawn()
        other.chan.send(list(request))
        assert pair.learners.wait(other.pid, 10) == status
        os.set_blocking(other.out_fd, False)
        assert os.read(other.out_fd, 65536).endswith(said)
        other.close()
    with pytest.raises(procs.ZygoteError, match="no learner process"):
        pair.learners.status(1)
    # A refusal leaves the channel in step.
    assert pair.learners.status(sp.pid) == {"signal": signal.SIGKILL}


@needs_root
def test_files_are_the_learners(pair):
    pair.learners.write_files({"a.py": b"A = 1\n", "pkg/__init__.py": b"", "pkg/b.py": b"B = 2\n"})
    assert (pair.work / "pkg" / "b.py").read_bytes() == b"B = 2\n"
    assert os.stat(pair.work / "pkg" / "b.py").st_uid == LEARNER
    with pytest.raises(procs.ZygoteError, match="relative path"):
        pair.learners.write_files({"../escape.py": b""})
    with pytest.raises(procs.ZygoteError, match="bytes"):
        pair.learners.write_files({"a.py": "text"})
    # A link the learner's code planted is not written through.
    sp = pair.learners.spawn()
    ask(sp, "symlink", str(pair.shared), "linked")
    with pytest.raises(procs.ZygoteError, match="linked"):
        pair.learners.write_files({"linked/x.py": b""})
    assert os.listdir(pair.shared) == []


@needs_root
def test_a_learner_file_named_like_drills_module_is_the_learners(pair):
    pair.learners.write_files({"procs.py": b"", "cleanup/__init__.py": b""})
    sp = pair.learners.spawn()
    assert ask(sp, "module", "procs") == str(pair.work / "procs.py")
    assert ask(sp, "module", "cleanup") == str(pair.work / "cleanup" / "__init__.py")
    assert ask(sp, "module", "wire") == wire.__file__  # not shadowed: drill's


@needs_root
def test_kill_and_reset_end_every_learner_process(pair):
    sp = pair.learners.spawn()
    daemon, child = ask(sp, "daemon")
    assert {sp.pid, daemon, child} <= set(live(LEARNER))
    ask(sp, "write", str(pair.shared / "left"), b"x")
    ask(sp, "write", "left", b"x")
    (pair.shared / "roots").write_bytes(b"not the learner's")

    pair.learners.kill()
    assert live(LEARNER) == [pair.zygote]
    assert (pair.work / "left").exists()  # a kill keeps the files

    sp = pair.learners.spawn()
    ask(sp, "daemon")
    assert len(live(LEARNER)) == 4
    pair.learners.reset()
    assert live(LEARNER) == [pair.zygote]
    assert os.listdir(pair.work) == []
    assert os.listdir(pair.shared) == ["roots"]
    # And it goes on serving.
    assert ask(pair.learners.spawn(), "echo", 1) == 1


@needs_root
def test_reset_removes_what_the_learner_shut(pair):
    sp = pair.learners.spawn()
    ask(sp, "write", "x", b"")
    os.makedirs(pair.work / "a" / "b")
    (pair.work / "a" / "b" / "f").write_bytes(b"")
    for p in (pair.work / "a" / "b", pair.work / "a"):
        os.chown(p, LEARNER, LEARNER)
        p.chmod(0)
    pair.learners.reset()
    assert os.listdir(pair.work) == []


@needs_root
def test_sessions(pair):
    session = pair.learners.session()
    sp = session.spawn()
    assert ask(sp, "echo", "via a session") == "via a session"
    assert pair.learners.status(sp.pid) == {"running": True}
    # A judge child killed in the middle of a request: its session ends
    # with a frame cut short; the parent's channel is still in step.
    broken = pair.learners.session()
    broken.chan.sock.sendall(b"\0\0\1\0partial")
    broken.close()
    assert pair.learners.status(sp.pid) == {"running": True}
    # The parent's reset ends the job's sessions.
    pair.learners.reset()
    with pytest.raises(procs.ZygoteError, match="gone"):
        session.spawn()
    with pytest.raises(procs.ZygoteError):
        session.status(sp.pid)  # broken for good


@needs_root
def test_the_zygote_ends_with_the_judge(pair):
    sp = pair.learners.spawn()
    ask(sp, "daemon")
    pair.learners.close()
    _, st = os.waitpid(pair.zygote, 0)
    assert os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0
    assert live(LEARNER) == []
    pair.zygote = None


@needs_root
def test_a_zygote_killed_is_the_judges_error(pair):
    os.kill(pair.zygote, signal.SIGKILL)
    with pytest.raises(procs.ZygoteError, match="gone"):
        pair.learners.spawn()


# The batch: a reset after each job.

JOB_ONE = """
sp = learners.spawn()
pids = ask(sp, "daemon")
learners.write_files({"left.py": b""})
os.write(1, json.dumps({"left": pids}).encode())
"""

JOB_TWO = """
os.write(1, json.dumps({"live": sorted(zygote.live_pids(LEARNER))}).encode())
"""


def run_batch(base, pair, jobs):
    """Run jobs (Python source, run in the judge child with its session as
    `learners`) as a batch, the parent as JUDGE; returns its exit status and
    records."""
    judge = base / "judge"
    judge.mkdir(mode=0o700)
    os.chown(judge, JUDGE, JUDGE)
    archives = []
    for _ in jobs:
        buf = io.BytesIO()
        tarfile.open(fileobj=buf, mode="w").close()
        archives.append(buf.getvalue())
    header = {"stdout_limit": 1 << 20, "stderr_limit": 1 << 20, "jobs": [
        # The host's whole CPU time counts here: limits no busy machine reaches.
        {"job": {"source": src}, "size": len(a), "cpu_limit_seconds": 1e6, "wall_limit_seconds": 60, "wall_cap_seconds": 120}
        for src, a in zip(jobs, archives)]}

    def run_job(job, archive, learners):
        exec(job["source"], {"learners": learners, "ask": ask, "json": json, "os": os, "zygote": zygote,
                             "LEARNER": LEARNER, "signal": signal})

    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    parent = os.fork()
    if parent == 0:
        code = 1
        try:
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            os.close(out_r)
            os.close(err_r)
            become(JUDGE)
            first = pair.learners.session()
            first.prespawn()
            batch.run_batch(header, b"".join(archives), run_job, pair.learners, str(judge), first)
            code = 0
        except SystemExit as e:
            os.write(2, str(e).encode())
            code = 3
        finally:
            os._exit(code)
    os.close(out_w)
    os.close(err_w)
    with os.fdopen(out_r, "rb") as f:
        records = [json.loads(line) for line in f]
    with os.fdopen(err_r, "rb") as f:
        err = f.read().decode()
    _, st = os.waitpid(parent, 0)
    kill_uid(JUDGE)
    return st, records, err


@needs_root
def test_batch_resets_between_jobs(base, pair):
    st, records, _ = run_batch(base, pair, [JOB_ONE, JOB_TWO])
    assert os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0
    assert [r["job"] for r in records] == [0, 1]

    one, two = (json.loads(base64.b64decode(r["stdout"])) for r in records)
    assert records[0]["exit_code"] == 0 and len(one["left"]) == 2
    assert records[1]["exit_code"] == 0
    assert two == {"live": [pair.zygote]}
    assert os.listdir(pair.work) == []


@needs_root
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGSTOP])
def test_a_batch_ends_with_a_zygote_that_cannot_reset(base, pair, signum):
    # A stopped zygote answers never: the parent waits 5 s here, not 20.
    pair.learners.chan.sock.settimeout(5)
    st, records, err = run_batch(base, pair, ["ask(learners.spawn(), 'signal the zygote', %d)" % signum, "pass"])
    assert os.WIFEXITED(st) and os.WEXITSTATUS(st) == 3
    assert [(r["job"], r["exit_code"]) for r in records] == [(0, 0)]  # its record; the next job's is drill's to get elsewhere
    assert "zygote" in err
