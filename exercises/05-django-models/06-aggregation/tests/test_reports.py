from decimal import Decimal

import pytest
from django.db.models import QuerySet

from shop import reports
from shop.models import Category, Product, Review

pytestmark = pytest.mark.django_db

# category: [(product, price, stock, ratings of its reviews)]
SHOP = {
    "Lighting": [
        ("Desk lamp", "24.90", 10, [5, 4, 4]),
        ("Floor lamp", "89.00", 3, [5, 5]),
        ("Light bulb", "3.50", 200, []),
    ],
    "Furniture": [
        ("Chair", "49.00", 0, [3]),
        ("Table", "249.00", 2, [4, 5, 3]),
    ],
    "Stationery": [
        ("Notebook", "4.20", 120, [5, 4, 5, 4]),
        ("Pencil", "0.80", 500, [4, 4]),
    ],
    "Garden": [],
}


def make_shop():
    for category_name, products in SHOP.items():
        category = Category.objects.create(name=category_name)
        for name, price, stock, ratings in products:
            product = Product.objects.create(name=name, category=category, price=Decimal(price), stock=stock)
            for rating in ratings:
                Review.objects.create(product=product, rating=rating)


def checked(result):
    assert result is not None, "the function returned None"
    return result


def counts(categories):
    """[(name, product_count, review_count)] of annotated categories."""
    return [(c.name, c.product_count, c.review_count) for c in checked(categories)]


def ratings(products):
    """[(name, average rating rounded to 2 places, review_count)] of annotated products."""
    return [(p.name, round(p.average_rating, 2), p.review_count) for p in checked(products)]


def test_summary_of_the_shop():
    make_shop()
    assert reports.summary() == {
        "products": 7,
        "cheapest": Decimal("0.80"),
        "dearest": Decimal("249.00"),
        "units": 835,
    }


def test_summary_is_a_single_query(django_assert_num_queries):
    make_shop()
    with django_assert_num_queries(1):
        reports.summary()


@pytest.mark.hidden
def test_summary_of_an_empty_shop():
    """With no products, summary() must give 0 products and 0 units (not None), and None prices."""
    assert reports.summary() == {"products": 0, "cheapest": None, "dearest": None, "units": 0}


def test_categories_count_their_products_and_reviews():
    make_shop()
    assert counts(reports.categories()) == [
        ("Furniture", 2, 4),
        ("Garden", 0, 0),
        ("Lighting", 3, 5),
        ("Stationery", 2, 6),
    ]


def test_a_new_category_has_no_products_and_no_reviews():
    make_shop()
    Category.objects.create(name="Books")
    assert counts(reports.categories())[0] == ("Books", 0, 0)


def test_categories_is_a_single_query(django_assert_num_queries):
    make_shop()
    with django_assert_num_queries(1):
        counts(reports.categories())


def test_top_rated_best_first_ties_by_name():
    make_shop()
    assert ratings(reports.top_rated()) == [
        ("Floor lamp", 5.0, 2),
        ("Notebook", 4.5, 4),
        ("Desk lamp", 4.33, 3),
        ("Pencil", 4.0, 2),
        ("Table", 4.0, 3),
        ("Chair", 3.0, 1),
    ]


def test_top_rated_leaves_out_products_without_reviews():
    make_shop()
    assert "Light bulb" not in [name for name, _, _ in ratings(reports.top_rated())]


def test_top_rated_with_a_minimum_number_of_reviews():
    make_shop()
    assert ratings(reports.top_rated(min_reviews=3)) == [
        ("Notebook", 4.5, 4),
        ("Desk lamp", 4.33, 3),
        ("Table", 4.0, 3),
    ]
    assert ratings(reports.top_rated(min_reviews=5)) == []


def test_a_new_review_changes_the_ranking():
    make_shop()
    Review.objects.create(product=Product.objects.get(name="Floor lamp"), rating=1)
    assert ratings(reports.top_rated(min_reviews=3)) == [
        ("Notebook", 4.5, 4),
        ("Desk lamp", 4.33, 3),
        ("Table", 4.0, 3),
        ("Floor lamp", 3.67, 3),
    ]


def test_categories_and_top_rated_return_querysets():
    make_shop()
    for result, model in ((reports.categories(), Category), (reports.top_rated(), Product)):
        assert isinstance(result, QuerySet)
        assert result.model == model
