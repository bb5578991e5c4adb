from django.db import models


class Movie(models.Model):
    title = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField()
    watched = models.BooleanField(default=False)

    def __str__(self):
        return self.title
