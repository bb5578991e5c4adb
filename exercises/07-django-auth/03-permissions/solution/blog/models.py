from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    published = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        permissions = [
            ("publish_article", "Can publish articles"),
        ]

    def __str__(self):
        return self.title
