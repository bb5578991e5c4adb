"""Serves the learner's chat: run in the learner's process's work directory
as `python -c TEXT COUNT PORTS_FILE`, it serves COUNT new chat.make_app()s,
each on a port of its own on 127.0.0.1 that the system picks, writes those
ports to PORTS_FILE (as JSON, once every one listens), and runs until it is
stopped."""

import asyncio
import json
import os
import sys


async def main(count, ports_file):
    import tornado.httpserver
    import tornado.netutil

    import chat

    ports = []
    for _ in range(count):
        sockets = tornado.netutil.bind_sockets(0, address="127.0.0.1")
        tornado.httpserver.HTTPServer(chat.make_app()).add_sockets(sockets)
        ports.append(sockets[0].getsockname()[1])
    with open(ports_file + ".part", "w") as file:
        json.dump(ports, file)
    os.rename(ports_file + ".part", ports_file)
    await asyncio.Event().wait()


asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
