from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


class Post(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="posts")
    body = models.TextField(blank=True)
    # None while the post is a draft; may lie in the future (scheduled post).
    published_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.title
