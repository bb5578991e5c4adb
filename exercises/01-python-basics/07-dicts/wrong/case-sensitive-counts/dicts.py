def word_counts(text):
    """{"the": 3, "cat": 1, ...}: how often each word occurs."""
    counts = {}
    for word in text.split():
        word = word.strip(".,!?")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def merge_settings(defaults, overrides):
    """A new dict: defaults, with overrides applied (None removes a setting)."""
    merged = dict(defaults)
    for key, value in overrides.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def invert(mapping):
    """{"admin": ["ann", "cy"], ...} for {"ann": "admin", "bob": "user", "cy": "admin"}."""
    inverted = {}
    for key, value in mapping.items():
        inverted.setdefault(value, []).append(key)
    return inverted


def nested_get(data, path, default=None):
    """data["db"]["host"] for the path "db.host", or default."""
    current = data
    for key in path.split("."):
        if not isinstance(current, dict) or key not in current:
            return default
        current = current[key]
    return current


def cheapest(prices):
    """The name with the lowest price (alphabetically first on a tie), or None."""
    best = None
    for name, price in prices.items():
        if best is None or price < prices[best] or (price == prices[best] and name < best):
            best = name
    return best
