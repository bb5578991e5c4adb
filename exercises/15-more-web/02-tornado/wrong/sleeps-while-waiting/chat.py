import json
import time

import tornado.locks
import tornado.web
import tornado.websocket


class Room:
    """The messages of one application, the websockets connected to it, and
    a condition that wakes every waiting request when a message comes."""

    def __init__(self):
        self.messages = []
        self.sockets = set()
        self.changed = tornado.locks.Condition()

    def add(self, user, text):
        message = {"id": len(self.messages) + 1, "user": user, "text": text}
        self.messages.append(message)
        for socket in self.sockets:
            socket.write_message(message)
        self.changed.notify_all()
        return message

    def after(self, last_id):
        return [message for message in self.messages if message["id"] > last_id]


def checked(body):
    """The user and text of a message sent as JSON; ValueError if it is not one."""
    data = json.loads(body)
    if not isinstance(data, dict):
        raise ValueError("a message is a JSON object")
    for field in ("user", "text"):
        value = data.get(field)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{field} must be a string that is not blank")
    return data["user"], data["text"]


class MessagesHandler(tornado.web.RequestHandler):
    def initialize(self, room):
        self.room = room

    def fail(self, status, message):
        self.set_status(status)
        self.finish({"error": message})

    async def get(self):
        try:
            after = int(self.get_query_argument("after", "0"))
            wait = float(self.get_query_argument("wait", "0"))
        except ValueError:
            return self.fail(400, "after and wait must be numbers")
        if after < 0 or not 0 <= wait <= 30:
            return self.fail(400, "after must be at least 0, wait from 0 to 30")
        deadline = time.monotonic() + wait
        while not self.room.after(after) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.write({"messages": self.room.after(after)})

    def post(self):
        try:
            user, text = checked(self.request.body)
        except ValueError as error:
            return self.fail(400, str(error))
        self.set_status(201)
        self.write(self.room.add(user, text))


class SocketHandler(tornado.websocket.WebSocketHandler):
    def initialize(self, room):
        self.room = room

    def open(self):
        self.room.sockets.add(self)

    def on_close(self):
        self.room.sockets.discard(self)

    def on_message(self, message):
        try:
            user, text = checked(message)
        except ValueError as error:
            self.write_message({"error": str(error)})
            return
        self.room.add(user, text)


def make_app():
    """A new Tornado application with a room of its own: /messages and /socket."""
    room = Room()
    return tornado.web.Application([
        (r"/messages", MessagesHandler, {"room": room}),
        (r"/socket", SocketHandler, {"room": room}),
    ])


if __name__ == "__main__":
    import asyncio

    async def main():
        make_app().listen(8888, address="127.0.0.1")
        await asyncio.Event().wait()

    asyncio.run(main())
