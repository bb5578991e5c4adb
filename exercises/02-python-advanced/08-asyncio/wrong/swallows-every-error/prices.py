import asyncio


async def gather_prices(shops, get_price):
    """{shop: price} for every shop, all of them asked at the same time."""
    prices = await asyncio.gather(*(get_price(shop) for shop in shops))
    return dict(zip(shops, prices))


async def price_or_none(shop, get_price, timeout):
    """The shop's price, or None if it takes longer than `timeout` seconds."""
    try:
        async with asyncio.timeout(timeout):
            return await get_price(shop)
    except Exception:
        return None


async def best_price(shops, get_price, timeout):
    """(shop, price) of the lowest price among the shops that answer in time, or None."""
    answers = await asyncio.gather(
        *(price_or_none(shop, get_price, timeout) for shop in shops),
        return_exceptions=True,
    )
    offers = [
        (shop, price)
        for shop, price in zip(shops, answers)
        if price is not None and not isinstance(price, BaseException)
    ]
    if not offers:
        return None
    return min(offers, key=lambda offer: offer[1])
