"""Serves the learner's chat: run in the learner's process's work directory
as `python -c TEXT PORT [PORT...]`, it listens on 127.0.0.1 at each port
with a new chat.make_app() until it is stopped."""

import asyncio
import sys


async def main(ports):
    import chat

    for port in ports:
        chat.make_app().listen(port, address="127.0.0.1")
    await asyncio.Event().wait()


asyncio.run(main([int(port) for port in sys.argv[1:]]))
