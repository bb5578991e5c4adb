from datetime import timedelta

from django.db import models
from django.utils import timezone


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles with status "published" and a published_at that is not in the future."""
        return self  # replace this line

    def featured(self):
        """Articles marked as featured."""
        return self  # replace this line

    def recent(self, days=7):
        """Articles published in the last `days` days, up to now."""
        return self  # replace this line


class PublishedManager(models.Manager):
    """A manager that only ever sees published articles (see README.md)."""


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft"
        PUBLISHED = "published"
        ARCHIVED = "archived"

    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    featured = models.BooleanField(default=False)

    # Replace this with a manager that has the methods of ArticleQuerySet,
    # and add `published_objects` (see README.md).
    objects = models.Manager()

    class Meta:
        ordering = ["-published_at", "title"]

    def __str__(self):
        return self.title
