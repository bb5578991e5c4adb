# A broken split_bill: the hidden tests check that the learner's tests catch it.
# No check that people is at least 1: 0 or -1 people get [].


def split_bill(total_cents, people):
    if total_cents < 0:
        raise ValueError("a bill cannot be negative: %r" % total_cents)
    shares = [total_cents // people if people else 0] * max(people, 0)
    for cent in range(total_cents % people if people else 0):
        shares[cent] += 1
    return shares
