class InsufficientFundsError(Exception):
    """Raised when a withdrawal is larger than the balance."""

    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount} from a balance of {balance}")
        self.balance = balance
        self.amount = amount


def parse_amount(text):
    """The whole number in text, or None."""
    try:
        return int(text)
    except ValueError:
        return None


def withdraw(balance, amount):
    """The balance after taking amount out."""
    if amount <= 0:
        raise ValueError(f"amount must be positive, not {amount}")
    if amount > balance:
        raise InsufficientFundsError(balance, amount)
    return balance - amount


def withdraw_all(balance, amounts):
    """(final balance, [skipped amounts])."""
    skipped = []
    for amount in amounts:
        try:
            balance = withdraw(balance, amount)
        except InsufficientFundsError:
            skipped.append(amount)
    return balance, skipped


def run_logged(log, action):
    """action(), with "start", "ok" or "failed: ..." and "end" appended to log."""
    # The mistake: `log = log + [...]` makes a new list each time, so the
    # list the caller gave never changes.
    log = log + ["start"]
    try:
        result = action()
        log = log + ["ok"]
        return result
    except Exception as e:
        log = log + [f"failed: {type(e).__name__}"]
        raise
    finally:
        log = log + ["end"]
