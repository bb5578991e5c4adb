quantity = 3
unit_price = 19.99
product = "notebook"
in_stock = True


def total(quantity, unit_price):
    """The price of `quantity` items at `unit_price`, rounded to 2 decimals."""
    return quantity * unit_price


def parse_quantity(text):
    """Text such as " 12 " as the integer 12."""
    return int(text.strip())


def describe(product, quantity):
    """"3 x notebook" for product "notebook" and quantity 3."""
    return f"{quantity} x {product}"
