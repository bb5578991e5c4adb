import pytest
from django.contrib.auth.models import User

from testdata import api, make_user

pytestmark = pytest.mark.django_db

ANON_RATE = 20  # per minute, from settings
USER_RATE = 50  # per minute, from settings


def statuses(client, count, url="/api/recipes/"):
    return [client.get(url).status_code for _ in range(count)]


def test_step5_anonymous_visitors_are_throttled_after_20_requests():
    client = api()
    assert statuses(client, ANON_RATE) == [200] * ANON_RATE
    response = client.get("/api/recipes/")
    assert response.status_code == 429
    assert "Retry-After" in response.headers


def test_step5_logged_in_users_have_a_higher_limit():
    client = api(make_user())
    assert statuses(client, ANON_RATE + 1) == [200] * (ANON_RATE + 1)


def test_step5_logged_in_users_are_throttled_after_50_requests():
    client = api(make_user())
    assert statuses(client, USER_RATE) == [200] * USER_RATE
    assert client.get("/api/recipes/").status_code == 429


def test_step5_each_user_is_counted_separately():
    ada, bob = make_user("ada"), make_user("bob")
    statuses(api(ada), USER_RATE)
    assert api(ada).get("/api/recipes/").status_code == 429
    assert api(bob).get("/api/recipes/").status_code == 200


@pytest.mark.hidden
def test_step5_registering_is_limited_to_3_an_hour():
    """Registration must use its own scope ("register", 3 an hour): a ScopedRateThrottle on the register view."""
    client = api()
    for name in ["ada", "bob", "cy"]:
        assert client.post("/api/register/", {"username": name, "password": "s3cret-enough"}).status_code == 201
    response = client.post("/api/register/", {"username": "eve", "password": "s3cret-enough"})
    assert response.status_code == 429
    assert not User.objects.filter(username="eve").exists()
