# A correct split_bill written differently from bill.py: the learner's tests
# must pass on it too, so that recognising bill.py's text gets nothing.
import math


def split_bill(total_cents: int, people: int) -> list:
    """Each person's share is the rest of the bill shared by those left."""
    if total_cents < 0 or people <= 0:
        raise ValueError(f"cannot split {total_cents} cents between {people} people")
    shares = []
    left = total_cents
    for remaining in range(people, 0, -1):
        share = math.ceil(left / remaining) if left % remaining else left // remaining
        shares.append(share)
        left -= share
    return shares
