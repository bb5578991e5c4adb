from django.conf import settings
from django.db import models


class Recipe(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recipes")
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    likes = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.title
