"""The queries the shop runs all day long. Don't change them: give the
Order model in models.py the indexes that make them fast."""

from shop.models import Order


def orders_for_customer(email):
    """The "My orders" page: one customer's orders."""
    return Order.objects.filter(customer_email=email)


def find_by_reference(reference):
    """Customer service types in the number from an invoice."""
    return Order.objects.filter(reference=reference)


def latest_with_status(status):
    """The warehouse screen: orders with a status, newest first."""
    return Order.objects.filter(status=status).order_by("-created_at")
