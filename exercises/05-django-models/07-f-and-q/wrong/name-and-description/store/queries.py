# Write the four functions described in README.md (see store/models.py).
from django.db.models import F, Q

from store.models import Product


def available():
    return Product.objects.filter(~Q(discontinued=True))


def needs_reorder():
    """Products (not discontinued) whose stock is at or below their reorder level, by name."""
    return available().filter(stock__lte=F("reorder_level")).order_by("name")


def on_sale():
    """Products (not discontinued) with a sale price below the price, each with
    `saving`, the biggest saving first (equal savings by name)."""
    return (
        available()
        .filter(sale_price__lt=F("price"))
        .annotate(saving=F("price") - F("sale_price"))
        .order_by("-saving", "name")
    )


def search(term):
    """Products (not discontinued) whose name or description contains term (any case), by name."""
    return available().filter(name__icontains=term, description__icontains=term).order_by("name")


def restock(ids, amount):
    """Add amount to the stock of the products with these ids, in one UPDATE;
    return how many products were restocked."""
    # The database adds to the stock it holds right now: no read, no lost update.
    return Product.objects.filter(pk__in=ids).update(stock=F("stock") + amount)
