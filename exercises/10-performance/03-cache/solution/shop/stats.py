from django.core.cache import cache
from django.db.models import Count, F, Sum

from shop.models import Category, Product

# One place for the keys, so signals.py deletes exactly what is stored here.
STOCK_VALUE_KEY = "stats:stock-value"
CATEGORY_COUNTS_KEY = "stats:category-counts"
ALL_KEYS = [STOCK_VALUE_KEY, CATEGORY_COUNTS_KEY]
TIMEOUT = 10 * 60  # seconds: a safety net should an invalidation ever be missed


def stock_value():
    """What everything in stock is worth, in cents: the sum of
    price_cents * quantity over all products (0 when there are none).
    Cache it for 10 minutes."""
    value = cache.get(STOCK_VALUE_KEY)
    # 0 is a valid value to have cached: compare with None, not truthiness.
    if value is None:
        total = Product.objects.aggregate(total=Sum(F("price_cents") * F("quantity")))["total"]
        value = total or 0
        cache.set(STOCK_VALUE_KEY, value, TIMEOUT)
    return value


def category_counts():
    """{category name: number of products in it}, for every category
    (0 for an empty one). Cache it for 10 minutes."""
    counts = cache.get(CATEGORY_COUNTS_KEY)
    if counts is None:
        rows = Category.objects.annotate(n=Count("products")).values_list("name", "n")
        counts = dict(rows)
        cache.set(CATEGORY_COUNTS_KEY, counts, TIMEOUT)
    return counts
