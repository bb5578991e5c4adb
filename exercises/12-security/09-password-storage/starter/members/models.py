from django.db import models


class Member(models.Model):
    """A member of the book club. (The club keeps its own members, apart
    from Django's User model.)"""

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=100)
    # The password as stored: what goes in here is up to members/auth.py.
    password = models.CharField(max_length=128)

    def __str__(self):
        return self.email
