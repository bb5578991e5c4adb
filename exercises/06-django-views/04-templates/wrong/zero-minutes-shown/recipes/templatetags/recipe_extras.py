# Template filters for the recipe pages: {% load recipe_extras %}
from django import template

register = template.Library()


@register.filter
def duration(minutes):
    """75 -> "1 h 15 min" (see README.md)."""
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
        return ""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{rest} min"
    return f"{hours} h {rest} min"
