import pytest
from django.contrib.auth.models import User

from testdata import PASSWORD, api, make_user

pytestmark = pytest.mark.django_db


def tokens(username, password):
    return api().post("/api/token/", {"username": username, "password": password})


def test_step2_register_creates_a_user():
    response = api().post("/api/register/", {"username": "ada", "password": "s3cret-enough"})
    assert response.status_code == 201
    user = User.objects.get(username="ada")
    assert response.json() == {"id": user.id, "username": "ada"}


@pytest.mark.hidden
def test_step2_the_password_is_stored_hashed_and_never_shown():
    """The password must be write-only in the serializer, and stored with create_user (hashed)."""
    response = api().post("/api/register/", {"username": "ada", "password": "s3cret-enough"})
    assert "password" not in response.json()
    user = User.objects.get(username="ada")
    assert user.password != "s3cret-enough"
    assert user.check_password("s3cret-enough")


def test_step2_register_refuses_a_short_password():
    response = api().post("/api/register/", {"username": "ada", "password": "1234567"})
    assert response.status_code == 400
    assert "password" in response.json()
    assert User.objects.count() == 0


def test_step2_register_refuses_a_taken_username():
    make_user("ada")
    response = api().post("/api/register/", {"username": "ada", "password": "s3cret-enough"})
    assert response.status_code == 400
    assert "username" in response.json()


def test_step2_the_right_password_gets_an_access_and_a_refresh_token():
    make_user("ada")
    response = tokens("ada", PASSWORD)
    assert response.status_code == 200
    assert sorted(response.json()) == ["access", "refresh"]


def test_step2_a_wrong_password_gets_no_token():
    make_user("ada")
    assert tokens("ada", "wrong").status_code == 401


def test_step2_me_shows_the_user_of_the_token():
    ada = make_user("ada")
    access = tokens("ada", PASSWORD).json()["access"]
    client = api()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    response = client.get("/api/me/")
    assert response.status_code == 200
    assert response.json() == {"id": ada.id, "username": "ada"}


def test_step2_me_needs_a_valid_token():
    assert api().get("/api/me/").status_code == 401
    client = api()
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert client.get("/api/me/").status_code == 401


def test_step2_a_refresh_token_gets_a_new_access_token():
    make_user("ada")
    refresh = tokens("ada", PASSWORD).json()["refresh"]
    response = api().post("/api/token/refresh/", {"refresh": refresh})
    assert response.status_code == 200
    client = api()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    assert client.get("/api/me/").json()["username"] == "ada"
