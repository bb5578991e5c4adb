# Write the seven functions described in README.md, each with a comprehension.


def squares_of_evens(numbers):
    """[4, 16] for [1, 2, 3, 4]."""
    return None


def pass_fail(scores):
    """["pass", "fail", "pass"] for [72, 49, 50]."""
    return None


def name_lengths(names):
    """{"Ada": 3, "Grace": 5} for ["Ada", "Grace"]."""
    return None


def in_stock_prices(products):
    """{name: price} for the products with a stock above 0."""
    return None


def unique_domains(emails):
    """{"example.com", "test.org"}: the lower-case domains."""
    return None


def flatten(rows):
    """[1, 2, 3] for [[1, 2], [], [3]]."""
    return None


def transpose(matrix):
    """[[1, 4], [2, 5], [3, 6]] for [[1, 2, 3], [4, 5, 6]]."""
    return None
