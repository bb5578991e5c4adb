"""The judge's own websocket client (RFC 6455), over a plain socket: what
the server sends is read here as bytes, so the tests see only data."""

import base64
import hashlib
import json
import os
import socket
import struct

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, BINARY, CLOSE, PING, PONG, CONTINUATION = 0x1, 0x2, 0x8, 0x9, 0xA, 0x0


class Closed(Exception):
    """The server closed the websocket."""


class WebSocket:
    """A client connection: connect() performs the opening handshake; then
    send() and receive() carry text messages, close() the closing one."""

    def __init__(self, port, path="/socket", origin=None, timeout=5.0):
        self.port = port
        self.timeout = timeout
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buffer = b""
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        lines = [
            f"GET {path} HTTP/1.1",
            f"Host: 127.0.0.1:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        if origin:
            lines.append(f"Origin: {origin}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))
        head = self._read_until(b"\r\n\r\n").decode("latin-1")
        status_line, *header_lines = head.split("\r\n")
        self.status = int(status_line.split()[1])
        self.headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()
        if self.status == 101:
            expected = base64.b64encode(hashlib.sha1(key.encode("ascii") + GUID).digest()).decode("ascii")
            assert self.headers.get("sec-websocket-accept") == expected, "the server's handshake answer is not a websocket one"
        else:
            self.sock.close()

    def _read(self, size):
        while len(self.buffer) < size:
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                raise AssertionError(f"the server sent nothing within {self.timeout:g} s") from None
            if not chunk:
                raise Closed("the server closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def _read_until(self, end):
        while end not in self.buffer:
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                raise AssertionError(f"the server did not answer within {self.timeout:g} s") from None
            if not chunk:
                raise AssertionError("the server closed the connection before it answered")
            self.buffer += chunk
        head, self.buffer = self.buffer.split(end, 1)
        return head

    def _send_frame(self, opcode, payload):
        mask = os.urandom(4)
        size = len(payload)
        if size < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | size)
        elif size < 1 << 16:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, size)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, size)
        masked = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def _receive_frame(self):
        first, second = self._read(2)
        size = second & 0x7F
        if size == 126:
            (size,) = struct.unpack("!H", self._read(2))
        elif size == 127:
            (size,) = struct.unpack("!Q", self._read(8))
        mask = self._read(4) if second & 0x80 else None
        payload = self._read(size)
        if mask:
            payload = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
        return bool(first & 0x80), first & 0x0F, payload

    def send(self, text):
        """Send one text message."""
        self._send_frame(TEXT, text.encode("utf-8"))

    def send_json(self, value):
        self.send(json.dumps(value))

    def receive(self):
        """The next message the server sends, as text (binary as bytes)."""
        parts, kind = [], None
        while True:
            final, opcode, payload = self._receive_frame()
            if opcode == PING:
                self._send_frame(PONG, payload)
                continue
            if opcode == PONG:
                continue
            if opcode == CLOSE:
                raise Closed("the server closed the websocket")
            if opcode != CONTINUATION:
                kind = opcode
            parts.append(payload)
            if final:
                data = b"".join(parts)
                return data.decode("utf-8") if kind == TEXT else data

    def receive_json(self):
        """The next message, parsed as JSON."""
        message = self.receive()
        try:
            return json.loads(message)
        except ValueError:
            raise AssertionError(f"the server sent {message!r}, which is not JSON") from None

    def close(self):
        """The closing handshake: send a close frame, wait for the server's,
        and for the end of the connection."""
        try:
            self._send_frame(CLOSE, struct.pack("!H", 1000))
            while True:
                _, opcode, _ = self._receive_frame()
                if opcode == CLOSE:
                    break
            while self.sock.recv(65536):
                pass
        except (Closed, OSError, AssertionError):
            pass
        finally:
            self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.sock.close()
