import pytest
from django.contrib.auth.models import AnonymousUser, User
from rest_framework.permissions import BasePermission
from rest_framework.test import APIClient

from drillkit import learnerside
from recipes.models import Recipe
from recipes.permissions import IsOwnerOrReadOnly

pytestmark = pytest.mark.django_db


def kitchen():
    """Alice's and Bob's recipes: (alice, bob, pancakes (Alice's), chili (Bob's))."""
    alice = User.objects.create_user("alice", password="correct-horse")
    bob = User.objects.create_user("bob", password="correct-horse")
    pancakes = Recipe.objects.create(owner=alice, title="Pancakes", body="Flour, milk, eggs.")
    chili = Recipe.objects.create(owner=bob, title="Chili", body="Beans, lots of them.")
    return alice, bob, pancakes, chili


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def allowed(method, user, recipe):
    # A stand-in request, made where the learner's permission class runs.
    request = learnerside.module("types").SimpleNamespace(method=method, user=user)
    return IsOwnerOrReadOnly().has_object_permission(request, None, recipe)


def unchanged(recipe):
    before = (recipe.title, recipe.body, recipe.likes)
    recipe.refresh_from_db()
    return (recipe.title, recipe.body, recipe.likes) == before


def verdicts(methods, recipe, people):
    """Which of these requests IsOwnerOrReadOnly allows, as "METHOD by who"."""
    return sorted(
        f"{method} by {who}"
        for method in methods
        for who, user in people
        if allowed(method, user, recipe)
    )


def test_is_owner_or_read_only_lets_anyone_read():
    alice, bob, pancakes, _ = kitchen()
    assert issubclass(IsOwnerOrReadOnly, BasePermission)
    people = [("alice", alice), ("bob", bob), ("nobody", AnonymousUser())]
    assert verdicts(["GET", "HEAD", "OPTIONS"], pancakes, people) == [
        "GET by alice", "GET by bob", "GET by nobody",
        "HEAD by alice", "HEAD by bob", "HEAD by nobody",
        "OPTIONS by alice", "OPTIONS by bob", "OPTIONS by nobody",
    ]


def test_is_owner_or_read_only_lets_only_the_owner_write():
    alice, bob, pancakes, _ = kitchen()
    people = [("alice", alice), ("bob", bob), ("nobody", AnonymousUser())]
    assert verdicts(["PUT", "PATCH", "DELETE"], pancakes, people) == [
        "DELETE by alice", "PATCH by alice", "PUT by alice",
    ]


def test_anyone_can_list_and_read_recipes():
    _, _, pancakes, chili = kitchen()
    client = client_for(None)
    response = client.get("/api/recipes/")
    assert response.status_code == 200
    assert [(r["title"], r["owner"]) for r in response.json()] == [("Pancakes", "alice"), ("Chili", "bob")]
    response = client.get(f"/api/recipes/{chili.pk}/")
    assert response.status_code == 200
    assert response.json() == {
        "id": chili.pk, "owner": "bob", "title": "Chili", "body": "Beans, lots of them.", "likes": 0
    }


def test_anonymous_visitors_cannot_create_a_recipe():
    kitchen()
    response = client_for(None).post("/api/recipes/", {"title": "Toast"}, format="json")
    assert response.status_code == 401
    assert Recipe.objects.count() == 2


def test_a_new_recipe_belongs_to_whoever_wrote_it():
    alice, bob, _, _ = kitchen()
    response = client_for(bob).post(
        "/api/recipes/", {"title": "Toast", "body": "Bread, heat.", "owner": "alice"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["owner"] == "bob"
    assert Recipe.objects.get(title="Toast").owner == bob


def test_the_owner_can_change_and_delete_their_recipe():
    alice, _, pancakes, _ = kitchen()
    client = client_for(alice)
    url = f"/api/recipes/{pancakes.pk}/"
    response = client.patch(url, {"title": "Fluffy pancakes"}, format="json")
    assert (response.status_code, response.json()["title"]) == (200, "Fluffy pancakes")
    response = client.put(url, {"title": "Crêpes", "body": "Thinner."}, format="json")
    assert (response.status_code, response.json()["body"]) == (200, "Thinner.")
    assert client.delete(url).status_code == 204
    assert Recipe.objects.filter(pk=pancakes.pk).exists() is False


def test_someone_else_cannot_change_a_recipe():
    _, bob, pancakes, _ = kitchen()
    client = client_for(bob)
    url = f"/api/recipes/{pancakes.pk}/"
    assert client.patch(url, {"title": "Bob's pancakes"}, format="json").status_code == 403
    assert client.put(url, {"title": "Bob's pancakes", "body": "Mine now."}, format="json").status_code == 403
    assert unchanged(pancakes) is True


@pytest.mark.hidden
def test_someone_else_cannot_delete_a_recipe():
    """Deleting is writing too: only the owner may delete a recipe, others get 403."""
    _, bob, pancakes, _ = kitchen()
    assert client_for(bob).delete(f"/api/recipes/{pancakes.pk}/").status_code == 403
    assert Recipe.objects.filter(pk=pancakes.pk).exists() is True


def test_anonymous_visitors_cannot_change_or_delete():
    _, _, pancakes, _ = kitchen()
    client = client_for(None)
    url = f"/api/recipes/{pancakes.pk}/"
    assert client.patch(url, {"title": "Nobody's"}, format="json").status_code == 401
    assert client.delete(url).status_code == 401
    assert unchanged(pancakes) is True


def test_a_missing_recipe_is_404():
    alice, _, _, _ = kitchen()
    assert client_for(alice).patch("/api/recipes/999/", {"title": "x"}, format="json").status_code == 404


def test_likes_cannot_be_set_by_hand():
    alice, _, pancakes, _ = kitchen()
    client_for(alice).patch(f"/api/recipes/{pancakes.pk}/", {"likes": 1000}, format="json")
    pancakes.refresh_from_db()
    assert pancakes.likes == 0


def test_any_logged_in_user_can_like_any_recipe():
    alice, bob, pancakes, _ = kitchen()
    response = client_for(bob).post(f"/api/recipes/{pancakes.pk}/like/")
    assert response.status_code == 200
    assert response.json()["likes"] == 1
    assert client_for(alice).post(f"/api/recipes/{pancakes.pk}/like/").json()["likes"] == 2
    pancakes.refresh_from_db()
    assert pancakes.likes == 2


def test_anonymous_visitors_cannot_like():
    _, _, pancakes, _ = kitchen()
    assert client_for(None).post(f"/api/recipes/{pancakes.pk}/like/").status_code == 401
    assert unchanged(pancakes) is True
