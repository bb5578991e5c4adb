from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Money:
    """An amount of money in one currency. See README.md."""

    amount: Decimal
    currency: str

    def __add__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f"cannot add {self.currency} and {other.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __mul__(self, times):
        if not isinstance(times, int) or isinstance(times, bool):
            return NotImplemented
        return Money(self.amount * times, self.currency)

    __rmul__ = __mul__

    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"

    def __bool__(self):
        return self.amount != 0


@dataclass(frozen=True, order=True)
class Version:
    """A version number major.minor.patch. See README.md."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text):
        major, minor, patch = (int(part) for part in text.split("."))
        return cls(major, minor, patch)

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"
