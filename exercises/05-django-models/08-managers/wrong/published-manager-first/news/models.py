from datetime import timedelta

from django.db import models
from django.utils import timezone


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles with status "published" and a published_at that is not in the future."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def featured(self):
        """Articles marked as featured."""
        return self.filter(featured=True)

    def recent(self, days=7):
        """Articles published in the last `days` days, up to now."""
        now = timezone.now()
        return self.filter(published_at__gte=now - timedelta(days=days), published_at__lte=now)


class PublishedManager(models.Manager.from_queryset(ArticleQuerySet)):
    """A manager that only ever sees published articles (see README.md)."""

    def get_queryset(self):
        return super().get_queryset().published()


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft"
        PUBLISHED = "published"
        ARCHIVED = "archived"

    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    featured = models.BooleanField(default=False)

    published_objects = PublishedManager()
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "title"]

    def __str__(self):
        return self.title
