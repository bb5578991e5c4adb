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
        fields = "__all__"
        # Mistake: only the most obvious field is protected; owner and
        # verified are still writable.
        read_only_fields = ["balance"]
        extra_kwargs = {"owner": {"required": False}}
