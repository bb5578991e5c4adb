# Write the four functions described in README.md. Each returns a QuerySet
# of Post objects (see blog/models.py).
from django.utils import timezone

from blog.models import Post


def published():
    """Posts that are out (published_at is set and not in the future), newest first."""
    return None


def drafts():
    """Posts without a publication date, by title A to Z."""
    return None


def by_author(name):
    """Published posts whose author is called `name` (any case), newest first."""
    return None


def search(term):
    """Published posts whose title contains `term` (any case), newest first."""
    return None
