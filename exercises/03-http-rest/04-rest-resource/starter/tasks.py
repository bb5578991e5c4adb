import json
from http import HTTPStatus


def make_app():
    """A new WSGI application serving /tasks, with no tasks yet.

    Every call gives an application with its own, empty, store.
    """

    def application(environ, start_response):
        body = b"Not written yet"
        start_response(
            "501 Not Implemented",
            [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [body]

    return application
