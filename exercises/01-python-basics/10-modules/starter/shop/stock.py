"""Stock helpers. This module is complete: read it, but you need not change it."""

import math


def packs_needed(quantity, pack_size):
    """How many packs of pack_size items it takes to hold quantity items."""
    return math.ceil(quantity / pack_size)
