import json
from datetime import timedelta

import pytest
from django.db import models
from django.utils import timezone
from rest_framework.renderers import JSONRenderer

from recipes.models import Recipe
from recipes.serializers import RecipeSerializer
from testdata import make_recipe, make_user, recipe_json

pytestmark = pytest.mark.django_db

VALID = {"title": "Pancakes", "ingredients": "flour, milk, eggs", "minutes": 20}


def field(name):
    names = [f.name for f in Recipe._meta.get_fields()]
    assert name in names, f"Recipe has no field {name!r} yet"
    return Recipe._meta.get_field(name)


def test_step1_a_recipe_has_its_fields():
    assert isinstance(field("owner"), models.ForeignKey)
    assert field("title").max_length == 100
    assert isinstance(field("ingredients"), models.TextField)
    assert isinstance(field("minutes"), models.PositiveIntegerField)
    ada = make_user()
    recipe = Recipe.objects.create(owner=ada, title="Toast", ingredients="bread", minutes=3)
    assert recipe.public is True
    assert recipe.created_at is not None
    assert list(ada.recipes.all()) == [recipe]
    assert str(recipe) == "Toast"


def test_step1_recipes_come_newest_first():
    ada = make_user()
    old, new = make_recipe(ada, "Old"), make_recipe(ada, "New")
    Recipe.objects.filter(pk=new.pk).update(created_at=timezone.now() - timedelta(hours=1))
    Recipe.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=2))
    assert list(Recipe.objects.all()) == [new, old]


def test_step1_the_serializer_shows_a_recipe_with_its_owners_name():
    recipe = make_recipe(make_user("ada"))
    assert json.loads(JSONRenderer().render(RecipeSerializer(recipe).data)) == recipe_json(recipe)


def test_step1_the_serializer_accepts_a_valid_recipe():
    serializer = RecipeSerializer(data=VALID)
    assert serializer.is_valid(), serializer.errors
    assert serializer.validated_data["minutes"] == 20


@pytest.mark.parametrize("minutes", [0, 1441, -5])
def test_step1_minutes_must_be_between_1_and_1440(minutes):
    serializer = RecipeSerializer(data={**VALID, "minutes": minutes})
    assert serializer.is_valid() is False
    assert list(serializer.errors) == ["minutes"]


@pytest.mark.parametrize("minutes, beyond", [(1, 0), (1440, 1441)])
def test_step1_the_limits_of_minutes_are_allowed(minutes, beyond):
    assert RecipeSerializer(data={**VALID, "minutes": minutes}).is_valid()
    assert not RecipeSerializer(data={**VALID, "minutes": beyond}).is_valid()


@pytest.mark.parametrize("title", ["", "   ", "x" * 101], ids=["empty", "spaces", "101-characters"])
def test_step1_a_title_must_be_given_and_short(title):
    serializer = RecipeSerializer(data={**VALID, "title": title})
    assert serializer.is_valid() is False
    assert list(serializer.errors) == ["title"]


def test_step1_owner_id_and_created_at_cannot_be_set():
    bob = make_user("bob")
    serializer = RecipeSerializer(data={**VALID, "owner": bob.id, "id": 99, "created_at": "2020-01-01T00:00:00Z"})
    assert serializer.is_valid(), serializer.errors
    assert sorted(serializer.validated_data) == ["ingredients", "minutes", "title"]
