"""drill's service starter: starts the servers an image was built with, at
the sandbox's start, before any job comes (in a spare, long before).

The watchdog runs it as "service" (uid 10003, no capabilities), neither the
judge nor the learner. Each server gets a directory of its own under /srv
(a tmpfs of this uid's), copied from the template its setup made at build
time, and listens on 127.0.0.1 and, where it can, a unix socket in
/srv/run: the sandbox has no other network. When every server answers, the
starter writes /srv/run/ready; when one does not, /srv/run/failed, one line
of JSON: {"service": NAME, "message": TEXT}. The judge's batch parent waits
for one of the two before it reads the job (batch.wait_for_services), and
reports a failure as the sandbox's, not the learner's. The servers outlive
the starter and end with the sandbox.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time

HERE = "/opt/drill/services"
SRV = "/srv"
RUN = SRV + "/run"
LOG = SRV + "/log"
READY = RUN + "/ready"
FAILED = RUN + "/failed"
# How long one server may take to answer, in seconds of wall time: a start
# on a busy machine takes a few.
START_TIMEOUT = 30.0


class Failure(Exception):
    """A server did not start; the message says why, in the server's words
    where it left any."""


def main():
    os.umask(0o022)
    names = enabled()
    for d in (RUN, LOG, SRV + "/tmp"):
        os.makedirs(d, mode=0o755, exist_ok=True)
    for name in names:
        try:
            STARTERS[name]()
        except (Failure, OSError) as e:
            message = describe(e)
            # What the server left goes first: a /srv it filled would have
            # no room for the report.
            shutil.rmtree(SRV + "/" + name, ignore_errors=True)
            return report(FAILED, {"service": name, "message": message})
    return report(READY, {"services": names})


def describe(e):
    """A failure's message, in at most MAX_MESSAGE characters: a copy that
    failed says why for its first file only (shutil.Error lists each)."""
    if isinstance(e, Failure):
        text = str(e)
    elif isinstance(e, shutil.Error) and e.args and isinstance(e.args[0], list) and e.args[0]:
        src, dst, why = e.args[0][0]
        text = "copying its data to %s: %s (and %d more files)" % (dst, why, len(e.args[0]) - 1)
    else:
        text = "%s: %s" % (type(e).__name__, e)
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 3] + "..."


MAX_MESSAGE = 1000


def enabled(path=HERE + "/enabled"):
    """The names of the image's servers, in the order they start."""
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


def report(path, doc):
    """Write doc to path at once and whole (a reader never sees half)."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(json.dumps(doc) + "\n")
    os.rename(tmp, path)
    return 1 if path == FAILED else 0


def log_tail(path, lines=8):
    """The last lines of a server's log, for a failure's message."""
    try:
        with open(path, errors="replace") as f:
            text = f.read()[-4000:]
    except OSError:
        return ""
    tail = [line for line in text.splitlines() if line.strip()][-lines:]
    return (": " + " | ".join(tail)) if tail else ""


def copy_template(name):
    """The server's data directory, a copy of its build-time template."""
    dst = SRV + "/" + name
    shutil.copytree(HERE + "/" + name + "/template", dst, symlinks=True)
    return dst


def wait_for_port(port, log, proc=None, timeout=START_TIMEOUT):
    """Wait until something accepts on 127.0.0.1:port; Failure if proc (the
    server, when it stays in the foreground) ends first or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            pass
        if proc is not None and proc.poll() is not None:
            raise Failure("exited with status %d%s" % (proc.returncode, log_tail(log)))
        if time.monotonic() > deadline:
            raise Failure("not listening on 127.0.0.1:%d after %d s%s" % (port, timeout, log_tail(log)))
        time.sleep(0.02)


def run(argv, log):
    """Run a command that starts a server and returns; Failure if it fails."""
    with open(log, "ab") as out:
        code = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=out).returncode
    if code != 0:
        raise Failure("%s exited with status %d%s" % (os.path.basename(argv[0]), code, log_tail(log)))


def spawn(argv, log):
    """Start a server that stays in the foreground, in a session of its own."""
    with open(log, "ab") as out:
        return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=out, start_new_session=True)


def start_postgres():
    data = copy_template("postgres")
    log = LOG + "/postgres.log"
    run([HERE + "/postgres/bin/pg_ctl", "-D", data, "-l", log, "-w", "-t", str(int(START_TIMEOUT)), "-s", "start"], log)
    wait_for_port(5432, log)


def start_mariadb():
    copy_template("mariadb")
    log = LOG + "/mariadb.log"
    proc = spawn(["mariadbd", "--defaults-file=" + HERE + "/mariadb/my.cnf"], log)
    wait_for_port(3306, log, proc)


def start_redis():
    os.makedirs(SRV + "/redis", mode=0o700, exist_ok=True)
    log = LOG + "/redis.log"
    run(["redis-server", HERE + "/redis/redis.conf"], log)
    wait_for_port(6379, log)


def start_memcached():
    log = LOG + "/memcached.log"
    # 16 MiB of items, one worker thread, TCP on loopback only (no UDP).
    proc = spawn(["memcached", "-l", "127.0.0.1", "-p", "11211", "-U", "0", "-m", "16", "-c", "64", "-t", "1"], log)
    wait_for_port(11211, log, proc)


STARTERS = {
    "postgres": start_postgres,
    "mariadb": start_mariadb,
    "redis": start_redis,
    "memcached": start_memcached,
}

if __name__ == "__main__":
    sys.exit(main())
