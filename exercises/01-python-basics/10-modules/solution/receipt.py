"""Receipt lines. Run as a script, it prints one example line."""

from shop import apply_tax, format_price


def receipt_line(name, amount):
    """"notebook: $3.60": the name and the amount with tax, as a price."""
    return f"{name}: {format_price(apply_tax(amount))}"


if __name__ == "__main__":
    print(receipt_line("notebook", 3))
