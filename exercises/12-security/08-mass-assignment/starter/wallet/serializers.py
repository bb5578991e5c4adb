from django.contrib.auth.models import User
from rest_framework import serializers

from wallet.models import Account


class ProfileSerializer(serializers.ModelSerializer):
    """The logged-in user's profile, for GET and PATCH /api/me/."""

    class Meta:
        model = User
        fields = "__all__"


class AccountSerializer(serializers.ModelSerializer):
    """One of the user's accounts, for /api/accounts/."""

    class Meta:
        model = Account
        fields = "__all__"
        # The view fills in the owner when an account is created.
        extra_kwargs = {"owner": {"required": False}}
