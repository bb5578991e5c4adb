# TODO(author): the tests. Every def test_... must report a result, or the run
# is an error. pytest-django's fixtures are there: client (the test client),
# django_assert_num_queries, rf, admin_client. A test marked hidden shows
# only its name and its docstring's first line, which should be a hint.
import pytest

from scaffold_module.models import Author, Book

pytestmark = pytest.mark.django_db


def make_books():
    herbert = Author.objects.create(name="Frank Herbert")
    le_guin = Author.objects.create(name="Ursula K. Le Guin")
    Book.objects.create(title="Dune", author=herbert)
    Book.objects.create(title="A Wizard of Earthsea", author=le_guin)


def test_the_list_gives_each_book_and_its_author_by_title(client):
    make_books()
    response = client.get("/books/")
    assert response.status_code == 200
    assert response.json() == {"books": [
        {"title": "A Wizard of Earthsea", "author": "Ursula K. Le Guin"},
        {"title": "Dune", "author": "Frank Herbert"},
    ]}


def test_no_books_give_an_empty_list(client):
    assert client.get("/books/").json() == {"books": []}


@pytest.mark.hidden
def test_one_query_however_many_books(client, django_assert_num_queries):
    """The list should take one query, authors included: look at select_related()."""
    make_books()
    for i in range(20):
        Book.objects.create(title=f"Book {i}", author=Author.objects.create(name=f"Author {i}"))
    with django_assert_num_queries(1):
        response = client.get("/books/")
    assert len(response.json()["books"]) == 22
