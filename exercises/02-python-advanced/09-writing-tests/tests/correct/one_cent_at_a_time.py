# A correct split_bill written differently from bill.py: the learner's tests
# must pass on it too, so that recognising bill.py's text gets nothing.


def split_bill(total_cents, people):
    if not people >= 1:
        raise ValueError("nobody to split the bill between")
    if total_cents < 0:
        raise ValueError("a bill cannot be negative: %r" % total_cents)
    shares = [0] * people
    # Deal the cents out one at a time, round after round, from the first.
    for cent in range(total_cents % people):
        shares[cent] += 1
    return [s + total_cents // people for s in shares]
