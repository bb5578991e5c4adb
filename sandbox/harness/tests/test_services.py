"""The servers' starter (../services/start.py) and the harness's wait for
it (batch.wait_for_services), on the host: what each says, and when."""

import importlib.util
import json
import os
import shutil
import threading
import time

import pytest

import batch

START = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "services", "start.py")
spec = importlib.util.spec_from_file_location("start", START)
start = importlib.util.module_from_spec(spec)
spec.loader.exec_module(start)


def test_enabled_reads_the_names_in_order(tmp_path):
    f = tmp_path / "enabled"
    f.write_text("postgres\n\nredis\n  \n")
    assert start.enabled(str(f)) == ["postgres", "redis"]


def test_every_server_drill_knows_has_a_starter():
    # The names internal/sandbox's serviceNames lists, in their order.
    assert list(start.STARTERS) == ["postgres", "mariadb", "redis", "memcached"]


@pytest.mark.parametrize("error, want", [
    (start.Failure("exited with status 1: FATAL: bad"), "exited with status 1: FATAL: bad"),
    (OSError(28, "No space left on device"), "OSError: [Errno 28] No space left on device"),
    (shutil.Error([("a", "/srv/postgres/a", "[Errno 28] full"), ("b", "/srv/postgres/b", "x")]),
     "copying its data to /srv/postgres/a: [Errno 28] full (and 1 more files)"),
])
def test_describe(error, want):
    assert start.describe(error) == want


def test_describe_is_bounded():
    many = shutil.Error([("a" * 5000, "b" * 5000, "c" * 5000)] * 800)
    assert len(start.describe(many)) <= start.MAX_MESSAGE
    assert len(start.describe(start.Failure("x" * 50000))) == start.MAX_MESSAGE


def test_report_is_whole_and_says_failure(tmp_path):
    path = str(tmp_path / "failed")
    assert start.report(path, {"service": "redis", "message": "m"}) == 0  # not FAILED's path
    assert json.loads(open(path).read()) == {"service": "redis", "message": "m"}
    assert not os.path.exists(path + ".tmp")


def test_log_tail(tmp_path):
    log = tmp_path / "x.log"
    log.write_text("".join("line %d\n" % i for i in range(20)) + "\n\n")
    assert start.log_tail(str(log), 3) == ": line 17 | line 18 | line 19"
    assert start.log_tail(str(tmp_path / "none")) == ""


def test_wait_for_port_fails_when_the_server_exits(tmp_path):
    class Exited:
        returncode = 3

        def poll(self):
            return 3

    (tmp_path / "log").write_text("FATAL: no\n")
    with pytest.raises(start.Failure, match="exited with status 3: FATAL: no"):
        start.wait_for_port(1, str(tmp_path / "log"), Exited(), timeout=5)


def paths(tmp_path):
    return dict(enabled=str(tmp_path / "enabled"), ready=str(tmp_path / "ready"), failed=str(tmp_path / "failed"))


def test_no_servers_no_wait(tmp_path):
    assert batch.wait_for_services(timeout=0, **paths(tmp_path)) is None


def test_ready_servers(tmp_path):
    p = paths(tmp_path)
    open(p["enabled"], "w").write("redis\n")
    threading.Timer(0.1, lambda: open(p["ready"], "w").write("{}")).start()
    assert batch.wait_for_services(timeout=10, **p) is None


def test_a_server_that_failed_is_named(tmp_path):
    p = paths(tmp_path)
    open(p["enabled"], "w").write("postgres\nredis\n")
    open(p["failed"], "w").write(json.dumps({"service": "postgres", "message": "no space"}))
    assert batch.wait_for_services(timeout=10, **p) == "service postgres did not start: no space"


def test_servers_that_never_answer_are_named_after_the_timeout(tmp_path):
    p = paths(tmp_path)
    open(p["enabled"], "w").write("postgres\nredis\n")
    # A report that is not one (written by nobody drill knows) is waited past.
    open(p["failed"], "w").write("not json")
    t = time.monotonic()
    assert batch.wait_for_services(timeout=0.3, **p) == "services postgres, redis did not start within 0 s"
    assert time.monotonic() - t >= 0.3
