import logging

import pytest
from django.test import Client

from drillkit import learnerside

SECRETS = ["hunter2", "postgres", "shop_order_archive", "5f1e-internal", "Traceback", "RuntimeError", "ZeroDivisionError"]


def json_error(response):
    """(status code, JSON body) of a response that should be a JSON error."""
    assert response["Content-Type"] == "application/json", (
        f"an /api/ error must be JSON, not {response['Content-Type']!r} (status {response.status_code})"
    )
    return response.status_code, response.json()


def api_get(client, path, data=None):
    """GET an /api/ path; an exception that escapes the middleware fails the test."""
    try:
        return client.get(path, data)
    except Exception as error:  # noqa: BLE001
        escaped = type(error).__name__
    # Failing outside the except block keeps the view's message out of the report.
    pytest.fail(f"GET {path}: the view's {escaped} got past the middleware unhandled")


def leaked(response):
    body = response.content.decode("utf-8", "replace")
    return [secret for secret in SECRETS if secret in body]


def test_a_view_that_works_is_left_alone(client):
    response = client.get("/api/orders/1/")
    assert (response.status_code, response.json()) == (200, {"id": 1, "total": "24.90"})
    assert json_error(api_get(client, "/api/orders/5/")) == (404, {"error": "not found"})


def test_http404_under_api_becomes_a_json_404(client):
    assert json_error(api_get(client, "/api/orders/5/")) == (404, {"error": "not found"})


def test_permission_denied_under_api_becomes_a_json_403(client):
    assert json_error(api_get(client, "/api/reports/")) == (403, {"error": "permission denied"})


def test_any_other_exception_under_api_becomes_a_json_500(client):
    assert json_error(api_get(client, "/api/crash/")) == (500, {"error": "internal server error"})
    assert json_error(api_get(client, "/api/divide/", {"a": 1, "b": 0})) == (500, {"error": "internal server error"})
    assert json_error(api_get(client, "/api/divide/", {"a": "x"})) == (500, {"error": "internal server error"})


def test_a_working_request_to_the_same_view_is_unchanged(client):
    response = client.get("/api/divide/", {"a": 6, "b": 3})
    assert (response.status_code, response.json()) == (200, {"result": 2.0})
    assert json_error(api_get(client, "/api/divide/", {"a": 6, "b": 0}))[0] == 500


@pytest.mark.hidden
@pytest.mark.parametrize("path", ["/api/crash/", "/api/orders/5/", "/api/reports/", "/api/divide/?b=0"])
def test_errors_never_show_the_exception(client, path):
    """The JSON error must not contain the exception's message, its type or a traceback."""
    response = api_get(client, path)
    assert leaked(response) == []
    assert json_error(response)[0] in (403, 404, 500)


def test_a_500_under_api_is_logged_with_its_traceback(client):
    # The learner's code logs in its own process: the records are caught there.
    with learnerside.logs(logging.ERROR) as logs:
        api_get(client, "/api/crash/")
    errors = [record for record in logs.records if record["exc_type"]]
    assert [record["exc_type"] for record in errors] == ["RuntimeError"]


def test_other_paths_let_the_exception_through(client):
    with pytest.raises(RuntimeError):
        client.get("/pages/crash/")
    assert json_error(api_get(client, "/api/crash/"))[0] == 500


def test_other_paths_keep_djangos_500_page():
    client = Client(raise_request_exception=False)
    response = client.get("/pages/crash/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert json_error(client.get("/api/crash/"))[0] == 500


def test_other_paths_keep_djangos_404_page(client):
    response = client.get("/pages/orders/5/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert client.get("/pages/orders/1/").json() == {"id": 1, "total": "24.90"}
    assert json_error(api_get(client, "/api/orders/5/"))[0] == 404
