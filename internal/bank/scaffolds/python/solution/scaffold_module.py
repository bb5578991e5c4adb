# TODO(author): the reference solution. It must pass every test, well within
# the time limit.
def total(prices):
    return round(sum(prices), 2)
