import html as htmllib
import re

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "violet-fox-21"


def sign_up(client, username="ada", email="ada@example.com", password=GOOD_PASSWORD, again=None):
    return client.post(
        "/signup/",
        {
            "username": username,
            "email": email,
            "password1": password,
            "password2": password if again is None else again,
        },
    )


def logged_in_as(client):
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id is not None else None


def refused(client, response):
    """The error messages on the signup page shown again (200); nobody logged in."""
    assert response.status_code == 200
    assert logged_in_as(client) is None
    page = response.content.decode()
    lists = re.findall(r'<ul class="errorlist[^"]*">(.*?)</ul>', page, re.DOTALL)
    return [htmllib.unescape(item).strip() for ul in lists for item in re.findall(r"<li>(.*?)</li>", ul, re.DOTALL)]


def test_the_signup_page_shows_the_form(client):
    response = client.get("/signup/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ["username", "email", "password1", "password2"]:
        assert f'name="{name}"' in html


def test_a_valid_signup_creates_the_user(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = User.objects.get(username="ada")
    assert user.email == "ada@example.com"
    assert user.password != GOOD_PASSWORD
    assert user.check_password(GOOD_PASSWORD) is True


def test_the_new_user_is_logged_in_at_once(client):
    sign_up(client)
    assert logged_in_as(client) == User.objects.get(username="ada").pk
    assert "Hello, ada" in client.get("/").content.decode()


def test_ten_characters_are_enough(client):
    assert sign_up(client, password="lamp-rust7").status_code == 302


def test_the_email_is_required(client):
    refused(client, sign_up(client, email=""))
    assert User.objects.count() == 0
    assert sign_up(client).status_code == 302


def test_a_taken_username_is_refused(client):
    User.objects.create_user("ada", "other@example.com", "something-else-1")
    errors = refused(client, sign_up(client))
    assert "A user with that username already exists." in errors
    assert User.objects.count() == 1


def test_a_taken_email_is_refused(client):
    User.objects.create_user("lovelace", "ada@example.com", "something-else-1")
    errors = refused(client, sign_up(client))
    assert "A user with that email already exists." in errors
    assert User.objects.count() == 1


@pytest.mark.hidden
def test_a_taken_email_is_refused_in_any_letter_case(client):
    """Ada@Example.com and ada@example.com are the same address: compare emails ignoring case."""
    User.objects.create_user("lovelace", "ada@example.com", "something-else-1")
    errors = refused(client, sign_up(client, email="ADA@Example.com"))
    assert "A user with that email already exists." in errors
    assert User.objects.count() == 1


def test_the_two_passwords_must_match(client):
    refused(client, sign_up(client, again="violet-fox-22"))
    assert User.objects.count() == 0
    assert sign_up(client, again=GOOD_PASSWORD).status_code == 302


def test_a_short_password_is_refused(client):
    errors = refused(client, sign_up(client, password="lamp-rust"))
    assert "This password is too short. It must contain at least 10 characters." in errors
    assert User.objects.count() == 0


def test_a_common_password_is_refused(client):
    errors = refused(client, sign_up(client, password="qwertyuiop"))
    assert "This password is too common." in errors
    assert User.objects.count() == 0


def test_a_password_of_only_digits_is_refused(client):
    errors = refused(client, sign_up(client, password="7305918264"))
    assert "This password is entirely numeric." in errors
    assert User.objects.count() == 0


def test_a_password_like_the_username_is_refused(client):
    errors = refused(client, sign_up(client, username="bartholomew", password="bartholomew7"))
    assert "The password is too similar to the username." in errors
    assert User.objects.count() == 0


def accepted(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError:
        return False
    return True


def test_the_rules_are_the_projects_own():
    passwords = ["lamp-rust", "qwertyuiop", "7305918264", GOOD_PASSWORD]
    verdicts = {password: accepted(password) for password in passwords}
    assert verdicts == {"lamp-rust": False, "qwertyuiop": False, "7305918264": False, GOOD_PASSWORD: True}
    assert accepted("bartholomew7", User(username="bartholomew")) is False
