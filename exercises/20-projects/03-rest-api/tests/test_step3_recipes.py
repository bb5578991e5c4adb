import pytest

from recipes.models import Recipe
from testdata import api, make_recipe, make_user, recipe_json

pytestmark = pytest.mark.django_db

NEW = {"title": "Omelette", "ingredients": "eggs, butter", "minutes": 10}


def test_step3_anybody_lists_the_public_recipes_newest_first():
    ada, bob = make_user("ada"), make_user("bob")
    first = make_recipe(ada, "Pancakes")
    make_recipe(bob, "Secret sauce", public=False)
    second = make_recipe(bob, "Soup")
    response = api().get("/api/recipes/")
    assert response.status_code == 200
    assert response.json() == [recipe_json(second), recipe_json(first)]


def test_step3_a_user_also_sees_their_own_private_recipes():
    ada, bob = make_user("ada"), make_user("bob")
    make_recipe(ada, "Pancakes")
    make_recipe(ada, "Family secret", public=False)
    make_recipe(bob, "Secret sauce", public=False)
    titles = [r["title"] for r in api(ada).get("/api/recipes/").json()]
    assert titles == ["Family secret", "Pancakes"]


def test_step3_max_minutes_keeps_the_quick_recipes():
    ada = make_user()
    make_recipe(ada, "Stew", minutes=180)
    make_recipe(ada, "Toast", minutes=5)
    make_recipe(ada, "Pasta", minutes=15)
    titles = [r["title"] for r in api().get("/api/recipes/?max_minutes=15").json()]
    assert titles == ["Pasta", "Toast"]


def test_step3_a_user_creates_a_recipe_they_own():
    ada, bob = make_user("ada"), make_user("bob")
    response = api(ada).post("/api/recipes/", {**NEW, "owner": bob.id})
    assert response.status_code == 201
    recipe = Recipe.objects.get()
    assert recipe.owner == ada
    assert response.json() == recipe_json(recipe)


def test_step3_anonymous_visitors_cannot_create_recipes():
    response = api().post("/api/recipes/", NEW)
    assert response.status_code == 401
    assert Recipe.objects.count() == 0


def test_step3_an_invalid_recipe_is_refused():
    response = api(make_user()).post("/api/recipes/", {**NEW, "minutes": 0})
    assert response.status_code == 400
    assert "minutes" in response.json()
    assert Recipe.objects.count() == 0


def test_step3_anybody_reads_a_public_recipe():
    recipe = make_recipe(make_user())
    response = api().get(f"/api/recipes/{recipe.id}/")
    assert response.status_code == 200
    assert response.json() == recipe_json(recipe)


@pytest.mark.hidden
def test_step3_somebody_elses_private_recipe_is_not_found():
    """Private recipes must be invisible to everybody but their owner: 404, in the list and by id."""
    ada, bob = make_user("ada"), make_user("bob")
    secret = make_recipe(ada, "Family secret", public=False)
    assert api(bob).get(f"/api/recipes/{secret.id}/").status_code == 404
    assert api().get(f"/api/recipes/{secret.id}/").status_code == 404
    assert api(bob).get("/api/recipes/").json() == []
    assert api(ada).get(f"/api/recipes/{secret.id}/").status_code == 200


def test_step3_a_missing_recipe_is_404():
    recipe = make_recipe(make_user())
    assert api().get(f"/api/recipes/{recipe.id}/").status_code == 200
    assert api().get("/api/recipes/999/").status_code == 404
