from django.core.cache import cache
from django.http import JsonResponse

from catalog import queries

# How long each entry may live, in seconds: the signals in catalog/signals.py
# drop an entry as soon as its data changes, and the timeout bounds what a
# missed invalidation (a queryset.update(), a change made outside Django)
# can cost.
PRODUCT_TIMEOUT = 15 * 60
TOP_TIMEOUT = 60
TOP_KEY = "products:top"


def product_key(pk):
    return f"product:{pk}"


def product_detail(request, pk):
    """GET /products/<pk>/: the product's summary, or a 404."""
    summary = cache.get(product_key(pk))
    if summary is None:
        summary = queries.product_summary(pk)
        if summary is None:
            return JsonResponse({"error": "no such product"}, status=404)
        cache.set(product_key(pk), summary, PRODUCT_TIMEOUT)
    return JsonResponse(summary)


def top_products(request):
    """GET /products/top/: the five best-rated products."""
    top = cache.get(TOP_KEY)
    if top is None:  # an empty list is a value worth caching too
        top = queries.top_products()
        cache.set(TOP_KEY, top, TOP_TIMEOUT)
    return JsonResponse({"products": top})
