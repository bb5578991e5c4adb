# TODO(author): the learner's starting point. It must run, and fail the tests.
def total(prices):
    return None
