import json

import tornado.locks
import tornado.web
import tornado.websocket


class MessagesHandler(tornado.web.RequestHandler):
    async def get(self):
        self.set_status(501)
        self.write({"error": "not written yet"})

    def post(self):
        self.set_status(501)
        self.write({"error": "not written yet"})


class SocketHandler(tornado.websocket.WebSocketHandler):
    def open(self):
        self.close(1011, "not written yet")

    def on_message(self, message):
        pass


def make_app():
    """A new Tornado application with a room of its own: /messages and /socket."""
    return tornado.web.Application([
        (r"/messages", MessagesHandler),
        (r"/socket", SocketHandler),
    ])


if __name__ == "__main__":
    import asyncio

    async def main():
        make_app().listen(8888, address="127.0.0.1")
        await asyncio.Event().wait()

    asyncio.run(main())
