import hashlib
import json
import random
import secrets
import signal
import threading
import time

import pytest

from drillkit import learnerside

from servers import Server, fresh_dir, request, wait_for_app

RUN = "/tmp/shop"


@pytest.fixture(scope="module")
def shop():
    """uWSGI with the learner's uwsgi.ini and nginx with the learner's
    nginx.conf in front of it; a secret of this run's in uWSGI's
    environment, which the app's answers prove they know."""
    fresh_dir(RUN)
    learnerside.module("os").makedirs(RUN + "/nginx/logs")
    env = dict(learnerside.module("os").environ)
    env["SHOP_PROOF"] = secrets.token_hex(16)
    servers = []
    try:
        servers.append(Server("uwsgi", ["uwsgi", "--ini", "uwsgi.ini"], RUN + "/uwsgi.log", env, stop_signal=signal.SIGINT))
        servers.append(Server(
            "nginx", ["nginx", "-p", RUN + "/nginx/", "-c", "/work/nginx.conf", "-e", "stderr", "-g", "daemon off;"],
            RUN + "/nginx.log"))
        wait_for_app(8080, servers, host="shop.example", timeout=30)
        yield {"proof": env["SHOP_PROOF"], "uwsgi": servers[0]}
    finally:
        for server in reversed(servers):
            server.stop()


def client():
    """Another address of this machine, for a client that isn't nginx."""
    return "127.%d.%d.%d" % (random.randint(1, 250), random.randint(0, 250), random.randint(2, 250))


def answer(shop, method, path, source="127.0.0.1", body=None, headers=(), timeout=10):
    """The app's JSON answer to a request through nginx, after checking
    that it came from the app."""
    nonce = secrets.token_hex(8)
    path += ("&" if "?" in path else "?") + "nonce=" + nonce
    reply = request(method, path, headers={"Host": "shop.example", **dict(headers)}, body=body, source=source, timeout=timeout)
    assert reply.status == 200, "%s %s through nginx: %d %s\nuWSGI printed:\n%s" % (
        method, path, reply.status, reply.text()[:300], shop["uwsgi"].output(1500))
    try:
        seen = json.loads(reply.body)
    except ValueError:
        raise AssertionError("not the app's JSON: %r" % reply.text()[:300]) from None
    expected = hashlib.sha256(("%s:%s" % (shop["proof"], nonce)).encode()).hexdigest()
    assert isinstance(seen, dict) and seen.get("proof") == expected, "that answer did not come from the app: %r" % reply.text()[:300]
    return seen


def test_nginx_passes_requests_on_to_the_app_in_uwsgi(shop):
    reply = request("GET", "/", headers={"Host": "shop.example"})
    assert reply.status == 200, "GET / through nginx: %d %s\nuWSGI printed:\n%s" % (
        reply.status, reply.text()[:300], shop["uwsgi"].output(1500))
    assert reply.text() == "Welcome to the shop\n"
    assert answer(shop, "GET", "/info/")["uwsgi"] is True


@pytest.mark.help("uwsgi_params holds the uwsgi_param lines that give the app each part of the request.")
def test_the_app_is_told_the_path_query_and_host(shop):
    seen = answer(shop, "GET", "/info/?colour=green&size=2")
    assert seen["path"] == "/info/"
    assert seen["host"] == "shop.example"
    assert seen["query"].startswith("colour=green&size=2&nonce="), seen["query"]


def test_a_request_body_reaches_the_app(shop):
    note = {"order": random.randint(1, 10**6), "note": "leave it at the door"}
    seen = answer(shop, "POST", "/echo/", body=json.dumps(note).encode(), headers={"Content-Type": "application/json"})
    assert seen["received"] == note


@pytest.mark.hidden
@pytest.mark.help("Through nginx's proxy_pass the app sees nginx's own address; the uwsgi protocol carries the client's.")
def test_the_app_sees_the_clients_own_address(shop):
    """The app must see the address of the client that connected to nginx, not nginx's."""
    for _ in range(2):
        source = client()
        assert answer(shop, "GET", "/info/", source=source)["remote_addr"] == source


def meet(shop, n=4):
    """The answers to n requests to /together/ sent at once: each waits
    until all n are in the app together (or 5 s pass)."""
    group = secrets.token_hex(8)
    results = [None] * n

    def ask(i):
        try:
            results[i] = answer(shop, "GET", "/together/?group=%s&n=%d" % (group, n), timeout=20)
        except (AssertionError, OSError) as e:
            results[i] = str(e)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert all(isinstance(r, dict) for r in results), results
    return results


def test_four_requests_are_served_at_once_by_two_processes_of_two_threads(shop):
    results = meet(shop)
    assert [r["met"] for r in results] == [True] * 4, "not all 4 requests were being handled at the same time"
    threads_per_process = {}
    for r in results:
        threads_per_process.setdefault(r["pid"], set()).add(r["thread"])
    assert sorted(len(t) for t in threads_per_process.values()) == [2, 2], "threads of each process: %r" % threads_per_process


@pytest.mark.hidden
def test_a_master_process_started_the_workers(shop):
    """The processes that answer are workers, and the process the tests started (uWSGI's master) is their parent."""
    results = meet(shop)
    pids, parents = {r["pid"] for r in results}, {r["parent"] for r in results}
    master = shop["uwsgi"].process.pid
    assert master not in pids
    assert parents == {master}


@pytest.mark.help("harakiri needs the master process: it is the master that watches the workers.")
def test_a_request_that_runs_for_too_long_is_stopped(shop):
    started = time.monotonic()
    try:
        reply = request("GET", "/sleep/?seconds=20", headers={"Host": "shop.example"}, timeout=15)
    except TimeoutError:
        raise AssertionError("a request of 20 s was still running after 15 s") from None
    took = time.monotonic() - started
    assert reply.status in (502, 504), "a 20 s request got %d after %.1f s" % (reply.status, took)
    assert took < 8, "a 20 s request was stopped only after %.1f s" % took
    # The worker that was killed has been replaced: the app still answers.
    assert answer(shop, "GET", "/info/")["uwsgi"] is True


def test_a_request_of_a_second_and_a_half_is_not_stopped(shop):
    assert answer(shop, "GET", "/sleep/?seconds=1.5")["slept"] is True
