import pytest

from request import parse_request


def http(*lines):
    """Join lines with CRLF, as HTTP does."""
    return "\r\n".join(lines)


SIMPLE = http(
    "GET /search?q=lamp HTTP/1.1",
    "Host: shop.example",
    "Accept: application/json",
    "",
    "",
)

POST = http(
    "POST /orders HTTP/1.1",
    "Host: localhost:8000",
    "Content-Type: application/json",
    "Content-Length: 27",
    "",
    '{"item": "lamp", "qty": 2}\n',
)


def test_the_request_line_gives_method_path_and_version():
    request = parse_request(SIMPLE)
    assert (request.method, request.path, request.version) == ("GET", "/search", "HTTP/1.1")


def test_the_path_does_not_include_the_query_string():
    assert parse_request(http("GET /a/b/c?x=1 HTTP/1.1", "", "")).path == "/a/b/c"
    assert parse_request(http("GET /a/b/c HTTP/1.1", "", "")).path == "/a/b/c"


def test_the_query_string_becomes_a_dict_of_lists():
    request = parse_request(http("GET /search?q=lamp&tag=new&tag=sale HTTP/1.1", "", ""))
    assert request.query == {"q": ["lamp"], "tag": ["new", "sale"]}


def test_a_request_without_a_query_string_has_an_empty_query():
    assert parse_request(http("GET / HTTP/1.1", "", "")).query == {}


def test_query_values_are_decoded():
    request = parse_request(http("GET /search?q=desk+lamp&city=S%C3%A3o%20Paulo&empty= HTTP/1.1", "", ""))
    assert request.query == {"q": ["desk lamp"], "city": ["São Paulo"], "empty": [""]}


def test_percent_escapes_in_the_path_are_decoded():
    request = parse_request(http("GET /files/my%20notes.txt HTTP/1.1", "", ""))
    assert request.path == "/files/my notes.txt"


def test_headers_are_stored_with_lower_case_names():
    request = parse_request(SIMPLE)
    assert request.headers == {"host": "shop.example", "accept": "application/json"}


def test_header_lookup_ignores_letter_case():
    request = parse_request(SIMPLE)
    assert request.header("Host") == "shop.example"
    assert request.header("host") == "shop.example"
    assert request.header("ACCEPT") == "application/json"


def test_a_missing_header_gives_the_default():
    request = parse_request(SIMPLE)
    assert request.header("Cookie") is None
    assert request.header("Cookie", "") == ""


def test_a_header_value_may_contain_colons():
    request = parse_request(POST)
    assert request.header("host") == "localhost:8000"


def test_spaces_around_a_header_value_are_removed():
    request = parse_request(http("GET / HTTP/1.1", "X-Token:    abc123  ", "X-Empty:", "", ""))
    assert request.headers == {"x-token": "abc123", "x-empty": ""}


def test_a_repeated_header_joins_its_values_with_a_comma():
    request = parse_request(http("GET / HTTP/1.1", "Accept: text/html", "accept: application/json", "", ""))
    assert request.header("Accept") == "text/html, application/json"


def test_the_body_is_everything_after_the_empty_line():
    request = parse_request(POST)
    assert request.body == '{"item": "lamp", "qty": 2}\n'
    assert request.method == "POST"


def test_a_request_without_a_body_has_an_empty_body():
    assert parse_request(SIMPLE).body == ""


@pytest.mark.hidden
def test_a_body_with_empty_lines_is_kept_whole():
    """The body ends at the end of the text, not at the next empty line."""
    body = "first paragraph\r\n\r\nsecond paragraph\r\n\r\nX-Not-A-Header: no"
    request = parse_request(http("POST /notes HTTP/1.1", "Host: example.com", "", body))
    assert request.body == body
    assert request.headers == {"host": "example.com"}


@pytest.mark.parametrize(
    "request_line",
    ["GARBAGE", "GET /", "GET / HTTP/1.1 extra", "", "GET  / HTTP/1.1"],
)
def test_a_malformed_request_line_raises_value_error(request_line):
    with pytest.raises(ValueError):
        parse_request(http(request_line, "Host: example.com", "", ""))


def test_a_header_line_without_a_colon_raises_value_error():
    with pytest.raises(ValueError):
        parse_request(http("GET / HTTP/1.1", "Host example.com", "", ""))
