import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop import bulk
from shop.models import Product

pytestmark = pytest.mark.django_db


def run(function, *args):
    """Call function(*args); return its result and the SQL of every query it ran."""
    with CaptureQueriesContext(connection) as context:
        result = function(*args)
    return result, [query["sql"] for query in context.captured_queries]


def summary(queries):
    """The queries, alike ones counted together, for a readable failure."""
    counts = {}
    for sql in queries:
        shape = re.sub(r"^SELECT .*? FROM ", "SELECT ... FROM ", sql)
        shape = re.sub(r"'[^']*'", "?", shape)
        shape = re.sub(r"\b\d+\b", "?", shape)
        shape = re.sub(r"\(\?(, \?)+\)", "(?, ...)", shape)
        shape = shape if len(shape) <= 160 else shape[:157] + "..."
        counts[shape] = counts.get(shape, 0) + 1
    lines = ["%4d x %s" % (n, shape) for shape, n in counts.items()]
    return "%d queries:\n%s" % (len(queries), "\n".join(lines))


def rows(count, category="books", start=0):
    return [
        {"sku": f"BK-{i:04}", "name": f"Book {i}", "category": category, "price_cents": 1000 + i}
        for i in range(start, start + count)
    ]


def make_products():
    Product.objects.bulk_create(
        [
            Product(sku="BK-0001", name="Dune", category="books", price_cents=1999, stock=3),
            Product(sku="BK-0002", name="Emma", category="books", price_cents=999, stock=0),
            Product(sku="BK-0003", name="Kim", category="books", price_cents=1, stock=7),
            Product(sku="GM-0001", name="Chess", category="games", price_cents=4500, stock=2),
            Product(sku="GM-0002", name="Go", category="games", price_cents=3000, stock=1),
        ]
    )


def table():
    """{sku: (price_cents, stock)} as the database holds it now."""
    return {p.sku: (p.price_cents, p.stock) for p in Product.objects.all()}


def test_import_products_creates_every_row():
    created = bulk.import_products(rows(3))
    assert created == 3
    assert list(Product.objects.order_by("sku").values("sku", "name", "category", "price_cents", "stock")) == [
        {"sku": "BK-0000", "name": "Book 0", "category": "books", "price_cents": 1000, "stock": 0},
        {"sku": "BK-0001", "name": "Book 1", "category": "books", "price_cents": 1001, "stock": 0},
        {"sku": "BK-0002", "name": "Book 2", "category": "books", "price_cents": 1002, "stock": 0},
    ]


def test_import_products_inserts_150_rows_in_one_query():
    created, queries = run(bulk.import_products, rows(150))
    assert created == 150
    count = len(queries)
    assert count == 1, summary(queries)
    assert Product.objects.count() == 150


def test_importing_nothing_creates_nothing():
    created, queries = run(bulk.import_products, [])
    assert created == 0
    count = len(queries)
    assert count <= 1, summary(queries)
    assert Product.objects.count() == 0


def test_apply_discount_lowers_prices_in_one_category_in_one_query():
    make_products()
    changed, queries = run(bulk.apply_discount, "books", 20)
    assert changed == 3
    count = len(queries)
    assert count == 1, summary(queries)
    assert table() == {
        "BK-0001": (1599, 3),  # 1999 * 0.8 = 1599.2, rounded down
        "BK-0002": (799, 0),  # 799.2
        "BK-0003": (0, 7),  # 0.8
        "GM-0001": (4500, 2),
        "GM-0002": (3000, 1),
    }


def test_apply_discount_of_zero_and_of_a_hundred_percent():
    make_products()
    assert bulk.apply_discount("games", 0) == 2
    assert table()["GM-0001"] == (4500, 2)
    assert bulk.apply_discount("games", 100) == 2
    assert table()["GM-0001"] == (0, 2)
    assert bulk.apply_discount("garden", 50) == 0


def test_apply_discount_rejects_a_percent_outside_0_to_100():
    make_products()
    for percent in (-5, 101):
        with pytest.raises(ValueError):
            bulk.apply_discount("books", percent)
    assert table()["BK-0001"] == (1999, 3)


def test_restock_adds_to_the_stock_in_one_query():
    make_products()
    changed, queries = run(bulk.restock, ["BK-0002", "GM-0001", "XX-9999"], 5)
    assert changed == 2
    count = len(queries)
    assert count == 1, summary(queries)
    assert table() == {
        "BK-0001": (1999, 3),
        "BK-0002": (999, 5),
        "BK-0003": (1, 7),
        "GM-0001": (4500, 7),
        "GM-0002": (3000, 1),
    }


def test_restock_takes_one_query_for_forty_products():
    bulk_rows = rows(40)
    Product.objects.bulk_create(Product(**row, stock=i) for i, row in enumerate(bulk_rows))
    changed, queries = run(bulk.restock, [row["sku"] for row in bulk_rows], 2)
    assert changed == 40
    count = len(queries)
    assert count == 1, summary(queries)
    assert sorted(Product.objects.values_list("stock", flat=True))[:3] == [2, 3, 4]


@pytest.mark.hidden
def test_a_sale_made_while_restocking_is_not_lost():
    """Another request sells one item while restock runs: add to the stock in the database, not to a copy you read earlier."""
    make_products()
    queries = []

    def sell_one_before_the_second_query(execute, sql, params, many, context):
        queries.append(sql)
        if len(queries) == 2:
            sell_one()
        return execute(sql, params, many, context)

    def sell_one():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE shop_product SET stock = stock - 1 WHERE sku = 'BK-0001'")

    with connection.execute_wrapper(sell_one_before_the_second_query):
        bulk.restock(["BK-0001"], 10)
    if len(queries) < 2:
        sell_one()  # restock was over before the sale
    assert table()["BK-0001"] == (1999, 3 + 10 - 1)


def test_set_prices_updates_each_product_and_returns_unknown_skus():
    make_products()
    unknown = bulk.set_prices({"GM-0002": 2500, "ZZ-0001": 100, "BK-0001": 2099, "AA-0001": 5})
    assert unknown == ["AA-0001", "ZZ-0001"]
    assert table() == {
        "BK-0001": (2099, 3),
        "BK-0002": (999, 0),
        "BK-0003": (1, 7),
        "GM-0001": (4500, 2),
        "GM-0002": (2500, 1),
    }


def test_set_prices_takes_at_most_two_queries_for_sixty_products():
    bulk_rows = rows(60)
    Product.objects.bulk_create(Product(**row) for row in bulk_rows)
    prices = {row["sku"]: 500 + i for i, row in enumerate(bulk_rows)}
    unknown, queries = run(bulk.set_prices, prices)
    assert unknown == []
    count = len(queries)
    assert count <= 2, summary(queries)
    assert dict(Product.objects.values_list("sku", "price_cents")) == prices


def test_set_prices_with_nothing_to_do():
    make_products()
    unknown, queries = run(bulk.set_prices, {})
    assert unknown == []
    count = len(queries)
    assert count <= 2, summary(queries)
    assert bulk.set_prices({"NO-0001": 1}) == ["NO-0001"]
    assert table()["BK-0001"] == (1999, 3)
