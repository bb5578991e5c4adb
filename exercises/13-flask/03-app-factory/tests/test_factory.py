import json

import pytest

from drillkit import learnerside

from library import create_app

# library/catalogue.json, the default catalogue.
DEFAULT_TITLES = ["The Name of the Rose", "Invisible Cities", "The Periodic Table", "Foucault's Pendulum",
                  "The Leopard", "If on a Winter's Night a Traveller"]

POETS = [
    {"id": 30, "title": "Ossi di seppia", "author": "Eugenio Montale"},
    {"id": 10, "title": "L'allegria", "author": "Giuseppe Ungaretti"},
    {"id": 20, "title": "Le occasioni", "author": "Eugenio Montale"},
]


@pytest.fixture
def environ(monkeypatch):
    """Set an environment variable of the learner's process for one test."""
    env = learnerside.module("os").environ

    def setenv(name, value):
        monkeypatch.setitem(env, name, value)

    return setenv


def catalogue_file(books):
    """The path of a new JSON file holding books, which the learner's code can read."""
    directory = learnerside.module("tempfile").mkdtemp(dir="/tmp")
    path = f"{directory}/books.json"
    learnerside.module("pathlib").Path(path).write_text(json.dumps(books), encoding="utf-8")
    return path


def get_json(app, url):
    response = app.test_client().get(url)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    return response.get_json()


def status(app, url):
    return app.test_client().get(url).status_code


def routes(app):
    """{rule: endpoint} of every route of the app but the static files."""
    return {rule.rule: rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint != "static"}


# --- the factory ------------------------------------------------------------------


def test_each_call_makes_a_new_app():
    first, second = create_app(), create_app()
    assert not learnerside.same(first, second), "create_app must make a new Flask app each time it is called"
    first.config["SITE_NAME"] = "Changed"
    assert second.config["SITE_NAME"] == "The Library"


def test_the_defaults():
    app = create_app()
    config = {name: app.config.get(name) for name in ("SITE_NAME", "API_PREFIX", "MAX_RESULTS")}
    assert config == {"SITE_NAME": "The Library", "API_PREFIX": "/api", "MAX_RESULTS": 20}
    assert get_json(app, "/") == {"name": "The Library", "books": "/api/books"}


def test_the_given_config_is_used_over_the_defaults():
    app = create_app({"TESTING": True, "SITE_NAME": "Town Library"})
    assert app.testing is True
    assert get_json(app, "/") == {"name": "Town Library", "books": "/api/books"}
    assert app.config["MAX_RESULTS"] == 20


# --- the blueprints ---------------------------------------------------------------


def test_the_views_are_in_two_blueprints():
    app = create_app()
    assert sorted(app.blueprints) == ["books", "site"]
    assert routes(app) == {"/": "site.index", "/api/books": "books.list_books", "/api/books/<int:book_id>": "books.get_book"}


def test_the_books_come_from_the_default_catalogue_by_id():
    data = get_json(create_app(), "/api/books")
    assert data["total"] == 6
    assert [book["title"] for book in data["books"]] == DEFAULT_TITLES
    assert data["books"][2] == {"id": 3, "title": "The Periodic Table", "author": "Primo Levi", "url": "/api/books/3"}


def test_a_book_by_id():
    app = create_app()
    assert get_json(app, "/api/books/4") == {"id": 4, "title": "Foucault's Pendulum", "author": "Umberto Eco",
                                             "url": "/api/books/4"}
    assert status(app, "/api/books/7") == 404


def test_author_filters_the_books_in_any_case():
    data = get_json(create_app(), "/api/books?author=italo+CALVINO")
    assert (data["total"], [book["id"] for book in data["books"]]) == (2, [2, 6])


def test_max_results_limits_the_list_but_not_the_total():
    data = get_json(create_app({"MAX_RESULTS": 2}), "/api/books")
    assert (data["total"], [book["id"] for book in data["books"]]) == (6, [1, 2])


# --- configuration that changes the app ---------------------------------------------


def test_the_api_prefix_decides_where_the_books_blueprint_is():
    app = create_app({"API_PREFIX": "/v2"})
    assert routes(app) == {"/": "site.index", "/v2/books": "books.list_books", "/v2/books/<int:book_id>": "books.get_book"}
    assert status(app, "/api/books") == 404
    assert get_json(app, "/v2/books")["total"] == 6


@pytest.mark.hidden
def test_urls_follow_the_api_prefix():
    """The URLs in the answers (the index's link, each book's url) are made with url_for, so they follow API_PREFIX."""
    app = create_app({"API_PREFIX": "/library/v3"})
    assert get_json(app, "/")["books"] == "/library/v3/books"
    assert get_json(app, "/library/v3/books")["books"][0]["url"] == "/library/v3/books/1"
    assert get_json(app, "/library/v3/books/5")["url"] == "/library/v3/books/5"


def test_the_catalogue_file_is_read_from_the_config():
    app = create_app({"CATALOGUE": catalogue_file(POETS)})
    data = get_json(app, "/api/books")
    assert data == {"total": 3, "books": [
        {"id": 10, "title": "L'allegria", "author": "Giuseppe Ungaretti", "url": "/api/books/10"},
        {"id": 20, "title": "Le occasioni", "author": "Eugenio Montale", "url": "/api/books/20"},
        {"id": 30, "title": "Ossi di seppia", "author": "Eugenio Montale", "url": "/api/books/30"},
    ]}
    assert status(app, "/api/books/1") == 404


@pytest.mark.hidden
def test_two_apps_with_their_own_config_work_side_by_side():
    """Nothing of one app (its config, prefix or books) may live at module level, where another app would see it."""
    poets = create_app({"SITE_NAME": "Poetry", "API_PREFIX": "/poems", "CATALOGUE": catalogue_file(POETS)})
    default = create_app()
    assert get_json(poets, "/") == {"name": "Poetry", "books": "/poems/books"}
    assert get_json(default, "/") == {"name": "The Library", "books": "/api/books"}
    assert get_json(poets, "/poems/books")["total"] == 3
    assert get_json(default, "/api/books")["total"] == 6
    assert status(default, "/poems/books") == 404
    assert get_json(poets, "/poems/books/10")["url"] == "/poems/books/10"


# --- the environment ------------------------------------------------------------------


def test_library_environment_variables_set_the_config(environ):
    environ("LIBRARY_SITE_NAME", "Village Library")
    environ("LIBRARY_MAX_RESULTS", "3")
    app = create_app()
    assert (app.config["SITE_NAME"], app.config["MAX_RESULTS"]) == ("Village Library", 3)
    data = get_json(app, "/api/books")
    assert (data["total"], len(data["books"])) == (6, 3)
    assert get_json(app, "/")["name"] == "Village Library"


def test_the_environment_can_move_the_api(environ):
    environ("LIBRARY_API_PREFIX", "/v1")
    assert get_json(create_app(), "/v1/books")["books"][0]["url"] == "/v1/books/1"


def test_other_environment_variables_are_not_config(environ):
    environ("SITE_NAME", "Not this one")
    environ("LIBRARYSITE_NAME", "Nor this one")
    environ("LIBRARY_MAX_RESULTS", "4")
    app = create_app()
    assert (app.config["SITE_NAME"], app.config["MAX_RESULTS"]) == ("The Library", 4)


@pytest.mark.hidden
def test_the_given_config_wins_over_the_environment(environ):
    """Read the environment before the config given to create_app: what a test passes must win."""
    environ("LIBRARY_SITE_NAME", "From the environment")
    environ("LIBRARY_MAX_RESULTS", "1")
    app = create_app({"SITE_NAME": "From the test"})
    assert (app.config["SITE_NAME"], app.config["MAX_RESULTS"]) == ("From the test", 1)


def test_the_environment_is_read_when_the_app_is_made(environ):
    before = create_app()
    environ("LIBRARY_SITE_NAME", "Opened later")
    assert create_app().config["SITE_NAME"] == "Opened later"
    assert before.config["SITE_NAME"] == "The Library"
