from decimal import Decimal

from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from shop.models import CartItem, Order, OrderItem, Product


def error(message, status):
    """A JSON error answer: {"error": message} with the given status code."""
    return JsonResponse({"error": message}, status=status)


def money(amount):
    """A Decimal as text with exactly two decimals: Decimal("7.5") -> "7.50"."""
    return str(Decimal(amount).quantize(Decimal("0.01")))


# Step 2: product_list, product_detail
# Step 3: cart, cart_add, cart_remove
# Step 4: orders (GET lists, POST orders the cart), order_detail
#
# README.md lists what each one receives and answers.
