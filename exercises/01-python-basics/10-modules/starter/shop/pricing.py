"""Prices and tax."""

TAX_RATE = None


def apply_tax(amount):
    """The amount with tax added, rounded to two decimals. Add the rate parameter."""
    return None


def format_price(amount):
    """"$3.60" for 3.6."""
    return None
