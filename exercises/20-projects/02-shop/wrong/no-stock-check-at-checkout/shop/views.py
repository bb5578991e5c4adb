from decimal import Decimal

from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from shop.models import CartItem, Order, OrderItem, Product


# Helpers ------------------------------------------------------------------

def error(message, status):
    return JsonResponse({"error": message}, status=status)


def money(amount):
    """A Decimal as text with exactly two decimals: Decimal("7.5") -> "7.50"."""
    return str(Decimal(amount).quantize(Decimal("0.01")))


def login_required_json(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return error("login required", 401)
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


def positive_int(text):
    """The whole number in text if it is 1 or more, else None."""
    try:
        value = int(text)
    except (TypeError, ValueError):
        return None
    return value if value >= 1 else None


def product_json(product):
    return {"id": product.id, "name": product.name, "price": money(product.price), "stock": product.stock}


def cart_lines(user):
    return list(user.cart_items.select_related("product").order_by("product__name", "product_id"))


def cart_json(user):
    lines = cart_lines(user)
    return {
        "items": [
            {
                "product": line.product_id,
                "name": line.product.name,
                "unit_price": money(line.product.price),
                "quantity": line.quantity,
                "line_total": money(line.line_total),
            }
            for line in lines
        ],
        "total": money(sum((line.line_total for line in lines), Decimal("0"))),
    }


def order_json(order):
    items = order.items.select_related("product").order_by("id")
    return {
        "id": order.id,
        "created_at": order.created_at.isoformat(),
        "total": money(order.total),
        "items": [
            {
                "product": item.product_id,
                "name": item.product.name,
                "quantity": item.quantity,
                "unit_price": money(item.unit_price),
                "line_total": money(item.line_total),
            }
            for item in items
        ],
    }


# Step 2: the catalogue ------------------------------------------------------

@require_GET
def product_list(request):
    products = Product.objects.filter(active=True).order_by("name", "id")
    return JsonResponse({"products": [product_json(p) for p in products]})


@require_GET
def product_detail(request, product_id):
    product = Product.objects.filter(pk=product_id, active=True).first()
    if product is None:
        return error("not found", 404)
    return JsonResponse(product_json(product))


# Step 3: the cart -----------------------------------------------------------

@require_GET
@login_required_json
def cart(request):
    return JsonResponse(cart_json(request.user))


@require_POST
@login_required_json
def cart_add(request):
    product = Product.objects.filter(pk=positive_int(request.POST.get("product")), active=True).first()
    if product is None:
        return error("no such product", 404)
    quantity = positive_int(request.POST.get("quantity", "1"))
    if quantity is None:
        return error("quantity must be a whole number of at least 1", 400)
    line = CartItem.objects.filter(user=request.user, product=product).first()
    wanted = quantity + (line.quantity if line else 0)
    if wanted > product.stock:
        return error(f"only {product.stock} in stock", 409)
    if line is None:
        CartItem.objects.create(user=request.user, product=product, quantity=wanted)
    else:
        line.quantity = wanted
        line.save()
    return JsonResponse(cart_json(request.user))


@require_POST
@login_required_json
def cart_remove(request):
    deleted, _ = CartItem.objects.filter(user=request.user, product_id=positive_int(request.POST.get("product"))).delete()
    if not deleted:
        return error("that product is not in your cart", 404)
    return JsonResponse(cart_json(request.user))


# Step 4: orders -------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@login_required_json
def orders(request):
    if request.method == "POST":
        return checkout(request)
    rows = request.user.orders.order_by("-created_at", "-id")
    return JsonResponse({
        "orders": [
            {"id": o.id, "created_at": o.created_at.isoformat(), "total": money(o.total)}
            for o in rows
        ]
    })


def checkout(request):
    # All or nothing: if any line cannot be sold, nothing at all changes.
    with transaction.atomic():
        lines = cart_lines(request.user)
        if not lines:
            return error("your cart is empty", 400)
        # Read the stock again, locked, at the moment of buying: it may have
        # changed since the products went into the cart.
        products = Product.objects.select_for_update().in_bulk([line.product_id for line in lines])
        for line in lines:
            product = products[line.product_id]
            if not product.active:
                return error(f"{product.name} is no longer sold", 409)
        total = sum((products[line.product_id].price * line.quantity for line in lines), Decimal("0"))
        order = Order.objects.create(user=request.user, total=total)
        for line in lines:
            product = products[line.product_id]
            OrderItem.objects.create(order=order, product=product, quantity=line.quantity, unit_price=product.price)
            product.stock -= line.quantity
            product.save(update_fields=["stock"])
        request.user.cart_items.all().delete()
    order.refresh_from_db()
    return JsonResponse(order_json(order), status=201)


@require_GET
@login_required_json
def order_detail(request, order_id):
    # Somebody else's order does not exist, as far as this user knows.
    order = request.user.orders.filter(pk=order_id).first()
    if order is None:
        return error("not found", 404)
    return JsonResponse(order_json(order))
