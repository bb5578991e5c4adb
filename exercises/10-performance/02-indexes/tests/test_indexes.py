import re
from datetime import datetime, timedelta, timezone

import pytest
from django.db import IntegrityError, connection, transaction

from shop import queries
from shop.models import Order

pytestmark = pytest.mark.django_db

START = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
STATUSES = ["open", "paid", "shipped", "cancelled"]


def make_orders(count=200):
    Order.objects.bulk_create(
        Order(
            reference=f"A-{10000 + i}",
            customer_email=f"customer{i % 37}@example.com",
            status=STATUSES[i % 4],
            created_at=START + timedelta(minutes=7 * i),
            total_cents=1000 + 13 * i,
            note="gift wrap" if i % 5 == 0 else "",
        )
        for i in range(count)
    )


def plan(queryset):
    """The lines of SQLite's EXPLAIN QUERY PLAN for a queryset, with the
    leading ids dropped and every index name replaced by "<index>"."""
    lines = []
    for line in queryset.explain().splitlines():
        line = re.sub(r"^\d+ \d+ \d+ ", "", line.strip())
        line = re.sub(r"USING (COVERING )?INDEX \S+", "USING INDEX <index>", line)
        lines.append(line)
    return lines


def indexes():
    """{name: columns} for every index and unique constraint on shop_order
    (not the primary key)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "shop_order")
    return {
        name: info["columns"]
        for name, info in constraints.items()
        if (info["index"] or info["unique"]) and not info["primary_key"]
    }


def test_orders_for_a_customer_are_found_through_an_index():
    make_orders()
    assert plan(queries.orders_for_customer("customer3@example.com")) == [
        "SEARCH shop_order USING INDEX <index> (customer_email=?)"
    ]


def test_an_order_is_found_by_its_reference_through_an_index():
    make_orders()
    assert plan(queries.find_by_reference("A-10042")) == [
        "SEARCH shop_order USING INDEX <index> (reference=?)"
    ]


def test_two_orders_cannot_share_a_reference():
    make_orders(3)
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            Order.objects.create(
                reference="A-10001",
                customer_email="someone@example.com",
                status="open",
                created_at=START,
                total_cents=500,
            )


def test_latest_orders_with_a_status_need_no_separate_sort():
    make_orders()
    assert plan(queries.latest_with_status("open")) == [
        "SEARCH shop_order USING INDEX <index> (status=?)"
    ]


def test_the_queries_still_give_the_right_orders():
    make_orders(40)
    assert [o.reference for o in queries.find_by_reference("A-10007")] == ["A-10007"]
    assert sorted(o.reference for o in queries.orders_for_customer("customer2@example.com")) == [
        "A-10002", "A-10039",
    ]
    assert [o.reference for o in queries.latest_with_status("paid")][:3] == [
        "A-10037", "A-10033", "A-10029",
    ]


def test_columns_no_query_looks_up_have_no_index():
    indexed = sorted({column for columns in indexes().values() for column in columns})
    unneeded = [column for column in indexed if column in ("total_cents", "note")]
    assert unneeded == []
    assert [column for column in ("customer_email", "reference", "status") if column not in indexed] == []


@pytest.mark.hidden
def test_the_reference_is_indexed_only_once():
    """A unique column already has an index: a second index on it only slows writes down."""
    on_reference = sorted(name for name, columns in indexes().items() if columns == ["reference"])
    assert len(on_reference) == 1
