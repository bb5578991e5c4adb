from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Lower


class Event(models.Model):
    title = models.CharField(max_length=200)
    seats = models.PositiveIntegerField()  # seats still free
    # PostgreSQL's own types: an array of text, and JSONB.
    tags = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    details = models.JSONField(default=dict, blank=True)


class Booking(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="bookings")
    email = models.EmailField()

    class Meta:
        constraints = [
            # A unique index on (lower(email), event_id): the database
            # refuses a second booking, in any letter case, even when two
            # requests race.
            models.UniqueConstraint(Lower("email"), "event", name="one_booking_per_email"),
        ]
