import hashlib
import json
import random
import secrets
import socket
import time

import pytest

from drillkit import learnerside

from servers import Server, fresh_dir, request, upload, wait_for_app

RUN = "/tmp/shop"
MiB, KiB = 1024 * 1024, 1024
BURST = 10  # requests beyond the rate, served at once
INTERVAL = 2.0  # seconds per request at 30 a minute


@pytest.fixture(scope="module")
def shop():
    """gunicorn with the shop's app and nginx with the learner's nginx.conf
    in front of it; a secret of this run's in gunicorn's environment,
    which the app's answers prove they know."""
    fresh_dir(RUN)
    learnerside.module("os").makedirs(RUN + "/nginx/logs")
    env = dict(learnerside.module("os").environ)
    env["SHOP_PROOF"] = secrets.token_hex(16)
    servers = []
    try:
        servers.append(Server("gunicorn", ["gunicorn", "--bind", "127.0.0.1:8001", "--workers", "2", "app:app"],
                              RUN + "/gunicorn.log", env))
        servers.append(Server(
            "nginx", ["nginx", "-p", RUN + "/nginx/", "-c", "/work/nginx.conf", "-e", "stderr", "-g", "daemon off;"],
            RUN + "/nginx.log"))
        wait_for_app(8080, servers, host="shop.example")
        yield env["SHOP_PROOF"]
    finally:
        for server in reversed(servers):
            server.stop()


def client():
    """An address of this machine for one client alone (nginx counts each
    client address's requests apart)."""
    return "127.%d.%d.%d" % (random.randint(1, 250), random.randint(0, 250), random.randint(2, 250))


def from_the_app(shop, reply, nonce):
    """Whether reply is the app's own JSON answer to the request with nonce."""
    try:
        body = json.loads(reply.body)
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("proof") == hashlib.sha256(("%s:%s" % (shop, nonce)).encode()).hexdigest()


def posted(shop, path, size, **options):
    """(status, bytes the app received or None) for a POST of size bytes."""
    nonce = secrets.token_hex(8)
    reply = upload("%s?nonce=%s" % (path, nonce), size, source=options.pop("source", None) or client(), **options)
    if reply.status == 200:
        assert from_the_app(shop, reply, nonce), "that 200 did not come from the app: %r" % reply.text()[:300]
        return 200, json.loads(reply.body)["received"]
    return reply.status, None


def products(shop, source, count, timeout=1.5):
    """The statuses of count GET /api/products sent one after another from
    source, and the seconds they took."""
    statuses = []
    started = time.monotonic()
    for i in range(count):
        nonce = secrets.token_hex(8)
        try:
            reply = request("GET", "/api/products?nonce=" + nonce, headers={"Host": "shop.example"}, source=source,
                            timeout=timeout)
        except socket.timeout:
            raise AssertionError(
                "request %d of %d waited more than %.1f s for an answer: requests within the burst must be served at once"
                % (i + 1, count, timeout)) from None
        if reply.status == 200:
            assert from_the_app(shop, reply, nonce), "that 200 did not come from the app: %r" % reply.text()[:300]
        statuses.append(reply.status)
    return statuses, time.monotonic() - started


def accepted(shop, path, size, **options):
    status, received = posted(shop, path, size, **options)
    assert status == 200, "POST %s with %d bytes: %d, not accepted" % (path, size, status)
    assert received == size, "POST %s with %d bytes: the app received %d" % (path, size, received)


def refused(shop, path, size, **options):
    status, _ = posted(shop, path, size, **options)
    assert status == 413, "POST %s with %d bytes: %d, not refused with 413" % (path, size, status)


def test_an_upload_of_up_to_8_mib_reaches_the_app(shop):
    accepted(shop, "/upload", 3 * MiB)
    accepted(shop, "/upload", 8 * MiB)


def test_an_upload_of_more_than_8_mib_is_refused_with_413(shop):
    accepted(shop, "/upload", 8 * MiB)
    refused(shop, "/upload", 8 * MiB + 1)
    refused(shop, "/upload", 20 * MiB)


@pytest.mark.help("client_max_body_size can be set for the server and again, differently, in a location.")
def test_other_urls_take_bodies_of_up_to_64_kib(shop):
    accepted(shop, "/api/notes", 64 * KiB)
    refused(shop, "/api/notes", 64 * KiB + 1)
    refused(shop, "/", 200 * KiB)


@pytest.mark.hidden
def test_a_body_without_content_length_is_held_to_the_limit_too(shop):
    """A body sent in chunks (Transfer-Encoding: chunked) has no Content-Length up front: the limit must hold all the same."""
    refused(shop, "/upload", 9 * MiB, chunked=True)
    refused(shop, "/api/notes", 100 * KiB, chunked=True)
    accepted(shop, "/upload", 1 * MiB, chunked=True)


def test_a_burst_of_ten_is_served_then_429(shop):
    statuses, took = products(shop, client(), 1 + BURST + 5)
    # A client gets one more request every 2 seconds, so one that was slow
    # to send its requests may get a few more through.
    extra = int(took / INTERVAL)
    said = "the statuses of %d requests at once: %s" % (len(statuses), " ".join(map(str, statuses)))
    assert statuses[: 1 + BURST] == [200] * (1 + BURST), said
    assert set(statuses) <= {200, 429}, said
    assert statuses.count(200) <= 1 + BURST + extra, said


@pytest.mark.help("The limit counts each client apart: the zone's key is the client's address.")
def test_another_client_is_not_limited_by_the_first(shop):
    first, second = client(), client()
    statuses, _ = products(shop, first, 1 + BURST + 3)
    assert 429 in statuses, "the first client's statuses: " + " ".join(map(str, statuses))
    statuses, _ = products(shop, second, 1 + BURST)
    assert statuses == [200] * (1 + BURST), "the second client's statuses: " + " ".join(map(str, statuses))


@pytest.mark.hidden
def test_a_client_over_the_limit_gets_one_request_every_two_seconds(shop):
    """30 requests a minute: after its burst, a client may send one request every 2 seconds, not more."""
    source = client()
    statuses, _ = products(shop, source, 1 + BURST + 2)
    assert statuses[-1] == 429, statuses
    time.sleep(INTERVAL + 0.2)  # the rate is what is checked: one request's worth of time
    statuses, _ = products(shop, source, 2)
    assert statuses == [200, 429]


def test_pages_and_uploads_are_not_rate_limited(shop):
    source = client()
    statuses, _ = products(shop, source, 1 + BURST + 3)
    assert 429 in statuses, "GET /api/products %d times: %s" % (len(statuses), " ".join(map(str, statuses)))
    # The same client, over its limit for the API:
    statuses = [request("GET", "/", headers={"Host": "shop.example"}, source=source).status for _ in range(1 + BURST + 5)]
    assert statuses == [200] * (1 + BURST + 5), "GET / %d times: %s" % (len(statuses), " ".join(map(str, statuses)))
    statuses = [posted(shop, "/upload", 1 * KiB, source=source)[0] for _ in range(1 + BURST + 2)]
    assert statuses == [200] * (1 + BURST + 2), "POST /upload %d times: %s" % (len(statuses), " ".join(map(str, statuses)))
