from datetime import date

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

PRODUCTS = {
    1: {"slug": "desk-lamp", "name": "Desk lamp"},
    2: {"slug": "floor-lamp", "name": "Floor lamp"},
    42: {"slug": "towel", "name": "Towel"},
}


def index(request):
    return JsonResponse({"view": "index", "products": len(PRODUCTS)})


def product_detail(request, pk):
    if pk not in PRODUCTS:
        raise Http404("No such product")
    return JsonResponse({"view": "product_detail", "pk": pk, "pk_type": type(pk).__name__, **PRODUCTS[pk]})


def product_by_slug(request, slug):
    """Redirect to the product's own URL, /shop/products/<id>/ (404 for an unknown slug)."""
    for pk, product in PRODUCTS.items():
        if product["slug"] == slug:
            return redirect(reverse("catalog:product-detail", args=[pk]))
    raise Http404("No such product")


def events_on_day(request, day):
    return JsonResponse(
        {
            "view": "events_on_day",
            "day": str(day),
            "day_type": type(day).__name__,
            "weekday": day.strftime("%A") if isinstance(day, date) else None,
        }
    )
