from http import HTTPStatus
from urllib.parse import parse_qs

TEXT = "text/plain; charset=utf-8"


def read_body(environ):
    """The request body: everything in wsgi.input."""
    return environ["wsgi.input"].read()


def greeting(name):
    return f"Hello, {name or 'world'}!"


def index(environ):
    return 200, TEXT, "Welcome to the shop".encode(), []


def hello_get(environ):
    query = parse_qs(environ.get("QUERY_STRING", ""))
    return 200, TEXT, greeting(query.get("name", [""])[0]).encode(), []


def hello_post(environ):
    form = parse_qs(read_body(environ).decode("utf-8"))
    return 200, TEXT, greeting(form.get("name", [""])[0]).encode(), []


def echo(environ):
    content_type = environ.get("CONTENT_TYPE") or "application/octet-stream"
    return 200, content_type, read_body(environ), []


ROUTES = {
    "/": {"GET": index},
    "/hello": {"GET": hello_get, "POST": hello_post},
    "/echo": {"POST": echo},
}


def route(environ):
    handlers = ROUTES.get(environ.get("PATH_INFO", "/"))
    if handlers is None:
        return 404, TEXT, b"Not Found", []
    handler = handlers.get(environ["REQUEST_METHOD"])
    if handler is None:
        allow = ", ".join(sorted(handlers))
        return 405, TEXT, b"Method Not Allowed", [("Allow", allow)]
    return handler(environ)


def application(environ, start_response):
    """The WSGI entry point: answer the request described by `environ`."""
    status, content_type, body, extra = route(environ)
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))] + extra
    start_response(f"{status} {HTTPStatus(status).phrase}", headers)
    return [body]
