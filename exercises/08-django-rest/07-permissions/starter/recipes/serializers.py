from rest_framework import serializers

from recipes.models import Recipe


class RecipeSerializer(serializers.ModelSerializer):
    owner = serializers.ReadOnlyField(source="owner.username")

    class Meta:
        model = Recipe
        fields = ["id", "owner", "title", "body", "likes"]
        read_only_fields = ["likes"]
