"""Receipt lines. Run as a script, it prints one example line."""

# Import apply_tax and format_price from the shop package here.


def receipt_line(name, amount):
    """"notebook: $3.60": the name and the amount with tax, as a price."""
    return None


# When this file is run as a script (python3 receipt.py), and only then,
# print receipt_line("notebook", 3).
