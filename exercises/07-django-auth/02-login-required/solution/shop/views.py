from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from shop.catalogue import PRODUCTS


def home(request):
    """GET /: {"visits": n}, how many times this visitor (session) has
    opened this page, this visit included."""
    visits = request.session.get("visits", 0) + 1
    request.session["visits"] = visits
    return JsonResponse({"visits": visits})


@login_required
def cart(request):
    """GET /cart/ (logged-in users only): {"items": {code: quantity},
    "total": cents}."""
    items = request.session.get("cart", {})
    total = sum(PRODUCTS[code] * quantity for code, quantity in items.items())
    return JsonResponse({"items": items, "total": total})


@login_required
@require_POST
def add_to_cart(request):
    """POST /cart/add/ (logged-in users only) with product and an optional
    quantity (default 1): add to the cart kept in the session, then redirect
    to the cart."""
    code = request.POST.get("product", "")
    if code not in PRODUCTS:
        raise Http404("No such product.")
    try:
        quantity = int(request.POST.get("quantity", "1"))
    except ValueError:
        quantity = 0
    if quantity < 1:
        return JsonResponse({"error": "The quantity must be a whole number, at least 1."}, status=400)
    items = request.session.get("cart", {})
    items[code] = items.get(code, 0) + quantity
    # Assigning the key again marks the session as modified, so it is saved.
    request.session["cart"] = items
    return redirect("cart")
