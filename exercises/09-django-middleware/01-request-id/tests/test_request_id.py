import re
import uuid

import pytest

TIMING = re.compile(r"app;dur=([0-9]+(?:\.[0-9]+)?)")


def request_id(response):
    assert "X-Request-ID" in response.headers, "the response has no X-Request-ID header"
    return response.headers["X-Request-ID"]


def is_uuid4(value):
    try:
        return str(uuid.UUID(value, version=4)) == value
    except ValueError:
        return False


def timing(response):
    """The duration, in milliseconds, of the response's Server-Timing header."""
    assert "Server-Timing" in response.headers, "the response has no Server-Timing header"
    value = response.headers["Server-Timing"]
    match = TIMING.fullmatch(value)
    assert match, f"Server-Timing should look like app;dur=12.3, not {value!r}"
    return float(match.group(1))


def test_a_response_gets_a_new_uuid4_request_id(client):
    response = client.get("/hello/")
    assert response.content == b"hello"
    value = request_id(response)
    assert is_uuid4(value), f"{value!r} is not a uuid4 like {uuid.uuid4()}"


def test_the_view_sees_the_same_id_as_the_response(client):
    response = client.get("/whoami/")
    assert response.json() == {"request_id": request_id(response)}


def test_every_request_gets_a_different_id(client):
    ids = {request_id(client.get("/hello/")) for _ in range(5)}
    assert len(ids) == 5


@pytest.mark.parametrize(
    "incoming",
    ["abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e", "A" * 64, "7", "trace-Z9-z0"],
)
def test_a_valid_incoming_id_is_reused(client, incoming):
    response = client.get("/whoami/", headers={"X-Request-ID": incoming})
    assert request_id(response) == incoming
    assert response.json() == {"request_id": incoming}


@pytest.mark.hidden
@pytest.mark.parametrize(
    "incoming",
    ["", "A" * 65, "has space", "<script>alert(1)</script>", "id;rm -rf", "naïve", "a_b", "a.b"],
)
def test_an_invalid_incoming_id_is_replaced(client, incoming):
    """An incoming id that is empty, longer than 64 characters, or has anything but letters, digits and - must be replaced by a new uuid4."""
    response = client.get("/whoami/", headers={"X-Request-ID": incoming})
    value = request_id(response)
    assert value != incoming
    assert is_uuid4(value)
    assert response.json() == {"request_id": value}


def test_the_incoming_header_name_is_case_insensitive(client):
    response = client.get("/hello/", headers={"x-request-id": "lower-case-name"})
    assert request_id(response) == "lower-case-name"


def test_a_404_response_also_gets_an_id_and_a_timing(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert is_uuid4(request_id(response))
    timing(response)


def test_a_post_request_also_gets_an_id(client):
    response = client.post("/whoami/", headers={"X-Request-ID": "post-1"})
    assert request_id(response) == "post-1"


def test_server_timing_measures_the_view_in_milliseconds(client):
    duration = timing(client.get("/slow/"))
    assert 50 <= duration < 5000


def test_a_fast_view_is_timed_too(client):
    duration = timing(client.get("/hello/"))
    assert 0 <= duration < 1000
