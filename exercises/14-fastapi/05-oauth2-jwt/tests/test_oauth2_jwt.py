import base64
import json
import secrets
import time

import bcrypt
import jwt
import pytest

from drillkit import learnerside
import main

# The tests' own secret (never the learner's): the app gets it through the
# settings dependency, and the tests sign and check tokens with it.
SECRET = "tests-" + secrets.token_hex(16)
REFUSED = (401, "Bearer")  # the status, and how to authenticate
WRONG = {"detail": "Incorrect username or password"}
FAST = 4  # bcrypt rounds for the tests' users, so that logging in is quick


def returning(value):
    """A callable made in the learner's process that takes nothing and gives
    back value itself: what stands in for a dependency."""
    return learnerside.module("functools").partial(learnerside.module("operator").getitem, [value], 0)


@pytest.fixture
def users():
    """main.USERS, replaced for the test by a dict in the learner's process
    (a dict read from there reaches the test as a copy) with three users."""
    users = learnerside.shared_dict()
    main.USERS = users
    main.create_user("alice", "wonderland-42", "Alice Liddell", "alice@example.com", rounds=FAST)
    main.create_user("bob", "builder-can-we-fix-it", "Bob Builder", "bob@example.org", rounds=FAST)
    main.create_user("carol", "christmas-1843", "Carol Gone", "carol@example.net", disabled=True, rounds=FAST)
    yield users
    main.USERS = {}


@pytest.fixture
def connect(users):
    """connect(minutes=30) -> a TestClient whose settings (through
    app.dependency_overrides) are the tests': their secret, those minutes."""
    clients = []
    overrides = learnerside.shared_dict()
    main.app.dependency_overrides = overrides

    def connect(minutes=30):
        overrides[main.get_settings] = returning(main.Settings(secret_key=SECRET, access_token_minutes=minutes))
        client = learnerside.module("fastapi.testclient").TestClient(main.app)
        client.__enter__()
        clients.append(client)
        return client

    yield connect
    for client in clients:
        client.__exit__(None, None, None)
    main.app.dependency_overrides = {}


@pytest.fixture
def client(connect):
    return connect()


def login(client, username="alice", password="wonderland-42"):
    return client.post("/token", data={"username": username, "password": password})


def token_of(client, username="alice", password="wonderland-42"):
    response = login(client, username, password)
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def me(client, token=None, authorization=None):
    headers = {}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if authorization is not None:
        headers["Authorization"] = authorization
    return client.get("/users/me", headers=headers)


def refused(response):
    """What the test needs of a refusal: the status and the WWW-Authenticate header."""
    return response.status_code, response.headers.get("www-authenticate")


def opens_me(client):
    """Whether a good token (made by the tests) opens /users/me: so that a
    test of a refusal is not passed by an app that refuses everything."""
    return me(client, signed(claims())).status_code == 200


def signed(claims, key=SECRET, algorithm="HS256"):
    """A token the tests make themselves."""
    return jwt.encode(claims, key, algorithm=algorithm)


def claims(minutes=30, **changes):
    now = int(time.time())
    made = {"sub": "alice", "iat": now, "exp": now + minutes * 60, **changes}
    return {name: value for name, value in made.items() if value is not None}


def b64(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


ALICE = {"username": "alice", "full_name": "Alice Liddell", "email": "alice@example.com", "disabled": False}


class TestPasswords:
    def test_a_hash_is_bcrypt_with_12_rounds_by_default(self):
        hashed = main.hash_password("correct horse battery staple")
        assert hashed[:7] == "$2b$12$"
        assert bcrypt.checkpw(b"correct horse battery staple", hashed.encode())

    def test_the_same_password_hashes_differently_each_time(self):
        assert main.hash_password("same-password", FAST) != main.hash_password("same-password", FAST)

    def test_verify_password_checks_against_a_bcrypt_hash(self):
        hashed = bcrypt.hashpw(b"s3cret-pass", bcrypt.gensalt(FAST)).decode()
        assert main.verify_password("s3cret-pass", hashed) is True
        assert main.verify_password("s3cret-pasS", hashed) is False
        assert main.verify_password("", hashed) is False

    def test_users_are_stored_with_a_hash_not_the_password(self, users):
        stored = dict(users)["bob"]["hashed_password"]
        assert stored != "builder-can-we-fix-it"
        assert bcrypt.checkpw(b"builder-can-we-fix-it", stored.encode())


class TestLogin:
    def test_the_right_password_gives_a_bearer_token(self, client):
        response = login(client)
        assert response.status_code == 200
        body = response.json()
        assert (sorted(body), body.get("token_type")) == (["access_token", "token_type"], "bearer")

    def test_the_token_is_an_hs256_jwt_signed_with_the_settings_secret(self, client):
        token = token_of(client, "bob", "builder-can-we-fix-it")
        assert jwt.get_unverified_header(token).get("alg") == "HS256"
        assert jwt.decode(token, SECRET, algorithms=["HS256"])["sub"] == "bob"

    @pytest.mark.help("A token that never expires is a password that can never be changed: put an exp claim in it, access_token_minutes from now.")
    def test_the_token_expires_after_the_settings_minutes(self, connect):
        for minutes in (30, 5):
            before = int(time.time())
            token = token_of(connect(minutes))
            exp = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False}).get("exp")
            assert exp is not None, "the token has no exp claim"
            assert before + minutes * 60 - 5 <= exp <= int(time.time()) + minutes * 60 + 5

    @pytest.mark.parametrize("username, password", [
        pytest.param("alice", "wonderland-43", id="wrong password"),
        pytest.param("Alice", "wonderland-42", id="other letter case"),
        pytest.param("mallory", "wonderland-42", id="unknown user"),
    ])
    def test_wrong_credentials_are_401_with_www_authenticate(self, client, username, password):
        response = login(client, username, password)
        assert (response.status_code, response.json()) == (401, WRONG)
        assert refused(response) == REFUSED
        assert login(client).status_code == 200

    def test_a_disabled_user_cannot_log_in(self, client):
        response = login(client, "carol", "christmas-1843")
        assert (response.status_code, response.json()) == (401, WRONG)

    def test_the_credentials_come_as_a_form(self, client):
        response = client.post("/token", json={"username": "alice", "password": "wonderland-42"})
        assert response.status_code == 422
        assert client.post("/token", data={"username": "alice"}).status_code == 422
        assert client.post("/token", data={"username": "alice", "password": ""}).status_code == 422
        assert login(client).status_code == 200


class TestMe:
    def test_a_token_opens_me(self, client):
        response = me(client, token_of(client))
        assert (response.status_code, response.json()) == (200, ALICE)

    def test_me_never_shows_the_hash(self, client, users):
        response = me(client, token_of(client, "bob", "builder-can-we-fix-it"))
        assert sorted(response.json()) == ["disabled", "email", "full_name", "username"]
        assert dict(users)["bob"]["hashed_password"] not in response.text

    def test_without_a_token_me_is_401_with_www_authenticate(self, client):
        assert refused(me(client)) == REFUSED
        assert opens_me(client)

    @pytest.mark.parametrize("authorization", [
        pytest.param("Token {}", id="Token"),
        pytest.param("{}", id="no scheme"),
        pytest.param("Basic {}", id="Basic"),
        pytest.param("Bearer  ", id="Bearer and nothing"),
    ])
    def test_the_token_must_come_after_bearer(self, client, authorization):
        token = token_of(client)
        assert me(client, authorization=authorization.format(token)).status_code == 401
        assert me(client, authorization=f"Bearer {token}").status_code == 200

    @pytest.mark.parametrize("token", [
        pytest.param("not-a-token", id="not a JWT"),
        pytest.param("a.b.c", id="three bad parts"),
        pytest.param("eyJhbGciOiJIUzI1NiJ9.e30.", id="no signature"),
    ])
    def test_a_broken_token_is_401(self, client, token):
        assert refused(me(client, token)) == REFUSED
        assert opens_me(client)

    def test_a_token_made_elsewhere_with_the_right_secret_is_accepted(self, client):
        response = me(client, signed(claims()))
        assert (response.status_code, response.json()) == (200, ALICE)

    @pytest.mark.help("jwt.decode checks exp for you: don't switch it off (verify_exp) or skip decoding; an expired token must be refused with 401.")
    def test_an_expired_token_is_401(self, client):
        assert refused(me(client, signed(claims(minutes=-1)))) == REFUSED
        assert me(client, signed(claims(minutes=1))).status_code == 200

    @pytest.mark.hidden
    def test_a_token_signed_with_another_key_is_401(self, client):
        """A token signed with any key but the settings' secret is a forgery: check the signature."""
        assert refused(me(client, signed(claims(), key="not-" + SECRET))) == REFUSED
        assert opens_me(client)

    @pytest.mark.hidden
    def test_a_token_with_a_changed_payload_is_401(self, client):
        """Changing the claims of a real token (its middle part) breaks its signature: such a token is refused."""
        header, _, signature = token_of(client).split(".")
        forged = ".".join([header, b64({"sub": "bob", "exp": int(time.time()) + 600}), signature])
        assert refused(me(client, forged)) == REFUSED
        assert opens_me(client)

    @pytest.mark.hidden
    def test_an_unsigned_token_is_401(self, client):
        """A token whose header says alg "none" has no signature at all: accept only the algorithm of the settings."""
        unsigned = ".".join([b64({"alg": "none", "typ": "JWT"}), b64(claims()), ""])
        assert refused(me(client, unsigned)) == REFUSED
        assert opens_me(client)

    @pytest.mark.hidden
    @pytest.mark.parametrize("missing", ["exp", "sub"])
    def test_a_token_without_exp_or_sub_is_401(self, client, missing):
        """A token with no expiry (or no subject) is refused: require exp and sub when decoding."""
        assert refused(me(client, signed(claims(**{missing: None})))) == REFUSED
        assert opens_me(client)

    def test_a_token_of_an_unknown_user_is_401(self, client):
        assert refused(me(client, signed(claims(sub="mallory")))) == REFUSED
        assert opens_me(client)

    def test_a_token_of_a_user_disabled_since_is_401(self, client, users):
        token = token_of(client, "bob", "builder-can-we-fix-it")
        assert me(client, token).status_code == 200
        users["bob"] = {**dict(users)["bob"], "disabled": True}
        assert refused(me(client, token)) == REFUSED
