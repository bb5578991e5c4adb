class Account:
    """A bank account holding a balance in whole cents. See README.md."""

    def __init__(self, owner, balance=0):
        pass

    @property
    def balance(self):
        return None

    def deposit(self, amount):
        return None

    def withdraw(self, amount):
        return None

    def transfer_to(self, other, amount):
        pass

    @classmethod
    def from_string(cls, text):
        return None
