# Template filters for the recipe pages: {% load recipe_extras %}
from django import template

register = template.Library()


@register.filter
def duration(minutes):
    """75 -> "1 h 15 min" (see README.md)."""
    return minutes
