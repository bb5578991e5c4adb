def clean_name(text):
    """"  ada LOVELACE " -> "Ada Lovelace"."""
    return text.strip().title()


def initials(name):
    """"Grace Brewster hopper" -> "G.B.H."."""
    return "".join(word[0].upper() + "." for word in name.split(" "))


def mask(card_number):
    """"4111222233334444" -> "************4444"; four characters or fewer unchanged."""
    if len(card_number) <= 4:
        return card_number
    return "*" * (len(card_number) - 4) + card_number[-4:]


def price_tag(product, price):
    """"pen: $2.50" for product "pen" and price 2.5."""
    return f"{product}: ${price:.2f}"


def slug(title):
    """"  Hello   Big World " -> "hello-big-world"."""
    return "-".join(title.lower().split(" "))
