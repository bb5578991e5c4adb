from django.conf import settings
from django.db import models


class Post(models.Model):
    # Step 1: author, title, body, created_at, updated_at (see README.md),
    # and a Meta class that orders posts newest first.

    def __str__(self):
        return super().__str__()


class Comment(models.Model):
    # Step 1: post, author, body, created_at, ordered oldest first.

    def __str__(self):
        return super().__str__()
