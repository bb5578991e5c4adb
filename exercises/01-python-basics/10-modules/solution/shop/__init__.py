"""The shop package: pricing and stock helpers."""

from .pricing import apply_tax, format_price
from .stock import packs_needed

__all__ = ["apply_tax", "format_price", "packs_needed"]
