from django.contrib.auth.models import User
from rest_framework import serializers

from recipes.models import Recipe


class RecipeSerializer(serializers.Serializer):
    """Step 1: make this a ModelSerializer for Recipe (see README.md)."""


class RegisterSerializer(serializers.Serializer):
    """Step 2: creates a User from a username and a write-only password."""


class UserSerializer(serializers.Serializer):
    """Step 2: a user's id and username."""
