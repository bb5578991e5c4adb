from django.db import models


class Person(models.Model):
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100, blank=True)
    # Step 1 of README.md: add full_name.

    def __str__(self):
        return self.first_name
