# TODO(author): a known-wrong solution, with one common mistake, in a
# directory named for it (wrong/off-by-one/). validate checks that the tests
# catch it. Here: no prices give None instead of 0.
def total(prices):
    if not prices:
        return None
    return round(sum(prices), 2)
