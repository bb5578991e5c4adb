from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)

    def titles(self):
        """The titles of this author's books, sorted A to Z."""
        return list(self.books.values_list("title", flat=True))

    def __str__(self):
        return self.name


class Publisher(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    publisher = models.ForeignKey(
        Publisher,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="books",
    )

    def __str__(self):
        return self.title
