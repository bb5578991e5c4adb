from django.contrib.auth.models import User
from rest_framework import serializers

from wallet.models import Account


class ProfileSerializer(serializers.ModelSerializer):
    """The logged-in user's profile, for GET and PATCH /api/me/."""

    class Meta:
        model = User
        # Mistake: a blacklist. Whatever it forgets (password, groups,
        # username, ...) is still readable and writable.
        exclude = ["is_staff", "is_superuser"]


class AccountSerializer(serializers.ModelSerializer):
    """One of the user's accounts, for /api/accounts/."""

    class Meta:
        model = Account
        fields = ["id", "owner", "nickname", "currency", "balance", "verified", "created"]
        # Shown, but only the bank (or the view, for owner) sets them.
        read_only_fields = ["id", "owner", "balance", "verified", "created"]
