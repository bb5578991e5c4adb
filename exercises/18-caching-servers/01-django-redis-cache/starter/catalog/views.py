from django.core.cache import cache  # noqa: F401
from django.http import JsonResponse

from catalog import queries


def product_detail(request, pk):
    """GET /products/<pk>/: the product's summary, or a 404."""
    summary = queries.product_summary(pk)
    if summary is None:
        return JsonResponse({"error": "no such product"}, status=404)
    return JsonResponse(summary)


def top_products(request):
    """GET /products/top/: the five best-rated products."""
    return JsonResponse({"products": queries.top_products()})
