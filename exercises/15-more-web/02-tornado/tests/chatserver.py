"""The learner's chat, served by a program the learner's process starts,
and the judge's plain HTTP client for it."""

import http.client
import json
import socket
import time
from pathlib import Path

from drillkit import learnerside

# tests/serve.py runs as a program of its own, started by the learner's
# process (which cannot read tests/), so it goes there as text.
SERVE = (Path(__file__).resolve().parent / "serve.py").read_text(encoding="utf-8")


class Server:
    """`python -c SERVE COUNT PORTS_FILE` started from the learner's process
    in its work directory: one new chat.make_app() per port, the ports
    picked by the system and written to a file, the program's output kept
    in another, both in a directory of /tmp; stopped when the with block
    ends."""

    def __init__(self, apps=1):
        self.apps = apps
        self.ports = []

    def __enter__(self):
        self.directory = learnerside.module("tempfile").mkdtemp(prefix="chat-", dir="/tmp")
        self.log_path = self.directory + "/server.log"
        self.ports_path = self.directory + "/ports.json"
        log = learnerside.module("builtins").open(self.log_path, "wb")
        subprocess = learnerside.module("subprocess")
        try:
            self.process = subprocess.Popen(
                [learnerside.module("sys").executable, "-c", SERVE, str(self.apps), self.ports_path],
                cwd="/work", stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )
        finally:
            log.close()
        try:
            self.ports = self._wait_until_listening()
        except BaseException:
            self.stop()
            raise
        return self

    def log(self):
        text = learnerside.module("pathlib").Path(self.log_path).read_text(errors="replace")
        return text[-3000:]

    def _wait_until_listening(self, seconds=30):
        path = learnerside.module("pathlib").Path(self.ports_path)
        deadline = time.monotonic() + seconds
        while not path.exists():
            code = self.process.poll()
            if code is not None:
                raise AssertionError(f"the chat server stopped (exit status {code}) before it listened:\n{self.log()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the chat server did not listen within {seconds} s:\n{self.log()}")
            time.sleep(0.02)
        ports = json.loads(path.read_text())
        assert len(ports) == self.apps and all(type(port) is int for port in ports), ports
        return ports

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()
            self.process.wait(timeout=5)

    def __exit__(self, *exc):
        self.stop()


class Pool:
    """Fresh applications for tests that never wait: take() gives the port
    of an application no test has used, served by one program for many
    (starting another when they run out), which saves a start per test."""

    def __init__(self, size=20):
        self.size = size
        self.servers = []
        self.free = []

    def take(self):
        if not self.free:
            server = Server(apps=self.size).__enter__()
            self.servers.append(server)
            self.free = list(server.ports)
        return self.free.pop(0)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for server in self.servers:
            server.stop()


class Response:
    """An HTTP answer, as data."""

    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    def __repr__(self):
        return f"<Response {self.status} {self.body[:160]!r}>"

    def json(self):
        assert self.headers.get("content-type", "").split(";")[0].strip() == "application/json", (
            f"a JSON answer needs Content-Type: application/json, this one has {self.headers.get('content-type')!r}"
        )
        try:
            return json.loads(self.body)
        except ValueError:
            raise AssertionError(f"the body is not JSON: {self.body[:200]!r}") from None

    def error(self):
        """The body of a JSON error: {"error": "<message>"}."""
        data = self.json()
        assert isinstance(data, dict) and isinstance(data.get("error"), str) and data["error"], (
            f'an error body must be {{"error": "<message>"}}, not {data!r}'
        )
        return data


class Request:
    """One HTTP request on a connection of its own: sent at once, its answer
    read by response(), so a test can keep a request waiting."""

    def __init__(self, port, method, path, body=None, timeout=10.0):
        self.what = f"{method} {path}"
        self.timeout = timeout
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        headers = {}
        if body is not None:
            if not isinstance(body, bytes):
                body = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=body, headers=headers)

    def response(self):
        try:
            answer = self.connection.getresponse()
            return Response(answer.status, answer.getheaders(), answer.read())
        except socket.timeout:
            raise AssertionError(f"{self.what}: no answer within {self.timeout:g} s") from None
        finally:
            self.connection.close()


def get(port, path, timeout=10.0):
    return Request(port, "GET", path, timeout=timeout).response()


def post(port, path, body):
    return Request(port, "POST", path, body).response()
