import pytest

from drillkit import learnerside
import main
import store

ADA = {"username": "ada", "email": "ada@example.com", "password": "analytical-engine", "full_name": "Ada Lovelace"}
GRACE = {"username": "grace_h", "email": "grace@example.org", "password": "compiler-1952", "full_name": "Grace Hopper"}
ALAN = {"username": "alan", "email": "alan@example.net", "password": "enigma-machine"}


def returning(value):
    """A callable made in the learner's process that takes nothing and gives
    back value itself: what stands in for a dependency."""
    return learnerside.module("functools").partial(learnerside.module("operator").getitem, [value], 0)


def public(user, *fields):
    """What a client may see of a user the test created: the given fields."""
    return {field: user.get(field) for field in fields}


DETAIL = ("id", "username", "email", "full_name")


@pytest.fixture
def users():
    """A new, empty UserStore (in the learner's process) for each test."""
    return store.UserStore()


@pytest.fixture
def client(users):
    """A TestClient for the app, whose get_store gives this test's store
    (through app.dependency_overrides, a dict made in the learner's process)."""
    overrides = learnerside.shared_dict()
    overrides[main.get_store] = returning(users)
    main.app.dependency_overrides = overrides
    with learnerside.module("fastapi.testclient").TestClient(main.app) as client:
        yield client
    main.app.dependency_overrides = {}


def create(client, body):
    response = client.post("/users", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def secrets_in(response, users, *bodies):
    """Which of the users' passwords and password hashes the response's body holds."""
    found = []
    if "password" in response.text:
        found.append('the word "password"')
    for body in bodies:
        record = users.find_by_username(body["username"])
        if body["password"] in response.text:
            found.append(f"the password of {body['username']}")
        if record is not None and record["password_hash"] in response.text:
            found.append(f"the password hash of {body['username']}")
    return found


class TestCreate:
    def test_a_new_user_is_201_with_its_public_fields(self, client):
        response = client.post("/users", json=ADA)
        assert response.status_code == 201
        assert response.json() == {"id": 1, "username": "ada", "email": "ada@example.com", "full_name": "Ada Lovelace"}

    def test_the_new_user_is_at_the_location_header(self, client):
        create(client, ADA)
        response = client.post("/users", json=GRACE)
        assert response.headers.get("location") == "/users/2"
        assert client.get("/users/2").json()["username"] == "grace_h"

    def test_full_name_is_optional(self, client):
        assert create(client, ALAN) == {"id": 1, "username": "alan", "email": "alan@example.net", "full_name": None}

    def test_the_user_is_stored_with_a_hashed_password(self, client, users):
        create(client, GRACE)
        record = users.find_by_username("grace_h")
        assert record is not None, "POST /users must store the user with store.add"
        assert public(record, *DETAIL) == {"id": 1, **public(GRACE, *DETAIL[1:])}
        assert record["password_hash"].startswith("pbkdf2_sha256$")

    def test_neither_the_password_nor_its_hash_is_sent_back(self, client, users):
        response = client.post("/users", json=ADA)
        assert sorted(response.json()) == sorted(DETAIL)
        assert secrets_in(response, users, ADA) == []

    def test_a_username_that_is_taken_is_409(self, client, users):
        create(client, ADA)
        response = client.post("/users", json={**GRACE, "username": "ada"})
        assert (response.status_code, response.json()) == (409, {"detail": "Username already taken"})
        assert len(users.all()) == 1

    def test_an_email_that_is_registered_is_409(self, client, users):
        create(client, ADA)
        response = client.post("/users", json={**GRACE, "email": "ADA@example.com"})
        assert (response.status_code, response.json()) == (409, {"detail": "Email already registered"})
        assert len(users.all()) == 1

    @pytest.mark.parametrize("changes", [
        pytest.param({"username": "Ada"}, id="capital letter"),
        pytest.param({"username": "ad"}, id="short username"),
        pytest.param({"username": "ada lovelace"}, id="space"),
        pytest.param({"password": "short"}, id="short password"),
        pytest.param({"email": "ada.example.com"}, id="bad email"),
    ])
    def test_an_invalid_user_is_422(self, client, users, changes):
        response = client.post("/users", json={**ADA, **changes})
        assert response.status_code == 422
        assert users.all() == []
        assert client.post("/users", json=ADA).status_code == 201


class TestRead:
    def test_a_user_is_found_by_id_without_secrets(self, client, users):
        create(client, ADA)
        create(client, GRACE)
        response = client.get("/users/2")
        assert (response.status_code, response.json()) == (200, {"id": 2, **public(GRACE, *DETAIL[1:])})
        assert secrets_in(response, users, GRACE) == []

    def test_an_unknown_user_is_404(self, client):
        create(client, ADA)
        response = client.get("/users/2")
        assert (response.status_code, response.json()) == (404, {"detail": "User not found"})

    def test_the_list_shows_only_ids_and_usernames(self, client, users):
        for body in (ADA, GRACE, ALAN):
            create(client, body)
        response = client.get("/users")
        assert response.json() == [
            {"id": 1, "username": "ada"},
            {"id": 2, "username": "grace_h"},
            {"id": 3, "username": "alan"},
        ]
        assert secrets_in(response, users, ADA, GRACE, ALAN) == []

    def test_the_list_of_no_users_is_empty(self, client):
        response = client.get("/users")
        assert (response.status_code, response.json()) == (200, [])


class TestUpdate:
    def test_patch_changes_only_the_fields_sent(self, client, users):
        create(client, ADA)
        response = client.patch("/users/1", json={"email": "countess@example.com"})
        assert response.json() == {"id": 1, "username": "ada", "email": "countess@example.com", "full_name": "Ada Lovelace"}
        response = client.patch("/users/1", json={"full_name": "Augusta Ada King"})
        assert response.json() == {"id": 1, "username": "ada", "email": "countess@example.com", "full_name": "Augusta Ada King"}
        assert secrets_in(response, users, ADA) == []

    def test_patch_with_null_clears_full_name_and_with_nothing_changes_nothing(self, client):
        create(client, ADA)
        assert client.patch("/users/1", json={}).json() == {"id": 1, **public(ADA, *DETAIL[1:])}
        assert client.patch("/users/1", json={"full_name": None}).json()["full_name"] is None
        assert client.get("/users/1").json() == {"id": 1, "username": "ada", "email": "ada@example.com", "full_name": None}

    def test_patch_to_an_email_of_someone_else_is_409(self, client):
        create(client, ADA)
        create(client, GRACE)
        response = client.patch("/users/2", json={"email": "Ada@Example.com"})
        assert (response.status_code, response.json()) == (409, {"detail": "Email already registered"})
        assert client.get("/users/2").json()["email"] == "grace@example.org"
        assert client.patch("/users/2", json={"email": "grace@example.org"}).status_code == 200

    @pytest.mark.parametrize("email", [None, "grace"])
    def test_patch_with_an_email_that_is_not_one_is_422(self, client, email):
        create(client, GRACE)
        assert client.patch("/users/1", json={"email": email}).status_code == 422
        assert client.get("/users/1").json()["email"] == "grace@example.org"
        assert client.patch("/users/1", json={"email": "grace.h@example.org"}).status_code == 200

    def test_patch_on_an_unknown_user_is_404(self, client):
        response = client.patch("/users/9", json={"full_name": "Nobody"})
        assert (response.status_code, response.json()) == (404, {"detail": "User not found"})


class TestDelete:
    def test_delete_is_204_with_no_body(self, client):
        create(client, ADA)
        create(client, GRACE)
        response = client.delete("/users/1")
        assert (response.status_code, response.content) == (204, b"")
        assert client.get("/users/1").status_code == 404
        assert client.get("/users").json() == [{"id": 2, "username": "grace_h"}]

    def test_delete_of_an_unknown_user_is_404(self, client):
        create(client, ADA)
        response = client.delete("/users/2")
        assert (response.status_code, response.json()) == (404, {"detail": "User not found"})
        assert len(client.get("/users").json()) == 1


def promised(openapi, schema):
    """The field names a response schema promises: sorted, or [sorted] for a list."""
    if "$ref" in schema:
        schema = openapi.get("components", {}).get("schemas", {}).get(schema["$ref"].rsplit("/", 1)[-1], {})
    if schema.get("type") == "array":
        return [promised(openapi, schema.get("items", {}))]
    return sorted(schema.get("properties", {}))


@pytest.mark.hidden
def test_the_openapi_schema_documents_what_each_route_answers(client):
    """Declare each route's response model and status code (response_model=..., status_code=...), so the docs show what a client gets."""
    openapi = client.get("/openapi.json").json()
    answers = {}
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            for status, response in operation.get("responses", {}).items():
                if status.startswith("2"):
                    schema = response.get("content", {}).get("application/json", {}).get("schema")
                    answers[f"{method.upper()} {path}"] = (status, None if schema is None else promised(openapi, schema))
    detail = sorted(DETAIL)
    assert answers == {
        "POST /users": ("201", detail),
        "GET /users": ("200", [["id", "username"]]),
        "GET /users/{user_id}": ("200", detail),
        "PATCH /users/{user_id}": ("200", detail),
        "DELETE /users/{user_id}": ("204", None),
    }
