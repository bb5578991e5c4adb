# Template filters for the recipe pages: {% load recipe_extras %}
from django import template

register = template.Library()


@register.filter
def duration(minutes):
    """75 -> "1 h 15 min" (see README.md)."""
    # A filter should never break the page: anything that is not a whole
    # number of minutes (0 or more) shows as nothing.
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
        return ""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{rest} min"
    if rest == 0:
        return f"{hours} h"
    return f"{hours} h {rest} min"
