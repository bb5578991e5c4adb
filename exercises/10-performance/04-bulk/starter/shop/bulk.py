from django.db.models import F  # noqa: F401

from shop.models import Product  # noqa: F401


def import_products(rows):
    """Create a Product for each row, a dict with sku, name, category and
    price_cents (stock starts at 0), in ONE query. Return how many were
    created."""
    return None


def apply_discount(category, percent):
    """Lower the price of every product in category by percent (0 to 100),
    rounded down to a whole cent, in ONE query. Raise ValueError for a
    percent outside 0..100. Return how many products changed."""
    return None


def restock(skus, amount):
    """Add amount to the stock of the products with these skus, in ONE
    query. Unknown skus are ignored. Return how many products changed."""
    return None


def set_prices(prices):
    """prices is {sku: new price_cents}. Give each of those products its new
    price in at most TWO queries. Return the skus that match no product,
    sorted."""
    return None
