import pytest

from recipes.models import Recipe
from testdata import api, make_recipe, make_user

pytestmark = pytest.mark.django_db


def test_step4_the_owner_changes_a_recipe():
    ada = make_user()
    recipe = make_recipe(ada, "Pancakes", minutes=20)
    response = api(ada).patch(f"/api/recipes/{recipe.id}/", {"minutes": 25})
    assert response.status_code == 200
    recipe.refresh_from_db()
    assert (recipe.title, recipe.minutes) == ("Pancakes", 25)
    assert response.json()["minutes"] == 25


def test_step4_the_owner_replaces_a_recipe():
    ada = make_user()
    recipe = make_recipe(ada, "Pancakes")
    new = {"title": "Crepes", "ingredients": "flour, milk, eggs, butter", "minutes": 30, "public": False}
    assert api(ada).put(f"/api/recipes/{recipe.id}/", new).status_code == 200
    recipe.refresh_from_db()
    assert (recipe.title, recipe.minutes, recipe.public, recipe.owner) == ("Crepes", 30, False, ada)


def test_step4_the_owner_deletes_a_recipe():
    ada = make_user()
    recipe = make_recipe(ada)
    assert api(ada).delete(f"/api/recipes/{recipe.id}/").status_code == 204
    assert Recipe.objects.count() == 0


@pytest.mark.hidden
def test_step4_nobody_else_changes_or_deletes_a_recipe():
    """Somebody else's public recipe may be read but not changed or deleted (403): an object permission that compares the owner."""
    ada, bob = make_user("ada"), make_user("bob")
    recipe = make_recipe(ada, "Pancakes", minutes=20)
    assert api(bob).get(f"/api/recipes/{recipe.id}/").status_code == 200
    assert api(bob).patch(f"/api/recipes/{recipe.id}/", {"minutes": 1}).status_code == 403
    assert api(bob).put(
        f"/api/recipes/{recipe.id}/", {"title": "Mine", "ingredients": "x", "minutes": 1}
    ).status_code == 403
    assert api(bob).delete(f"/api/recipes/{recipe.id}/").status_code == 403
    recipe.refresh_from_db()
    assert (recipe.title, recipe.minutes) == ("Pancakes", 20)


def test_step4_anonymous_visitors_change_nothing():
    recipe = make_recipe(make_user(), "Pancakes", minutes=20)
    assert api().patch(f"/api/recipes/{recipe.id}/", {"minutes": 1}).status_code == 401
    assert api().delete(f"/api/recipes/{recipe.id}/").status_code == 401
    recipe.refresh_from_db()
    assert recipe.minutes == 20


def test_step4_the_owner_cannot_be_changed():
    ada, bob = make_user("ada"), make_user("bob")
    recipe = make_recipe(ada)
    response = api(ada).patch(f"/api/recipes/{recipe.id}/", {"owner": bob.id, "minutes": 30})
    assert response.status_code == 200
    assert response.json()["owner"] == "ada"
    recipe.refresh_from_db()
    assert recipe.owner == ada
