"""drill's own test of the servers a sandbox starts: the learner's code
stores through each, and the judge reads each server itself, as data."""

import os

import MySQLdb
import psycopg
import redis
from pymemcache.client.base import Client

import store


def test_every_server_holds_the_value():
    store.remember("colour", "blue")
    with psycopg.connect() as conn:
        assert conn.execute("SELECT v FROM kv WHERE k = 'colour'").fetchone() == ("blue",)
    db = MySQLdb.connect(user="drill", database="drill", unix_socket=os.environ["MYSQL_UNIX_PORT"])
    cur = db.cursor()
    cur.execute("SELECT v FROM kv WHERE k = 'colour'")
    assert cur.fetchone() == ("blue",)
    db.close()
    assert redis.Redis.from_url(os.environ["REDIS_URL"]).get("colour") == b"blue"
    host, port = os.environ["MEMCACHED_SERVERS"].split(":")
    assert Client((host, int(port))).get("colour") == b"blue"


def listening():
    """The sandbox's listening TCP sockets, as (address hex, port)."""
    out = []
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(name).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state = fields[1], fields[3]
            if state == "0A":
                addr, port = local.split(":")
                out.append((addr, int(port, 16)))
    return out


def test_servers_listen_on_loopback_only():
    socks = listening()
    assert {port for _, port in socks} >= {5432, 3306, 6379, 11211}
    assert all(addr == "0100007F" for addr, _ in socks), socks


def server_uids():
    uids = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            status = open("/proc/%s/status" % pid).read()
            comm = open("/proc/%s/comm" % pid).read().strip()
        except OSError:
            continue
        uid = int([l for l in status.splitlines() if l.startswith("Uid:")][0].split()[1])
        uids.setdefault(comm, set()).add(uid)
    return uids


def test_servers_run_as_their_own_user():
    uids = server_uids()
    for comm in ("postgres", "mariadbd", "redis-server", "memcached"):
        assert uids.get(comm) == {10003}, (comm, uids)


def memory_held():
    """Bytes of the sandbox's memory that cannot be given back (processes'
    own and the tmpfs mounts'), from its cgroup; not the page cache."""
    for path, keys in (("/sys/fs/cgroup/memory.stat", ("anon", "shmem")),
                       ("/sys/fs/cgroup/memory/memory.stat", ("total_rss", "total_shmem"))):
        try:
            stat = dict(line.split() for line in open(path))
        except OSError:
            continue
        return sum(int(stat[k]) for k in keys)
    return None


def test_servers_leave_room_in_the_memory_limit():
    held = memory_held()
    assert held is not None
    # Every server at once, their data, the judge and the learner's
    # process: half the sandbox's 512 MiB at most.
    assert held < 256 << 20, held >> 20


def test_the_learner_gets_no_more_than_the_drill_accounts():
    got = dict(store.try_superuser())
    assert "peer authentication failed" in got["postgres service"].lower(), got
    assert "permission denied" in got["postgres program"].lower() or "must be superuser" in got["postgres program"].lower(), got
    assert "access denied" in got["mariadb file"].lower(), got
    assert "unknown command" in got["redis config"].lower(), got
