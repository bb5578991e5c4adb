"""The learner's cache talks to the real Memcached server; the judge reads
the server itself (values, flags, TTLs) as data, puts products there as
another service would, and runs the servers that are down: 127.0.0.1:1,
where nothing listens, and a stand-in that accepts and never answers."""

import json
import os
import socket
import time

import pytest
from pymemcache.client.base import Client

from drillkit import learnerside
from product_cache import ProductCache
from standin import StandIn

MEMCACHED = os.environ["MEMCACHED_SERVERS"]
NOWHERE = "127.0.0.1:1"  # nothing listens there: a connection is refused at once
KETTLE = {"id": 7, "name": "Kettle", "price_cents": 2599, "tags": ["kitchen", "sale"]}
LAMP = {"id": 8, "name": "Lamp \u00e9t\u00e9", "price_cents": 4999, "tags": []}


@pytest.fixture
def server():
    """The judge's own client of the Memcached server, emptied before and after each test."""
    client = Client(MEMCACHED)
    client.flush_all(noreply=False)
    yield client
    client.flush_all(noreply=False)
    client.close()


@pytest.fixture
def pool():
    """A pool of threads in the learner's process, to call its code with a bounded wait."""
    threads = learnerside.module("concurrent.futures").ThreadPoolExecutor(max_workers=4)
    yield threads
    threads.shutdown(wait=True)


@pytest.fixture
def stand_in(pool):
    """A server that accepts connections and never answers (until .up()).
    Closed before the pool, so that a call still waiting on it ends."""
    made = StandIn()
    yield made
    made.close()


def read_item(key):
    """What the server holds at key now: {"value": bytes, "ttl": seconds
    left (-1 for never), "flags": int}, or None; read with the meta command
    mg, as data."""
    host, port = MEMCACHED.rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"mg %s v t f\r\n" % key.encode())
        reply = b""
        while b"\r\n" not in reply:
            reply += sock.recv(65536) or pytest.fail("memcached closed the connection", pytrace=False)
        header, _, rest = reply.partition(b"\r\n")
        if header == b"EN":
            return None
        fields = header.split()
        size = int(fields[1])
        while len(rest) < size + 2:
            rest += sock.recv(65536) or pytest.fail("memcached closed the connection", pytrace=False)
    meta = {f[:1].decode(): int(f[1:]) for f in fields[2:]}
    return {"value": rest[:size], "ttl": meta["t"], "flags": meta["f"]}


def item(key, present=True):
    """read_item(key), waiting a little (at most a second) for it to be
    present, or absent: the learner's client may send its set or delete
    without waiting for the server's answer (pymemcache's noreply)."""
    deadline = time.monotonic() + 1.0
    found = read_item(key)
    while (found is not None) != present and time.monotonic() < deadline:
        time.sleep(0.02)
        found = read_item(key)
    return found


def is_json(data):
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


def source(*products, missing=()):
    """The database: load(id) gives the product with that id (None for the
    ids in missing); .calls lists the ids it was asked for."""
    answers = {p["id"]: p for p in products}
    answers.update({m: None for m in missing})
    return learnerside.fake(answers)


def in_time(pool, function, *args, seconds=4.0):
    """function(*args), called in a thread of the learner's process; a call
    that takes more than `seconds` fails the test."""
    future = pool.submit(function, *args)
    deadline = time.monotonic() + seconds
    while not future.done():
        if time.monotonic() > deadline:
            pytest.fail(f"the call did not return within {seconds} s", pytrace=False)
        time.sleep(0.01)
    return future.result()


def test_a_product_is_loaded_once_then_served_from_memcached(server):
    load = source(KETTLE)
    cache = ProductCache(load)
    assert cache.get(7) == KETTLE
    assert cache.get(7) == KETTLE
    assert load.calls == [7], "the ids loaded from the database"


def test_the_product_is_stored_as_json_under_its_key(server):
    ProductCache(source(KETTLE, LAMP), server=MEMCACHED).get(8)
    stored = item("product:8")
    assert stored is not None, "nothing stored at product:8"
    readable = is_json(stored["value"])
    assert readable, f"product:8 holds {stored['value'][:60]!r}..., not JSON"
    assert json.loads(stored["value"]) == LAMP


@pytest.mark.parametrize("ttl", [300, 60])
def test_the_product_expires_after_the_ttl(server, ttl):
    ProductCache(source(KETTLE), server=MEMCACHED, ttl=ttl).get(7)
    stored = item("product:7")
    assert stored is not None, "nothing stored at product:7"
    assert ttl - 5 < stored["ttl"] <= ttl, f"product:7 expires in {stored['ttl']} s (-1 is never), not {ttl}"


def test_products_are_cached_apart(server):
    load = source(KETTLE, LAMP)
    cache = ProductCache(load, server=MEMCACHED)
    assert [cache.get(7), cache.get(8), cache.get(7), cache.get(8)] == [KETTLE, LAMP, KETTLE, LAMP]
    assert load.calls == [7, 8], "the ids loaded from the database"


def test_a_product_cached_by_another_process_is_served_from_memcached(server):
    ProductCache(source(KETTLE), server=MEMCACHED).get(7)
    other = source(KETTLE)
    assert ProductCache(other, server=MEMCACHED).get(7) == KETTLE
    assert other.calls == [], "the ids the second process loaded from the database"


@pytest.mark.hidden
def test_a_product_another_service_stored_as_json_is_read(server):
    """Another service (in another language, perhaps) stored product 9 as JSON text: read it as JSON."""
    desk = {"id": 9, "name": "Desk", "price_cents": 19900, "tags": ["office"]}
    server.set("product:9", json.dumps(desk).encode(), expire=60, noreply=False)
    load = source(desk)
    assert ProductCache(load, server=MEMCACHED).get(9) == desk
    assert load.calls == []


def test_a_missing_product_is_none_and_not_cached(server):
    load = source(KETTLE, missing=[404])
    cache = ProductCache(load, server=MEMCACHED)
    assert [cache.get(404), cache.get(7), cache.get(404), cache.get(7)] == [None, KETTLE, None, KETTLE]
    assert item("product:404", present=False) is None
    assert load.calls == [404, 7, 404], "the ids loaded from the database"


def test_forget_drops_the_cached_product(server):
    load = source(KETTLE)
    cache = ProductCache(load, server=MEMCACHED)
    cache.get(7)
    assert item("product:7") is not None, "nothing stored at product:7"
    cache.forget(7)
    assert item("product:7", present=False) is None, "product:7 is still in Memcached"
    assert cache.get(7) == KETTLE
    assert load.calls == [7, 7]


@pytest.mark.help(
    "Memcached is a cache, not the database: when it cannot be reached, catch the client's "
    "errors (OSError covers a refused connection and a timeout; pymemcache's own are "
    "MemcacheError) and answer from load."
)
def test_when_memcached_is_down_products_come_from_the_database(server, pool):
    load = source(KETTLE, LAMP)
    cache = ProductCache(load, server=NOWHERE, timeout=0.2)
    assert in_time(pool, cache.get, 7) == KETTLE
    assert in_time(pool, cache.get, 8) == LAMP
    in_time(pool, cache.forget, 7)
    assert in_time(pool, cache.get, 7) == KETTLE
    assert load.calls == [7, 8, 7]


@pytest.mark.help(
    "A server that accepts the connection and then never answers holds a client without "
    "timeouts for ever: give pymemcache's Client connect_timeout and timeout (the timeout "
    "argument), so that a request waits at most that long."
)
def test_a_server_that_never_answers_does_not_hang_the_request(server, pool, stand_in):
    load = source(KETTLE)
    cache = ProductCache(load, server=f"127.0.0.1:{stand_in.port}", timeout=0.2)
    assert in_time(pool, cache.get, 7) == KETTLE
    assert load.calls == [7]
    asked = stand_in.connections
    assert asked == 1, "connections to the server: the request did not ask it"


@pytest.mark.help(
    "After a failure, stop asking the server for retry_after seconds (time.monotonic() and "
    "the time of the failure): a circuit breaker, so that every request does not wait for "
    "its own timeout while the server is down."
)
def test_after_a_failure_the_server_is_left_alone_for_retry_after(server, pool, stand_in):
    load = source(KETTLE, LAMP)
    cache = ProductCache(load, server=f"127.0.0.1:{stand_in.port}", timeout=0.2, retry_after=30)
    assert in_time(pool, cache.get, 7) == KETTLE
    first = (stand_in.connections, stand_in.received)
    assert first[0] == 1, "connections to the server after the first request"
    assert [in_time(pool, cache.get, 8), in_time(pool, cache.get, 7)] == [LAMP, KETTLE]
    in_time(pool, cache.forget, 8)
    later = (stand_in.connections, stand_in.received)
    assert later == first, "(connections, bytes sent) to the server that failed, in the 30 s after its failure"
    assert load.calls == [7, 8, 7]


def test_the_server_is_asked_again_after_retry_after(server, pool, stand_in):
    load = source(KETTLE)
    cache = ProductCache(load, server=f"127.0.0.1:{stand_in.port}", timeout=0.2, retry_after=0.5)
    assert in_time(pool, cache.get, 7) == KETTLE
    time.sleep(0.7)
    stand_in.up()
    assert in_time(pool, cache.get, 7) == KETTLE
    asked = stand_in.connections
    assert asked == 2, "connections to the server: it was not asked again after retry_after"
    assert item("product:7") is not None, "once back, the server was not given the product"
    assert in_time(pool, cache.get, 7) == KETTLE
    assert load.calls == [7, 7], "the ids loaded from the database"
