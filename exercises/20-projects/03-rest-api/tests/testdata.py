"""Test data for the API's tests (plain functions, called from the tests)."""
from django.contrib.auth.models import User
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from recipes.models import Recipe

PASSWORD = "correct horse battery"


def make_user(username="ada", password=PASSWORD):
    return User.objects.create_user(username=username, password=password)


def make_recipe(owner, title="Pancakes", minutes=20, public=True, ingredients="flour, milk, eggs"):
    return Recipe.objects.create(owner=owner, title=title, minutes=minutes, public=public, ingredients=ingredients)


def api(user=None):
    """An API client; with a user, it sends that user's access token."""
    client = APIClient()
    if user is not None:
        token = RefreshToken.for_user(user).access_token
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def recipe_json(recipe):
    return {
        "id": recipe.id,
        "title": recipe.title,
        "ingredients": recipe.ingredients,
        "minutes": recipe.minutes,
        "public": recipe.public,
        "owner": recipe.owner.username,
        "created_at": recipe.created_at.isoformat().replace("+00:00", "Z"),
    }
