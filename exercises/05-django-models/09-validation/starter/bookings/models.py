from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q


class Room(models.Model):
    name = models.CharField(max_length=100, unique=True)
    capacity = models.PositiveIntegerField()

    def __str__(self):
        return self.name


class Booking(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="bookings")
    title = models.CharField(max_length=100)
    start = models.DateTimeField()
    end = models.DateTimeField()
    attendees = models.PositiveIntegerField()  # at least 1 (see README.md)

    class Meta:
        # Add the two constraints described in README.md.
        constraints = []

    def clean(self):
        """The checks that need other rows or other models (see README.md)."""

    def __str__(self):
        return f"{self.title} in {self.room}"
