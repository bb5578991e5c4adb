# Write the four functions described in README.md (see store/models.py).
from django.db.models import F, Q

from store.models import Product


def needs_reorder():
    """Products (not discontinued) whose stock is at or below their reorder level, by name."""
    return None


def on_sale():
    """Products (not discontinued) with a sale price below the price, each with
    `saving`, the biggest saving first (equal savings by name)."""
    return None


def search(term):
    """Products (not discontinued) whose name or description contains term (any case), by name."""
    return None


def restock(ids, amount):
    """Add amount to the stock of the products with these ids, in one UPDATE;
    return how many products were restocked."""
    return None
