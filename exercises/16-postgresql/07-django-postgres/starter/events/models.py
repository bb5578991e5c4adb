from django.db import models


class Event(models.Model):
    title = models.CharField(max_length=200)
    seats = models.PositiveIntegerField()  # seats still free


class Booking(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="bookings")
    email = models.EmailField()
