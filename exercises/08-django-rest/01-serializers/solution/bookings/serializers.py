import datetime

from rest_framework import serializers

# How many guests each kind of room holds.
CAPACITY = {"single": 1, "double": 2, "suite": 4}


class BookingSerializer(serializers.Serializer):
    """A hotel booking request. See README.md for the fields and the rules."""

    name = serializers.CharField(max_length=100)
    email = serializers.EmailField()
    room = serializers.ChoiceField(choices=["single", "double", "suite"])
    guests = serializers.IntegerField(min_value=1)
    check_in = serializers.DateField()
    check_out = serializers.DateField()

    def validate_name(self, value):
        if any(character.isdigit() for character in value):
            raise serializers.ValidationError("Names cannot contain digits.")
        return value

    def validate_email(self, value):
        return value.lower()

    def validate_check_in(self, value):
        if value < datetime.date.today():
            raise serializers.ValidationError("Check-in cannot be in the past.")
        return value

    def validate(self, attrs):
        if attrs["check_out"] <= attrs["check_in"]:
            raise serializers.ValidationError({"check_out": "Check-out must be after check-in."})
        room, most = attrs["room"], CAPACITY[attrs["room"]]
        if attrs["guests"] > most:
            guests = "guest" if most == 1 else "guests"
            raise serializers.ValidationError(f"A {room} room holds at most {most} {guests}.")
        attrs["nights"] = (attrs["check_out"] - attrs["check_in"]).days
        return attrs
