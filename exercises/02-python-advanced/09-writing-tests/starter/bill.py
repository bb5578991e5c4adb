# The code under test (you don't need to change it): write your tests for it
# in my_tests.py.


def split_bill(total_cents, people):
    """Split a bill of total_cents between people, as fairly as possible.

    Returns a list of `people` whole numbers of cents that add up to
    total_cents. The shares differ by at most one cent, and the larger shares
    come first: split_bill(1000, 3) == [334, 333, 333].

    Raises ValueError if people is less than 1 or total_cents is negative.
    """
    if people < 1:
        raise ValueError("at least one person must pay")
    if total_cents < 0:
        raise ValueError("the total cannot be negative")
    share, extra = divmod(total_cents, people)
    return [share + 1] * extra + [share] * (people - extra)
