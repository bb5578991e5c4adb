import asyncio


async def gather_prices(shops, get_price):
    """{shop: price} for every shop, all of them asked at the same time."""
    prices = {}
    for shop in shops:
        prices[shop] = await get_price(shop)
    return prices


async def price_or_none(shop, get_price, timeout):
    """The shop's price, or None if it takes longer than `timeout` seconds."""
    try:
        return await asyncio.wait_for(get_price(shop), timeout)
    except TimeoutError:
        return None


async def best_price(shops, get_price, timeout):
    """(shop, price) of the lowest price among the shops that answer in time, or None."""
    best = None
    for shop in shops:
        try:
            price = await price_or_none(shop, get_price, timeout)
        except Exception:
            continue
        if price is not None and (best is None or price < best[1]):
            best = (shop, price)
    return best
