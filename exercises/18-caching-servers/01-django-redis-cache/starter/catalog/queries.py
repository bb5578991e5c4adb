# The costly queries behind the views (you don't need to change this file).
# On a real shop they join and aggregate over millions of reviews.
from django.db.models import Avg, Count

from catalog.models import Product


def product_summary(pk):
    """{"id", "name", "price_cents", "reviews": how many, "stars": their
    average to one decimal, or None without reviews}, or None when there is
    no product pk."""
    row = (
        Product.objects.filter(pk=pk)
        .annotate(count=Count("reviews"), average=Avg("reviews__stars"))
        .values("id", "name", "price_cents", "count", "average")
        .first()
    )
    if row is None:
        return None
    average = row["average"]
    return {
        "id": row["id"],
        "name": row["name"],
        "price_cents": row["price_cents"],
        "reviews": row["count"],
        "stars": None if average is None else round(average, 1),
    }


def top_products(n=5):
    """The n products with the best average stars (ties by name), among
    those with reviews: [{"id", "name", "stars"}]."""
    rows = (
        Product.objects.annotate(count=Count("reviews"), average=Avg("reviews__stars"))
        .filter(count__gt=0)
        .order_by("-average", "name")[:n]
    )
    return [{"id": p.id, "name": p.name, "stars": round(p.average, 1)} for p in rows]
