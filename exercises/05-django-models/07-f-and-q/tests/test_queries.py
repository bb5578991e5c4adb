from decimal import Decimal

import pytest
from django.db.models import QuerySet

from store import queries
from store.models import Product

pytestmark = pytest.mark.django_db

# name, description, price, sale price, stock, reorder level, discontinued
PRODUCTS = [
    ("Desk lamp", "A warm LED lamp for your desk", "24.90", "19.90", 12, 5, False),
    ("Floor lamp", "Tall lamp with a linen shade", "89.00", None, 5, 5, False),
    ("Notebook", "A5, dotted pages", "4.20", "3.20", 3, 20, False),
    ("Pencil", "HB graphite", "0.80", "0.80", 500, 100, False),
    ("Lamp shade", "Linen, fits the floor lamp", "15.00", "10.00", 0, 2, False),
    ("Old lamp", "Brass, with a linen shade", "30.00", "10.00", 0, 5, True),
    ("Stapler", "Staples up to 20 sheets", "7.50", "9.00", 6, 5, False),
]


def make_store():
    made = {}
    for name, description, price, sale_price, stock, reorder_level, discontinued in PRODUCTS:
        made[name] = Product.objects.create(
            name=name,
            description=description,
            price=Decimal(price),
            sale_price=None if sale_price is None else Decimal(sale_price),
            stock=stock,
            reorder_level=reorder_level,
            discontinued=discontinued,
        )
    return made


def names(products):
    assert products is not None, "the function returned None instead of a QuerySet"
    return [p.name for p in products]


def stock(name):
    return Product.objects.get(name=name).stock


def test_needs_reorder_compares_stock_with_each_products_own_level():
    make_store()
    assert names(queries.needs_reorder()) == ["Floor lamp", "Lamp shade", "Notebook"]


def test_stock_exactly_at_the_reorder_level_needs_reorder():
    make_store()
    Product.objects.filter(name="Stapler").update(stock=5)
    assert "Stapler" in names(queries.needs_reorder())


def test_on_sale_has_a_sale_price_below_the_price():
    make_store()
    assert names(queries.on_sale()) == ["Desk lamp", "Lamp shade", "Notebook"]


def test_on_sale_gives_the_saving_biggest_first():
    make_store()
    savings = [(p.name, p.saving) for p in queries.on_sale()]
    assert savings == [("Desk lamp", Decimal("5.00")), ("Lamp shade", Decimal("5.00")), ("Notebook", Decimal("1.00"))]


def test_search_finds_the_term_in_the_name():
    make_store()
    assert names(queries.search("lamp")) == ["Desk lamp", "Floor lamp", "Lamp shade"]


def test_search_finds_the_term_in_the_description():
    make_store()
    assert names(queries.search("linen")) == ["Floor lamp", "Lamp shade"]
    assert names(queries.search("led")) == ["Desk lamp"]


def test_search_lists_a_product_once_when_both_match():
    make_store()
    assert names(queries.search("STAPLE")) == ["Stapler"]


def test_search_without_a_match_is_empty():
    make_store()
    assert names(queries.search("kettle")) == []


def test_discontinued_products_are_left_out():
    make_store()
    for result in (queries.needs_reorder(), queries.on_sale(), queries.search("brass")):
        assert "Old lamp" not in names(result)


def test_restock_adds_to_the_stock():
    made = make_store()
    restocked = queries.restock([made["Notebook"].pk, made["Lamp shade"].pk], 10)
    assert restocked == 2
    assert (stock("Notebook"), stock("Lamp shade"), stock("Desk lamp")) == (13, 10, 12)


def test_restock_of_unknown_products_restocks_nothing():
    make_store()
    assert queries.restock([9999], 10) == 0
    assert stock("Notebook") == 3


def test_restock_adds_to_what_the_database_holds_now():
    made = make_store()
    notebook = made["Notebook"]  # stock 3 in this Python object
    Product.objects.filter(pk=notebook.pk).update(stock=50)  # meanwhile, a delivery elsewhere
    queries.restock([notebook.pk], 5)
    assert stock("Notebook") == 55


@pytest.mark.hidden
def test_restock_is_a_single_update(django_assert_num_queries):
    """restock() must change the stock inside the database with a single UPDATE query, however many products."""
    made = make_store()
    ids = [p.pk for p in made.values()]
    with django_assert_num_queries(1) as captured:
        queries.restock(ids, 1)
    assert captured.captured_queries[0]["sql"].startswith("UPDATE")
    assert stock("Pencil") == 501


def test_the_queries_return_querysets():
    make_store()
    for result in (queries.needs_reorder(), queries.on_sale(), queries.search("lamp")):
        assert isinstance(result, QuerySet)
        assert result.model == Product
