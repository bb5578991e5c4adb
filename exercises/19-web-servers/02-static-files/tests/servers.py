"""Servers for the tests: started from the learner's process (the learner's
configuration is the learner's code), stopped by the fixtures; and HTTP
spoken to them from the judge, where what comes back is bytes."""

import http.client
import select
import signal
import socket
import ssl
import time

from drillkit import learnerside


class Server:
    """A program started in the learner's process, in /work, its output
    (standard output and error) in the file `log`."""

    def __init__(self, name, argv, log, env=None, stop_signal=signal.SIGTERM):
        subprocess = learnerside.module("subprocess")
        out = learnerside.module("builtins").open(log, "wb")
        try:
            self.process = subprocess.Popen(
                argv, cwd="/work", env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT
            )
        finally:
            out.close()
        self.name, self.log, self.stop_signal = name, log, stop_signal

    def running(self):
        return self.process.poll() is None

    def output(self, limit=2500):
        """The end of what the program printed."""
        path = learnerside.module("pathlib").Path(self.log)
        text = path.read_text(errors="replace") if path.exists() else ""
        return text[-limit:]

    def check_running(self):
        if not self.running():
            raise AssertionError(
                "%s stopped (exit status %s). What it printed:\n%s" % (self.name, self.process.poll(), self.output())
            )

    def stop(self):
        if self.running():
            self.process.send_signal(int(self.stop_signal))
            try:
                self.process.wait(timeout=10)
            except Exception:  # noqa: BLE001 - TimeoutExpired: then kill it
                self.process.kill()
                self.process.wait(timeout=10)


def fresh_dir(path, mode=0o755):
    """An empty directory at path (made in the learner's process)."""
    learnerside.module("shutil").rmtree(path, ignore_errors=True)
    learnerside.module("os").makedirs(path)
    learnerside.module("os").chmod(path, mode)


def wait_for_port(port, servers, timeout=20.0):
    """Return once 127.0.0.1:port accepts a connection; fail, with what the
    servers printed, if one of them stops or nothing listens in time."""
    deadline = time.monotonic() + timeout
    while True:
        for server in servers:
            server.check_running()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise AssertionError(
                    "nothing accepts connections on 127.0.0.1:%d after %.0f s. What the servers printed:\n%s"
                    % (port, timeout, "\n".join("%s: %s" % (s.name, s.output()) for s in servers))
                ) from None
            time.sleep(0.05)


def wait_for_app(port, servers, path="/", host="localhost", timeout=20.0):
    """Return once a request through nginx on port gets something other
    than 502 or 504 (nginx answers those while the app behind it is not
    listening yet), or when the time is up: the tests then say what is wrong."""
    wait_for_port(port, servers, timeout)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for server in servers:
            server.check_running()
        try:
            if request("GET", path, port=port, headers={"Host": host}, timeout=5).status not in (502, 504):
                return
        except OSError:
            pass
        time.sleep(0.1)


class Reply:
    """An HTTP response as data: status, headers (lower-case names, repeated
    ones joined with ", ") and body (bytes)."""

    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def text(self):
        return self.body.decode("utf-8", "replace")

    def __repr__(self):
        return "<%d %r %r>" % (self.status, self.headers, self.body[:200])


def request(method, path, port=8080, headers=None, body=None, source="127.0.0.1", tls=False, timeout=10, unix=None,
            address="127.0.0.1"):
    """Send one request to address:port from the address source (any
    127.x.y.z is this machine too; None: the system's choice), over TLS if
    asked, or to the unix socket unix; return the Reply."""
    if unix is not None:
        conn = http.client.HTTPConnection("localhost", timeout=timeout)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(unix)
        except OSError:
            sock.close()
            raise
        conn.sock = sock
    elif tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the exercise's own self-signed certificate
        conn = http.client.HTTPSConnection(address, port, timeout=timeout, source_address=source and (source, 0),
                                           context=context)
    else:
        conn = http.client.HTTPConnection(address, port, timeout=timeout, source_address=source and (source, 0))
    try:
        conn.request(method, path, body=body, headers=dict(headers or {}))
        response = conn.getresponse()
        data = response.read()
        merged = {}
        for name, value in response.getheaders():
            name = name.lower()
            merged[name] = merged[name] + ", " + value if name in merged else value
        return Reply(response.status, merged, data)
    finally:
        conn.close()


def upload(path, size, port=8080, host="shop.example", source="127.0.0.1", chunked=False, timeout=20):
    """POST a body of size bytes to path, with Content-Length or (chunked)
    in chunks of 64 KiB, and return the Reply. A server may answer before
    the body is all sent (413 as soon as it sees the length): the rest is
    then not sent, and its answer read all the same."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0))
    try:
        head = ["POST %s HTTP/1.1" % path, "Host: " + host, "Content-Type: application/octet-stream", "Connection: close"]
        head.append("Transfer-Encoding: chunked" if chunked else "Content-Length: %d" % size)
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        piece = 64 * 1024
        sent = 0
        try:
            while sent < size or chunked:
                if select.select([sock], [], [], 0)[0]:
                    break  # the server has answered already
                n = min(piece, size - sent)
                data = b"x" * n
                if chunked:
                    sock.sendall(b"%x\r\n%s\r\n" % (n, data) if n else b"0\r\n\r\n")
                    if not n:
                        break
                else:
                    sock.sendall(data)
                sent += n
        except (BrokenPipeError, ConnectionResetError):
            pass  # it answered and closed: read what it said
        response = http.client.HTTPResponse(sock)
        response.begin()
        data = response.read()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
    finally:
        sock.close()
