import pytest
from django.db import connections, router

from analytics.models import PageView, Visit
from project.routers import AnalyticsRouter
from shop.models import Order, Product

pytestmark = pytest.mark.django_db(databases=["default", "analytics"])


def tables(alias):
    """The names of the tables in a database, sorted."""
    with connections[alias].cursor() as cursor:
        return sorted(connections[alias].introspection.table_names(cursor))


def count_rows(alias, table):
    """How many rows table holds in that database (None if it has no such table)."""
    if table not in tables(alias):
        return None
    with connections[alias].cursor() as cursor:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        return cursor.fetchone()[0]


def record_visit(pages=("/", "/products/7/")):
    visit = Visit.objects.create(session_key="abc123")
    for path in pages:
        PageView.objects.create(visit=visit, path=path)
    return visit


def test_page_views_and_visits_are_stored_in_the_analytics_database():
    record_visit()
    assert count_rows("analytics", "analytics_visit") == 1
    assert count_rows("analytics", "analytics_pageview") == 2


def test_products_and_orders_are_stored_in_the_default_database():
    product = Product.objects.create(name="Desk lamp")
    Order.objects.create(product=product, quantity=2)
    assert count_rows("default", "shop_product") == 1
    assert count_rows("default", "shop_order") == 1
    assert count_rows("analytics", "shop_product") is None


def test_analytics_queries_go_to_the_analytics_database():
    visit = record_visit(["/a", "/b", "/c"])
    assert PageView.objects.all().db == "analytics"
    assert Visit.objects.all().db == "analytics"
    assert PageView.objects.count() == 3
    assert sorted(visit.page_views.values_list("path", flat=True)) == ["/a", "/b", "/c"]
    assert visit._state.db == "analytics"


def test_shop_queries_go_to_the_default_database():
    Product.objects.create(name="Desk lamp")
    assert Product.objects.all().db == "default"
    assert Order.objects.all().db == "default"
    assert PageView.objects.all().db == "analytics"
    assert list(Product.objects.values_list("name", flat=True)) == ["Desk lamp"]


def test_django_asks_the_router_for_each_model():
    assert router.db_for_read(PageView) == "analytics"
    assert router.db_for_write(Visit) == "analytics"
    assert router.db_for_read(Product) == "default"
    assert router.db_for_write(Order) == "default"


def test_the_analytics_database_holds_only_analytics_tables():
    assert tables("analytics") == ["analytics_pageview", "analytics_visit"]


def test_the_default_database_holds_no_analytics_tables():
    default = tables("default")
    assert [name for name in default if name.startswith("analytics_")] == []
    assert {"auth_user", "django_content_type", "shop_order", "shop_product"} <= set(default)


def test_allow_migrate_answers_per_app_and_database():
    r = AnalyticsRouter()
    assert r.allow_migrate("analytics", "analytics", model_name="pageview") is True
    assert r.allow_migrate("default", "analytics", model_name="pageview") is False
    assert r.allow_migrate("analytics", "shop", model_name="product") is False
    assert r.allow_migrate("analytics", "auth", model_name="user") is False
    assert r.allow_migrate("default", "shop", model_name="product") in (None, True)


def test_relations_inside_one_database_are_allowed():
    assert router.allow_relation(Visit(), PageView()) is True
    assert router.allow_relation(Product(), Order()) is True
    assert AnalyticsRouter().allow_relation(PageView(), Visit()) is True


@pytest.mark.hidden
def test_relations_across_the_two_databases_are_refused():
    """An object of the analytics app and one of any other app must never be linked: answer False for such a pair."""
    assert router.allow_relation(Product(), PageView()) is False
    assert router.allow_relation(Visit(), Order()) is False
    assert AnalyticsRouter().allow_relation(PageView(), Product()) is False


def test_the_router_has_no_opinion_on_other_apps():
    r = AnalyticsRouter()
    assert r.db_for_read(PageView) == "analytics"
    assert r.db_for_read(Product) in (None, "default")
    assert r.db_for_write(Order) in (None, "default")
    assert r.allow_relation(Product(), Order()) in (None, True)
