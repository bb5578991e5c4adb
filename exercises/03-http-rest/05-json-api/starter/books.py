import json
from http import HTTPStatus
from urllib.parse import parse_qs


def make_app(books=()):
    """A new WSGI application serving /books.

    `books` is a list of dicts with title, author and year; they are stored
    with the ids 1, 2, 3 ... in that order.
    """

    def application(environ, start_response):
        body = json.dumps({"error": "not written yet"}).encode("utf-8")
        start_response(
            "501 Not Implemented",
            [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
        )
        return [body]

    return application
