# Write the five functions described in README.md.


def unique_in_order(items):
    """[3, 1, 2] for [3, 1, 3, 2, 1]."""
    return None


def has_duplicates(items):
    """True if some value occurs more than once."""
    return None


def compare_tags(a, b):
    """(in both, only in a, only in b), each a sorted list."""
    return None


def min_max(numbers):
    """(lowest, highest), or None for an empty list."""
    return None


def visited(moves):
    """The set of (x, y) positions visited, starting from (0, 0)."""
    return None
