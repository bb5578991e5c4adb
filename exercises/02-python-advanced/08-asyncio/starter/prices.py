import asyncio


async def gather_prices(shops, get_price):
    """{shop: price} for every shop, all of them asked at the same time."""
    return {}


async def price_or_none(shop, get_price, timeout):
    """The shop's price, or None if it takes longer than `timeout` seconds."""
    return None


async def best_price(shops, get_price, timeout):
    """(shop, price) of the lowest price among the shops that answer in time, or None."""
    return None
