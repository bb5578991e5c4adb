import datetime

from rest_framework import serializers

# How many guests each kind of room holds.
CAPACITY = {"single": 1, "double": 2, "suite": 4}


class BookingSerializer(serializers.Serializer):
    """A hotel booking request. See README.md for the fields and the rules."""
