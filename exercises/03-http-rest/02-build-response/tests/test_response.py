import pytest

from response import build_response


def parts(response):
    """(status line, list of header lines, body bytes) of a response."""
    assert type(response) is bytes, f"build_response must return bytes, not {type(response).__name__}"
    assert b"\r\n\r\n" in response, "the head must end with an empty line: b'\\r\\n\\r\\n'"
    head, body = response.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    return lines[0], lines[1:], body


def test_a_simple_response_is_built_exactly():
    assert build_response(200, [("X-Shop", "demo")], "hello") == (
        b"HTTP/1.1 200 OK\r\n"
        b"X-Shop: demo\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: 5\r\n"
        b"\r\n"
        b"hello"
    )


@pytest.mark.parametrize(
    "status, line",
    [
        (200, "HTTP/1.1 200 OK"),
        (201, "HTTP/1.1 201 Created"),
        (301, "HTTP/1.1 301 Moved Permanently"),
        (404, "HTTP/1.1 404 Not Found"),
        (405, "HTTP/1.1 405 Method Not Allowed"),
        (500, "HTTP/1.1 500 Internal Server Error"),
    ],
)
def test_the_status_line_has_the_reason_phrase(status, line):
    status_line, _, _ = parts(build_response(status, [], "x"))
    assert status_line == line


def test_an_unknown_status_raises_value_error():
    with pytest.raises(ValueError):
        build_response(299, [], "x")


def test_every_line_of_the_head_ends_with_crlf():
    head = build_response(404, [("X-A", "1"), ("X-B", "2")], "gone").split(b"\r\n\r\n", 1)[0]
    assert head.count(b"\n") == head.count(b"\r\n") == 4


@pytest.mark.parametrize(
    "body, length",
    [("hello", 5), ("café", 5), ("naïve ☕", 10), ("", 0), ("€€€", 9)],
    ids=["ascii", "accent", "accents-and-symbol", "empty", "euro-signs"],
)
def test_content_length_counts_the_bytes_of_the_utf8_body(body, length):
    _, headers, sent = parts(build_response(200, [], body))
    assert headers[-1] == f"Content-Length: {length}"
    assert sent == body.encode("utf-8")


def test_a_bytes_body_is_sent_as_it_is():
    body = bytes([0, 159, 146, 150, 255])
    _, headers, sent = parts(build_response(200, [("Content-Type", "application/octet-stream")], body))
    assert sent == body
    assert headers == ["Content-Type: application/octet-stream", "Content-Length: 5"]


def test_headers_keep_their_order_and_repeats():
    given = [("Set-Cookie", "a=1"), ("Cache-Control", "no-store"), ("Set-Cookie", "b=2")]
    _, headers, _ = parts(build_response(200, given, "ok"))
    assert headers == [
        "Set-Cookie: a=1",
        "Cache-Control: no-store",
        "Set-Cookie: b=2",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Length: 2",
    ]


def test_a_given_content_type_is_kept_whatever_its_letter_case():
    _, headers, _ = parts(build_response(200, [("content-type", "application/json")], "{}"))
    assert headers == ["content-type: application/json", "Content-Length: 2"]


def test_an_empty_body_gets_no_content_type():
    _, headers, body = parts(build_response(200))
    assert headers == ["Content-Length: 0"]
    assert body == b""


def test_a_204_response_has_no_body_and_no_content_length():
    assert build_response(204, [("X-Deleted", "7")]) == b"HTTP/1.1 204 No Content\r\nX-Deleted: 7\r\n\r\n"


def test_a_304_response_has_no_content_length():
    assert build_response(304, [("ETag", '"v2"')], b"") == b'HTTP/1.1 304 Not Modified\r\nETag: "v2"\r\n\r\n'


def test_a_204_response_with_a_body_raises_value_error():
    with pytest.raises(ValueError):
        build_response(204, [], "not allowed")


@pytest.mark.hidden
@pytest.mark.parametrize(
    "header",
    [
        ("Location", "/home\r\nSet-Cookie: admin=1"),
        ("X-Note", "line one\nline two"),
        ("X-Bad\r\nX-Evil", "1"),
    ],
    ids=["crlf-in-value", "lf-in-value", "crlf-in-name"],
)
def test_a_line_break_in_a_header_raises_value_error(header):
    """A header name or value containing \\r or \\n must raise ValueError: it would let a caller add headers of its own."""
    with pytest.raises(ValueError):
        build_response(302, [header], "")
