import json

import pytest

from drillkit import learnerside
from todo import make_app

TASKS = [
    {"title": "Water the plants", "done": True},
    {"title": "Write the report"},
    {"title": "Call the plumber", "done": False},
    {"title": "Book the train", "done": True},
    {"title": "Fix the bike"},
]


def listed(tasks):
    """TASKS as the API lists them."""
    return [{"id": n, "title": task["title"], "done": task.get("done", False)} for n, task in enumerate(tasks, 1)]


class Response:
    """What the learner's application answered, as data in the test."""

    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    def __repr__(self):
        return f"<Response {self.status} {self.body[:160]!r}>"

    def json(self):
        assert self.headers.get("content-type", "").split(";")[0] == "application/json", (
            f"a JSON answer needs Content-Type: application/json, this one has {self.headers.get('content-type')!r}"
        )
        return json.loads(self.body)

    def error(self):
        """The body of a JSON error: {"error": "<message>"}."""
        data = self.json()
        assert isinstance(data, dict) and isinstance(data.get("error"), str) and data["error"], (
            f'an error body must be {{"error": "<message>"}}, not {data!r}'
        )
        return data


class Client:
    """WebTest's TestApp around the learner's application, made in the
    learner's process; every answer comes back as a Response of data."""

    def __init__(self, tasks=()):
        app = make_app(list(tasks))
        self.app = learnerside.module("webtest").TestApp(app)

    def request(self, method, path, body=None):
        options = {"status": "*"}
        if body is not None:
            options["params"] = body if isinstance(body, bytes) else json.dumps(body).encode()
            options["content_type"] = "application/json"
        response = getattr(self.app, method.lower())(path, **options)
        return Response(response.status_int, list(response.headerlist), response.body)

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body):
        return self.request("POST", path, body)

    def patch(self, path, body):
        return self.request("PATCH", path, body)

    def delete(self, path):
        return self.request("DELETE", path)


def allowed(response):
    assert "allow" in response.headers, "a 405 answer needs an Allow header naming the methods that work"
    return sorted(method.strip() for method in response.headers["allow"].split(","))


def test_make_app_gives_a_pyramid_application():
    app = make_app([])
    assert isinstance(app, learnerside.module("pyramid.router").Router), (
        "make_app must return config.make_wsgi_app() of a pyramid Configurator"
    )


class TestList:
    def test_the_list_holds_every_task_by_id(self):
        response = Client(TASKS).get("/tasks")
        assert response.status == 200
        assert response.json() == {"tasks": listed(TASKS)}

    def test_an_app_without_tasks_lists_none(self):
        response = Client().get("/tasks")
        assert (response.status, response.json()) == (200, {"tasks": []})

    def test_done_true_and_done_false_filter_the_list(self):
        client = Client(TASKS)
        assert [task["id"] for task in client.get("/tasks?done=true").json()["tasks"]] == [1, 4]
        assert [task["id"] for task in client.get("/tasks?done=false").json()["tasks"]] == [2, 3, 5]

    @pytest.mark.parametrize("value", ["yes", "1", "True", ""])
    def test_another_done_filter_is_400(self, value):
        response = Client(TASKS).get(f"/tasks?done={value}")
        assert response.status == 400
        response.error()


class TestCreate:
    def test_creating_a_task_answers_201_with_its_location(self):
        client = Client(TASKS)
        response = client.post("/tasks", {"title": "Buy bread", "done": True})
        assert response.status == 201
        assert response.json() == {"id": 6, "title": "Buy bread", "done": True}
        assert response.headers.get("location") in ("/tasks/6", "http://localhost/tasks/6")
        assert client.get("/tasks/6").json() == {"id": 6, "title": "Buy bread", "done": True}

    def test_a_new_task_is_not_done_unless_the_body_says_so(self):
        client = Client()
        assert client.post("/tasks", {"title": "Buy milk"}).json() == {"id": 1, "title": "Buy milk", "done": False}
        assert client.get("/tasks").json() == {"tasks": [{"id": 1, "title": "Buy milk", "done": False}]}

    def test_the_title_is_stored_without_surrounding_spaces(self):
        assert Client().post("/tasks", {"title": "  Buy milk "}).json()["title"] == "Buy milk"

    def test_ids_keep_counting_up_and_are_never_reused(self):
        client = Client(TASKS[:3])
        assert client.delete("/tasks/3").status == 204
        assert client.post("/tasks", {"title": "Buy bread"}).json()["id"] == 4
        assert [task["id"] for task in client.get("/tasks").json()["tasks"]] == [1, 2, 4]

    @pytest.mark.parametrize("body", [
        {},
        {"title": ""},
        {"title": "   "},
        {"title": 42},
        {"title": None},
        {"title": "Buy bread", "done": "yes"},
        {"title": "Buy bread", "done": 1},
        ["Buy bread"],
        "Buy bread",
    ], ids=json.dumps)
    def test_an_invalid_task_is_400_and_nothing_is_stored(self, body):
        client = Client(TASKS)
        response = client.post("/tasks", body)
        assert response.status == 400
        response.error()
        assert client.get("/tasks").json() == {"tasks": listed(TASKS)}

    @pytest.mark.parametrize("body", [b"{not json", b"", b"\xff\xfe"])
    def test_a_body_that_is_not_json_is_400(self, body):
        response = Client().post("/tasks", body)
        assert response.status == 400
        response.error()


class TestItem:
    def test_a_task_is_found_by_id(self):
        client = Client(TASKS)
        assert client.get("/tasks/4").json() == {"id": 4, "title": "Book the train", "done": True}
        assert client.get("/tasks/2").json() == {"id": 2, "title": "Write the report", "done": False}

    @pytest.mark.help("Pyramid's own 404, for a path no route matches, is an HTTP exception too: an exception view for HTTPError renders it as well.")
    @pytest.mark.parametrize("path", ["/tasks/6", "/tasks/0", "/tasks/abc", "/tasks/1/x", "/", "/task"])
    def test_unknown_tasks_and_paths_are_404_as_json(self, path):
        response = Client(TASKS).get(path)
        assert response.status == 404
        response.error()

    def test_patch_changes_only_the_given_fields(self):
        client = Client(TASKS)
        response = client.patch("/tasks/2", {"done": True})
        assert response.status == 200
        assert response.json() == {"id": 2, "title": "Write the report", "done": True}
        client.patch("/tasks/2", {"title": "Write the long report", "id": 9})
        assert client.get("/tasks/2").json() == {"id": 2, "title": "Write the long report", "done": True}
        assert client.get("/tasks/9").status == 404

    def test_patch_with_an_invalid_field_changes_nothing(self):
        client = Client(TASKS)
        response = client.patch("/tasks/1", {"title": "Water the garden", "done": "no"})
        assert response.status == 400
        response.error()
        assert client.get("/tasks/1").json() == {"id": 1, "title": "Water the plants", "done": True}
        assert client.patch("/tasks/1", {"title": " "}).status == 400

    def test_patch_on_an_unknown_task_is_404(self):
        response = Client(TASKS).patch("/tasks/7", {"done": True})
        assert response.status == 404
        response.error()

    def test_delete_answers_204_and_the_task_is_gone(self):
        client = Client(TASKS)
        response = client.delete("/tasks/3")
        assert (response.status, response.body) == (204, b"")
        assert client.get("/tasks/3").status == 404
        assert [task["id"] for task in client.get("/tasks").json()["tasks"]] == [1, 2, 4, 5]
        assert client.delete("/tasks/3").status == 404


class TestMethods:
    @pytest.mark.help("When no view of a route has the request's method, Pyramid answers 404: a view of the route without request_method catches the other methods. The exception view must keep the Allow header.")
    def test_the_list_allows_get_and_post(self):
        for method in ("PUT", "DELETE", "PATCH"):
            response = Client(TASKS).request(method, "/tasks", {})
            assert response.status == 405, method
            assert allowed(response) == ["GET", "POST"]
            response.error()

    @pytest.mark.help("When no view of a route has the request's method, Pyramid answers 404: a view of the route without request_method catches the other methods. The exception view must keep the Allow header.")
    def test_a_task_allows_get_patch_and_delete(self):
        for method in ("PUT", "POST"):
            response = Client(TASKS).request(method, "/tasks/1", {"title": "x"})
            assert response.status == 405, method
            assert allowed(response) == ["DELETE", "GET", "PATCH"]
            response.error()
        assert Client(TASKS).get("/tasks/1").json()["title"] == "Water the plants"


@pytest.mark.help("Each make_app() needs a store of its own: keep it in the application's registry, not in the module.")
def test_each_app_has_its_own_tasks():
    first = Client(TASKS)
    first.delete("/tasks/1")
    first.post("/tasks", {"title": "Buy bread"})
    assert Client(TASKS).get("/tasks").json() == {"tasks": listed(TASKS)}
    assert Client().get("/tasks").json() == {"tasks": []}
