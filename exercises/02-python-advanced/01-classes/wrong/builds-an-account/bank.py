class Account:
    """A bank account holding a balance in whole cents. See README.md."""

    def __init__(self, owner, balance=0):
        if balance < 0:
            raise ValueError("a starting balance cannot be negative")
        self.owner = owner
        self._balance = balance
        # One list per account: created here, never in the class body.
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("a deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self._balance

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("a withdrawal must be positive")
        if amount > self._balance:
            raise ValueError("insufficient funds")
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self._balance

    def transfer_to(self, other, amount):
        # withdraw() checks everything first, so a refused transfer changes nothing.
        self.withdraw(amount)
        other.deposit(amount)

    @classmethod
    def from_string(cls, text):
        owner, amount = text.split(":")
        return Account(owner, int(amount))

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"
