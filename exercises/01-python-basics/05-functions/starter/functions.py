# Write the four functions described in README.md. The signatures are part of
# the task: add the default values, *prices and **attrs yourself.


def greet(name):
    """"Hello, Ada!" (the greeting word can be changed)."""
    return None


def total(prices):
    """The sum of the prices minus `discount` percent, rounded to 2 decimals."""
    return None


def html_tag(name):
    """'<a href="/">Home</a>' for html_tag("a", "Home", href="/")."""
    return None


def add_item(item, items):
    """`items` with `item` appended; a new list when `items` is left out."""
    return None
