def unique_in_order(items):
    """[3, 1, 2] for [3, 1, 3, 2, 1]."""
    seen = set()
    unique = []
    for item in items:
        if item not in seen:
            seen.add(item)
            unique.append(item)
    return unique


def has_duplicates(items):
    """True if some value occurs more than once."""
    return len(set(items)) != len(items)


def compare_tags(a, b):
    """(in both, only in a, only in b), each a sorted list."""
    a, b = set(a), set(b)
    return sorted(a & b), sorted(a - b), sorted(b - a)


def min_max(numbers):
    """(lowest, highest), or None for an empty list."""
    if not numbers:
        return None
    return min(numbers), max(numbers)


def visited(moves):
    """The set of (x, y) positions visited, starting from (0, 0)."""
    x, y = 0, 0
    seen = {(x, y)}
    for move in moves:
        if move == "U":
            y += 1
        elif move == "D":
            y -= 1
        elif move == "R":
            x += 1
        elif move == "L":
            x -= 1
        else:
            raise ValueError(f"unknown move: {move!r}")
        seen.add((x, y))
    return seen
