from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    published = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        # Declare the custom permission publish_article here.

    def __str__(self):
        return self.title
