import pytest
from django.contrib.auth.models import User

from testdata import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def me(client):
    return client.get("/accounts/me/")


def test_step2_register_creates_a_user_and_logs_in(client):
    response = client.post("/accounts/register/", {"username": "ada", "password": "s3cret-enough"})
    assert response.status_code == 201
    user = User.objects.get(username="ada")
    assert response.json() == {"id": user.id, "username": "ada"}
    assert me(client).json() == {"id": user.id, "username": "ada"}


@pytest.mark.hidden
def test_step2_the_password_is_stored_hashed(client):
    """Never store the password itself: create the user with User.objects.create_user."""
    client.post("/accounts/register/", {"username": "ada", "password": "s3cret-enough"})
    user = User.objects.get(username="ada")
    assert user.password != "s3cret-enough"
    assert user.check_password("s3cret-enough")


@pytest.mark.parametrize(
    "data",
    [{"password": "s3cret-enough"}, {"username": "ada"}, {"username": "  ", "password": "s3cret-enough"}, {}],
    ids=["no-username", "no-password", "blank-username", "nothing"],
)
def test_step2_register_needs_a_username_and_a_password(client, data):
    response = client.post("/accounts/register/", data)
    assert response.status_code == 400
    assert "error" in response.json()
    assert User.objects.count() == 0


def test_step2_register_refuses_a_password_under_8_characters(client):
    response = client.post("/accounts/register/", {"username": "ada", "password": "1234567"})
    assert response.status_code == 400
    assert User.objects.count() == 0


def test_step2_register_refuses_a_taken_username(client):
    make_user("ada")
    response = client.post("/accounts/register/", {"username": "ada", "password": "another-one"})
    assert response.status_code == 400
    assert User.objects.count() == 1


def test_step2_register_only_accepts_post(client):
    assert client.get("/accounts/register/").status_code == 405


def test_step2_login_with_the_right_password(client):
    user = make_user("ada")
    response = client.post("/accounts/login/", {"username": "ada", "password": PASSWORD})
    assert response.status_code == 200
    assert response.json() == {"id": user.id, "username": "ada"}
    assert me(client).status_code == 200


def test_step2_login_with_a_wrong_password_fails(client):
    make_user("ada")
    response = client.post("/accounts/login/", {"username": "ada", "password": "wrong"})
    assert response.status_code == 400
    assert "error" in response.json()
    assert me(client).status_code == 401


def test_step2_login_of_an_unknown_user_fails(client):
    response = client.post("/accounts/login/", {"username": "nobody", "password": PASSWORD})
    assert response.status_code == 400


def test_step2_logout_ends_the_session(client):
    client.force_login(make_user("ada"))
    response = client.post("/accounts/logout/")
    assert response.status_code == 204
    assert me(client).status_code == 401


def test_step2_me_needs_a_login(client):
    response = me(client)
    assert response.status_code == 401
    assert "error" in response.json()
