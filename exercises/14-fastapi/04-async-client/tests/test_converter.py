import http.client
import json
import pathlib
import socket
import time

import pytest

from drillkit import learnerside
import main

# The rates service the tests run, a program of the tests' own: it is started
# from the learner's process (python3 -c TEXT PORT) and listens on 127.0.0.1.
UPSTREAM = (pathlib.Path(__file__).parent / "upstream.py").read_text()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Upstream:
    """The running rates service: script() says how it answers from now on,
    log() says what it was asked. Both speak HTTP to it (data only)."""

    def __init__(self, port):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    def _call(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=None if body is None else json.dumps(body))
            return json.loads(connection.getresponse().read())
        finally:
            connection.close()

    def script(self, rates=None, **rules):
        self._call("PUT", "/_script", {"rates": rates or {}, **rules})

    def log(self):
        return self._call("GET", "/_log")

    def asked(self):
        return self.log()["asked"]


@pytest.fixture(scope="module")
def upstream():
    port = free_port()
    subprocess = learnerside.module("subprocess")
    process = subprocess.Popen(
        [learnerside.module("sys").executable, "-c", UPSTREAM, str(port)],
        cwd="/tmp",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert process.poll() is None, "the tests' rates service did not start"
            assert time.monotonic() < deadline, "the tests' rates service did not listen within 10 s"
            time.sleep(0.05)
    yield Upstream(port)
    process.terminate()
    process.wait(timeout=5)


def returning(value):
    """A callable made in the learner's process that takes nothing and gives
    back value itself: what stands in for a dependency."""
    return learnerside.module("functools").partial(learnerside.module("operator").getitem, [value], 0)


@pytest.fixture
def connect(upstream):
    """connect(timeout=..., url=...) -> a TestClient for the app, whose
    settings (through app.dependency_overrides) point at the tests' rates
    service, or at url."""
    clients = []
    overrides = learnerside.shared_dict()
    main.app.dependency_overrides = overrides

    def connect(timeout=1.0, url=None):
        overrides[main.get_settings] = returning(main.Settings(rates_url=url or upstream.url, timeout=timeout))
        client = learnerside.module("fastapi.testclient").TestClient(main.app)
        client.__enter__()
        clients.append(client)
        return client

    yield connect
    for client in clients:
        client.__exit__(None, None, None)
    main.app.dependency_overrides = {}


@pytest.fixture
def client(connect):
    return connect()


def answer(response):
    return response.status_code, response.json()


FAILED = {"detail": "Rates service failed"}
TIMED_OUT = {"detail": "Rates service timed out"}


class TestConvert:
    def test_the_amount_is_converted_at_the_services_rate(self, client, upstream):
        upstream.script({"EUR": 0.9213, "GBP": 0.7871})
        response = client.get("/convert/EUR", params={"amount": 250})
        assert answer(response) == (200, {"code": "EUR", "amount": 250.0, "rate": 0.9213, "result": round(250 * 0.9213, 2)})
        assert upstream.asked() == ["EUR"]

    def test_the_amount_is_1_by_default(self, client, upstream):
        upstream.script({"JPY": 151.37})
        assert client.get("/convert/JPY").json() == {"code": "JPY", "amount": 1.0, "rate": 151.37, "result": 151.37}

    @pytest.mark.parametrize("amount", ["0", "-5", "lots"])
    def test_the_amount_must_be_a_number_above_0(self, client, upstream, amount):
        upstream.script({"EUR": 0.92})
        assert client.get("/convert/EUR", params={"amount": amount}).status_code == 422
        assert upstream.asked() == []
        assert client.get("/convert/EUR", params={"amount": "0.5"}).json()["result"] == 0.46

    @pytest.mark.parametrize("code", ["eur", "EURO", "E1R", "EU"])
    def test_a_code_is_three_capital_letters(self, client, upstream, code):
        upstream.script({"EUR": 0.92})
        assert client.get(f"/convert/{code}").status_code == 422
        assert upstream.asked() == []
        assert client.get("/convert/EUR").status_code == 200

    def test_a_currency_the_service_does_not_know_is_404(self, client, upstream):
        upstream.script({"EUR": 0.92})
        assert answer(client.get("/convert/XYZ")) == (404, {"detail": "Unknown currency: XYZ"})

    @pytest.mark.parametrize("status", [500, 503, 403])
    def test_an_error_of_the_service_is_502(self, client, upstream, status):
        upstream.script({"EUR": 0.92}, statuses={"EUR": status})
        assert answer(client.get("/convert/EUR")) == (502, FAILED)

    @pytest.mark.parametrize("body", [
        pytest.param("<html>Service Unavailable</html>", id="not JSON"),
        pytest.param('{"code": "EUR"}', id="no rate"),
        pytest.param('{"code": "EUR", "rate": "0.92"}', id="rate as text"),
        pytest.param('[0.92]', id="a list"),
    ])
    def test_an_answer_without_a_numeric_rate_is_502(self, client, upstream, body):
        upstream.script({}, bodies={"EUR": body})
        assert answer(client.get("/convert/EUR")) == (502, FAILED)

    def test_a_service_that_is_down_is_502(self, connect):
        client = connect(url=f"http://127.0.0.1:{free_port()}")
        assert answer(client.get("/convert/EUR")) == (502, FAILED)

    @pytest.mark.help("Wait at most the settings' timeout (httpx.AsyncClient(timeout=...)); httpx then raises httpx.TimeoutException, a kind of httpx.RequestError: catch it first, and answer 504.")
    def test_a_service_slower_than_the_timeout_is_504(self, connect, upstream):
        upstream.script({"EUR": 0.92}, delays={"EUR": 1.5})
        assert answer(connect(timeout=0.2).get("/convert/EUR")) == (504, TIMED_OUT)

    def test_the_timeout_is_the_one_of_the_settings(self, connect, upstream):
        upstream.script({"EUR": 0.92}, delays={"EUR": 0.3})
        assert connect(timeout=4.0).get("/convert/EUR").json()["result"] == 0.92
        assert connect(timeout=0.1).get("/convert/EUR").status_code == 504


class TestConvertMany:
    def test_every_currency_in_the_order_asked(self, client, upstream):
        upstream.script({"EUR": 0.9213, "GBP": 0.7871, "JPY": 151.37, "CHF": 0.8812})
        response = client.get("/convert", params={"to": ["JPY", "EUR", "CHF"], "amount": 40})
        assert answer(response) == (200, {
            "amount": 40.0,
            "results": {"JPY": round(40 * 151.37, 2), "EUR": round(40 * 0.9213, 2), "CHF": round(40 * 0.8812, 2)},
        })
        assert list(response.json()["results"]) == ["JPY", "EUR", "CHF"]
        assert sorted(upstream.asked()) == ["CHF", "EUR", "JPY"]

    @pytest.mark.help("await in a for loop asks one currency after the other: make every call's coroutine first and await them all at once with asyncio.gather(...).")
    def test_the_service_is_asked_for_every_currency_at_once(self, connect, upstream):
        # The service answers only when all four requests are in flight at
        # once (or after two seconds, to an app that asks one at a time).
        upstream.script({"EUR": 0.92, "GBP": 0.79, "JPY": 151.4, "SEK": 10.6}, together=4, hold=2.0)
        response = connect(timeout=5.0).get("/convert", params={"to": ["EUR", "GBP", "JPY", "SEK"]})
        assert response.status_code == 200
        assert upstream.log()["most"] == 4, "at most this many requests to the service were in flight at once"

    @pytest.mark.parametrize("to", [
        pytest.param([], id="none"),
        pytest.param(["EUR", "GBP", "JPY", "SEK", "CHF", "NOK"], id="six"),
        pytest.param(["EUR", "gbp"], id="lower case"),
        pytest.param(["EUR", "GB/P"], id="a slash"),
    ])
    def test_one_to_five_codes_of_three_capital_letters(self, client, upstream, to):
        upstream.script({"EUR": 0.92, "GBP": 0.79})
        assert client.get("/convert", params={"to": to}).status_code == 422
        assert upstream.asked() == []
        assert client.get("/convert", params={"to": ["EUR", "GBP"]}).status_code == 200

    def test_an_unknown_currency_among_them_is_404(self, client, upstream):
        upstream.script({"EUR": 0.92, "GBP": 0.79})
        response = client.get("/convert", params={"to": ["EUR", "QQQ", "GBP"]})
        assert answer(response) == (404, {"detail": "Unknown currency: QQQ"})

    def test_a_failure_among_them_is_502(self, client, upstream):
        upstream.script({"EUR": 0.92, "GBP": 0.79}, statuses={"GBP": 500})
        assert answer(client.get("/convert", params={"to": ["EUR", "GBP"]})) == (502, FAILED)

    @pytest.mark.hidden
    @pytest.mark.parametrize("to, expected", [
        pytest.param(["SLW", "BAD"], (504, TIMED_OUT), id="slow first"),
        pytest.param(["BAD", "SLW"], (502, FAILED), id="broken first"),
        pytest.param(["EUR", "SLW", "ZZZ"], (504, TIMED_OUT), id="slow before unknown"),
    ])
    def test_the_first_currency_that_fails_in_the_order_asked_decides(self, connect, upstream, to, expected):
        """When several currencies fail, the answer is the failure of the first one in the order of `to`, not the first to fail in time."""
        upstream.script({"EUR": 0.92}, delays={"SLW": 1.5}, statuses={"BAD": 500})
        assert answer(connect(timeout=0.3).get("/convert", params={"to": to})) == expected


@pytest.mark.hidden
def test_the_endpoints_are_coroutines():
    """Both endpoints are `async def`, so that waiting for the service never holds a thread."""
    inspect = learnerside.module("inspect")
    found = {route.path: inspect.iscoroutinefunction(route.endpoint) for route in main.app.routes if route.path.startswith("/convert")}
    assert found == {"/convert/{code}": True, "/convert": True}
