from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)

    def titles(self):
        """The titles of this author's books, sorted A to Z."""
        return None

    def __str__(self):
        return self.name


class Publisher(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


class Book(models.Model):
    title = models.CharField(max_length=200)
    # Add `author` and `publisher` as described in README.md.

    def __str__(self):
        return self.title
