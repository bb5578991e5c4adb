from datetime import datetime, timedelta, timezone

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from shop import stats
from shop.models import Category, Product

pytestmark = pytest.mark.django_db


def run(function):
    """Call function(); return its result and how many queries it ran."""
    with CaptureQueriesContext(connection) as context:
        result = function()
    return result, len(context.captured_queries)


def make_shop():
    """Books 3 products, Games 1, Garden none. Stock value 2*1500 + 1*2000 + 0*999 + 4*4500."""
    books = Category.objects.create(name="Books")
    games = Category.objects.create(name="Games")
    Category.objects.create(name="Garden")
    Product.objects.create(name="Dune", category=books, price_cents=1500, quantity=2)
    Product.objects.create(name="Emma", category=books, price_cents=2000, quantity=1)
    Product.objects.create(name="Ulysses", category=books, price_cents=999, quantity=0)
    Product.objects.create(name="Chess", category=games, price_cents=4500, quantity=4)
    return books, games


def test_stock_value_sums_price_times_quantity():
    cache.clear()
    make_shop()
    assert stats.stock_value() == 3000 + 2000 + 0 + 18000


def test_category_counts_include_empty_categories():
    cache.clear()
    make_shop()
    assert stats.category_counts() == {"Books": 3, "Games": 1, "Garden": 0}


def test_a_second_call_runs_no_query():
    cache.clear()
    make_shop()
    first, first_queries = run(stats.stock_value)
    second, second_queries = run(stats.stock_value)
    assert (first, second) == (23000, 23000)
    assert first_queries >= 1
    assert second_queries == 0
    counts, first_queries = run(stats.category_counts)
    again, second_queries = run(stats.category_counts)
    assert again == counts == {"Books": 3, "Games": 1, "Garden": 0}
    assert second_queries == 0


def test_the_stats_are_stored_in_djangos_cache():
    cache.clear()
    make_shop()
    stats.stock_value()
    stats.category_counts()
    cache.clear()
    _, queries = run(stats.stock_value)
    assert queries >= 1
    _, queries = run(stats.category_counts)
    assert queries >= 1


@pytest.mark.hidden
def test_an_empty_result_is_cached_too():
    """A stock value of 0 or no categories at all are values worth caching: test for a missing entry, not a falsy one."""
    cache.clear()
    assert stats.stock_value() == 0
    assert run(stats.stock_value) == (0, 0)
    assert stats.category_counts() == {}
    assert run(stats.category_counts) == ({}, 0)


def test_a_new_product_refreshes_the_stats():
    cache.clear()
    books, _ = make_shop()
    stats.stock_value()
    stats.category_counts()
    Product.objects.create(name="Kim", category=books, price_cents=1000, quantity=3)
    assert stats.stock_value() == 26000
    assert stats.category_counts() == {"Books": 4, "Games": 1, "Garden": 0}


def test_a_changed_product_refreshes_the_stats():
    cache.clear()
    make_shop()
    stats.stock_value()
    stats.category_counts()
    chess = Product.objects.get(name="Chess")
    chess.quantity = 1
    chess.category = Category.objects.get(name="Garden")
    chess.save()
    assert stats.stock_value() == 9500
    assert stats.category_counts() == {"Books": 3, "Games": 0, "Garden": 1}


def test_a_deleted_product_refreshes_the_stats():
    cache.clear()
    make_shop()
    stats.stock_value()
    stats.category_counts()
    Product.objects.get(name="Dune").delete()
    assert stats.stock_value() == 20000
    assert stats.category_counts() == {"Books": 2, "Games": 1, "Garden": 0}


def test_deleting_through_a_queryset_refreshes_the_stats():
    cache.clear()
    make_shop()
    stats.stock_value()
    stats.category_counts()
    Product.objects.filter(category__name="Books").delete()
    assert stats.stock_value() == 18000
    assert stats.category_counts() == {"Books": 0, "Games": 1, "Garden": 0}


def test_a_renamed_or_deleted_category_refreshes_the_counts():
    cache.clear()
    _, games = make_shop()
    assert stats.category_counts() == {"Books": 3, "Games": 1, "Garden": 0}
    games.name = "Board games"
    games.save()
    assert stats.category_counts() == {"Books": 3, "Board games": 1, "Garden": 0}
    Category.objects.get(name="Garden").delete()
    assert stats.category_counts() == {"Books": 3, "Board games": 1}


def test_the_stats_expire_after_ten_minutes():
    cache.clear()
    make_shop()
    start = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
    with freeze_time(start) as clock:
        stats.stock_value()
        stats.category_counts()
        clock.move_to(start + timedelta(minutes=9))
        assert run(stats.stock_value) == (23000, 0)
        assert run(stats.category_counts)[1] == 0
        clock.move_to(start + timedelta(minutes=10, seconds=1))
        assert run(stats.stock_value)[1] >= 1
        assert run(stats.category_counts)[1] >= 1
