from django.conf import settings
from django.db import models


class Recipe(models.Model):
    # Step 1: owner, title, ingredients, minutes, public, created_at
    # (see README.md), ordered newest first.

    def __str__(self):
        return super().__str__()
