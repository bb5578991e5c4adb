# Write the five functions described in README.md. None of them may change
# the list it is given.


def top_scores(scores, n):
    """The n highest scores, highest first."""
    return None


def remove_all(items, value):
    """A new list without any occurrence of value."""
    return None


def chunk(items, size):
    """[[1, 2], [3, 4], [5]] for chunk([1, 2, 3, 4, 5], 2)."""
    return None


def rotate(items, k):
    """The list with its first k items moved to the end."""
    return None


def running_total(numbers):
    """[3, 4, 8] for [3, 1, 4]."""
    return None
