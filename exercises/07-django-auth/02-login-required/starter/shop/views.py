from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from shop.catalogue import PRODUCTS


def home(request):
    """GET /: {"visits": n}, how many times this visitor (session) has
    opened this page, this visit included."""
    return JsonResponse({"visits": 0})


def cart(request):
    """GET /cart/ (logged-in users only): {"items": {code: quantity},
    "total": cents}."""
    return JsonResponse({"items": {}, "total": 0})


def add_to_cart(request):
    """POST /cart/add/ (logged-in users only) with product and an optional
    quantity (default 1): add to the cart kept in the session, then redirect
    to the cart."""
    return redirect("cart")
