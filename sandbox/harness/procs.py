"""The judge's side of the sandbox's two users: the rendezvous with the
zygote and the control channel to it.

A sandbox runs two users (see ../README.md): the judge (uid 10001: the
batch parent and each job's judge child) and the learner (uid 10002: the
zygote, a warmed fork server that never runs learner code, and the learner
processes it forks, which do). The batch parent listens on an abstract unix
socket before any job arrives; the zygote connects; the parent accepts that
one connection, after checking the peer's uid, and closes the listener, so
that nothing can connect after. The connection is a wire.Channel of
requests, each answered in order:

    {"op": "files", "files": {relpath: bytes}}  -> {"ok": true}
    {"op": "spawn"}     -> {"pid": N}, with two descriptors (SCM_RIGHTS): the
                           judge's end of the learner process's request
                           channel, and the read end of the pipe that is its
                           stdout and stderr
    {"op": "status", "pid": N} -> {"exit": code} | {"signal": n} | {"running": true}
    {"op": "kill"}      -> {"ok": true}: every learner process is killed
    {"op": "reset"}     -> {"ok": true}: kill, then empty /work, the
                           learner's files in /tmp, /dev/shm, /dev/mqueue,
                           its System V IPC; on the parent's channel, also
                           ends every session
    {"op": "session"}   -> {"ok": true}, with one descriptor: a channel of
                           its own to the zygote, for one job's judge child

A request the zygote refuses is answered {"error": "why"}.

A session exists so that a judge child killed in the middle of a request
(its time is up) cannot leave the parent's channel out of step: the child
has only its session, which ends with it.

This module is imported by the zygote too (for the address and
set_dumpable); nothing in it imports anything of the learner's.
"""

import os
import socket
import struct
import time

import wire

JUDGE_UID = 10001
LEARNER_UID = 10002
JUDGE_DIR = "/judge"  # the judge's cwd and the hidden tests: 10001's, mode 0700
WORK = "/work"  # the learner's files, the learner process's cwd: 10002's

# How long the judge waits for the zygote to connect (it starts beside the
# judge, and connects before it warms up), and for a reply to a request
# (a reset kills and removes; a zygote stopped by the learner's code, which
# runs as its uid, answers never).
ACCEPT_TIMEOUT = 30.0
REPLY_TIMEOUT = 20.0


class ZygoteError(RuntimeError):
    """The zygote refused a request (str() says why), or is gone or not
    answering: then the Learners it came from is unusable."""


def address():
    """The rendezvous: an abstract unix socket name, one per sandbox (the
    abstract namespace is the network namespace's: the sandbox's own)."""
    return "\0drill-judge-" + socket.gethostname()


def set_dumpable(on):
    """PR_SET_DUMPABLE (prctl(2)): a process that is not dumpable has its
    /proc entries owned by root, so that processes of its own uid cannot
    open its descriptors, memory or environment through /proc/PID, nor
    ptrace it. The judge and the zygote are not dumpable; a learner process
    is made dumpable again: to the learner's code, a process like any
    other."""
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(4, 1 if on else 0, 0, 0, 0)


def listen(addr=None):
    """A listening socket at addr (address() by default), for accept."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.bind(addr or address())
        s.listen(1)
    except BaseException:
        s.close()
        raise
    return s


def peer_uid(conn):
    """The uid of the process that connected conn (SO_PEERCRED: the kernel's
    word, taken at connect)."""
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]


def accept(listener, uid=LEARNER_UID, timeout=ACCEPT_TIMEOUT):
    """Accept the zygote's connection: the first whose peer is uid (others
    are closed), within timeout seconds; the listener is closed either way,
    so that no one can connect after. Returns the Learners on it; raises
    ZygoteError if none came."""
    deadline = time.monotonic() + timeout
    try:
        while True:
            listener.settimeout(max(0.0, deadline - time.monotonic()))
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                raise ZygoteError("the learner's process server (the zygote) did not connect within %g s" % timeout) from None
            if peer_uid(conn) == uid:
                return Learners(conn)
            conn.close()
    finally:
        listener.close()


def judge_dir(root=JUDGE_DIR):
    """The judge's private directory: root where the engine made it the
    judge's, mode 0700 (Docker); else (Podman makes it root's, mode 1777)
    root/private, made here, before any learner code runs. Raises OSError
    if neither is private."""
    st = os.stat(root)
    if st.st_uid == os.getuid() and st.st_mode & 0o077 == 0:
        return root
    private = os.path.join(root, "private")
    try:
        os.mkdir(private, 0o700)
    except FileExistsError:
        pass
    st = os.lstat(private)
    if not (os.path.isdir(private) and not os.path.islink(private) and st.st_uid == os.getuid() and st.st_mode & 0o077 == 0):
        raise PermissionError("%s is not the judge's alone" % private)
    return private


class Spawned:
    """A learner process: chan, the judge's end of its request channel (a
    wire.Channel); out_fd, the read end of the pipe that is its stdout and
    stderr (the reader's to drain: a full pipe stops the learner); pid, its
    pid, for Learners.status."""

    def __init__(self, chan, out_fd, pid):
        self.chan, self.out_fd, self.pid = chan, out_fd, pid

    def close(self):
        """Close the judge's ends (the learner process sees its channel end)."""
        self.chan.sock.close()
        if self.out_fd >= 0:
            os.close(self.out_fd)
            self.out_fd = -1


class Learners:
    """The judge's end of a control channel to the zygote (the parent's, or
    a job's session): it writes the learner's files, starts learner
    processes and ends them. Every method raises ZygoteError when the
    zygote refuses or is gone."""

    def __init__(self, sock, timeout=REPLY_TIMEOUT):
        sock.settimeout(timeout)
        self.chan = wire.Channel(sock)
        self.broken = None
        self.ready = None  # a learner process started ahead (prespawn)

    def fileno(self):
        return self.chan.fileno()

    def close(self):
        if self.ready is not None:
            self.ready.close()
            self.ready = None
        self.chan.sock.close()

    def ask(self, request, nfds=0):
        """Send request; return its reply (a dict) and the nfds descriptors
        that came with it."""
        if self.broken:
            raise ZygoteError(self.broken)
        fds = []
        try:
            self.chan.send(request)
            if nfds:
                reply, fds = self.chan.recv_fds(nfds)
            else:
                reply = self.chan.recv()
        except (EOFError, OSError, wire.WireError) as e:
            # A reply half read, or none: the channel is out of step for good.
            self.broken = "the learner's process server (the zygote) is gone or not answering (%s: %s)" % (type(e).__name__, e)
            raise ZygoteError(self.broken) from None
        if not isinstance(reply, dict) or "error" in reply or len(fds) != nfds:
            for fd in fds:
                os.close(fd)
            why = reply.get("error") if isinstance(reply, dict) else None
            raise ZygoteError(str(why) if why else "the zygote answered %r to %r" % (reply, request.get("op")))
        return reply, fds

    def write_files(self, files):
        """Write files ({relpath: bytes}) under /work, making directories;
        ZygoteError for a path that is absolute, has '..' or goes through a
        link."""
        self.ask({"op": "files", "files": files})

    def prespawn(self):
        """Start a learner process now, for the next spawn to return: a
        spare's first one is started before its job comes."""
        if self.ready is None:
            self.ready = self.spawn()

    def spawn(self):
        """Start a learner process (its cwd /work, stdin /dev/null) and
        return it as a Spawned (the one started ahead, if there is one)."""
        if self.ready is not None:
            ready, self.ready = self.ready, None
            return ready
        reply, (chan_fd, out_fd) = self.ask({"op": "spawn"}, 2)
        pid = reply.get("pid")
        if type(pid) is not int:
            os.close(chan_fd)
            os.close(out_fd)
            raise ZygoteError("the zygote answered %r to spawn" % (reply,))
        return Spawned(wire.Channel(socket.socket(fileno=chan_fd)), out_fd, pid)

    def status(self, pid):
        """How learner process pid is: {"exit": code}, {"signal": n} or
        {"running": True}. An ended process is reaped; asking again says
        the same until a reset."""
        reply, _ = self.ask({"op": "status", "pid": pid})
        return reply

    def wait(self, pid, timeout):
        """status(pid), asked again until the process has ended or timeout
        seconds have passed (a process that closed its channel takes a
        moment to be reaped)."""
        deadline = time.monotonic() + timeout
        pause = 0.005
        while True:
            st = self.status(pid)
            if not st.get("running") or time.monotonic() >= deadline:
                return st
            time.sleep(pause)
            pause = min(pause * 2, 0.1)

    def kill(self):
        """Kill every learner process (forks, daemons and all); the files stay."""
        self.ask({"op": "kill"})

    def reset(self):
        """Kill every learner process and remove every file the learner's
        uid has: between two jobs."""
        self.ask({"op": "reset"})

    def session(self):
        """A Learners on a channel of its own to the same zygote, for one
        job's judge child."""
        _, (fd,) = self.ask({"op": "session"}, 1)
        return Learners(socket.socket(fileno=fd))
