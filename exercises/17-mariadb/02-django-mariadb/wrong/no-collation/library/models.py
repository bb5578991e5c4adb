from django.db import models


class Tag(models.Model):
    # MariaDB's default collation ignores letter case: "Go" and "go" would
    # be one value to UNIQUE and to =. A binary collation compares the
    # characters exactly.
    name = models.CharField(max_length=50, unique=True)


class Book(models.Model):
    title = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13, unique=True)
    tags = models.ManyToManyField(Tag, related_name="books", blank=True)
