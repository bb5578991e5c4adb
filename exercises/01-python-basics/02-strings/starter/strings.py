# Write the five functions described in README.md.


def clean_name(text):
    """"  ada LOVELACE " -> "Ada Lovelace"."""
    return None


def initials(name):
    """"Grace Brewster hopper" -> "G.B.H."."""
    return None


def mask(card_number):
    """"4111222233334444" -> "************4444"; four characters or fewer unchanged."""
    return None


def price_tag(product, price):
    """"pen: $2.50" for product "pen" and price 2.5."""
    return None


def slug(title):
    """"  Hello   Big World " -> "hello-big-world"."""
    return None
