import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from drillkit import learnerside

pytestmark = pytest.mark.django_db


class Clock:
    """A clock for DRF's throttles that only moves when told to."""

    def __init__(self):
        self.now = 1_900_000_000.0

    def read(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


def stop_the_clock(monkeypatch):
    clock = Clock()
    # The throttles call self.timer(): a staticmethod, made in their process,
    # calls clock.read without a self.
    timer = learnerside.module("builtins").staticmethod(clock.read)
    monkeypatch.setattr(SimpleRateThrottle, "timer", timer)
    return clock


def client_for(username=None):
    client = APIClient()
    if username is not None:
        user, _ = User.objects.get_or_create(username=username)
        client.force_authenticate(user)
    return client


def quotes(client, times):
    """The status codes of that many GET /api/quote/ requests."""
    return [client.get("/api/quote/").status_code for _ in range(times)]


def contact(client, times):
    """The status codes of that many POSTs to /api/contact/."""
    return [client.post("/api/contact/", {"message": "Hello!"}, format="json").status_code for _ in range(times)]


def test_the_views_work():
    cache.clear()
    response = client_for(None).get("/api/quote/")
    assert (response.status_code, response.json()) == (200, {"quote": "Simple is better than complex."})
    response = client_for("alice").post("/api/contact/", {"message": "Hi"}, format="json")
    assert (response.status_code, response.json()) == (201, {"status": "sent"})


def test_anonymous_visitors_get_three_quotes_a_minute(monkeypatch):
    cache.clear()
    stop_the_clock(monkeypatch)
    assert quotes(client_for(None), 5) == [200, 200, 200, 429, 429]


def test_a_throttled_answer_says_when_to_try_again(monkeypatch):
    cache.clear()
    clock = stop_the_clock(monkeypatch)
    client = client_for(None)
    quotes(client, 3)
    clock.advance(20)
    response = client.get("/api/quote/")
    assert response.status_code == 429
    assert response.get("Retry-After") == "40"


def test_the_anonymous_limit_frees_up_after_a_minute(monkeypatch):
    cache.clear()
    clock = stop_the_clock(monkeypatch)
    client = client_for(None)
    quotes(client, 3)
    clock.advance(59)
    assert quotes(client, 1) == [429]
    clock.advance(2)
    assert quotes(client, 4) == [200, 200, 200, 429]


def test_logged_in_users_get_ten_quotes_a_minute(monkeypatch):
    cache.clear()
    clock = stop_the_clock(monkeypatch)
    client = client_for("alice")
    assert quotes(client, 11) == [200] * 10 + [429]
    clock.advance(61)
    assert quotes(client, 1) == [200]


def test_every_user_has_their_own_allowance(monkeypatch):
    cache.clear()
    stop_the_clock(monkeypatch)
    assert quotes(client_for("alice"), 11)[-1] == 429
    assert quotes(client_for("bob"), 10) == [200] * 10


def test_anonymous_visitors_do_not_use_up_a_users_allowance(monkeypatch):
    cache.clear()
    stop_the_clock(monkeypatch)
    assert quotes(client_for(None), 4) == [200, 200, 200, 429]
    assert quotes(client_for("alice"), 10) == [200] * 10


def test_the_contact_form_takes_two_messages_an_hour(monkeypatch):
    cache.clear()
    clock = stop_the_clock(monkeypatch)
    client = client_for("alice")
    assert contact(client, 3) == [201, 201, 429]
    clock.advance(59 * 60)
    assert contact(client, 1) == [429]
    clock.advance(2 * 60)
    assert contact(client, 3) == [201, 201, 429]


def test_the_contact_limit_is_per_user(monkeypatch):
    cache.clear()
    stop_the_clock(monkeypatch)
    assert contact(client_for("alice"), 3) == [201, 201, 429]
    assert contact(client_for("bob"), 2) == [201, 201]


@pytest.mark.hidden
def test_the_contact_form_has_its_own_limit_only(monkeypatch):
    """The contact form is limited by the "contact" rate alone: quotes don't use it up, and it doesn't use up quotes."""
    cache.clear()
    stop_the_clock(monkeypatch)
    alice = client_for("alice")
    assert contact(alice, 2) == [201, 201]
    assert quotes(alice, 11) == [200] * 10 + [429]
    bob = client_for("bob")
    assert quotes(bob, 11) == [200] * 10 + [429]
    assert contact(bob, 2) == [201, 201]
