from django.utils import timezone

from blog.models import Post


def published():
    """Posts that are out (published_at is set and not in the future), newest first."""
    return Post.objects.filter(published_at__lte=timezone.now()).order_by("-published_at")


def drafts():
    """Posts without a publication date, by title A to Z."""
    return Post.objects.filter(published_at__isnull=True).order_by("title")


def by_author(name):
    """Published posts whose author is called `name` (any case), newest first."""
    return published().filter(author__name__iexact=name)


def search(term):
    """Published posts whose title contains `term` (any case), newest first."""
    return [post for post in published() if term.lower() in post.title.lower()]
