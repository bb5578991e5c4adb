from django.contrib.auth.models import User
from rest_framework import serializers

from recipes.models import Recipe


class RecipeSerializer(serializers.ModelSerializer):
    owner = serializers.ReadOnlyField(source="owner.username")

    class Meta:
        model = Recipe
        fields = ["id", "title", "ingredients", "minutes", "public", "owner", "created_at"]
        read_only_fields = ["id", "created_at"]

    def validate_minutes(self, value):
        if not 1 <= value <= 1440:
            raise serializers.ValidationError("minutes must be between 1 and 1440")
        return value


class RegisterSerializer(serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, min_length=8)

    class Meta:
        model = User
        fields = ["id", "username", "password"]

    def create(self, validated_data):
        # create_user hashes the password.
        return User.objects.create_user(**validated_data)


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username"]
