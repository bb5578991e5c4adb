"""The project's cache is the real Redis server; the judge reads its keys
and TTLs itself, as data, plays the other users of the server (another
project, the previous release), and starts a second process of the
project, as a second web worker."""

import json
import os
import pickle

import pytest
import redis

from catalog.models import Product, Review
from drillkit import learnerside

pytestmark = pytest.mark.django_db

# A second process of the project, as another web worker would be:
# "get URL" prints the response (status, JSON) and how many queries it ran;
# "reprice ID CENTS" changes a product's price through the ORM.
WORKER = """
import json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "project.settings"
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
if sys.argv[1] == "get":
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(sys.argv[2])
    print(json.dumps({"status": response.status_code, "json": response.json(), "queries": len(queries)}))
else:
    from catalog.models import Product
    product = Product.objects.get(pk=int(sys.argv[2]))
    product.price_cents = int(sys.argv[3])
    product.save()
"""


@pytest.fixture(autouse=True)
def server():
    """The judge's own connection to the Redis server, emptied before and after each test."""
    client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


def make_catalog():
    """Kettle: 5, 4 (4.5); Lamp: 3; Desk: no reviews; Chair: 5."""
    kettle = Product.objects.create(name="Kettle", price_cents=2599)
    lamp = Product.objects.create(name="Lamp", price_cents=4999)
    desk = Product.objects.create(name="Desk", price_cents=19900)
    chair = Product.objects.create(name="Chair", price_cents=7500)
    Review.objects.create(product=kettle, stars=5, text="Fast")
    Review.objects.create(product=kettle, stars=4)
    Review.objects.create(product=lamp, stars=3)
    Review.objects.create(product=chair, stars=5)
    return kettle, lamp, desk, chair


def summary(product, reviews, stars, price=None):
    return {"id": product.pk, "name": product.name, "price_cents": price or product.price_cents,
            "reviews": reviews, "stars": stars}


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"the status of GET {url}"
    return response.json()


def keys(server):
    return sorted(server.keys("*"))


def second_worker(*args):
    """Run WORKER with args in a process of its own; what it printed, as data."""
    done = learnerside.module("subprocess").run(
        [learnerside.module("sys").executable, "-c", WORKER, *args],
        cwd="/work", capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip() else None


def test_the_product_detail(client):
    kettle, lamp, desk, _ = make_catalog()
    assert get_json(client, f"/products/{kettle.pk}/") == summary(kettle, 2, 4.5)
    assert get_json(client, f"/products/{desk.pk}/") == summary(desk, 0, None)


def test_the_top_products(client):
    kettle, lamp, desk, chair = make_catalog()
    assert get_json(client, "/products/top/") == {"products": [
        {"id": chair.pk, "name": "Chair", "stars": 5.0},
        {"id": kettle.pk, "name": "Kettle", "stars": 4.5},
        {"id": lamp.pk, "name": "Lamp", "stars": 3.0},
    ]}


def test_a_second_request_runs_no_query(client, django_assert_num_queries):
    kettle, *_ = make_catalog()
    first = get_json(client, f"/products/{kettle.pk}/")
    top = get_json(client, "/products/top/")
    with django_assert_num_queries(0):
        assert get_json(client, f"/products/{kettle.pk}/") == first
        assert get_json(client, "/products/top/") == top


@pytest.mark.help(
    "Point CACHES at the Redis server (BACKEND django.core.cache.backends.redis.RedisCache or "
    "django_redis.cache.RedisCache, LOCATION os.environ['REDIS_URL']) with KEY_PREFIX 'catalog' "
    "and VERSION 2; cache under the keys product:<id> and products:top."
)
def test_the_entries_are_in_redis_under_the_prefix_and_version(client, server):
    kettle, *_ = make_catalog()
    get_json(client, f"/products/{kettle.pk}/")
    assert keys(server) == [f"catalog:2:product:{kettle.pk}"], "the keys on the Redis server"
    get_json(client, "/products/top/")
    assert keys(server) == [f"catalog:2:product:{kettle.pk}", "catalog:2:products:top"], "the keys on the Redis server"


def test_an_unknown_product_is_404_and_not_cached(client, server):
    kettle, *_ = make_catalog()
    get_json(client, f"/products/{kettle.pk}/")
    assert get_json(client, "/products/999/", status=404) == {"error": "no such product"}
    assert keys(server) == [f"catalog:2:product:{kettle.pk}"], "the keys on the Redis server"


def test_the_entries_expire_after_their_timeouts(client, server):
    kettle, *_ = make_catalog()
    get_json(client, f"/products/{kettle.pk}/")
    get_json(client, "/products/top/")
    product_ttl = server.ttl(f"catalog:2:product:{kettle.pk}")
    assert 900 - 10 < product_ttl <= 900, f"TTL {product_ttl} of the product's entry (-1 is never, -2 missing), not 15 minutes"
    top_ttl = server.ttl("catalog:2:products:top")
    assert 60 - 10 < top_ttl <= 60, f"TTL {top_ttl} of the top products' entry (-1 is never, -2 missing), not 60 s"


@pytest.mark.hidden
def test_an_empty_top_list_is_cached_too(client, server, django_assert_num_queries):
    """No product has a review yet: an empty list is a value worth caching, so test for a missing entry (None), not a falsy one."""
    Product.objects.create(name="Desk", price_cents=19900)
    assert get_json(client, "/products/top/") == {"products": []}
    with django_assert_num_queries(0):
        assert get_json(client, "/products/top/") == {"products": []}


def test_saving_a_product_drops_its_entry_and_the_top_only(client, server):
    kettle, lamp, *_ = make_catalog()
    for url in (f"/products/{kettle.pk}/", f"/products/{lamp.pk}/", "/products/top/"):
        get_json(client, url)
    kettle.name = "Steel kettle"
    kettle.save()
    assert keys(server) == [f"catalog:2:product:{lamp.pk}"], "the keys on the Redis server"
    assert get_json(client, f"/products/{kettle.pk}/")["name"] == "Steel kettle"
    assert get_json(client, "/products/top/")["products"][1]["name"] == "Steel kettle"


def test_a_new_review_refreshes_its_product_and_the_top(client):
    kettle, lamp, *_ = make_catalog()
    get_json(client, f"/products/{lamp.pk}/")
    get_json(client, "/products/top/")
    Review.objects.create(product=lamp, stars=5)
    Review.objects.create(product=lamp, stars=5)
    assert get_json(client, f"/products/{lamp.pk}/") == summary(lamp, 3, 4.3)
    assert [p["name"] for p in get_json(client, "/products/top/")["products"]] == ["Chair", "Kettle", "Lamp"]


def test_changed_and_deleted_reviews_refresh_their_product(client):
    kettle, *_ = make_catalog()
    get_json(client, f"/products/{kettle.pk}/")
    review = kettle.reviews.get(stars=4)
    review.stars = 1
    review.save()
    assert get_json(client, f"/products/{kettle.pk}/") == summary(kettle, 2, 3.0)
    kettle.reviews.filter(stars=5).delete()
    assert get_json(client, f"/products/{kettle.pk}/") == summary(kettle, 1, 1.0)


def test_a_deleted_product_is_404_at_once(client):
    kettle, *_ = make_catalog()
    get_json(client, f"/products/{kettle.pk}/")
    assert kettle.name in [p["name"] for p in get_json(client, "/products/top/")["products"]]
    pk = kettle.pk
    kettle.delete()
    get_json(client, f"/products/{pk}/", status=404)
    assert "Kettle" not in [p["name"] for p in get_json(client, "/products/top/")["products"]]


@pytest.mark.help(
    "cache.clear() on Redis is FLUSHDB: it empties the whole database, every other user's keys "
    "with it. Delete the entries that changed, by their keys."
)
def test_invalidating_leaves_other_users_of_the_server_alone(client, server):
    server.set("sessions:7f3e", "another project's session", ex=3600)
    kettle, lamp, *_ = make_catalog()
    get_json(client, f"/products/{lamp.pk}/")
    Review.objects.create(product=kettle, stars=2)
    kettle.delete()
    assert keys(server) == [f"catalog:2:product:{lamp.pk}", "sessions:7f3e"], "the keys on the Redis server"


@pytest.mark.hidden
def test_entries_of_the_previous_release_are_not_read(client, server):
    """While a deploy rolls out, the previous release (VERSION 1) still writes entries of its own shape: VERSION 2 must keep yours apart."""
    kettle, *_ = make_catalog()
    old_shape = {"id": kettle.pk, "title": "Kettle", "price": "25.99"}
    server.set(f"catalog:1:product:{kettle.pk}", pickle.dumps(old_shape), ex=900)
    assert get_json(client, f"/products/{kettle.pk}/") == summary(kettle, 2, 4.5)


@pytest.mark.django_db(transaction=True)
def test_a_second_process_is_served_from_the_same_cache(client):
    kettle, *_ = make_catalog()
    expected = get_json(client, f"/products/{kettle.pk}/")
    other = second_worker("get", f"/products/{kettle.pk}/")
    assert other == {"status": 200, "json": expected, "queries": 0}


@pytest.mark.django_db(transaction=True)
def test_a_change_made_by_a_second_process_is_seen_by_this_one(client):
    kettle, *_ = make_catalog()
    assert get_json(client, f"/products/{kettle.pk}/")["price_cents"] == 2599
    second_worker("reprice", str(kettle.pk), "1999")
    assert get_json(client, f"/products/{kettle.pk}/") == summary(kettle, 2, 4.5, price=1999)
