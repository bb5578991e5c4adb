"""A Redis server farther away, or one that something happens to at the
wrong moment: a TCP proxy the tests run in the judge, between the learner's
Redis client and the real server.

    link = RedisLink(delay=0.02, gather=20)
    client = redis_module.Redis(host="127.0.0.1", port=link.port)
    link.before_next_write(swap_the_lock)

delay: every reply from the server reaches the client that many seconds
after it left the server, as over a network, so that code which reads a
value and writes it back in a second command leaves a gap that other
clients' commands fall into.

gather: the replies to the first `gather` connections' commands are held
back until that many connections have sent one (or `wait` seconds have
passed since the first), as if that many requests had arrived in the same
instant; from then on replies flow, `delay` late. Commands that only set
up a connection (CONNECTION) are answered at once and do not count.

before_next_write(hook): hook() runs in the proxy's thread just before the
next command that can change data (anything but READS) is passed on:
between the read and the write of a compare-then-delete, or before the one
command of a script, a transaction or an atomic SET.

The bytes are forwarded as they are; the proxy reads the commands' names
(kept in `commands`), nothing else.
"""

import heapq
import itertools
import selectors
import socket
import threading
import time

# Commands that set up a connection: redis-py sends some when it connects.
CONNECTION = frozenset(b"HELLO CLIENT SELECT AUTH PING".split())
# Commands that change no data: the hook waits for the first one that is
# not one of these.
READS = CONNECTION | frozenset(
    b"GET MGET EXISTS TYPE TTL PTTL STRLEN ZCARD ZCOUNT ZRANGE ZRANGEBYSCORE ZSCORE "
    b"HGET HGETALL SMEMBERS SCARD LLEN LRANGE KEYS SCAN WATCH UNWATCH ECHO INFO".split()
)


def command_name(buf, start):
    """(name in upper case, end) of the RESP command that starts at
    buf[start], or None when it is not all there yet. Anything else (an
    inline command) counts as one command up to its newline."""
    if buf[start:start + 1] != b"*":
        end = buf.find(b"\n", start)
        if end < 0:
            return None
        words = bytes(buf[start:end]).split()
        return (words[0].upper() if words else b""), end + 1
    line_end = buf.find(b"\r\n", start)
    if line_end < 0:
        return None
    count = int(buf[start + 1:line_end])
    pos, name = line_end + 2, b""
    for i in range(count):
        line_end = buf.find(b"\r\n", pos)
        if line_end < 0:
            return None
        size = int(buf[pos + 1:line_end])
        data_start = line_end + 2
        if len(buf) < data_start + size + 2:
            return None
        if i == 0:
            name = bytes(buf[data_start:data_start + size]).upper()
        pos = data_start + size + 2
    return name, pos


class RedisLink:
    """A proxy on 127.0.0.1:port to the Redis server at upstream; see the
    module's docstring. close() ends it and every connection through it."""

    def __init__(self, upstream=("127.0.0.1", 6379), delay=0.0, gather=0, wait=3.0):
        self.upstream = upstream
        self.delay = delay
        self.gather = gather
        self.wait = wait
        self.hook = None
        self.hook_error = None
        self.commands = []  # every command's name passed on, in order
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port = self._listener.getsockname()[1]
        self._wake_r, self._wake_w = socket.socketpair()
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ, "accept")
        self._selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        self._peer = {}  # socket -> the socket on its other side
        self._pending = {}  # client socket -> what it sent that is not a whole command yet
        self._late = []  # heap of (when, n, client socket, reply bytes)
        self._order = itertools.count()
        self._gathered = set()  # client sockets whose replies wait for the gate
        self._held = []  # (client socket, reply bytes) behind the gate
        self._gate_open = gather <= 0
        self._gate_deadline = None
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="redis-link", daemon=True)
        self._thread.start()

    def before_next_write(self, hook):
        """Run hook() once, just before the next command that can change
        data is passed on. An exception it raises is kept in hook_error."""
        self.hook = hook

    def close(self):
        self._stop = True
        self._wake_w.send(b"x")
        self._thread.join(5)
        for sock in list(self._peer) + [self._listener, self._wake_r, self._wake_w]:
            sock.close()
        self._selector.close()

    def _run(self):
        while not self._stop:
            timeout = None
            if self._late:
                timeout = max(0.0, self._late[0][0] - time.monotonic())
            if self._gate_deadline is not None:
                until_gate = max(0.0, self._gate_deadline - time.monotonic())
                timeout = until_gate if timeout is None else min(timeout, until_gate)
            for key, _ in self._selector.select(timeout):
                if key.data == "accept":
                    self._accept()
                elif key.data == "client":
                    self._from_client(key.fileobj)
                elif key.data == "server":
                    self._from_server(key.fileobj)
            now = time.monotonic()
            if self._gate_deadline is not None and now >= self._gate_deadline:
                self._open_gate()
            while self._late and self._late[0][0] <= now:
                _, _, client, data = heapq.heappop(self._late)
                self._send(client, data)

    def _accept(self):
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        client.setblocking(True)
        server = socket.create_connection(self.upstream)
        self._peer[client], self._peer[server] = server, client
        self._pending[client] = bytearray()
        self._selector.register(client, selectors.EVENT_READ, "client")
        self._selector.register(server, selectors.EVENT_READ, "server")

    def _drop(self, sock):
        other = self._peer.pop(sock, None)
        for s in (sock, other):
            if s is None:
                continue
            self._peer.pop(s, None)
            self._pending.pop(s, None)
            try:
                self._selector.unregister(s)
            except (KeyError, ValueError):
                pass
            s.close()

    def _send(self, sock, data):
        if sock.fileno() < 0:
            return
        try:
            sock.sendall(data)
        except OSError:
            self._drop(sock)

    def _deliver(self, client, data):
        if self.delay:
            heapq.heappush(self._late, (time.monotonic() + self.delay, next(self._order), client, data))
        else:
            self._send(client, data)

    def _open_gate(self):
        self._gate_open, self._gate_deadline = True, None
        held, self._held = self._held, []
        for client, data in held:
            self._deliver(client, data)

    def _from_client(self, client):
        try:
            data = client.recv(65536)
        except OSError:
            data = b""
        if not data:
            return self._drop(client)
        buf = self._pending[client]
        buf += data
        start = 0
        while True:
            parsed = command_name(buf, start)
            if parsed is None:
                break
            name, end = parsed
            self.commands.append(name.decode("latin-1"))
            if self.hook is not None and name not in READS:
                hook, self.hook = self.hook, None
                try:
                    hook()
                except Exception as e:  # noqa: BLE001 - kept for the test to read
                    self.hook_error = e
            if not self._gate_open and name not in CONNECTION:
                self._gathered.add(client)
                if self._gate_deadline is None:
                    self._gate_deadline = time.monotonic() + self.wait
            self._send(self._peer[client], bytes(buf[start:end]))
            start = end
        del buf[:start]
        if not self._gate_open and len(self._gathered) >= self.gather:
            self._open_gate()

    def _from_server(self, server):
        try:
            data = server.recv(65536)
        except OSError:
            data = b""
        client = self._peer.get(server)
        if not data or client is None:
            return self._drop(server)
        if not self._gate_open and client in self._gathered:
            self._held.append((client, data))
        else:
            self._deliver(client, data)
