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
    attendees = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        constraints = [
            models.CheckConstraint(
                check=Q(end__gt=F("start")),
                name="booking_ends_after_start",
                violation_error_message="A booking must end after it starts.",
            ),
            models.UniqueConstraint(fields=["room", "start"], name="one_booking_per_room_and_start"),
        ]

    def clean(self):
        """The checks that need other rows or other models (see README.md)."""
        # A missing room or time is reported by clean_fields(); there is
        # nothing to compare with then.
        if self.room_id is None:
            return
        if self.attendees is not None and self.attendees > self.room.capacity:
            raise ValidationError(
                {"attendees": f"{self.room.name} holds at most {self.room.capacity} people."}
            )
        if self.start is not None and self.end is not None:
            overlapping = Booking.objects.filter(room=self.room, start__lt=self.end, end__gt=self.start)
            if overlapping.exists():
                raise ValidationError(f"{self.room.name} is already booked at that time.")

    def __str__(self):
        return f"{self.title} in {self.room}"
