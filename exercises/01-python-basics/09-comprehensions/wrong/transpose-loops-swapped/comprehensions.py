def squares_of_evens(numbers):
    """[4, 16] for [1, 2, 3, 4]."""
    return [n * n for n in numbers if n % 2 == 0]


def pass_fail(scores):
    """["pass", "fail", "pass"] for [72, 49, 50]."""
    return ["pass" if score >= 50 else "fail" for score in scores]


def name_lengths(names):
    """{"Ada": 3, "Grace": 5} for ["Ada", "Grace"]."""
    return {name: len(name) for name in names}


def in_stock_prices(products):
    """{name: price} for the products with a stock above 0."""
    return {p["name"]: p["price"] for p in products if p["stock"] > 0}


def unique_domains(emails):
    """{"example.com", "test.org"}: the lower-case domains."""
    return {email.split("@")[1].lower() for email in emails}


def flatten(rows):
    """[1, 2, 3] for [[1, 2], [], [3]]."""
    return [item for row in rows for item in row]


def transpose(matrix):
    """[[1, 4], [2, 5], [3, 6]] for [[1, 2, 3], [4, 5, 6]]."""
    if not matrix:
        return []
    return [[row[i] for i in range(len(matrix[0]))] for row in matrix]
