# Write the exception class and the four functions described in README.md.


class InsufficientFundsError(Exception):
    """Raised when a withdrawal is larger than the balance.

    Give it an __init__(self, balance, amount) that sets the message and
    keeps balance and amount.
    """


def parse_amount(text):
    """The whole number in text, or None."""
    return None


def withdraw(balance, amount):
    """The balance after taking amount out."""
    return None


def withdraw_all(balance, amounts):
    """(final balance, [skipped amounts])."""
    return None


def run_logged(log, action):
    """action(), with "start", "ok" or "failed: ..." and "end" appended to log."""
    return None
