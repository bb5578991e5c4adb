# Write the three functions described in README.md (see shop/models.py).
from django.db.models import Avg, Count, Max, Min, Sum

from shop.models import Category, Product


def summary():
    """{"products": ..., "cheapest": ..., "dearest": ..., "units": ...} in one query."""
    return None


def categories():
    """Every category with product_count and review_count, by name."""
    return None


def top_rated(min_reviews=1):
    """Products with average_rating and review_count, at least min_reviews reviews, best first."""
    return None
