import json
import traceback
from wsgiref.util import setup_testing_defaults

import pytest

from drillkit import learnerside
from tasks import make_app


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


class Response:
    def __init__(self, status, headers, body):
        self.status = status                  # "201 Created"
        self.code = int(status.split()[0])    # 201
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    def __repr__(self):
        return f"<Response {self.status} {self.body[:120]!r}>"

    def json(self):
        assert self.headers.get("content-type") == "application/json"
        return json.loads(self.body)


def call(app, method, path, body=None):
    """Send one request to `app`. A dict or list body is sent as JSON; a str or bytes body as it is."""
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
    if isinstance(body, str):
        body = body.encode("utf-8")
    body = body or b""
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        # The learner's application reads these streams in its own process.
        "wsgi.input": learnerside.module("io").BytesIO(body),
        "wsgi.errors": learnerside.module("io").StringIO(),
        "CONTENT_LENGTH": str(len(body)) if body else "",
        "CONTENT_TYPE": "application/json" if body else "",
    }
    setup_testing_defaults(environ)
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, headers

    result = app(environ, start_response)
    try:
        sent = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Response(seen["status"], seen["headers"], sent)


def app_with(*titles):
    """A fresh app holding one task per title (ids 1, 2, ...), created through POST."""
    app = make_app()
    for title in titles:
        response = call(app, "POST", "/tasks", {"title": title})
        assert response.code == 201, f"creating a task gave {response.status}"
    return app


def allowed(response):
    assert "allow" in response.headers, "a 405 response needs an Allow header"
    return sorted(method.strip() for method in response.headers["allow"].split(","))


class TestCreate:
    def test_creating_a_task_answers_201_with_the_task(self):
        response = call(make_app(), "POST", "/tasks", {"title": "Write tests"})
        assert response.status == "201 Created"
        assert response.json() == {"id": 1, "title": "Write tests", "done": False}

    def test_the_location_header_points_at_the_new_task(self):
        app = app_with("first", "second")
        response = call(app, "POST", "/tasks", {"title": "third", "done": True})
        assert response.headers.get("location") == "/tasks/3"
        assert response.json() == {"id": 3, "title": "third", "done": True}

    def test_the_new_task_can_be_fetched_at_its_location(self):
        app = make_app()
        location = call(app, "POST", "/tasks", {"title": "Ship it", "done": True}).headers["location"]
        response = call(app, "GET", location)
        assert response.code == 200
        assert response.json() == {"id": 1, "title": "Ship it", "done": True}

    def test_an_id_in_the_body_is_ignored(self):
        response = call(make_app(), "POST", "/tasks", {"id": 99, "title": "Mine", "colour": "red"})
        assert response.json() == {"id": 1, "title": "Mine", "done": False}

    def test_each_app_starts_empty(self):
        app_with("a", "b", "c")
        assert call(make_app(), "GET", "/tasks").json() == []


class TestRead:
    def test_the_list_has_every_task_by_id(self):
        response = call(app_with("one", "two", "three"), "GET", "/tasks")
        assert response.status == "200 OK"
        assert response.json() == [
            {"id": 1, "title": "one", "done": False},
            {"id": 2, "title": "two", "done": False},
            {"id": 3, "title": "three", "done": False},
        ]

    def test_a_task_is_found_by_its_id(self):
        response = call(app_with("one", "two"), "GET", "/tasks/2")
        assert response.json() == {"id": 2, "title": "two", "done": False}

    @pytest.mark.parametrize("path", ["/tasks/3", "/tasks/0", "/tasks/abc", "/tasks/", "/tasks/1/extra", "/task/1"])
    def test_an_unknown_task_or_path_is_404(self, path):
        assert call(app_with("one", "two"), "GET", path).status == "404 Not Found"


class TestReplace:
    def test_put_replaces_the_task(self):
        app = app_with("one", "two")
        response = call(app, "PUT", "/tasks/2", {"title": "TWO", "done": True})
        assert response.status == "200 OK"
        assert response.json() == {"id": 2, "title": "TWO", "done": True}
        assert call(app, "GET", "/tasks/2").json() == {"id": 2, "title": "TWO", "done": True}
        assert call(app, "GET", "/tasks/1").json() == {"id": 1, "title": "one", "done": False}

    def test_put_needs_every_field(self):
        app = app_with("one")
        assert call(app, "PUT", "/tasks/1", {"title": "only a title"}).code == 400
        assert call(app, "GET", "/tasks/1").json() == {"id": 1, "title": "one", "done": False}

    def test_put_on_an_unknown_task_is_404(self):
        assert call(app_with("one"), "PUT", "/tasks/7", {"title": "x", "done": False}).code == 404


class TestDelete:
    def test_delete_answers_204_with_an_empty_body(self):
        response = call(app_with("one"), "DELETE", "/tasks/1")
        assert response.status == "204 No Content"
        assert response.body == b""
        assert "content-type" not in response.headers

    def test_a_deleted_task_is_gone(self):
        app = app_with("one", "two")
        call(app, "DELETE", "/tasks/1")
        assert call(app, "GET", "/tasks/1").code == 404
        assert call(app, "DELETE", "/tasks/1").code == 404
        assert call(app, "GET", "/tasks").json() == [{"id": 2, "title": "two", "done": False}]

    def test_ids_are_never_reused(self):
        app = app_with("one", "two")
        call(app, "DELETE", "/tasks/2")
        assert call(app, "POST", "/tasks", {"title": "three"}).headers.get("location") == "/tasks/3"


class TestBadRequests:
    @pytest.mark.parametrize(
        "body",
        ['{"title": "unclosed"', "title=Write+tests", "", "null", '["a list"]', '"just text"', b"\xff\xfe{}"],
    )
    def test_a_body_that_is_not_a_json_object_is_400(self, body):
        app = make_app()
        assert call(app, "POST", "/tasks", body).status == "400 Bad Request"
        assert call(app, "GET", "/tasks").json() == []

    @pytest.mark.parametrize(
        "data",
        [{}, {"title": ""}, {"title": "   "}, {"title": None}, {"title": 42}, {"title": ["x"]}, {"title": "x" * 201}],
    )
    def test_a_missing_or_bad_title_is_400(self, data):
        app = make_app()
        assert call(app, "POST", "/tasks", data).status == "400 Bad Request"
        assert call(app, "GET", "/tasks").json() == []

    @pytest.mark.hidden
    @pytest.mark.parametrize("done", ["yes", "false", 1, 0, None])
    def test_done_must_be_a_boolean(self, done):
        """done must be JSON true or false: not a string, a number or null."""
        app = app_with("one")
        assert call(app, "POST", "/tasks", {"title": "x", "done": done}).code == 400
        assert call(app, "PUT", "/tasks/1", {"title": "x", "done": done}).code == 400

    def test_a_title_of_200_characters_is_accepted(self):
        assert call(make_app(), "POST", "/tasks", {"title": "x" * 200}).code == 201


class TestMethods:
    def test_the_collection_allows_get_and_post(self):
        response = call(make_app(), "DELETE", "/tasks")
        assert response.status == "405 Method Not Allowed"
        assert allowed(response) == ["GET", "POST"]

    def test_a_task_allows_get_put_and_delete(self):
        response = call(app_with("one"), "POST", "/tasks/1", {"title": "x"})
        assert response.status == "405 Method Not Allowed"
        assert allowed(response) == ["DELETE", "GET", "PUT"]
        assert allowed(call(app_with("one"), "PATCH", "/tasks/1", {"done": True})) == ["DELETE", "GET", "PUT"]


def test_the_app_follows_the_wsgi_rules():
    app = learnerside.module("wsgiref.validate").validator(make_app())
    problems = []
    for method, path, body in [
        ("POST", "/tasks", {"title": "one"}),
        ("GET", "/tasks", None),
        ("GET", "/tasks/1", None),
        ("PUT", "/tasks/1", {"title": "uno", "done": True}),
        ("POST", "/tasks", "broken"),
        ("PATCH", "/tasks", None),
        ("DELETE", "/tasks/1", None),
        ("GET", "/nothing", None),
    ]:
        problem = wsgi_problem(call, app, method, path, body)
        if problem:
            problems.append(f"{method} {path}: {problem}")
    assert problems == []
    assert call(app, "GET", "/tasks").json() == []
