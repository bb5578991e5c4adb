import json
import re
import secrets
import threading
from urllib.parse import urlencode

import pytest

from drillkit import learnerside

from servers import Server, fresh_dir, request, wait_for_app, wait_for_port

RUN = "/tmp/scaling"
NGINX = 8080
PORTS = (8001, 8002)


@pytest.fixture(scope="module")
def shop():
    """The tables made with the learner's models and settings, two
    instances of the app (each a gunicorn of its own, named in its
    environment), and nginx with the learner's nginx.conf in front."""
    fresh_dir(RUN)
    learnerside.module("os").makedirs(RUN + "/nginx/logs")
    migrated = learnerside.module("subprocess").run(
        [learnerside.module("sys").executable, "manage.py", "migrate", "--run-syncdb", "--verbosity", "0"],
        capture_output=True, text=True, timeout=60,
    )
    assert migrated.returncode == 0, "manage.py migrate --run-syncdb failed:\n" + (migrated.stdout + migrated.stderr)[-1500:]
    names = {port: "%s-%s" % (letter, secrets.token_hex(4)) for port, letter in zip(PORTS, "ab")}
    servers = []
    try:
        for port in PORTS:
            env = dict(learnerside.module("os").environ)
            env["APP_INSTANCE"] = names[port]
            servers.append(Server(
                "gunicorn on %d" % port,
                ["gunicorn", "--bind", "127.0.0.1:%d" % port, "--workers", "1", "project.wsgi:application"],
                "%s/gunicorn-%d.log" % (RUN, port), env))
        servers.append(Server(
            "nginx", ["nginx", "-p", RUN + "/nginx/", "-c", "/work/nginx.conf", "-e", "stderr", "-g", "daemon off;"],
            RUN + "/nginx.log"))
        for port in PORTS:
            wait_for_port(port, servers)
        wait_for_app(NGINX, servers, path="/visits/", host="shop.example")
        yield {"names": names, "servers": servers}
    finally:
        for server in reversed(servers):
            server.stop()


class Visitor:
    """A browser: it keeps the session cookie it is given, and sends its
    requests to nginx or straight to one instance (port)."""

    def __init__(self, shop):
        self.shop, self.cookie = shop, None

    def send(self, method, path, port=NGINX, form=None, body=None):
        headers = {"Host": "shop.example"}
        if self.cookie:
            headers["Cookie"] = "sessionid=" + self.cookie
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        reply = request(method, path, port=port, headers=headers, body=body)
        found = re.search(r"sessionid=([^;]*)", reply.headers.get("set-cookie", ""))
        if found:
            self.cookie = found.group(1) or None
        instance = reply.headers.get("x-instance")
        assert instance in self.shop["names"].values(), (
            "%s %s (port %d): not an answer from one of the two instances: %d %r %s"
            % (method, path, port, reply.status, reply.headers, reply.text()[:300]))
        reply.instance = instance
        return reply

    def json(self, method, path, port=NGINX, form=None, status=200):
        reply = self.send(method, path, port, form)
        assert reply.status == status, "%s %s (port %d): %d %s" % (method, path, port, reply.status, reply.text()[:300])
        return json.loads(reply.body)


def test_nginx_passes_requests_on_to_both_instances(shop):
    visitor = Visitor(shop)
    answered = [visitor.send("GET", "/visits/").instance for _ in range(6)]
    assert sorted(set(answered)) == sorted(shop["names"].values()), "instances that answered: %r" % answered


@pytest.mark.help("Load balancing by the client's address (ip_hash) or by a cookie sends a visitor to one instance only.")
def test_nginx_takes_turns_between_the_instances_for_one_visitor(shop):
    visitor = Visitor(shop)
    visitor.json("POST", "/cart/", form={"item": "lamp"})
    answered = [visitor.send("GET", "/cart/").instance for _ in range(6)]
    assert sorted(set(answered)) == sorted(shop["names"].values()), "instances that answered: %r" % answered


def test_a_cart_is_kept_whichever_instance_answers(shop):
    visitor = Visitor(shop)
    answered = set()
    for item in ("lamp", "mug", "notebook", "pencil"):
        answered.add(visitor.send("POST", "/cart/", form={"item": item}).instance)
    for _ in range(2):
        reply = visitor.send("GET", "/cart/")
        answered.add(reply.instance)
        assert json.loads(reply.body)["cart"] == ["lamp", "mug", "notebook", "pencil"], "the cart from " + reply.instance
    assert sorted(answered) == sorted(shop["names"].values()), "instances that answered: %r" % sorted(answered)


@pytest.mark.help("A session kept in one process's memory exists only for that process.")
def test_a_cart_made_on_one_instance_is_there_on_the_other(shop):
    visitor = Visitor(shop)
    a, b = PORTS
    visitor.json("POST", "/cart/", port=a, form={"item": "kettle"})
    assert visitor.json("GET", "/cart/", port=b)["cart"] == ["kettle"]
    visitor.json("POST", "/cart/", port=b, form={"item": "teapot"})
    assert visitor.json("GET", "/cart/", port=a)["cart"] == ["kettle", "teapot"]


def test_two_visitors_have_carts_of_their_own(shop):
    ann, bob = Visitor(shop), Visitor(shop)
    ann.json("POST", "/cart/", port=PORTS[0], form={"item": "lamp"})
    bob.json("POST", "/cart/", port=PORTS[1], form={"item": "mug"})
    assert ann.json("GET", "/cart/")["cart"] == ["lamp"], "Ann's cart"
    assert bob.json("GET", "/cart/")["cart"] == ["mug"], "Bob's cart"


def test_visits_are_counted_for_the_whole_site(shop):
    visitor = Visitor(shop)
    a, b = PORTS
    start = visitor.json("GET", "/visits/", port=a)["visits"]
    ports = (a, b, b, a, NGINX, NGINX)
    counted = [visitor.json("POST", "/visits/", port=port)["visits"] for port in ports]
    assert counted == [start + n for n in range(1, 7)], "POST /visits/ on ports %s, after %d visits: %s" % (
        " ".join(map(str, ports)), start, " ".join(map(str, counted)))
    for port in (a, b):
        assert visitor.json("GET", "/visits/", port=port)["visits"] == start + 6, "GET /visits/ on port %d" % port


@pytest.mark.hidden
@pytest.mark.help("Reading the number, adding one in Python and saving it loses visits when two instances do it at once: let the database add (F()).")
def test_visits_at_the_same_time_are_all_counted(shop):
    """Many visits at once, on both instances: every one of them must be counted."""
    start = Visitor(shop).json("GET", "/visits/")["visits"]
    errors = []

    def visit(port):
        try:
            for _ in range(5):
                Visitor(shop).json("POST", "/visits/", port=port)
        except AssertionError as e:
            errors.append(str(e))

    threads = [threading.Thread(target=visit, args=(port,)) for port in PORTS * 3]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert Visitor(shop).json("GET", "/visits/")["visits"] == start + 30


def test_a_file_uploaded_to_one_instance_is_there_on_the_other(shop):
    visitor = Visitor(shop)
    a, b = PORTS
    name = "photo-%s.jpg" % secrets.token_hex(4)
    data = secrets.token_bytes(200 * 1024)
    reply = visitor.send("POST", "/files/" + name, port=a, body=data)
    assert reply.status == 201, reply.text()[:300]
    for port in (b, a, NGINX):
        reply = visitor.send("GET", "/files/" + name, port=port)
        assert reply.status == 200, "uploaded on port %d, GET on port %d: %d" % (a, port, reply.status)
        assert reply.body == data, "uploaded on port %d, GET on port %d: other bytes" % (a, port)


def test_a_file_uploaded_again_is_replaced_everywhere(shop):
    visitor = Visitor(shop)
    a, b = PORTS
    name = "price-list-%s.txt" % secrets.token_hex(4)
    assert visitor.send("POST", "/files/" + name, port=a, body=b"old prices").status == 201
    assert visitor.send("POST", "/files/" + name, port=b, body=b"new prices").status == 201
    for port in (a, b):
        assert visitor.send("GET", "/files/" + name, port=port).body == b"new prices", "GET on port %d" % port


def test_a_file_never_uploaded_is_not_found_anywhere(shop):
    visitor = Visitor(shop)
    a, b = PORTS
    there = "menu-%s.txt" % secrets.token_hex(4)
    assert visitor.send("POST", "/files/" + there, port=a, body=b"soup").status == 201
    assert visitor.send("GET", "/files/" + there, port=b).status == 200, "uploaded on port %d, GET on port %d" % (a, b)
    name = "nothing-%s.txt" % secrets.token_hex(4)
    for port in PORTS + (NGINX,):
        assert visitor.send("GET", "/files/" + name, port=port).status == 404, "GET on port %d" % port
