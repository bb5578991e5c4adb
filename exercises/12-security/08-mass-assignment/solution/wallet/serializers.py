from django.contrib.auth.models import User
from rest_framework import serializers

from wallet.models import Account


class ProfileSerializer(serializers.ModelSerializer):
    """The logged-in user's profile, for GET and PATCH /api/me/."""

    class Meta:
        model = User
        # Name every field: a field added to the model later stays out until
        # somebody decides it belongs here.
        fields = ["id", "username", "email", "first_name", "last_name"]
        read_only_fields = ["id", "username"]


class AccountSerializer(serializers.ModelSerializer):
    """One of the user's accounts, for /api/accounts/."""

    class Meta:
        model = Account
        fields = ["id", "owner", "nickname", "currency", "balance", "verified", "created"]
        # Shown, but only the bank (or the view, for owner) sets them.
        read_only_fields = ["id", "owner", "balance", "verified", "created"]
