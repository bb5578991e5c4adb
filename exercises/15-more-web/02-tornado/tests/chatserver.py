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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`python -c SERVE PORT...` started from the learner's process in its
    work directory, one new chat.make_app() per port, its output in a file
    under a directory of /tmp; stopped when the with block ends."""

    def __init__(self, apps=1):
        self.ports = [free_port() for _ in range(apps)]

    def __enter__(self):
        self.directory = learnerside.module("tempfile").mkdtemp(prefix="chat-", dir="/tmp")
        self.log_path = self.directory + "/server.log"
        log = learnerside.module("builtins").open(self.log_path, "wb")
        subprocess = learnerside.module("subprocess")
        try:
            self.process = subprocess.Popen(
                [learnerside.module("sys").executable, "-c", SERVE, *map(str, self.ports)],
                cwd="/work", stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )
        finally:
            log.close()
        try:
            self._wait_until_listening()
        except BaseException:
            self.stop()
            raise
        return self

    def log(self):
        text = learnerside.module("pathlib").Path(self.log_path).read_text(errors="replace")
        return text[-3000:]

    def _wait_until_listening(self, seconds=15):
        deadline = time.monotonic() + seconds
        for port in self.ports:
            while True:
                code = self.process.poll()
                if code is not None:
                    raise AssertionError(f"the chat server stopped (exit status {code}) before it listened:\n{self.log()}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError(f"the chat server did not listen on port {port} within {seconds} s:\n{self.log()}")
                time.sleep(0.02)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()
            self.process.wait(timeout=5)

    def __exit__(self, *exc):
        self.stop()


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

    def __init__(self, port, method, path, body=None, timeout=5.0):
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


def get(port, path, timeout=5.0):
    return Request(port, "GET", path, timeout=timeout).response()


def post(port, path, body):
    return Request(port, "POST", path, body).response()
