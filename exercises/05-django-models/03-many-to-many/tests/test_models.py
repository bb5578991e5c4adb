import pytest
from django.db import models
from django.db.models import ProtectedError, QuerySet

from drillkit import learnerside
from recipes.models import Ingredient, Recipe, RecipeIngredient, Tag

pytestmark = pytest.mark.django_db


def kind(value):
    """The name of value's class, as the learner's process has it (where the models are)."""
    return learnerside.module("builtins").type(value).__name__


def field(model, name):
    names = [f.name for f in model._meta.get_fields()]
    assert name in names, f"{model.__name__} has no field {name!r} yet"
    return model._meta.get_field(name)


def check_fields():
    field(Recipe, "tags")
    field(Recipe, "ingredients")
    for name in ("recipe", "ingredient", "quantity"):
        field(RecipeIngredient, name)


def titles(recipes):
    assert recipes is not None, "the method returned None instead of a QuerySet"
    return [recipe.title for recipe in recipes]


def make_kitchen():
    """Five recipes, four tags and five ingredients."""
    check_fields()
    tag = {name: Tag.objects.create(name=name) for name in ("vegetarian", "quick", "breakfast", "baking")}
    food = {name: Ingredient.objects.create(name=name) for name in ("flour", "egg", "milk", "sugar", "butter")}

    def recipe(title, tags, lines):
        r = Recipe.objects.create(title=title)
        r.tags.set([tag[name] for name in tags])
        for name, quantity in lines:
            RecipeIngredient.objects.create(recipe=r, ingredient=food[name], quantity=quantity)
        return r

    kitchen = {
        "pancakes": recipe(
            "Pancakes",
            ["quick", "breakfast", "vegetarian"],
            [("milk", "300 ml"), ("flour", "200 g"), ("egg", "2")],
        ),
        "omelette": recipe("Omelette", ["breakfast", "quick"], [("egg", "3"), ("butter", "10 g")]),
        "cake": recipe(
            "Sponge cake",
            ["vegetarian", "baking"],
            [("sugar", "200 g"), ("flour", "250 g"), ("egg", "4"), ("butter", "250 g")],
        ),
        "bread": recipe("Bread", ["baking", "vegetarian"], [("flour", "500 g")]),
        "stew": recipe("Beef stew", [], []),
    }
    kitchen.update(tag)
    kitchen.update(food)
    return kitchen


def test_tags_is_a_many_to_many_field_to_tag():
    tags = field(Recipe, "tags")
    assert isinstance(tags, models.ManyToManyField)
    assert tags.related_model == Tag


def test_tags_may_be_left_empty():
    assert field(Recipe, "tags").blank is True


def test_a_recipe_has_several_tags_and_a_tag_several_recipes():
    k = make_kitchen()
    assert sorted(t.name for t in k["pancakes"].tags.all()) == ["breakfast", "quick", "vegetarian"]
    assert hasattr(k["vegetarian"], "recipes"), "Tag has no `recipes`: set related_name on Recipe.tags"
    assert sorted(r.title for r in k["vegetarian"].recipes.all()) == ["Bread", "Pancakes", "Sponge cake"]


def test_removing_a_tag_from_a_recipe_keeps_the_tag():
    k = make_kitchen()
    k["pancakes"].tags.remove(k["quick"])
    assert Tag.objects.filter(name="quick").exists()
    assert sorted(r.title for r in k["quick"].recipes.all()) == ["Omelette"]


def test_deleting_a_recipe_keeps_its_tags():
    k = make_kitchen()
    k["bread"].delete()
    assert Tag.objects.count() == 4
    assert sorted(r.title for r in k["baking"].recipes.all()) == ["Sponge cake"]


def test_recipe_ingredient_links_a_recipe_and_an_ingredient():
    recipe = field(RecipeIngredient, "recipe")
    ingredient = field(RecipeIngredient, "ingredient")
    assert isinstance(recipe, models.ForeignKey)
    assert recipe.related_model == Recipe
    assert isinstance(ingredient, models.ForeignKey)
    assert ingredient.related_model == Ingredient


def test_quantity_is_text_of_at_most_50_characters():
    quantity = field(RecipeIngredient, "quantity")
    assert kind(quantity) == "CharField"
    assert quantity.max_length == 50


def test_ingredients_go_through_recipe_ingredient():
    ingredients = field(Recipe, "ingredients")
    assert isinstance(ingredients, models.ManyToManyField)
    assert ingredients.related_model == Ingredient
    assert ingredients.remote_field.through == RecipeIngredient


def test_ingredients_added_to_a_recipe_get_their_quantity():
    k = make_kitchen()
    salt = Ingredient.objects.create(name="salt")
    k["stew"].ingredients.add(salt, through_defaults={"quantity": "1 pinch"})
    line = RecipeIngredient.objects.get(recipe=k["stew"])
    assert (line.ingredient.name, line.quantity) == ("salt", "1 pinch")
    assert [i.name for i in k["stew"].ingredients.all()] == ["salt"]


def test_an_ingredient_lists_its_recipes_as_recipes():
    k = make_kitchen()
    assert hasattr(k["flour"], "recipes"), "Ingredient has no `recipes`: set related_name on Recipe.ingredients"
    assert sorted(r.title for r in k["flour"].recipes.all()) == ["Bread", "Pancakes", "Sponge cake"]
    assert sorted(r.title for r in k["milk"].recipes.all()) == ["Pancakes"]


def test_deleting_a_recipe_deletes_its_lines_but_not_the_ingredients():
    k = make_kitchen()
    k["cake"].delete()
    assert RecipeIngredient.objects.count() == 6
    assert Ingredient.objects.count() == 5
    assert [r.title for r in k["sugar"].recipes.all()] == []


@pytest.mark.hidden
def test_an_ingredient_still_in_a_recipe_cannot_be_deleted():
    """Deleting an ingredient that a recipe still uses must be refused (and keep everything)."""
    k = make_kitchen()
    with pytest.raises(ProtectedError):
        k["milk"].delete()
    assert Ingredient.objects.filter(name="milk").exists()
    assert k["pancakes"].shopping_list() == [("egg", "2"), ("flour", "200 g"), ("milk", "300 ml")]


def test_an_unused_ingredient_can_be_deleted():
    make_kitchen()
    Ingredient.objects.create(name="saffron").delete()
    assert not Ingredient.objects.filter(name="saffron").exists()


def test_tag_names_are_sorted():
    k = make_kitchen()
    assert k["pancakes"].tag_names() == ["breakfast", "quick", "vegetarian"]
    assert k["bread"].tag_names() == ["baking", "vegetarian"]


def test_tag_names_of_a_recipe_without_tags_is_an_empty_list():
    k = make_kitchen()
    assert k["stew"].tag_names() == []


def test_shopping_list_is_sorted_by_ingredient():
    k = make_kitchen()
    expected = [("butter", "250 g"), ("egg", "4"), ("flour", "250 g"), ("sugar", "200 g")]
    assert k["cake"].shopping_list() == expected
    assert k["omelette"].shopping_list() == [("butter", "10 g"), ("egg", "3")]
    assert k["stew"].shopping_list() == []


def test_similar_recipes_share_at_least_one_tag():
    k = make_kitchen()
    assert titles(k["bread"].similar()) == ["Pancakes", "Sponge cake"]


def test_similar_leaves_out_the_recipe_itself():
    k = make_kitchen()
    assert "Omelette" not in titles(k["omelette"].similar())
    assert titles(k["omelette"].similar()) == ["Pancakes"]


@pytest.mark.hidden
def test_similar_lists_each_recipe_once():
    """A recipe that shares two or three tags must still appear only once in similar()."""
    k = make_kitchen()
    assert titles(k["pancakes"].similar()) == ["Bread", "Omelette", "Sponge cake"]


def test_a_recipe_without_tags_has_no_similar_recipes():
    k = make_kitchen()
    assert titles(k["stew"].similar()) == []


def test_similar_returns_a_queryset():
    k = make_kitchen()
    result = k["pancakes"].similar()
    assert isinstance(result, QuerySet)
    assert result.model == Recipe
