def greet(name, greeting="Hello"):
    """"Hello, Ada!" (the greeting word can be changed)."""
    return f"{greeting}, {name}!"


def total(*prices, discount=0):
    """The sum of the prices minus `discount` percent, rounded to 2 decimals."""
    return round(sum(prices) * (100 - discount) / 100, 2)


def html_tag(name, content="", **attrs):
    """'<a href="/">Home</a>' for html_tag("a", "Home", href="/")."""
    attributes = "".join(f' {key}="{value}"' for key, value in attrs.items())
    return f"<{name}{attributes}>{content}</{name}>"


def add_item(item, items=None):
    """`items` with `item` appended; a new list when `items` is left out."""
    # The mistake: a copy gets the item, and the caller's list does not.
    items = list(items or [])
    items.append(item)
    return items
