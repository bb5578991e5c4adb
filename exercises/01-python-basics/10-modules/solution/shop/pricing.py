"""Prices and tax."""

TAX_RATE = 0.2


def apply_tax(amount, rate=TAX_RATE):
    """The amount with tax added, rounded to two decimals."""
    return round(amount * (1 + rate), 2)


def format_price(amount):
    """"$3.60" for 3.6."""
    return f"${amount:.2f}"
