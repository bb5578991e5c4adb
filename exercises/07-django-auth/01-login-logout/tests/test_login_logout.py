import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db

WRONG = "Please enter a correct username and password."


def make_user(username="alice", password="correct-horse", **extra):
    return User.objects.create_user(username=username, password=password, **extra)


def logged_in_as(client):
    """The id of the user the client's session is logged in as, or None."""
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id is not None else None


def log_in(client, username="alice", password="correct-horse"):
    return client.post("/login/", {"username": username, "password": password})


def test_the_login_page_shows_a_form_with_username_and_password(client):
    response = client.get("/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<form[^>]*method="post"', html, re.IGNORECASE) is not None
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert 'type="password"' in html


def test_the_right_password_logs_the_user_in_and_goes_home(client):
    alice = make_user()
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert logged_in_as(client) == alice.pk
    assert "Hello, alice" in client.get("/").content.decode()


def test_a_wrong_password_shows_the_form_again_with_an_error(client):
    make_user()
    response = log_in(client, password="wrong-horse")
    assert response.status_code == 200
    html = response.content.decode()
    assert WRONG in html
    assert 'name="username"' in html
    assert logged_in_as(client) is None


def test_an_unknown_user_cannot_log_in(client):
    make_user()
    response = log_in(client, username="mallory")
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert logged_in_as(client) is None


def test_an_inactive_user_cannot_log_in(client):
    make_user(is_active=False)
    response = log_in(client)
    assert response.status_code == 200
    assert logged_in_as(client) is None


def test_an_empty_form_does_not_log_anybody_in(client):
    make_user()
    response = client.post("/login/", {})
    assert response.status_code == 200
    assert logged_in_as(client) is None


def test_the_login_form_carries_a_csrf_token():
    make_user()
    client = Client(enforce_csrf_checks=True)
    html = client.get("/login/").content.decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match is not None, "the login form has no CSRF token"
    without_token = client.post("/login/", {"username": "alice", "password": "correct-horse"})
    assert without_token.status_code == 403
    response = client.post(
        "/login/",
        {"username": "alice", "password": "correct-horse", "csrfmiddlewaretoken": match.group(1)},
    )
    assert response.status_code == 302


def test_logging_in_gives_the_session_a_new_key(client):
    make_user()
    session = client.session
    session["theme"] = "dark"
    session.save()
    key_before = session.session_key
    log_in(client)
    key_after = client.session.session_key
    assert key_after != key_before, "login() must give the session a new key"


def test_logout_ends_the_session_and_goes_home_with_a_message(client):
    make_user()
    log_in(client)
    response = client.post("/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert logged_in_as(client) is None
    html = client.get("/").content.decode()
    assert "You have been logged out." in html
    assert "Hello, guest" in html


@pytest.mark.hidden
def test_logout_refuses_get_requests(client):
    """Logging out changes state, so GET /logout/ must be refused (405) and leave the user logged in."""
    alice = make_user()
    log_in(client)
    response = client.get("/logout/")
    assert response.status_code == 405
    assert logged_in_as(client) == alice.pk


def url_named(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def test_the_urls_are_named_login_and_logout():
    assert (url_named("login"), url_named("logout")) == ("/login/", "/logout/")
