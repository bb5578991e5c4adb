# Bind the four variables described in README.md.
quantity = None
unit_price = None
product = None
in_stock = None


def total(quantity, unit_price):
    """The price of `quantity` items at `unit_price`, rounded to 2 decimals."""
    return None


def parse_quantity(text):
    """Text such as " 12 " as the integer 12."""
    return None


def describe(product, quantity):
    """"3 x notebook" for product "notebook" and quantity 3."""
    return None
