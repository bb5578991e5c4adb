from django.db import models


class Counter(models.Model):
    """A named number, kept in the database every instance uses."""

    name = models.CharField(max_length=50, unique=True)
    value = models.IntegerField(default=0)
