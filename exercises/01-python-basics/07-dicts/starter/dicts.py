# Write the five functions described in README.md. None of them may change a
# dict it is given.


def word_counts(text):
    """{"the": 3, "cat": 1, ...}: how often each word occurs."""
    return None


def merge_settings(defaults, overrides):
    """A new dict: defaults, with overrides applied (None removes a setting)."""
    return None


def invert(mapping):
    """{"admin": ["ann", "cy"], ...} for {"ann": "admin", "bob": "user", "cy": "admin"}."""
    return None


def nested_get(data, path, default=None):
    """data["db"]["host"] for the path "db.host", or default."""
    return None


def cheapest(prices):
    """The name with the lowest price (alphabetically first on a tie), or None."""
    return None
