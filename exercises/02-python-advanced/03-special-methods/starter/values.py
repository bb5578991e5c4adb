from dataclasses import dataclass
from decimal import Decimal


class Money:
    """An amount of money in one currency. See README.md."""

    def __init__(self, amount, currency):
        pass


class Version:
    """A version number major.minor.patch. See README.md."""

    def __init__(self, major, minor, patch):
        pass

    @classmethod
    def parse(cls, text):
        return None
