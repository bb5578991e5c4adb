# WRONG: leaves out the first price.
def total(prices):
    return sum(prices[1:])
