import traceback
from wsgiref.util import setup_testing_defaults

import pytest

from drillkit import learnerside
from app import application


def wsgi_problem(call, *args, **kwargs):
    """None if call(*args, **kwargs) goes well, else what wsgiref.validate objected to."""
    try:
        call(*args, **kwargs)
    except AssertionError as error:
        if str(error):
            return str(error)
        frames = [f for f in traceback.extract_tb(error.__traceback__) if "wsgiref" in f.filename and f.name != "assert_"]
        return f"in {frames[-1].name}(): {frames[-1].line}" if frames else "a rule was broken"
    return None


def environ_for(method, path, query="", body=b"", content_type=None):
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        # The learner's application reads these streams in its own process.
        "wsgi.input": learnerside.module("io").BytesIO(body),
        "wsgi.errors": learnerside.module("io").StringIO(),
        "CONTENT_LENGTH": str(len(body)) if body else "",
    }
    if content_type:
        environ["CONTENT_TYPE"] = content_type
    setup_testing_defaults(environ)
    return environ


def call(method, path, query="", body=b"", content_type=None, app=application):
    """(status line, headers with lower-cased names, body bytes) of one request."""
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status
        seen["headers"] = headers

    result = app(environ_for(method, path, query, body, content_type), start_response)
    try:
        sent = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    assert "status" in seen, "the application must call start_response"
    return seen["status"], {name.lower(): value for name, value in seen["headers"]}, sent


def allowed(headers):
    assert "allow" in headers, "a 405 response needs an Allow header"
    return sorted(method.strip() for method in headers["allow"].split(","))


def test_the_home_page_welcomes_the_visitor():
    status, headers, body = call("GET", "/")
    assert status == "200 OK"
    assert body == b"Welcome to the shop"
    assert headers["content-type"] == "text/plain; charset=utf-8"


def test_hello_greets_the_world_by_default():
    status, _, body = call("GET", "/hello")
    assert (status, body) == ("200 OK", b"Hello, world!")


def test_hello_greets_the_name_from_the_query_string():
    assert call("GET", "/hello", "name=Ada")[2] == b"Hello, Ada!"
    assert call("GET", "/hello", "name=Grace+Hopper&x=1")[2] == b"Hello, Grace Hopper!"


def test_hello_sends_utf8_with_the_right_content_length():
    _, headers, body = call("GET", "/hello", "name=Zo%C3%AB")
    assert body == "Hello, Zoë!".encode("utf-8")
    assert headers["content-length"] == "12"


def test_hello_greets_the_name_from_a_posted_form():
    status, _, body = call("POST", "/hello", body=b"name=Linus", content_type="application/x-www-form-urlencoded")
    assert (status, body) == ("200 OK", b"Hello, Linus!")


def test_echo_sends_back_the_body_and_its_content_type():
    payload = b'{"ping": "pong"}'
    status, headers, body = call("POST", "/echo", body=payload, content_type="application/json")
    assert (status, body) == ("200 OK", payload)
    assert headers["content-type"] == "application/json"
    assert headers["content-length"] == str(len(payload))


def test_echo_reads_only_content_length_bytes():
    environ = environ_for("POST", "/echo", body=b"abcdef", content_type="text/plain")
    environ["CONTENT_LENGTH"] = "3"
    seen = {}
    body = b"".join(application(environ, lambda status, headers, exc_info=None: seen.update(status=status)))
    assert (seen["status"], body) == ("200 OK", b"abc")


@pytest.mark.parametrize("path", ["/nope", "/hello/", "/HELLO", "/echo/extra"])
def test_an_unknown_path_is_404(path):
    status, headers, body = call("GET", path)
    assert status == "404 Not Found"
    assert headers["content-length"] == str(len(body))


def test_a_method_the_path_does_not_handle_is_405():
    assert call("DELETE", "/")[0] == "405 Method Not Allowed"
    assert call("GET", "/echo")[0] == "405 Method Not Allowed"
    assert call("PUT", "/hello")[0] == "405 Method Not Allowed"


@pytest.mark.hidden
def test_a_405_lists_the_allowed_methods():
    """A 405 response must name, in its Allow header, the methods that path does handle."""
    assert allowed(call("DELETE", "/")[1]) == ["GET"]
    assert allowed(call("GET", "/echo")[1]) == ["POST"]
    assert allowed(call("PUT", "/hello")[1]) == ["GET", "POST"]


def test_an_unknown_path_is_404_whatever_the_method():
    assert call("DELETE", "/nope")[0] == "404 Not Found"


def test_every_response_has_a_correct_content_length():
    for method, path, code in [("GET", "/", "200"), ("GET", "/hello", "200"), ("GET", "/nope", "404"), ("PATCH", "/hello", "405")]:
        status, headers, body = call(method, path)
        assert (method, path, status[:3], headers.get("content-length")) == (method, path, code, str(len(body)))


def test_the_app_follows_the_wsgi_rules():
    checked = learnerside.module("wsgiref.validate").validator(application)
    problems = []
    for method, path, body in [("GET", "/", b""), ("POST", "/hello", b"name=Ada"), ("GET", "/missing", b""),
                               ("POST", "/", b""), ("POST", "/echo", b"data")]:
        problem = wsgi_problem(call, method, path, body=body, content_type="text/plain", app=checked)
        if problem:
            problems.append(f"{method} {path}: {problem}")
    assert problems == []
    status, _, body = call("GET", "/", app=checked)
    assert (status, body) == ("200 OK", b"Welcome to the shop")
