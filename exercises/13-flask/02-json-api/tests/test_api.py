import pytest

import api
import tasks

ERROR_NAMES = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 415: "Unsupported Media Type",
               500: "Internal Server Error"}

SEED = [
    {"title": "Water the plants", "done": True, "priority": 1},
    {"title": "Write the report", "done": False, "priority": 3},
    {"title": "Call the plumber", "done": False, "priority": 2},
    {"title": "Renew the passport", "done": True, "priority": 2},
]


@pytest.fixture(autouse=True)
def empty_store():
    tasks.store.reset()
    yield
    tasks.store.reset()


@pytest.fixture
def client():
    return api.app.test_client()


@pytest.fixture
def seeded():
    """The tasks of SEED, with ids 1 to 4."""
    return [tasks.store.add(**task) for task in SEED]


def json_of(response):
    assert response.content_type == "application/json", f"the response is {response.content_type}, not JSON"
    return response.get_json()


def error_of(response, status):
    """The JSON error body of a response that must have this status."""
    assert response.status_code == status
    body = json_of(response)
    assert isinstance(body, dict), f"an error is a JSON object, not {body!r}"
    assert (body.get("status"), body.get("error")) == (status, ERROR_NAMES[status])
    assert isinstance(body.get("message"), str) and body["message"], "an error needs a message"
    return body


def stored():
    return tasks.store.all()


# --- reading -------------------------------------------------------------------


def test_the_list_holds_every_task_by_id(client, seeded):
    response = client.get("/api/tasks")
    assert response.status_code == 200
    assert json_of(response) == {"tasks": seeded}


def test_an_empty_store_gives_an_empty_list(client):
    assert json_of(client.get("/api/tasks")) == {"tasks": []}


@pytest.mark.parametrize("done, ids", [("true", [1, 4]), ("false", [2, 3])])
def test_done_filters_the_list(client, seeded, done, ids):
    data = json_of(client.get(f"/api/tasks?done={done}"))
    assert [task["id"] for task in data["tasks"]] == ids


@pytest.mark.parametrize("done", ["yes", "1", "True", ""])
def test_a_done_filter_that_is_not_true_or_false_is_400(client, seeded, done):
    error_of(client.get(f"/api/tasks?done={done}"), 400)


def test_a_task_is_found_by_id(client, seeded):
    response = client.get("/api/tasks/3")
    assert (response.status_code, json_of(response)) == (200, seeded[2])


def test_an_unknown_task_is_a_json_404(client, seeded):
    assert client.get("/api/tasks/4").status_code == 200
    error_of(client.get("/api/tasks/5"), 404)
    error_of(client.get("/api/tasks/0"), 404)


@pytest.mark.parametrize("path", ["/api/nothing", "/api/tasks/abc", "/api/tasks/1/2", "/"])
def test_a_url_no_route_matches_is_a_json_404(client, path):
    error_of(client.get(path), 404)


# --- creating ------------------------------------------------------------------


def test_creating_a_task_answers_201_with_location_and_the_task(client, seeded):
    response = client.post("/api/tasks", json={"title": "Buy stamps", "done": False, "priority": 3})
    assert response.status_code == 201
    assert response.headers.get("Location") == "/api/tasks/5"
    assert json_of(response) == {"id": 5, "title": "Buy stamps", "done": False, "priority": 3}
    assert stored()[-1] == {"id": 5, "title": "Buy stamps", "done": False, "priority": 3}


def test_a_new_task_is_not_done_with_priority_2_unless_told(client):
    response = client.post("/api/tasks", json={"title": "  Pack the bags "})
    assert json_of(response) == {"id": 1, "title": "Pack the bags", "done": False, "priority": 2}
    assert client.get(response.headers.get("Location")).get_json() == {"id": 1, "title": "Pack the bags", "done": False, "priority": 2}


@pytest.mark.hidden
@pytest.mark.parametrize("body, content_type", [('{"title": "x"', "application/json"), ("", "application/json")])
def test_a_body_that_is_not_json_is_a_json_400(client, body, content_type):
    """A body sent as JSON that does not parse is 400, and the answer is still JSON."""
    error_of(client.post("/api/tasks", data=body, content_type=content_type), 400)
    assert stored() == []


@pytest.mark.parametrize("body", ['[{"title": "x"}]', '"a task"', "42", "null"])
def test_json_that_is_not_an_object_is_400(client, body):
    error_of(client.post("/api/tasks", data=body, content_type="application/json"), 400)
    assert stored() == []


@pytest.mark.hidden
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_body_not_sent_as_json_is_a_json_415(client, content_type):
    """A body whose Content-Type is not application/json is 415 Unsupported Media Type, as JSON too."""
    error_of(client.post("/api/tasks", data='{"title": "x"}', content_type=content_type), 415)
    assert stored() == []


def test_every_invalid_field_is_named(client):
    response = client.post("/api/tasks", json={"title": " ", "done": "no", "priority": 7, "owner": "ada"})
    body = error_of(response, 400)
    assert sorted(body.get("fields", {})) == ["done", "owner", "priority", "title"]
    assert all(isinstance(message, str) and message for message in body["fields"].values())
    assert stored() == []


def test_a_title_is_required(client):
    assert list(error_of(client.post("/api/tasks", json={"done": True}), 400).get("fields", {})) == ["title"]


@pytest.mark.parametrize("field, value", [
    ("title", 12), ("title", "x" * 81), ("title", None),
    ("done", 1), ("done", "true"), ("done", None),
    ("priority", True), ("priority", 2.0), ("priority", "2"), ("priority", 0), ("priority", 4),
])
def test_a_field_of_the_wrong_type_or_range_is_400(client, field, value):
    body = {"title": "Fine", field: value}
    assert list(error_of(client.post("/api/tasks", json=body), 400).get("fields", {})) == [field]
    assert stored() == []


def test_the_limits_are_accepted(client):
    for body in ({"title": "x" * 80}, {"title": "a", "priority": 1}, {"title": "b", "priority": 3, "done": True}):
        assert client.post("/api/tasks", json=body).status_code == 201
    assert [task["priority"] for task in stored()] == [2, 1, 3]


def test_an_id_in_the_body_is_refused_not_used(client, seeded):
    body = error_of(client.post("/api/tasks", json={"id": 1, "title": "Take over task 1"}), 400)
    assert list(body.get("fields", {})) == ["id"]
    assert stored() == seeded


# --- changing and deleting -----------------------------------------------------


def test_patch_changes_only_the_given_fields(client, seeded):
    response = client.patch("/api/tasks/2", json={"done": True})
    assert (response.status_code, json_of(response)) == (200, {**seeded[1], "done": True})
    client.patch("/api/tasks/2", json={"title": "Write the summary", "priority": 1})
    assert tasks.store.get(2) == {"id": 2, "title": "Write the summary", "done": True, "priority": 1}
    assert stored()[2:] == seeded[2:]


def test_patch_with_an_empty_object_changes_nothing(client, seeded):
    response = client.patch("/api/tasks/1", json={})
    assert (response.status_code, json_of(response)) == (200, seeded[0])


def test_patch_with_an_invalid_field_changes_nothing(client, seeded):
    body = error_of(client.patch("/api/tasks/3", json={"title": "Call the electrician", "priority": 9}), 400)
    assert list(body.get("fields", {})) == ["priority"]
    assert stored() == seeded


def test_patch_of_an_unknown_task_is_a_json_404(client, seeded):
    error_of(client.patch("/api/tasks/9", json={"done": True}), 404)


def test_delete_answers_204_and_the_task_is_gone(client, seeded):
    response = client.delete("/api/tasks/2")
    assert (response.status_code, response.get_data()) == (204, b"")
    assert [task["id"] for task in stored()] == [1, 3, 4]
    error_of(client.get("/api/tasks/2"), 404)
    error_of(client.delete("/api/tasks/2"), 404)


# --- methods and server errors ----------------------------------------------------


@pytest.mark.parametrize("method, path, allow", [
    ("put", "/api/tasks", ["GET", "POST"]),
    ("delete", "/api/tasks", ["GET", "POST"]),
    ("post", "/api/tasks/1", ["DELETE", "GET", "PATCH"]),
])
def test_a_method_a_url_does_not_take_is_a_json_405_with_allow(client, seeded, method, path, allow):
    response = getattr(client, method)(path, json={"title": "x"})
    error_of(response, 405)
    methods = {name.strip() for name in response.headers.get("Allow", "").split(",")} - {"", "HEAD", "OPTIONS"}
    assert sorted(methods) == allow, "a 405 needs its Allow header, listing the methods the URL takes"


@pytest.mark.hidden
def test_an_unexpected_error_is_a_json_500_that_tells_nothing_inside(client, seeded, monkeypatch):
    """When the code breaks, the client gets a JSON 500 with a general message: never the exception's own text."""

    def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(tasks.store, "all", broken)
    body = error_of(client.get("/api/tasks"), 500)
    assert "hunter2" not in str(body)
