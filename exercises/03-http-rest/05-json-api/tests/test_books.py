import json
import traceback
from wsgiref.util import setup_testing_defaults

import pytest

from drillkit import learnerside
from books import make_app

BOOKS = [
    {"title": "A Wizard of Earthsea", "author": "Ursula K. Le Guin", "year": 1968},
    {"title": "The Left Hand of Darkness", "author": "Ursula K. Le Guin", "year": 1969},
    {"title": "The Dispossessed", "author": "Ursula K. Le Guin", "year": 1974},
    {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979},
    {"title": "Parable of the Sower", "author": "Octavia E. Butler", "year": 1993},
    {"title": "The Fifth Season", "author": "N. K. Jemisin", "year": 2015},
    {"title": "Dune", "author": "Frank Herbert", "year": 1965},
    {"title": "Le Morte d'Arthur", "author": "Thomas Malory", "year": 1485},
]

NEW = {"title": "Piranesi", "author": "Susanna Clarke", "year": 2020}


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
        self.status = status
        self.code = int(status.split()[0])
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    def __repr__(self):
        return f"<Response {self.status} {self.body[:120]!r}>"

    def json(self):
        assert self.headers.get("content-type") == "application/json", "JSON needs Content-Type: application/json"
        assert self.headers.get("content-length") == str(len(self.body)), "Content-Length must match the body"
        return json.loads(self.body)

    def error(self):
        """The error message of a JSON error response."""
        data = self.json()
        assert isinstance(data, dict) and isinstance(data.get("error"), str) and data["error"], (
            f'an error body must be {{"error": "<message>"}}, not {data!r}'
        )
        return data


def call(app, method, path, body=None, query="", content_type="application/json"):
    sends_body = body is not None
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
    if isinstance(body, str):
        body = body.encode("utf-8")
    body = body or b""
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
    if sends_body and content_type:
        environ["CONTENT_TYPE"] = content_type
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


def titles(app, query):
    response = call(app, "GET", "/books", query=query)
    assert response.code == 200
    data = response.json()
    assert data["count"] == len(data["items"])
    return [book["title"] for book in data["items"]]


def allowed(response):
    assert "allow" in response.headers, "a 405 response needs an Allow header"
    return sorted(method.strip() for method in response.headers["allow"].split(","))


class TestList:
    def test_the_list_holds_every_book_by_id_with_a_count(self):
        data = call(make_app(BOOKS), "GET", "/books").json()
        assert data["count"] == 8
        assert data["items"][0] == {"id": 1, **BOOKS[0]}
        assert [book["id"] for book in data["items"]] == [1, 2, 3, 4, 5, 6, 7, 8]

    def test_an_empty_store_gives_an_empty_list(self):
        assert call(make_app(), "GET", "/books").json() == {"count": 0, "items": []}

    def test_author_filters_by_the_whole_name_in_any_case(self):
        app = make_app(BOOKS)
        assert titles(app, "author=ursula+k.+le+guin") == [
            "A Wizard of Earthsea",
            "The Left Hand of Darkness",
            "The Dispossessed",
        ]
        assert titles(app, "author=OCTAVIA%20E.%20BUTLER") == ["Kindred", "Parable of the Sower"]
        assert titles(app, "author=Le+Guin") == []

    def test_q_finds_words_inside_titles_in_any_case(self):
        app = make_app(BOOKS)
        assert titles(app, "q=the") == [
            "The Left Hand of Darkness",
            "The Dispossessed",
            "Parable of the Sower",
            "The Fifth Season",
        ]
        assert titles(app, "q=DARK") == ["The Left Hand of Darkness"]

    def test_year_bounds_include_both_ends(self):
        app = make_app(BOOKS)
        assert titles(app, "min_year=1969&max_year=1979") == ["The Left Hand of Darkness", "The Dispossessed", "Kindred"]
        assert titles(app, "max_year=1965") == ["Dune", "Le Morte d'Arthur"]
        assert titles(app, "min_year=2015") == ["The Fifth Season"]

    def test_year_bounds_compare_numbers_not_text(self):
        assert titles(make_app(BOOKS), "min_year=200") == [book["title"] for book in BOOKS]
        assert titles(make_app(BOOKS), "max_year=999") == []

    def test_filters_combine(self):
        app = make_app(BOOKS)
        assert titles(app, "author=Octavia+E.+Butler&min_year=1980") == ["Parable of the Sower"]
        assert titles(app, "author=Ursula+K.+Le+Guin&q=the&max_year=1970") == ["The Left Hand of Darkness"]

    def test_filters_with_empty_values_are_ignored(self):
        assert len(titles(make_app(BOOKS), "author=&q=&min_year=&max_year=")) == 8

    @pytest.mark.parametrize("query, field", [("min_year=abc", "min_year"), ("max_year=19.5", "max_year")])
    def test_a_year_bound_that_is_not_a_number_is_400(self, query, field):
        response = call(make_app(BOOKS), "GET", "/books", query=query)
        assert response.code == 400
        assert list(response.error().get("fields", {})) == [field]


class TestCreate:
    def test_creating_a_book_answers_201_with_location_and_the_book(self):
        app = make_app(BOOKS)
        response = call(app, "POST", "/books", NEW)
        assert response.status == "201 Created"
        assert response.headers.get("location") == "/books/9"
        assert response.json() == {"id": 9, **NEW}
        assert call(app, "GET", "/books/9").json() == {"id": 9, **NEW}

    def test_a_content_type_with_a_charset_is_accepted(self):
        response = call(make_app(), "POST", "/books", NEW, content_type="application/json; charset=utf-8")
        assert response.code == 201

    @pytest.mark.hidden
    @pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
    def test_a_body_that_is_not_sent_as_json_is_415(self, content_type):
        """A body whose Content-Type is not application/json gets 415 Unsupported Media Type, as JSON."""
        app = make_app()
        response = call(app, "POST", "/books", NEW, content_type=content_type)
        assert response.status == "415 Unsupported Media Type"
        response.error()
        assert call(app, "GET", "/books").json()["count"] == 0

    @pytest.mark.parametrize("body", ["{not json", "", "[1, 2]", "42"])
    def test_a_body_that_is_not_a_json_object_is_400(self, body):
        response = call(make_app(), "POST", "/books", body)
        assert response.status == "400 Bad Request"
        response.error()

    def test_every_invalid_field_is_reported(self):
        response = call(make_app(), "POST", "/books", {"title": "", "year": "1999"})
        assert response.code == 400
        assert sorted(response.error().get("fields", {})) == ["author", "title", "year"]

    @pytest.mark.parametrize("year", [True, 1999.5, "2001", None, 0, 2101])
    def test_year_must_be_a_whole_number_from_1_to_2100(self, year):
        response = call(make_app(), "POST", "/books", {**NEW, "year": year})
        assert response.code == 400
        assert list(response.error().get("fields", {})) == ["year"]

    def test_the_limits_of_year_are_accepted(self):
        app = make_app()
        assert call(app, "POST", "/books", {**NEW, "year": 1}).code == 201
        assert call(app, "POST", "/books", {**NEW, "year": 2100}).code == 201

    def test_other_fields_are_ignored(self):
        response = call(make_app(), "POST", "/books", {**NEW, "id": 50, "price": 9})
        assert response.json() == {"id": 1, **NEW}


class TestItem:
    def test_a_book_is_found_by_id(self):
        assert call(make_app(BOOKS), "GET", "/books/4").json() == {"id": 4, **BOOKS[3]}

    @pytest.mark.parametrize("path", ["/books/9", "/books/0", "/books/x", "/books/", "/books/1/", "/"])
    def test_unknown_books_and_paths_are_404_as_json(self, path):
        response = call(make_app(BOOKS), "GET", path)
        assert response.status == "404 Not Found"
        response.error()

    def test_patch_changes_only_the_given_fields(self):
        app = make_app(BOOKS)
        response = call(app, "PATCH", "/books/7", {"year": 1966})
        assert response.status == "200 OK"
        assert response.json() == {"id": 7, "title": "Dune", "author": "Frank Herbert", "year": 1966}
        call(app, "PATCH", "/books/7", {"title": "Dune Messiah", "id": 1})
        assert call(app, "GET", "/books/7").json() == {"id": 7, "title": "Dune Messiah", "author": "Frank Herbert", "year": 1966}

    def test_patch_with_an_invalid_field_changes_nothing(self):
        app = make_app(BOOKS)
        response = call(app, "PATCH", "/books/1", {"title": "New title", "author": "  "})
        assert response.code == 400
        assert list(response.error().get("fields", {})) == ["author"]
        assert call(app, "GET", "/books/1").json() == {"id": 1, **BOOKS[0]}

    def test_patch_with_an_empty_object_changes_nothing(self):
        response = call(make_app(BOOKS), "PATCH", "/books/2", {})
        assert response.json() == {"id": 2, **BOOKS[1]}

    def test_patch_on_an_unknown_book_is_404(self):
        response = call(make_app(BOOKS), "PATCH", "/books/99", {"year": 2000})
        assert response.code == 404
        response.error()

    def test_delete_answers_204_and_the_book_is_gone(self):
        app = make_app(BOOKS)
        response = call(app, "DELETE", "/books/3")
        assert (response.status, response.body) == ("204 No Content", b"")
        assert call(app, "GET", "/books/3").code == 404
        assert call(app, "GET", "/books").json()["count"] == 7
        assert call(app, "POST", "/books", NEW).headers.get("location") == "/books/9"


class TestMethods:
    def test_the_collection_allows_get_and_post(self):
        response = call(make_app(), "PUT", "/books", NEW)
        assert response.status == "405 Method Not Allowed"
        assert allowed(response) == ["GET", "POST"]
        response.error()

    def test_a_book_allows_get_patch_and_delete(self):
        response = call(make_app(BOOKS), "PUT", "/books/1", NEW)
        assert response.status == "405 Method Not Allowed"
        assert allowed(response) == ["DELETE", "GET", "PATCH"]
        response.error()


def test_each_app_has_its_own_books():
    first = make_app(BOOKS)
    call(first, "DELETE", "/books/1")
    call(first, "POST", "/books", NEW)
    assert call(make_app(BOOKS), "GET", "/books").json()["count"] == 8
    assert call(make_app(), "GET", "/books").json()["count"] == 0


def test_the_app_follows_the_wsgi_rules():
    app = learnerside.module("wsgiref.validate").validator(make_app(BOOKS))
    problems = []
    for method, path, body, query in [
        ("GET", "/books", None, "author=Frank+Herbert"),
        ("GET", "/books", None, "min_year=x"),
        ("POST", "/books", NEW, ""),
        ("PATCH", "/books/9", {"year": 2021}, ""),
        ("PATCH", "/books/9", "oops", ""),
        ("DELETE", "/books/9", None, ""),
        ("GET", "/books/9", None, ""),
        ("PUT", "/books", None, ""),
    ]:
        problem = wsgi_problem(call, app, method, path, body, query)
        if problem:
            problems.append(f"{method} {path}: {problem}")
    assert problems == []
    assert call(app, "GET", "/books").json()["count"] == 8
