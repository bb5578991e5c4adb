import pytest

from notes.models import Note

pytestmark = pytest.mark.django_db


def make_notes():
    return {
        title: Note.objects.create(title=title, body=body)
        for title, body in [
            ("Shopping", "Milk, eggs, bread"),
            ("Ideas", "A bank of exercises"),
            ("Books to read", ""),
        ]
    }


def json_of(response, status=200):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_list_of_no_notes_is_empty(client):
    assert json_of(client.get("/notes/")) == {"notes": []}


def test_the_list_gives_id_and_title_by_title(client):
    notes = make_notes()
    expected = [{"id": notes[t].pk, "title": t} for t in ("Books to read", "Ideas", "Shopping")]
    assert json_of(client.get("/notes/")) == {"notes": expected}


def test_a_note_in_detail(client):
    note = make_notes()["Shopping"]
    assert json_of(client.get(f"/notes/{note.pk}/")) == {"id": note.pk, "title": "Shopping", "body": "Milk, eggs, bread"}


def test_an_unknown_note_is_404(client):
    make_notes()
    assert client.get("/notes/999/").status_code == 404


def test_post_creates_a_note(client):
    response = client.post("/notes/", {"title": "Call Ada", "body": "About the engine"})
    data = json_of(response, 201)
    note = Note.objects.get()
    assert data == {"id": note.pk, "title": "Call Ada", "body": "About the engine"}
    assert response["Location"] == f"/notes/{note.pk}/"


def test_post_without_a_body_and_with_spaces_around_the_title(client):
    data = json_of(client.post("/notes/", {"title": "  Call Ada  "}), 201)
    assert (data["title"], data["body"]) == ("Call Ada", "")
    assert Note.objects.get().title == "Call Ada"


@pytest.mark.parametrize("title", ["", "   "])
def test_a_note_needs_a_title(client, title):
    data = json_of(client.post("/notes/", {"title": title, "body": "text"}), 400)
    assert data == {"errors": {"title": "This field is required."}}
    assert Note.objects.count() == 0


def test_a_note_without_any_fields_needs_a_title(client):
    data = json_of(client.post("/notes/"), 400)
    assert data == {"errors": {"title": "This field is required."}}


def test_a_title_of_more_than_100_characters_is_refused(client):
    data = json_of(client.post("/notes/", {"title": "x" * 101}), 400)
    assert data == {"errors": {"title": "At most 100 characters."}}
    assert Note.objects.count() == 0
    json_of(client.post("/notes/", {"title": "x" * 100}), 201)


def test_delete_removes_the_note(client):
    notes = make_notes()
    response = client.delete(f"/notes/{notes['Ideas'].pk}/")
    assert (response.status_code, response.content) == (204, b"")
    assert sorted(Note.objects.values_list("title", flat=True)) == ["Books to read", "Shopping"]


def test_deleting_an_unknown_note_is_404(client):
    make_notes()
    assert client.delete("/notes/999/").status_code == 404
    assert Note.objects.count() == 3


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_on_the_list_are_not_allowed(client, method):
    make_notes()
    response = getattr(client, method)("/notes/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    assert Note.objects.count() == 3


@pytest.mark.hidden
@pytest.mark.parametrize("method", ["post", "put", "patch"])
def test_other_methods_on_a_note_are_not_allowed(client, method):
    """A note's URL accepts only GET and DELETE; any other method must get 405 with an Allow header, changing nothing."""
    note = make_notes()["Ideas"]
    response = getattr(client, method)(f"/notes/{note.pk}/", {"title": "Changed"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, DELETE"
    assert Note.objects.get(pk=note.pk).title == "Ideas"
