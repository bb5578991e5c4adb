import base64

import pytest
from django.contrib.auth.models import User
from freezegun import freeze_time
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

START = "2030-03-01 12:00:00"


def alice(**extra):
    return User.objects.create_user("alice", "alice@example.com", "correct-horse", **extra)


def obtain(username="alice", password="correct-horse"):
    return APIClient().post("/api/token/", {"username": username, "password": password}, format="json")


def tokens():
    response = obtain()
    assert response.status_code == 200
    return response.json()


def me(authorization=None):
    client = APIClient()
    if authorization is not None:
        client.credentials(HTTP_AUTHORIZATION=authorization)
    return client.get("/api/me/")


def me_status(authorization=None):
    """The status code of GET /api/me/ with this Authorization header."""
    status = me(authorization).status_code
    return status


def refresh(token):
    return APIClient().post("/api/token/refresh/", {"refresh": token}, format="json")


def test_the_right_password_gives_an_access_and_a_refresh_token():
    alice()
    assert sorted(tokens()) == ["access", "refresh"]


def test_a_wrong_password_gets_no_tokens():
    alice()
    response = obtain(password="wrong-horse")
    assert response.status_code == 401
    assert "access" not in response.json()


def test_an_inactive_user_gets_no_tokens():
    alice(is_active=False)
    assert obtain().status_code == 401


def test_me_answers_with_the_owner_of_the_token():
    user = alice()
    response = me("Bearer " + tokens()["access"])
    assert response.status_code == 200
    assert response.json() == {"id": user.pk, "username": "alice", "email": "alice@example.com"}


def test_me_without_a_token_is_401():
    alice()
    response = me()
    assert response.status_code == 401
    assert response.get("WWW-Authenticate", "").startswith("Bearer")


@pytest.mark.parametrize("authorization", ["Bearer not-a-token", "Bearer ", "Bearer a.b.c"])
def test_a_broken_token_is_401(authorization):
    alice()
    assert me_status(authorization) == 401


def test_the_token_must_be_sent_after_bearer():
    alice()
    access = tokens()["access"]
    status = me_status("Token " + access)
    assert status == 401
    status = me_status(access)
    assert status == 401


def test_a_refresh_token_does_not_open_me():
    alice()
    status = me_status("Bearer " + tokens()["refresh"])
    assert status == 401


@pytest.mark.hidden
def test_a_username_and_password_are_not_accepted_by_me():
    """/api/me/ accepts JWT only: Basic authentication (a password on every request) must be switched off."""
    alice()
    basic = base64.b64encode(b"alice:correct-horse").decode()
    status = me_status("Basic " + basic)
    assert status == 401


def test_refreshing_gives_a_new_access_token_that_works():
    alice()
    response = refresh(tokens()["refresh"])
    assert response.status_code == 200
    status = me_status("Bearer " + response.json()["access"])
    assert status == 200


def test_a_broken_refresh_token_is_401():
    alice()
    assert refresh("not-a-token").status_code == 401
    status = refresh(tokens()["access"]).status_code
    assert status == 401


def test_an_access_token_lasts_15_minutes():
    alice()
    with freeze_time(START) as clock:
        access = tokens()["access"]
        clock.move_to("2030-03-01 12:14:30")
        status = me_status("Bearer " + access)
        assert status == 200
        clock.move_to("2030-03-01 12:15:30")
        status = me_status("Bearer " + access)
        assert status == 401


def test_a_refresh_token_lasts_7_days():
    alice()
    with freeze_time(START) as clock:
        token = tokens()["refresh"]
        clock.move_to("2030-03-08 11:59:00")
        response = refresh(token)
        assert response.status_code == 200
        status = me_status("Bearer " + response.json()["access"])
        assert status == 200
        clock.move_to("2030-03-08 12:01:00")
        status = refresh(token).status_code
        assert status == 401
