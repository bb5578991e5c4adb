import hashlib
import http.client
import json
import random
import secrets
import socket

import pytest

from drillkit import learnerside

from servers import Server, fresh_dir, request, wait_for_app

RUN = "/tmp/shop"
HTTP, HTTPS = 8080, 8443


@pytest.fixture(scope="module")
def shop():
    """gunicorn with the learner's gunicorn.conf.py and settings, nginx with
    the learner's nginx.conf in front of it; a secret of this run's in
    gunicorn's environment, which the /whoami/ page proves it knows."""
    fresh_dir(RUN)
    learnerside.module("os").makedirs(RUN + "/nginx/logs")
    proof = secrets.token_hex(16)
    env = dict(learnerside.module("os").environ)
    env["SHOP_PROOF"] = proof
    servers = []
    try:
        servers.append(
            Server("gunicorn", ["gunicorn", "-c", "gunicorn.conf.py", "project.wsgi:application"], RUN + "/gunicorn.log", env)
        )
        servers.append(
            Server(
                "nginx",
                ["nginx", "-p", RUN + "/nginx/", "-c", "/work/nginx.conf", "-e", "stderr", "-g", "daemon off;"],
                RUN + "/nginx.log",
            )
        )
        wait_for_app(HTTP, servers, host="shop.example")
        yield proof
    finally:
        for server in reversed(servers):
            server.stop()


def client_address():
    """An address of this machine for the client to send from, other than
    nginx's own 127.0.0.1 (and different in each test)."""
    return "127.0.%d.%d" % (random.randint(1, 250), random.randint(2, 250))


def whoami(shop, port=HTTP, host="shop.example", headers=(), source="127.0.0.1"):
    """What Django saw of a GET /whoami/ sent through nginx, after checking
    that the answer came from Django."""
    nonce = secrets.token_hex(8)
    reply = request(
        "GET", "/whoami/?nonce=" + nonce, port=port, headers={"Host": host, **dict(headers)}, source=source, tls=port == HTTPS
    )
    assert reply.status == 200, "GET /whoami/ (Host: %s) through nginx on port %d: %d %s" % (
        host, port, reply.status, reply.text()[:300])
    try:
        seen = json.loads(reply.body)
    except ValueError:
        raise AssertionError("the answer is not the JSON of /whoami/: %r" % reply.text()[:300]) from None
    expected = hashlib.sha256(("%s:%s" % (shop, nonce)).encode()).hexdigest()
    assert isinstance(seen, dict) and seen.get("proof") == expected, (
        "that answer did not come from the Django app started by the tests: %r" % reply.text()[:300]
    )
    return seen


def test_nginx_passes_requests_on_to_django(shop):
    reply = request("GET", "/", headers={"Host": "shop.example"})
    assert reply.status == 200, "GET / through nginx: %d %s" % (reply.status, reply.text()[:300])
    assert reply.text() == "Welcome to the shop\n"
    whoami(shop)


def test_django_sees_the_host_name_the_client_asked_for(shop):
    for host in ("shop.example", "www.shop.example"):
        seen = whoami(shop, host=host)["host"]
        assert seen == host, "the client asked for %s; Django's get_host() was %r" % (host, seen)


@pytest.mark.help("Django refuses (400) a Host header that is not in ALLOWED_HOSTS; nginx may also close the connection for unknown names.")
def test_a_host_name_that_is_not_the_shops_is_refused(shop):
    for host in ("evil.example", "shop.example.evil.example", "localhost"):
        try:
            reply = request("GET", "/whoami/", headers={"Host": host})
        except (http.client.RemoteDisconnected, ConnectionResetError):
            continue  # nginx closed the connection (return 444): refused too
        assert reply.status == 400, "Host: %s got %d %s" % (host, reply.status, reply.text()[:200])


def test_https_requests_are_secure_for_django(shop):
    seen = whoami(shop, port=HTTPS)
    assert seen["secure"] is True, "over HTTPS, Django saw is_secure() %r, scheme %r" % (seen["secure"], seen["scheme"])
    assert seen["url"].startswith("https://shop.example/whoami/"), seen["url"]


def test_plain_http_requests_are_not_secure(shop):
    seen = whoami(shop, port=HTTP)
    assert seen["secure"] is False, "over plain HTTP, Django saw is_secure() %r, scheme %r" % (seen["secure"], seen["scheme"])
    assert seen["url"].startswith("http://shop.example/whoami/"), seen["url"]


@pytest.mark.hidden
@pytest.mark.help("nginx passes every header the client sent on to the app unless you set it yourself.")
def test_a_clients_own_x_forwarded_proto_is_not_believed(shop):
    """A client that sends X-Forwarded-Proto: https over plain HTTP must not look secure to Django."""
    for value in ("https", "https, http"):
        seen = whoami(shop, port=HTTP, headers={"X-Forwarded-Proto": value})
        assert (value, seen["secure"], seen["scheme"]) == (value, False, "http")


def test_the_clients_address_is_the_last_of_x_forwarded_for(shop):
    address = client_address()
    assert whoami(shop, source=address)["forwarded_for"] == address
    assert whoami(shop, port=HTTPS, source=address)["forwarded_for"] == address


@pytest.mark.hidden
def test_a_chain_the_client_sent_is_kept_and_the_client_added(shop):
    """A client may send X-Forwarded-For itself: keep it and add the address nginx saw, never just pass it on."""
    address = client_address()
    seen = whoami(shop, headers={"X-Forwarded-For": "203.0.113.9"}, source=address)
    assert seen["forwarded_for"] == "203.0.113.9, " + address
    seen = whoami(shop, headers={"X-Forwarded-For": "198.51.100.4, 192.0.2.1"}, source=address)
    assert seen["forwarded_for"] == "198.51.100.4, 192.0.2.1, " + address


@pytest.mark.hidden
@pytest.mark.help("Trust X-Forwarded-Host only if nginx sets it itself: otherwise it is whatever the client wrote.")
def test_a_clients_own_x_forwarded_host_is_not_believed(shop):
    """A client's X-Forwarded-Host (even another of the shop's names) must not change the host Django sees."""
    for forged in ("www.shop.example", "evil.example"):
        reply = request("GET", "/whoami/", headers={"Host": "shop.example", "X-Forwarded-Host": forged})
        assert (forged, reply.status) == (forged, 200)
        assert (forged, json.loads(reply.body)["host"]) == (forged, "shop.example")


def tcp_address(hex_address):
    """An address of /proc/net/tcp or tcp6 (the kernel's words, in this
    machine's byte order) as text; where it is "any", a loopback one."""
    raw = bytes.fromhex(hex_address)
    raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    if len(raw) == 4:
        return "127.0.0.1" if raw == bytes(4) else socket.inet_ntop(socket.AF_INET, raw)
    return "::1" if raw == bytes(16) else socket.inet_ntop(socket.AF_INET6, raw)


def listeners():
    """Every socket listening in this sandbox but nginx's: ("tcp", (address,
    port)) and ("unix", path) pairs (an abstract unix name starts with NUL)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if fields[3] == "0A":  # LISTEN
                address, port = fields[1].rsplit(":", 1)
                port = int(port, 16)
                if port not in (HTTP, HTTPS):
                    found.add(("tcp", (tcp_address(address), port)))
    with open("/proc/net/unix") as f:
        for row in f.read().splitlines()[1:]:
            fields = row.split()
            # Flags 00010000: a listening socket; the path is the 8th field.
            if len(fields) >= 8 and int(fields[3], 16) & 0x10000:
                path = fields[7]
                found.add(("unix", "\0" + path[1:] if path.startswith("@") else path))
    return sorted(found)


@pytest.mark.hidden
@pytest.mark.help(
    "A client that reaches gunicorn without nginx can send any X-Forwarded-Proto it likes, and Django believes it. "
    "On a machine, a port on 127.0.0.1 is open to every user: a unix socket's permissions are not."
)
def test_no_one_but_nginx_can_reach_gunicorn(shop):
    """A client that connects to gunicorn directly, without nginx, must not be able to pass for HTTPS."""
    whoami(shop)  # the shop works through nginx
    reached = []
    for kind, where in listeners():
        try:
            headers = {"Host": "shop.example", "X-Forwarded-Proto": "https"}
            if kind == "tcp":
                reply = request("GET", "/whoami/", address=where[0], port=where[1], headers=headers, source=None, timeout=5)
            else:
                reply = request("GET", "/whoami/", unix=where, headers=headers, timeout=5)
        except (OSError, http.client.HTTPException):
            continue  # refused, or not HTTP: not a way in
        try:
            secure = json.loads(reply.body).get("secure") is True
        except (ValueError, AttributeError):
            secure = False
        if secure:
            reached.append(("%s port %d" % where) if kind == "tcp" else where.replace("\0", "@"))
    assert reached == [], "gunicorn answers a client that goes around nginx, and believes its X-Forwarded-Proto"
