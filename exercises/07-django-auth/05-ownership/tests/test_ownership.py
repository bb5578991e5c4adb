import pytest
from django.contrib.auth.models import User
from django.test import Client

from notes.models import Note

pytestmark = pytest.mark.django_db


def people():
    """Alice and Bob, each with two notes, and a logged-in client for each."""
    alice = User.objects.create_user("alice", password="correct-horse")
    bob = User.objects.create_user("bob", password="correct-horse")
    Note.objects.create(owner=alice, title="Shopping", body="milk, eggs")
    Note.objects.create(owner=bob, title="Bob's secret", body="the safe code is 1234")
    Note.objects.create(owner=alice, title="Ideas", body="")
    Note.objects.create(owner=bob, title="Passwords", body="do not share")
    return client_for(alice), client_for(bob)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def note(title):
    return Note.objects.get(title=title)


def titles(client):
    response = client.get("/notes/")
    assert response.status_code == 200
    return [n["title"] for n in response.json()["notes"]]


def test_the_list_shows_only_my_own_notes():
    alice, bob = people()
    assert titles(alice) == ["Shopping", "Ideas"]
    assert titles(bob) == ["Bob's secret", "Passwords"]


def test_a_new_note_belongs_to_whoever_wrote_it():
    alice, bob = people()
    response = alice.post("/notes/", {"title": "Call mum", "body": "Sunday", "owner": "2"})
    assert response.status_code == 201
    created = note("Call mum")
    assert response.json() == {"id": created.pk, "title": "Call mum", "body": "Sunday"}
    assert created.owner.username == "alice"
    assert titles(alice) == ["Shopping", "Ideas", "Call mum"]
    assert titles(bob) == ["Bob's secret", "Passwords"]


def test_a_note_without_a_title_is_refused():
    alice, _ = people()
    assert alice.post("/notes/", {"title": "  "}).status_code == 400
    assert Note.objects.count() == 4


def test_i_can_read_my_own_note():
    alice, _ = people()
    shopping = note("Shopping")
    response = alice.get(f"/notes/{shopping.pk}/")
    assert response.status_code == 200
    assert response.json() == {"id": shopping.pk, "title": "Shopping", "body": "milk, eggs"}


def test_someone_elses_note_is_not_found():
    alice, _ = people()
    secret = note("Bob's secret")
    response = alice.get(f"/notes/{secret.pk}/")
    assert response.status_code == 404
    assert "1234" not in response.content.decode()


def test_a_note_that_does_not_exist_is_not_found_either():
    alice, _ = people()
    assert alice.get("/notes/999/").status_code == 404


def test_i_can_edit_my_own_note():
    alice, _ = people()
    ideas = note("Ideas")
    response = alice.post(f"/notes/{ideas.pk}/", {"body": "a drill for Django"})
    assert response.status_code == 200
    assert response.json() == {"id": ideas.pk, "title": "Ideas", "body": "a drill for Django"}
    ideas.refresh_from_db()
    assert ideas.body == "a drill for Django"


def test_editing_someone_elses_note_is_not_found_and_changes_nothing():
    alice, _ = people()
    secret = note("Passwords")
    response = alice.post(f"/notes/{secret.pk}/", {"title": "Hacked", "body": "ha ha"})
    assert response.status_code == 404
    secret.refresh_from_db()
    assert (secret.title, secret.body, secret.owner.username) == ("Passwords", "do not share", "bob")


def test_i_can_delete_my_own_note():
    alice, _ = people()
    response = alice.post(f"/notes/{note('Shopping').pk}/delete/")
    assert response.status_code == 204
    assert titles(alice) == ["Ideas"]


@pytest.mark.hidden
def test_deleting_someone_elses_note_is_not_found_and_deletes_nothing():
    """Every view that takes a note's id must check its owner: deleting too."""
    alice, bob = people()
    response = alice.post(f"/notes/{note('Passwords').pk}/delete/")
    assert response.status_code == 404
    assert titles(bob) == ["Bob's secret", "Passwords"]


def test_deleting_needs_a_post():
    alice, _ = people()
    assert alice.get(f"/notes/{note('Shopping').pk}/delete/").status_code == 405
    assert Note.objects.count() == 4


def test_visitors_who_are_not_logged_in_are_sent_to_log_in(client):
    people()
    pk = note("Shopping").pk
    for url in ["/notes/", f"/notes/{pk}/", f"/notes/{pk}/delete/"]:
        response = client.post(url)
        assert (url, response.status_code, response["Location"]) == (url, 302, f"/login/?next={url}")
    assert Note.objects.count() == 4
