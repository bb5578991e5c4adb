from django.db.models import F

from shop.models import Product


def import_products(rows):
    """Create a Product for each row, a dict with sku, name, category and
    price_cents (stock starts at 0), in ONE query. Return how many were
    created."""
    products = [
        Product(
            sku=row["sku"],
            name=row["name"],
            category=row["category"],
            price_cents=row["price_cents"],
        )
        for row in rows
    ]
    # One INSERT with many rows (split into batches only for huge lists).
    return len(Product.objects.bulk_create(products))


def apply_discount(category, percent):
    """Lower the price of every product in category by percent (0 to 100),
    rounded down to a whole cent, in ONE query. Raise ValueError for a
    percent outside 0..100. Return how many products changed."""
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must be between 0 and 100, not {percent}")
    # The database computes the new price from the current one: whole
    # numbers, so the division rounds down. No rows travel to Python.
    return Product.objects.filter(category=category).update(
        price_cents=F("price_cents") * (100 - percent) / 100
    )


def restock(skus, amount):
    """Add amount to the stock of the products with these skus, in ONE
    query. Unknown skus are ignored. Return how many products changed."""
    # stock = stock + amount happens in the database, so a sale recorded
    # between a read and a write can't be overwritten.
    return Product.objects.filter(sku__in=skus).update(stock=F("stock") + amount)


def set_prices(prices):
    """prices is {sku: new price_cents}. Give each of those products its new
    price in at most TWO queries. Return the skus that match no product,
    sorted."""
    # One SELECT: {sku: product} for the skus that exist.
    products = Product.objects.in_bulk(list(prices), field_name="sku")
    for sku, product in products.items():
        product.price_cents = prices[sku]
    # One UPDATE ... SET price_cents = CASE WHEN id = ... for all of them.
    Product.objects.bulk_update(products.values(), ["price_cents"])
    return sorted(sku for sku in prices if sku not in products)
