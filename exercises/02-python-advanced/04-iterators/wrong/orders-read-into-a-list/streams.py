class Countdown:
    """An iterator: Countdown(3) gives 3, 2, 1. See README.md."""

    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        value = self.current
        self.current -= 1
        return value


class Pages:
    """An iterable: the pages of `size` items of a list. See README.md."""

    def __init__(self, items, size):
        if size < 1:
            raise ValueError("size must be at least 1")
        self.items = items
        self.size = size

    def __iter__(self):
        # A generator method: each loop gets a new generator, from page one.
        for start in range(0, len(self.items), self.size):
            yield self.items[start:start + self.size]

    def __len__(self):
        return (len(self.items) + self.size - 1) // self.size


def chunked(iterable, size):
    """Lists of `size` items taken lazily from any iterable."""
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def read_orders(lines):
    """("A17", 1250) for each line "A17, 1250"; blank lines and # comments skipped."""
    orders = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        order_id, amount = line.split(",", 1)
        orders.append((order_id.strip(), int(amount)))
    return iter(orders)
