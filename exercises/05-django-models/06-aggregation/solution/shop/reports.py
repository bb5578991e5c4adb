# Write the three functions described in README.md (see shop/models.py).
from django.db.models import Avg, Count, Max, Min, Sum

from shop.models import Category, Product


def summary():
    """{"products": ..., "cheapest": ..., "dearest": ..., "units": ...} in one query."""
    return Product.objects.aggregate(
        products=Count("id"),
        cheapest=Min("price"),
        dearest=Max("price"),
        units=Sum("stock", default=0),
    )


def categories():
    """Every category with product_count and review_count, by name."""
    return Category.objects.annotate(
        # Both counts follow joins from the same category rows: without
        # distinct=True, every product would be counted once per review.
        product_count=Count("products", distinct=True),
        review_count=Count("products__reviews", distinct=True),
    ).order_by("name")


def top_rated(min_reviews=1):
    """Products with average_rating and review_count, at least min_reviews reviews, best first."""
    return (
        Product.objects.annotate(average_rating=Avg("reviews__rating"), review_count=Count("reviews"))
        .filter(review_count__gte=min_reviews)
        .order_by("-average_rating", "name")
    )
