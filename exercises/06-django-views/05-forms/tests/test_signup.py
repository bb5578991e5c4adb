from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User

from signup.forms import RegistrationForm

pytestmark = pytest.mark.django_db

REQUIRED = "This field is required."


def signup(**changes):
    """Form data for a valid sign-up, with some fields changed."""
    data = {
        "username": "ada",
        "email": "ada@example.com",
        "password": "analytical-engine",
        "password_confirm": "analytical-engine",
    }
    data.update(changes)
    return data


def inputs(html):
    """{name: (type, value)} of the page's <input> elements (value None when there is none)."""

    class Inputs(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "input" and attrs.get("name") != "csrfmiddlewaretoken":
                self.found[attrs.get("name")] = (attrs.get("type"), attrs.get("value"))

    reader = Inputs()
    reader.found = {}
    reader.feed(html)
    return reader.found


def refused(client, data):
    """POST data that must be refused; the form's errors as {field: [messages]} and the page."""
    users_before = User.objects.count()
    response = client.post("/signup/", data)
    assert response.status_code == 200, f"expected the form again with its errors, got {response.status_code}"
    assert User.objects.count() == users_before, "a user was created from an invalid form"
    form = response.context["form"]
    return {field: list(messages) for field, messages in form.errors.items()}, response.content.decode()


def test_get_shows_an_empty_form(client):
    response = client.get("/signup/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.is_bound is False
    assert list(form.fields) == ["username", "email", "password", "password_confirm"]


def test_the_inputs_of_the_form(client):
    assert inputs(client.get("/signup/").content.decode()) == {
        "username": ("text", None),
        "email": ("email", None),
        "password": ("password", None),
        "password_confirm": ("password", None),
    }


def test_a_valid_signup_creates_the_user_and_redirects(client):
    response = client.post("/signup/", signup())
    assert response.status_code == 302
    assert response["Location"] == "/welcome/"
    user = User.objects.get()
    assert (user.username, user.email) == ("ada", "ada@example.com")
    assert user.check_password("analytical-engine")


def test_the_redirect_leads_to_the_welcome_page(client):
    response = client.post("/signup/", signup(), follow=True)
    assert response.redirect_chain == [("/welcome/", 302)]
    assert "Welcome aboard!" in response.content.decode()


def test_username_and_email_are_stored_in_lower_case(client):
    client.post("/signup/", signup(username="  Ada  ", email="Ada@Example.COM"))
    user = User.objects.get()
    assert (user.username, user.email) == ("ada", "ada@example.com")


def test_every_field_is_required(client):
    errors, html = refused(client, {})
    assert errors == {
        "username": [REQUIRED],
        "email": [REQUIRED],
        "password": [REQUIRED],
        "password_confirm": [REQUIRED],
    }
    assert REQUIRED in html


def test_a_taken_username_is_refused_in_any_case(client):
    User.objects.create_user(username="Grace", password="x")
    errors, html = refused(client, signup(username="grace"))
    assert errors == {"username": ["This username is taken."]}
    assert "This username is taken." in html


@pytest.mark.parametrize("username", ["admin", "Root", "SUPPORT"])
def test_a_reserved_username_is_refused(client, username):
    errors, html = refused(client, signup(username=username))
    assert errors == {"username": ["This username is reserved."]}
    assert "This username is reserved." in html


def test_an_invalid_email_is_refused(client):
    errors, _ = refused(client, signup(email="ada-at-example"))
    assert list(errors) == ["email"]


def test_a_password_of_fewer_than_8_characters_is_refused(client):
    errors, _ = refused(client, signup(password="engine7", password_confirm="engine7"))
    assert list(errors) == ["password"]


def test_the_two_passwords_must_match(client):
    errors, html = refused(client, signup(password_confirm="analytical-engines"))
    assert errors == {"password_confirm": ["The two passwords do not match."]}
    assert "The two passwords do not match." in html


@pytest.mark.hidden
def test_a_password_too_short_is_not_also_reported_as_not_matching(client):
    """When the password fails its own checks, clean() must not add "do not match" as well (look in cleaned_data with .get)."""
    errors, _ = refused(client, signup(password="short", password_confirm="shorts"))
    assert list(errors) == ["password"]


def test_the_password_must_not_contain_the_username(client):
    errors, html = refused(client, signup(username="Lovelace", password="I-am-LOVELACE", password_confirm="I-am-LOVELACE"))
    assert errors == {"__all__": ["The password must not contain the username."]}
    assert "The password must not contain the username." in html


def test_the_form_keeps_what_was_typed_except_the_passwords(client):
    _, html = refused(client, signup(username="Grace", password_confirm="something-else"))
    assert inputs(html) == {
        "username": ("text", "Grace"),
        "email": ("email", "ada@example.com"),
        "password": ("password", None),
        "password_confirm": ("password", None),
    }


def test_the_form_on_its_own():
    form = RegistrationForm(data=signup(username="Ada", email="ADA@example.com"))
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["username"], form.cleaned_data["email"]) == ("ada", "ada@example.com")
