def top_scores(scores, n):
    """The n highest scores, highest first."""
    return sorted(scores, reverse=True)[:n]


def remove_all(items, value):
    """A new list without any occurrence of value."""
    kept = items[:]
    if value in kept:
        kept.remove(value)
    return kept


def chunk(items, size):
    """[[1, 2], [3, 4], [5]] for chunk([1, 2, 3, 4, 5], 2)."""
    if size < 1:
        raise ValueError(f"size must be at least 1, not {size}")
    chunks = []
    for start in range(0, len(items), size):
        chunks.append(items[start:start + size])
    return chunks


def rotate(items, k):
    """The list with its first k items moved to the end."""
    if not items:
        return []
    k = k % len(items)
    return items[k:] + items[:k]


def running_total(numbers):
    """[3, 4, 8] for [3, 1, 4]."""
    totals = []
    total = 0
    for number in numbers:
        total += number
        totals.append(total)
    return totals
