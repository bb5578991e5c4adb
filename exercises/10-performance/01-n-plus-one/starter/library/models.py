from django.db import models


class Publisher(models.Model):
    name = models.CharField(max_length=100)


class Author(models.Model):
    name = models.CharField(max_length=100)


class Tag(models.Model):
    name = models.CharField(max_length=50)


class Book(models.Model):
    title = models.CharField(max_length=200)
    # Every book has an author: book.author, and the way back: author.books.
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    # Some books have no publisher (self-published): book.publisher is None.
    publisher = models.ForeignKey(
        Publisher, on_delete=models.SET_NULL, null=True, blank=True, related_name="books"
    )
    # Many-to-many: book.tags.all(), and the way back: tag.books.all().
    tags = models.ManyToManyField(Tag, blank=True, related_name="books")
