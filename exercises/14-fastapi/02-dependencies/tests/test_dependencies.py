import pytest

from drillkit import learnerside
import main
import repository

KEYS = {"key-alice-7f3a": "alice", "key-bob-19c2": "bob"}
ALICE = {"X-API-Key": "key-alice-7f3a"}
BOB = {"X-API-Key": "key-bob-19c2"}


def returning(value):
    """A callable made in the learner's process that takes nothing and gives
    back value itself: what stands in for a dependency. (FastAPI reads an
    override's signature and calls it where the app runs, so a lambda of the
    test's cannot be one.)"""
    return learnerside.module("functools").partial(learnerside.module("operator").getitem, [value], 0)


def new_database():
    """The path of a database file that does not exist yet, in a new directory."""
    return learnerside.module("tempfile").mkdtemp(dir="/tmp") + "/notes.db"


def make_settings(database, **changes):
    return main.Settings(**{"app_name": "Notes under test", "database": database, "api_keys": KEYS, "max_notes": 4, **changes})


def stored(database):
    """Every row of the notes table in that database file, read through a
    connection of the test's own: what the app's requests committed."""
    sqlite3 = learnerside.module("sqlite3")
    connection = sqlite3.connect(database)
    try:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE name = 'notes'").fetchall()
        assert tables, f"nothing was written to {database}, the database the settings name"
        return connection.execute("SELECT id, owner, text FROM notes ORDER BY id").fetchall()
    finally:
        connection.close()


@pytest.fixture
def database():
    return new_database()


@pytest.fixture
def overrides():
    """The app's dependency_overrides, as a dict made in the learner's process
    (a dict read from there reaches the test as a copy, so the test's changes
    would not reach the app): what the test puts in it, the app sees."""
    overrides = learnerside.shared_dict()
    main.app.dependency_overrides = overrides
    yield overrides
    main.app.dependency_overrides = {}


@pytest.fixture
def client(database, overrides):
    """A TestClient (made in the learner's process) for the app, whose
    settings are the test's: a new database file, two API keys."""
    overrides[main.get_settings] = returning(make_settings(database))
    with learnerside.module("fastapi.testclient").TestClient(main.app) as client:
        yield client


@pytest.fixture
def environment(monkeypatch):
    """The learner process's environment without NOTES_DATABASE and
    NOTES_API_KEYS, for tests that set them; get_settings is made to read it
    again before and after."""
    environ = learnerside.module("os").environ
    for name in ("NOTES_DATABASE", "NOTES_API_KEYS"):
        monkeypatch.delitem(environ, name, raising=False)
    clear = getattr(main.get_settings, "cache_clear", None)
    assert clear is not None, "get_settings must be cached with @functools.lru_cache (it has no cache_clear)"
    clear()
    yield environ
    clear()


def note(client, text, headers=ALICE):
    response = client.post("/notes", json={"text": text}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


class TestSettings:
    def test_get_settings_reads_the_environment(self, environment, monkeypatch):
        monkeypatch.setitem(environment, "NOTES_DATABASE", "/tmp/elsewhere/notes.db")
        monkeypatch.setitem(environment, "NOTES_API_KEYS", "carol:c-key-1, dave:d-key-2")
        settings = main.get_settings()
        assert (settings.database, dict(settings.api_keys)) == (
            "/tmp/elsewhere/notes.db",
            {"c-key-1": "carol", "d-key-2": "dave"},
        )

    def test_without_the_variables_the_defaults_hold(self, environment):
        settings = main.get_settings()
        assert (settings.app_name, settings.database, dict(settings.api_keys), settings.max_notes) == (
            "Notes",
            "/tmp/notes.db",
            {},
            100,
        )

    def test_the_environment_is_read_once(self, environment, monkeypatch):
        first = main.get_settings()
        monkeypatch.setitem(environment, "NOTES_API_KEYS", "erin:e-key")
        assert learnerside.same(main.get_settings(), first)

    @pytest.mark.help("The tests replace get_settings through app.dependency_overrides: a route that reads settings some other way (a global, Settings() itself) never sees theirs. Take them as a parameter: Annotated[Settings, Depends(get_settings)].")
    def test_health_answers_with_the_app_name_of_the_settings_dependency(self, client):
        response = client.get("/health")
        assert (response.status_code, response.json()) == (200, {"status": "ok", "app": "Notes under test"})


class TestApiKey:
    def test_no_key_is_401(self, client):
        response = client.get("/notes")
        assert (response.status_code, response.json()) == (401, {"detail": "API key required"})
        assert client.get("/notes", headers={"X-API-Key": ""}).status_code == 401
        assert client.post("/notes", json={"text": "hi"}).status_code == 401

    @pytest.mark.parametrize("key", ["wrong", "KEY-ALICE-7F3A", "key-alice-7f3", "key-alice-7f3a,key-bob-19c2"])
    def test_an_unknown_key_is_403(self, client, key):
        response = client.get("/notes", headers={"X-API-Key": key})
        assert (response.status_code, response.json()) == (403, {"detail": "Invalid API key"})
        assert client.get("/notes", headers=ALICE).status_code == 200

    def test_a_key_in_the_query_string_does_not_count(self, client):
        assert client.get("/notes", params={"x_api_key": "key-alice-7f3a"}).status_code == 401
        assert client.get("/notes", params={"api_key": "key-alice-7f3a"}).status_code == 401

    def test_the_keys_come_from_the_settings(self, database, overrides):
        overrides[main.get_settings] = returning(make_settings(database, api_keys={"only-key": "zoe"}))
        with learnerside.module("fastapi.testclient").TestClient(main.app) as client:
            assert client.get("/notes", headers=ALICE).status_code == 403
            created = client.post("/notes", json={"text": "mine"}, headers={"X-API-Key": "only-key"})
            assert created.json() == {"id": 1, "owner": "zoe", "text": "mine"}

    def test_health_needs_no_key(self, client):
        assert client.get("/health").status_code == 200

    @pytest.mark.help("The tests replaced require_owner (through app.dependency_overrides) with one that says the caller is \"tester\": a route that still wants a key reads the header itself. Take the caller from Depends(require_owner) in every route that needs one.")
    def test_the_routes_ask_require_owner_who_is_calling(self, client, overrides):
        overrides[main.require_owner] = returning("tester")
        created = client.post("/notes", json={"text": "no key needed"})
        assert (created.status_code, created.json()) == (201, {"id": 1, "owner": "tester", "text": "no key needed"})
        assert client.get("/notes").json() == [created.json()]
        assert client.get("/notes/1").json() == created.json()
        assert client.post("/notes/batch", json=[{"text": "two"}]).json() == [{"id": 2, "owner": "tester", "text": "two"}]


class TestNotes:
    def test_a_note_is_created_listed_and_found(self, client):
        created = client.post("/notes", json={"text": "buy milk"}, headers=ALICE)
        assert (created.status_code, created.json()) == (201, {"id": 1, "owner": "alice", "text": "buy milk"})
        second = note(client, "call mum")
        assert client.get("/notes", headers=ALICE).json() == [created.json(), second]
        assert client.get("/notes/2", headers=ALICE).json() == second

    def test_each_owner_sees_only_their_notes(self, client):
        mine = note(client, "alice's")
        theirs = note(client, "bob's", headers=BOB)
        assert client.get("/notes", headers=ALICE).json() == [mine]
        assert client.get("/notes", headers=BOB).json() == [theirs]
        response = client.get(f"/notes/{mine['id']}", headers=BOB)
        assert (response.status_code, response.json()) == (404, {"detail": "Note not found"})

    def test_an_unknown_note_is_404(self, client):
        note(client, "only one")
        response = client.get("/notes/2", headers=ALICE)
        assert (response.status_code, response.json()) == (404, {"detail": "Note not found"})

    @pytest.mark.parametrize("text", [pytest.param("", id="empty"), pytest.param("x" * 501, id="501 characters")])
    def test_a_note_has_1_to_500_characters(self, client, text):
        assert client.post("/notes", json={"text": text}, headers=ALICE).status_code == 422
        assert note(client, "x" * 500)["text"] == "x" * 500

    def test_a_batch_creates_every_note(self, client, database):
        response = client.post("/notes/batch", json=[{"text": "one"}, {"text": "two"}, {"text": "three"}], headers=BOB)
        assert response.status_code == 201
        assert response.json() == [
            {"id": 1, "owner": "bob", "text": "one"},
            {"id": 2, "owner": "bob", "text": "two"},
            {"id": 3, "owner": "bob", "text": "three"},
        ]
        assert stored(database) == [(1, "bob", "one"), (2, "bob", "two"), (3, "bob", "three")]

    def test_no_more_notes_than_max_notes(self, client):
        for number in range(4):
            note(client, f"note {number}")
        response = client.post("/notes", json={"text": "one too many"}, headers=ALICE)
        assert (response.status_code, response.json()) == (409, {"detail": "Too many notes"})
        assert note(client, "bob has room", headers=BOB)["owner"] == "bob"


class TestDatabase:
    def test_notes_are_committed_to_the_database_of_the_settings(self, client, database):
        note(client, "first")
        note(client, "second", headers=BOB)
        assert stored(database) == [(1, "alice", "first"), (2, "bob", "second")]

    @pytest.mark.help("get_db must open the database that the settings of the request name (settings from Depends(get_settings)), for each request: not one connection opened once for the whole app.")
    def test_other_settings_mean_another_database(self, client, database, overrides):
        note(client, "in the first database")
        other = new_database()
        overrides[main.get_settings] = returning(make_settings(other))
        assert client.get("/notes", headers=ALICE).json() == []
        note(client, "in the second database")
        assert stored(other) == [(1, "alice", "in the second database")]
        assert stored(database) == [(1, "alice", "in the first database")]

    @pytest.mark.hidden
    def test_a_request_that_fails_keeps_none_of_its_changes(self, client, database):
        """A batch that goes over max_notes answers 409 and stores none of its notes: commit a request's work only when it succeeds."""
        note(client, "already there")
        response = client.post("/notes/batch", json=[{"text": "a"}, {"text": "b"}, {"text": "c"}, {"text": "d"}], headers=ALICE)
        assert (response.status_code, response.json()) == (409, {"detail": "Too many notes"})
        assert stored(database) == [(1, "alice", "already there")]
        assert [item["text"] for item in client.get("/notes", headers=ALICE).json()] == ["already there"]

    @pytest.mark.help("The tests replaced get_repository (through app.dependency_overrides) with a repository of their own: every route must get its NoteRepository from Depends(get_repository), never make one itself.")
    def test_the_routes_use_the_repository_dependency(self, client, database, overrides):
        connection = learnerside.module("sqlite3").connect(":memory:", check_same_thread=False)
        notes = repository.NoteRepository(connection)
        notes.add("alice", "planted by the test")
        overrides[main.get_repository] = returning(notes)
        assert client.get("/notes", headers=ALICE).json() == [{"id": 1, "owner": "alice", "text": "planted by the test"}]
        note(client, "through the override")
        assert notes.list_for("alice") == [
            {"id": 1, "owner": "alice", "text": "planted by the test"},
            {"id": 2, "owner": "alice", "text": "through the override"},
        ]
