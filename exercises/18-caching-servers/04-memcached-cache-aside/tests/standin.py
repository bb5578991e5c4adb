"""A Memcached server that is down in the worst way, then back: a TCP
server the tests run in the judge, in front of the real one.

    stand_in = StandIn()                     # down: accepts, never answers
    ProductCache(load, server=f"127.0.0.1:{stand_in.port}", timeout=0.2)
    stand_in.connections                     # how many connections it accepted
    stand_in.up()                            # from now on, relays to the real server

While down it accepts every connection and reads what it is sent, but
never answers, as a server that is overloaded, stopped with SIGSTOP, or
behind a network that drops packets: a client without a timeout waits for
ever. (A port where nothing listens, 127.0.0.1:1, only refuses, at once.)
up() closes the connections it held and relays each new one to the real
server, byte for byte.
"""

import selectors
import socket
import threading


class StandIn:
    def __init__(self, upstream=("127.0.0.1", 11211)):
        self.upstream = upstream
        self.connections = 0  # accepted, down or up
        self.received = 0  # bytes read while down
        self._is_up = False
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port = self._listener.getsockname()[1]
        self._wake_r, self._wake_w = socket.socketpair()
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ, "accept")
        self._selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        self._hung = set()  # connections held while down
        self._peer = {}  # relayed: socket -> the socket on its other side
        self._closing = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="memcached-stand-in", daemon=True)
        self._thread.start()

    def up(self):
        """Let the server come back: new connections are relayed to it."""
        with self._lock:
            self._is_up = True
        self._wake_w.send(b"u")

    def close(self):
        self._closing = True
        self._wake_w.send(b"x")
        self._thread.join(5)
        for sock in list(self._hung) + list(self._peer) + [self._listener, self._wake_r, self._wake_w]:
            sock.close()
        self._selector.close()

    def _run(self):
        while not self._closing:
            for key, _ in self._selector.select():
                if key.data == "wake":
                    self._wake_r.recv(64)
                    if self._is_up:
                        for sock in list(self._hung):
                            self._forget(sock)
                elif key.data == "accept":
                    self._accept()
                elif key.data == "hung":
                    self._swallow(key.fileobj)
                else:
                    self._relay(key.fileobj)

    def _accept(self):
        try:
            sock, _ = self._listener.accept()
        except BlockingIOError:
            return
        sock.setblocking(True)
        with self._lock:
            self.connections += 1
            is_up = self._is_up
        if not is_up:
            self._hung.add(sock)
            self._selector.register(sock, selectors.EVENT_READ, "hung")
            return
        try:
            server = socket.create_connection(self.upstream)
        except OSError:
            sock.close()
            return
        self._peer[sock], self._peer[server] = server, sock
        self._selector.register(sock, selectors.EVENT_READ, "relay")
        self._selector.register(server, selectors.EVENT_READ, "relay")

    def _forget(self, sock):
        self._hung.discard(sock)
        other = self._peer.pop(sock, None)
        for s in (sock, other):
            if s is None:
                continue
            self._peer.pop(s, None)
            try:
                self._selector.unregister(s)
            except (KeyError, ValueError):
                pass
            s.close()

    def _swallow(self, sock):
        try:
            data = sock.recv(65536)
        except OSError:
            data = b""
        if not data:
            return self._forget(sock)
        with self._lock:
            self.received += len(data)

    def _relay(self, sock):
        try:
            data = sock.recv(65536)
        except OSError:
            data = b""
        other = self._peer.get(sock)
        if not data or other is None:
            return self._forget(sock)
        try:
            other.sendall(data)
        except OSError:
            self._forget(sock)
