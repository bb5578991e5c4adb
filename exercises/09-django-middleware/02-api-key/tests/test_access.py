import pytest

from core import views

ALPHA = "k-3f9a-alpha-7c21"
BETA = "k-88d0-beta-1e4b"


def get(client, path, key=None, ip="127.0.0.1", method="get"):
    headers = {} if key is None else {"X-API-Key": key}
    return getattr(client, method)(path, headers=headers, REMOTE_ADDR=ip)


def rejection(response):
    """(status code, JSON body) of a response that should be a JSON rejection."""
    assert response["Content-Type"] == "application/json", (
        f"a rejection must be JSON, not {response['Content-Type']!r} (status {response.status_code})"
    )
    return response.status_code, response.json()


def orders_calls():
    return views.CALLS["orders"]


def test_an_api_request_with_a_valid_key_reaches_the_view(client):
    before = orders_calls()
    response = get(client, "/api/orders/", key=ALPHA)
    assert response.status_code == 200
    assert response.json() == {"orders": [{"id": 1, "total": "24.90"}]}
    assert orders_calls() == before + 1
    assert get(client, "/api/orders/").status_code == 401


def test_every_listed_key_is_accepted(client):
    assert get(client, "/api/orders/", key=BETA).status_code == 200
    assert get(client, "/api/", key=ALPHA).json() == {"version": 1}
    assert get(client, "/api/", key="nope").status_code == 403


def test_an_api_request_without_a_key_is_401(client):
    assert rejection(get(client, "/api/orders/")) == (401, {"error": "API key required"})


def test_an_empty_key_counts_as_no_key(client):
    assert rejection(get(client, "/api/orders/", key="")) == (401, {"error": "API key required"})


@pytest.mark.parametrize("key", ["wrong", "k-3f9a-alpha-7c2", "K-3F9A-ALPHA-7C21", ALPHA + BETA, "k-3f9a-alpha-7c21x"])
def test_an_unknown_key_is_403(client, key):
    assert rejection(get(client, "/api/orders/", key=key)) == (403, {"error": "invalid API key"})


@pytest.mark.hidden
def test_a_rejected_request_never_reaches_the_view(client):
    """A rejected request must be answered by the middleware without calling the view at all."""
    before = orders_calls()
    get(client, "/api/orders/")
    get(client, "/api/orders/", key="wrong")
    get(client, "/api/orders/", key=ALPHA, ip="203.0.113.66")
    get(client, "/api/orders/", method="post")
    assert orders_calls() == before


def test_every_method_needs_a_key(client):
    assert rejection(get(client, "/api/orders/", method="post")) == (401, {"error": "API key required"})
    assert rejection(get(client, "/api/orders/", method="delete", key="nope"))[0] == 403


def test_the_api_root_needs_a_key(client):
    assert rejection(get(client, "/api/"))[0] == 401


def test_a_key_in_the_query_string_does_not_count(client):
    response = client.get("/api/orders/", {"api_key": ALPHA})
    assert rejection(response)[0] == 401


@pytest.mark.parametrize("path, text", [("/health/", b"ok"), ("/apiary/", b"Bees live here."), ("/docs/api/", b"How to use the API.")])
def test_paths_outside_api_need_no_key(client, path, text):
    response = get(client, path)
    assert (response.status_code, response.content) == (200, text)
    assert get(client, "/api/").status_code == 401


def test_paths_outside_api_ignore_a_wrong_key(client):
    assert get(client, "/health/", key="wrong").status_code == 200
    assert get(client, "/api/orders/", key="wrong").status_code == 403


def test_the_keys_come_from_the_settings(client, settings):
    settings.API_KEYS = ["rotated-key-2025"]
    assert get(client, "/api/orders/", key="rotated-key-2025").status_code == 200
    assert rejection(get(client, "/api/orders/", key=ALPHA)) == (403, {"error": "invalid API key"})


@pytest.mark.parametrize("ip", ["203.0.113.66", "2001:db8::bad"])
def test_a_blocked_address_gets_403_on_every_path(client, ip):
    assert rejection(get(client, "/health/", ip=ip)) == (403, {"error": "forbidden"})
    assert rejection(get(client, "/apiary/", ip=ip)) == (403, {"error": "forbidden"})


def test_a_blocked_address_is_refused_even_with_a_valid_key(client):
    assert rejection(get(client, "/api/orders/", key=ALPHA, ip="203.0.113.66")) == (403, {"error": "forbidden"})


def test_a_blocked_address_without_a_key_is_told_forbidden(client):
    assert rejection(get(client, "/api/orders/", ip="203.0.113.66")) == (403, {"error": "forbidden"})


def test_other_addresses_get_through(client):
    assert get(client, "/health/", ip="203.0.113.67").status_code == 200
    assert get(client, "/api/orders/", key=ALPHA, ip="198.51.100.4").status_code == 200
    assert get(client, "/health/", ip="203.0.113.66").status_code == 403


def test_the_blocked_addresses_come_from_the_settings(client, settings):
    settings.BLOCKED_IPS = ["192.0.2.1"]
    assert rejection(get(client, "/health/", ip="192.0.2.1"))[0] == 403
    assert get(client, "/health/", ip="203.0.113.66").status_code == 200
